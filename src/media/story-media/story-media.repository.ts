import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { LintFinding } from '../../drafting/lint/lint-finding';

export interface LockedStoryRow {
  status: string;
  unitId: string;
}

export interface DraftLintRow {
  channel: string;
  title: string | null;
  body: string;
  lint: LintFinding[];
}

/** SQL of a story's photo list (story_media) and of re-linting its drafts; always in the caller's transaction. */
@Injectable()
export class StoryMediaRepository {
  async lockStory(manager: EntityManager, storyId: string): Promise<LockedStoryRow | null> {
    const [row] = await manager.query(`SELECT status, unit_id AS "unitId" FROM story WHERE id = $1 FOR UPDATE`, [storyId]);
    return (row as LockedStoryRow | undefined) ?? null;
  }

  async replaceList(manager: EntityManager, storyId: string, mediaIds: string[]): Promise<void> {
    await manager.query(`DELETE FROM story_media WHERE story_id = $1`, [storyId]);
    if (mediaIds.length === 0) return;
    await manager.query(
      `INSERT INTO story_media (story_id, media_id, position) SELECT $1, t.id, t.n - 1 FROM unnest($2::uuid[]) WITH ORDINALITY AS t(id, n)`,
      [storyId, mediaIds],
    );
  }

  async count(manager: EntityManager, storyId: string): Promise<number> {
    const [row] = await manager.query(`SELECT count(*)::int AS n FROM story_media WHERE story_id = $1`, [storyId]);
    return (row as { n: number }).n;
  }

  drafts(manager: EntityManager, storyId: string): Promise<DraftLintRow[]> {
    return manager.query(`SELECT channel, title, body, lint FROM draft WHERE story_id = $1`, [storyId]);
  }

  async setLint(manager: EntityManager, storyId: string, channels: string[], lints: LintFinding[][]): Promise<void> {
    if (channels.length === 0) return;
    await manager.query(
      `UPDATE draft d SET lint = t.lint::jsonb FROM unnest($2::text[], $3::text[]) AS t(channel, lint) WHERE d.story_id = $1 AND d.channel = t.channel`,
      [storyId, channels, lints.map((l) => JSON.stringify(l))],
    );
  }
}
