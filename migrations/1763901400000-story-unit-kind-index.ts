import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Drafting a new story compares its release with the last 50 of the same unit and kind
 * (near-duplicate lint). Without an index on (unit_id, kind, created_at) PostgreSQL read every
 * story of the unit to find them: about 5 ms per intake once a unit had a thousand stories, half
 * of the database's work for a complaint (pg_stat_statements under bench/intake.bench.js).
 * story_unit_idx (unit_id, status) goes: story_unit_status_idx (unit_id, status, created_at)
 * starts with the same columns and serves every query it served, and one index fewer is less
 * work for every story written.
 */
export class StoryUnitKindIndex1763901400000 implements MigrationInterface {
  name = 'StoryUnitKindIndex1763901400000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE INDEX story_unit_kind_created_idx ON story (unit_id, kind, created_at DESC)`);
    await db.query(`DROP INDEX story_unit_idx`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`CREATE INDEX story_unit_idx ON story (unit_id, status)`);
    await db.query(`DROP INDEX story_unit_kind_created_idx`);
  }
}
