import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/** What the gate reads of one story: its public strings, its citizens, its releases. */
export interface GateRow {
  id: string;
  unit_id: string;
  title: string;
  slug: string;
  sensitive: boolean;
  public_numbers: string[];
  drafts: { channel: string; title: string | null; body: string }[] | null;
  alts: (string | null)[] | null;
  citizen_name: string | null;
  citizen_phone: string | null;
  citizen_email: string | null;
  citizen_nik: string | null;
  consent_level: string | null;
  role_word: string;
  location: { subdistrict?: string; district?: string; city?: string } | null;
  released: string[] | null;
}

export interface ReleaseRow {
  storyId: string;
  surface: string;
  field: string;
  textSha256: string;
  reason: string;
  releasedBy: string;
}

/** The gate's reads and writes; the citizens' data it reads never leaves the gate's check. */
@Injectable()
export class PublishGateRepository {
  /** Stories with the drafts of `channels`, their photos' alt texts, citizens and releases, in one statement. */
  load(manager: EntityManager, storyIds: readonly string[], channels: readonly string[]): Promise<GateRow[]> {
    return manager.query(
      `SELECT s.id, s.unit_id, s.title, s.slug, s.sensitive, u.public_numbers,
              (SELECT json_agg(json_build_object('channel', d.channel, 'title', d.title, 'body', d.body))
                 FROM draft d WHERE d.story_id = s.id AND d.channel = ANY($2::text[])) AS drafts,
              (SELECT json_agg(m.alt ORDER BY sm.position) FROM story_media sm JOIN media m ON m.id = sm.media_id WHERE sm.story_id = s.id) AS alts,
              cc.name AS citizen_name, cc.phone AS citizen_phone, cc.email AS citizen_email, cc.nik AS citizen_nik,
              COALESCE(c.consent_level, f.consent_level) AS consent_level,
              CASE WHEN s.kind = 'feedback' THEN 'warga' ELSE 'pelapor' END AS role_word,
              c.location,
              (SELECT json_agg(r.surface || '|' || r.field || '|' || encode(r.text_sha256, 'hex')) FROM privacy_release r WHERE r.story_id = s.id) AS released
         FROM story s
         JOIN unit u ON u.id = s.unit_id
         LEFT JOIN complaint c ON s.kind = 'complaint' AND c.id = s.source_id
         LEFT JOIN feedback f ON s.kind = 'feedback' AND f.id = s.source_id
         LEFT JOIN citizen_contact cc ON cc.source_type = s.kind AND cc.source_id = s.source_id
        WHERE s.id = ANY($1::uuid[])`,
      [storyIds, channels],
    );
  }

  async release(manager: EntityManager, rows: readonly ReleaseRow[]): Promise<void> {
    if (rows.length === 0) return;
    await manager.query(
      `INSERT INTO privacy_release (story_id, surface, field, text_sha256, reason, released_by)
       SELECT t.story_id, t.surface, t.field, decode(t.sha, 'hex'), t.reason, t.released_by
         FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::uuid[]) AS t(story_id, surface, field, sha, reason, released_by)
       ON CONFLICT (story_id, surface, field, text_sha256) DO NOTHING`,
      [rows.map((r) => r.storyId), rows.map((r) => r.surface), rows.map((r) => r.field), rows.map((r) => r.textSha256), rows.map((r) => r.reason),
        rows.map((r) => r.releasedBy)],
    );
  }

  /** What holds the story (classes and fields only), or null once nothing does. */
  async setHold(manager: EntityManager, storyId: string, hold: { surface: string; field: string; class: string }[] | null): Promise<void> {
    await manager.query(`UPDATE story SET privacy_hold = $2 WHERE id = $1`, [storyId, hold ? JSON.stringify(hold) : null]);
  }

  /** Held publications of a story become due again; returns their channels. */
  async requeueHeld(manager: EntityManager, storyId: string, now: Date): Promise<string[]> {
    const rows: { channel: string }[] = await manager.query(
      `UPDATE publication SET status = 'scheduled', due_at = $2, last_error = NULL, updated_at = $2 WHERE story_id = $1 AND status = 'held' RETURNING channel`,
      [storyId, now],
    );
    return rows.map((r) => r.channel);
  }
}
