import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Drafts per story and channel, every earlier revision, and template overrides with versions. */
export class Drafting1763900400000 implements MigrationInterface {
  name = 'Drafting1763900400000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE draft (
        story_id         uuid NOT NULL REFERENCES story (id),
        channel          text NOT NULL CHECK (channel IN ('website', 'x', 'instagram', 'facebook', 'tiktok', 'whatsapp', 'telegram')),
        title            text,
        body             text NOT NULL,
        revision         integer NOT NULL DEFAULT 1,
        template_key     text NOT NULL,
        template_version integer NOT NULL,
        variant          integer NOT NULL DEFAULT 0,
        lint             jsonb NOT NULL DEFAULT '[]',
        -- true once a person changed it: regeneration keeps it unless asked explicitly
        edited           boolean NOT NULL DEFAULT false,
        updated_by       uuid REFERENCES app_user (id),
        updated_at       timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (story_id, channel)
      )`);
    await db.query(`
      CREATE TABLE draft_revision (
        id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        story_id     uuid NOT NULL,
        channel      text NOT NULL,
        revision     integer NOT NULL,
        title        text,
        body         text NOT NULL,
        source       text NOT NULL CHECK (source IN ('template', 'edit')),
        template_key text,
        template_version integer,
        changed_by   uuid REFERENCES app_user (id),
        changed_at   timestamptz NOT NULL DEFAULT now(),
        UNIQUE (story_id, channel, revision),
        FOREIGN KEY (story_id, channel) REFERENCES draft (story_id, channel)
      )`);
    await db.query(`
      CREATE TABLE template_override (
        id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        key        text NOT NULL CHECK (key ~ '^(complaint|feedback|achievement)/(website|x|instagram|facebook|tiktok|whatsapp|telegram)$'),
        unit_id    uuid REFERENCES unit (id),
        body       text NOT NULL CHECK (length(body) <= 20000),
        version    integer NOT NULL,
        author_id  uuid REFERENCES app_user (id),
        active     boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    // One version number sequence per key and unit; the global override has unit_id NULL.
    // four eyes: whoever last edited a draft may not give the approval it needs
    await db.query(`ALTER TABLE story ADD COLUMN last_edited_by uuid REFERENCES app_user (id)`);
    await db.query(`CREATE UNIQUE INDEX template_override_version_key ON template_override (key, COALESCE(unit_id, '00000000-0000-0000-0000-000000000000'::uuid), version)`);
    await db.query(`CREATE INDEX template_override_active_idx ON template_override (key, unit_id) WHERE active`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE template_override`);
    await db.query(`ALTER TABLE story DROP COLUMN last_edited_by`);
    await db.query(`DROP TABLE draft_revision`);
    await db.query(`DROP TABLE draft`);
  }
}
