import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Which variant of each template and partial a story's drafts used (issue 18). Drafting a new
 * story reads the choices of the unit's last few stories of the same kind and category and picks
 * other variants, so that two releases of one unit do not read word for word alike; a
 * regeneration keeps the story's own choices. Read through story_unit_kind_created_idx.
 */
export class StoryVariantChoices1764200000000 implements MigrationInterface {
  name = 'StoryVariantChoices1764200000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE story ADD COLUMN variant_choices jsonb NOT NULL DEFAULT '{}'`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE story DROP COLUMN variant_choices`);
  }
}
