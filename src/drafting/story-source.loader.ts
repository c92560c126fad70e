import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ProblemException } from '../common/problem/problem.exception';
import type { StorySource, UnitRow } from './view-model/story-source';

export interface LoadedSource extends StorySource {
  /** The story's unit and its parents, nearest first: where template overrides are looked up. */
  unitIds: string[];
}

/** Loads the rows a story is drafted from, through the caller's manager (inside its transaction). */
@Injectable()
export class StorySourceLoader {
  async load(manager: EntityManager, storyId: string): Promise<LoadedSource> {
    const [story] = await manager.query(
      `SELECT s.id, s.kind, s.title, s.slug, s.source_id, u.path
         FROM story s JOIN unit u ON u.id = s.unit_id WHERE s.id = $1`,
      [storyId],
    );
    if (!story) throw ProblemException.notFound('Story');
    const unitIds: string[] = [...story.path].reverse();
    const unitRows: (UnitRow & { id: string })[] = await manager.query(
      `SELECT id, name, level, city, timezone, handles, hashtags FROM unit WHERE id = ANY($1)`,
      [unitIds],
    );
    const units = unitIds.map((id) => unitRows.find((u) => u.id === id)!);
    const source: LoadedSource = {
      story: { id: story.id, kind: story.kind, title: story.title, slug: story.slug },
      units,
      unitIds,
      media: await this.mediaOf(manager, storyId),
    };
    const [row] = await manager.query(`SELECT * FROM ${story.kind} WHERE id = $1`, [story.source_id]);
    if (story.kind === 'complaint') source.complaint = row;
    if (story.kind === 'feedback') source.feedback = row;
    if (story.kind === 'achievement') source.achievement = row;
    return source;
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
