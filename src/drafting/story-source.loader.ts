import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ProblemException } from '../common/problem/problem.exception';
import type { RecentRelease } from './lint/near-duplicate';
import type { OverrideRow } from './templates/template-store';
import type { StorySource, UnitRow } from './view-model/story-source';

/** A complaint, feedback or achievement row as SELECT * (or INSERT ... RETURNING *) gives it. */
export type SourceRow = Record<string, unknown>;

export interface LoadedSource extends StorySource {
  /** The story's unit and its parents, nearest first: where template overrides are looked up. */
  unitIds: string[];
}

/** Everything drafting a story needs besides its templates' code, read in two round trips. */
export interface DraftingInputs extends LoadedSource {
  /** Active template overrides of the story's unit chain and global ones. */
  overrides: OverrideRow[];
  /** Website releases of the same unit and kind since `recentSince`, newest first (at most 50), bodies not read. */
  recent: (RecentRelease & { id: string })[];
  /** This story's own variant choices (kept on regeneration). */
  ownChoices: Record<string, number>;
  /** Variant choices of the unit's last stories of the same kind and category, newest first. */
  recentChoices: Record<string, number>[];
}

const UNITS = `(SELECT json_agg(json_build_object('id', x.id, 'name', x.name, 'level', x.level, 'city', x.city,
                  'timezone', x.timezone, 'handles', x.handles, 'hashtags', x.hashtags))
                  FROM unit x WHERE x.id = ANY(u.path)) AS units`;
const MEDIA = `(SELECT json_build_object('count', count(*)::int, 'alt', (array_agg(m.alt ORDER BY sm.position))[1])
                  FROM story_media sm JOIN media m ON m.id = sm.media_id WHERE sm.story_id = s.id) AS media`;
const OVERRIDES = `(SELECT coalesce(json_agg(json_build_object('id', o.id, 'key', o.key, 'unit_id', o.unit_id, 'body', o.body, 'version', o.version)), '[]')
                  FROM template_override o WHERE o.active AND (o.unit_id IS NULL OR o.unit_id = ANY(u.path))) AS overrides`;
// Releases of the same unit and kind are the ones a reader would find repetitive; comparing with
// every recent release in the country would cost each intake far more than it tells.
const RECENT = `(SELECT coalesce(json_agg(json_build_object('id', r.id, 'title', r.title, 'key', r.id || ':' || r.revision) ORDER BY r.created_at DESC), '[]')
                  FROM (SELECT s2.id, s2.title, d.revision, s2.created_at FROM story s2 JOIN draft d ON d.story_id = s2.id AND d.channel = 'website'
                         WHERE s2.unit_id = s.unit_id AND s2.kind = s.kind AND s2.id <> s.id AND s2.created_at > $2
                         ORDER BY s2.created_at DESC LIMIT 50) r) AS recent`;

// The unit's last stories of the same kind and category (issue 18: no two alike); the
// (unit_id, kind, created_at) index finds them, the category is a filter on a handful of rows.
const RECENT_CHOICES = `(SELECT coalesce(json_agg(v.variant_choices ORDER BY v.created_at DESC), '[]')
                  FROM (SELECT s3.variant_choices, s3.created_at FROM story s3
                         WHERE s3.unit_id = s.unit_id AND s3.kind = s.kind AND s3.category IS NOT DISTINCT FROM s.category AND s3.id <> s.id
                         ORDER BY s3.created_at DESC LIMIT 5) v) AS recent_choices`;

/**
 * Loads the rows a story is drafted from, through the caller's manager (inside its transaction).
 * The story, its unit chain, its photos (and for drafting the overrides and recent releases) come
 * in one statement and the source row in a second: every round trip to PostgreSQL costs an intake
 * about 0.4 ms of CPU on a small VM (bench/intake.bench.js), more than the SQL itself.
 */
@Injectable()
export class StorySourceLoader {
  load(manager: EntityManager, storyId: string): Promise<LoadedSource> {
    return this.read(manager, storyId, null);
  }

  /** `sourceRow`: the source item's row when the caller has just written it (then it is not read again). */
  loadForDrafting(manager: EntityManager, storyId: string, recentSince: Date, sourceRow?: SourceRow): Promise<DraftingInputs> {
    return this.read(manager, storyId, recentSince, sourceRow) as Promise<DraftingInputs>;
  }

  private async read(manager: EntityManager, storyId: string, recentSince: Date | null, sourceRow?: SourceRow): Promise<LoadedSource | DraftingInputs> {
    const drafting = recentSince !== null;
    const [story] = await manager.query(
      `SELECT s.id, s.kind, s.title, s.slug, s.sensitive, s.source_id, u.path, ${UNITS}, ${MEDIA}${drafting ? `, s.variant_choices, ${OVERRIDES}, ${RECENT}, ${RECENT_CHOICES}` : ''}
         FROM story s JOIN unit u ON u.id = s.unit_id WHERE s.id = $1`,
      drafting ? [storyId, recentSince] : [storyId],
    );
    if (!story) throw ProblemException.notFound('Story');
    const unitIds: string[] = [...story.path].reverse();
    const unitRows = story.units as (UnitRow & { id: string })[];
    const source: LoadedSource = {
      story: { id: story.id, kind: story.kind, title: story.title, slug: story.slug, sensitive: story.sensitive === true },
      units: unitIds.map((id) => unitRows.find((u) => u.id === id)!),
      unitIds,
      media: story.media,
    };
    // The source row keeps its column types (dates, bytea) only when read as a row of its own table.
    const row = sourceRow ?? (await manager.query(`SELECT * FROM ${story.kind} WHERE id = $1`, [story.source_id]))[0];
    if (story.kind === 'complaint') source.complaint = row;
    if (story.kind === 'feedback') source.feedback = row;
    if (story.kind === 'achievement') source.achievement = row;
    return drafting
      ? { ...source, overrides: story.overrides, recent: story.recent, ownChoices: story.variant_choices ?? {}, recentChoices: story.recent_choices ?? [] }
      : source;
  }

  /** Photos linked to the story, in their order: how many, and the first one's alt text. */
  async mediaOf(manager: EntityManager, storyId: string): Promise<StorySource['media']> {
    const [row] = await manager.query(
      `SELECT count(*)::int AS count, (array_agg(m.alt ORDER BY sm.position))[1] AS alt
         FROM story_media sm JOIN media m ON m.id = sm.media_id WHERE sm.story_id = $1`,
      [storyId],
    );
    return { count: row.count, alt: row.alt };
  }
}
