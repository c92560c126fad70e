import { createHash, randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { AUDIT, CONTACT, PARTNERS, PICKUPS, PUBLICATIONS, PULLS, SLA_HOURS, type StorySeed, STORIES } from './november-2026';

/** Ids given to the data set's keys (S1, P1, ...). */
export type SeedIds = Record<string, string>;

let slugSeq = 0;

/** Inserts stories (and the complaints behind complaint stories) with fixed timestamps. */
export async function insertStories(db: DataSource, stories: StorySeed[], ids: SeedIds): Promise<void> {
  for (const s of stories) {
    const id = randomUUID();
    const sourceId = randomUUID();
    ids[s.key] = id;
    const [unit] = await db.query(`SELECT id FROM unit WHERE code = $1`, [s.unit]);
    if (s.kind === 'complaint') {
      const resolved = s.resolved ?? s.created;
      await db.query(
        `INSERT INTO complaint (id, unit_id, external_ref, content_hash, category, channel, received_at, resolved_at, location, summary, resolution,
                                consent_level, consent_quote, consent_given_at, consent_method)
         VALUES ($1, $2, $3, $4, 'kemacetan', 'call_center_110', $5::timestamptz - interval '1 hour', $5, '{}', 'Ringkasan.', 'Selesai.', 'none', false, $5, 'lisan')`,
        [sourceId, unit.id, `RPT-${s.key}`, createHash('sha256').update(s.key).digest(), resolved],
      );
    }
    await db.query(
      `INSERT INTO story (id, kind, source_id, unit_id, category, title, slug, status, created_at, updated_at, submitted_at, approved_at, published_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9, $10, $11, $12)`,
      [id, s.kind, sourceId, unit.id, s.kind === 'complaint' ? 'kemacetan' : null, s.title, `laporan-${s.key.toLowerCase()}-${++slugSeq}`,
        s.status, s.created, s.submitted ?? null, s.approved ?? null, s.published ?? null],
    );
  }
}

/** The whole November 2026 data set (test/data/reports/november-2026.ts). */
export async function seedNovember(db: DataSource): Promise<SeedIds> {
  const ids: SeedIds = {};
  for (const [code, hours] of Object.entries(SLA_HOURS)) await db.query(`UPDATE unit SET review_sla_hours = $2 WHERE code = $1`, [code, hours]);
  await insertStories(db, STORIES, ids);
  const [contactSource] = await db.query(`SELECT source_id FROM story WHERE id = $1`, [ids[CONTACT.story]]);
  await db.query(
    `INSERT INTO citizen_contact (source_type, source_id, name, phone, received_at) VALUES ('complaint', $1, $2, $3, now())`,
    [contactSource.source_id, CONTACT.name, CONTACT.phone],
  );
  for (const p of PUBLICATIONS) {
    await db.query(
      `INSERT INTO publication (story_id, channel, mode, status, due_at, published_at) VALUES ($1, $2, $3, $4, $5, $6)`,
      [ids[p.story], p.channel, p.channel === 'website' ? 'internal' : 'manual', p.status, p.due, p.published ?? null],
    );
  }
  for (const e of AUDIT) {
    await db.query(
      `INSERT INTO audit_event (id, at, action, subject_type, subject_id, unit_id, from_state, to_state)
       SELECT gen_random_uuid(), $1, $2, 'story', $3::text, s.unit_id, $4, $5 FROM story s WHERE s.id::text = $3::text`,
      [e.at, e.action, ids[e.story], e.from, e.to],
    );
  }
  for (const p of PARTNERS) {
    const [row] = await db.query(
      `INSERT INTO partner (unit_id, name, kind, feed_token_hash, feed_token_sealed) SELECT id, $2, $3, $4, 'sealed' FROM unit WHERE code = $1 RETURNING id`,
      [p.unit, p.name, p.kind, `hash-${randomUUID()}`],
    );
    ids[p.key] = row.id;
  }
  for (const [i, k] of PICKUPS.entries()) {
    const [item] = await db.query(
      `INSERT INTO partner_item (partner_id, guid, title, text_hash) VALUES ($1, $2, 'Berita mitra', $3) RETURNING id`,
      [ids[k.partner], `item-${i}`, `hash-${i}`],
    );
    await db.query(
      `INSERT INTO pickup (partner_item_id, partner_id, story_id, score, certain, detected_at) VALUES ($1, $2, $3, $4, $5, $6)`,
      [item.id, ids[k.partner], ids[k.story], k.certain ? 1 : 0.8, k.certain, k.at],
    );
  }
  for (const p of PULLS) {
    await db.query(`INSERT INTO partner_pull (partner_id, feed, at, items, not_modified) VALUES ($1, 'rss', $2, $3, $4)`, [ids[p.partner], p.at, p.items, p.notModified]);
  }
  return ids;
}
