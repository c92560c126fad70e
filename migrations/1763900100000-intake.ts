import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Source items (complaints, feedback, achievements), the citizens' personal data kept apart
 * from them, and stories. Free text in source and story rows is already masked; contact data
 * lives only in citizen_contact, which retention erases.
 */
export class Intake1763900100000 implements MigrationInterface {
  name = 'Intake1763900100000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE complaint (
        id               uuid PRIMARY KEY,
        unit_id          uuid NOT NULL REFERENCES unit (id),
        external_ref     text NOT NULL CHECK (length(external_ref) BETWEEN 1 AND 100),
        content_hash     bytea NOT NULL,
        category         text NOT NULL,
        channel          text NOT NULL,
        received_at      timestamptz NOT NULL,
        resolved_at      timestamptz NOT NULL,
        location         jsonb NOT NULL,
        summary          text NOT NULL,
        resolution       text NOT NULL,
        stages           jsonb NOT NULL DEFAULT '[]',
        quote            text,
        consent_level    text NOT NULL CHECK (consent_level IN ('none', 'anonymous', 'initials', 'name')),
        consent_quote    boolean NOT NULL,
        consent_given_at timestamptz NOT NULL,
        consent_method   text NOT NULL,
        -- what consent allows to be published about the person ("Andreas Wibowo", "A.W.", null)
        public_attribution text,
        redactions       jsonb NOT NULL DEFAULT '[]',
        media_ids        uuid[] NOT NULL DEFAULT '{}',
        status           text NOT NULL DEFAULT 'resolved' CHECK (status IN ('resolved', 'reopened')),
        reopened_at      timestamptz,
        reopen_reason    text,
        created_by       uuid REFERENCES app_user (id),
        created_at       timestamptz NOT NULL DEFAULT now(),
        UNIQUE (unit_id, external_ref),
        CHECK (resolved_at >= received_at)
      )`);
    await db.query(`CREATE INDEX complaint_unit_received_idx ON complaint (unit_id, received_at DESC)`);

    await db.query(`
      CREATE TABLE feedback (
        id               uuid PRIMARY KEY,
        unit_id          uuid NOT NULL REFERENCES unit (id),
        service_type     text NOT NULL,
        rating           smallint NOT NULL CHECK (rating BETWEEN 1 AND 5),
        text             text NOT NULL,
        source           text NOT NULL,
        received_at      timestamptz NOT NULL,
        consent_level    text NOT NULL CHECK (consent_level IN ('none', 'anonymous', 'initials', 'name')),
        consent_quote    boolean NOT NULL,
        consent_given_at timestamptz NOT NULL,
        consent_method   text NOT NULL,
        public_attribution text,
        redactions       jsonb NOT NULL DEFAULT '[]',
        media_ids        uuid[] NOT NULL DEFAULT '{}',
        created_by       uuid REFERENCES app_user (id),
        created_at       timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX feedback_unit_received_idx ON feedback (unit_id, received_at DESC)`);

    await db.query(`
      CREATE TABLE achievement (
        id             uuid PRIMARY KEY,
        unit_id        uuid NOT NULL REFERENCES unit (id),
        title          text NOT NULL,
        activity_type  text NOT NULL,
        happened_at    timestamptz NOT NULL,
        location       jsonb NOT NULL,
        participants   jsonb NOT NULL DEFAULT '[]',
        narrative      text NOT NULL,
        quotes         jsonb NOT NULL DEFAULT '[]',
        redactions     jsonb NOT NULL DEFAULT '[]',
        media_ids      uuid[] NOT NULL DEFAULT '{}',
        created_by     uuid REFERENCES app_user (id),
        created_at     timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX achievement_unit_happened_idx ON achievement (unit_id, happened_at DESC)`);

    // The only place a citizen's name and contact details are kept; erased after the retention period.
    await db.query(`
      CREATE TABLE citizen_contact (
        source_type  text NOT NULL CHECK (source_type IN ('complaint', 'feedback')),
        source_id    uuid NOT NULL,
        name         text,
        phone        text,
        email        text,
        nik          text,
        received_at  timestamptz NOT NULL,
        erased_at    timestamptz,
        PRIMARY KEY (source_type, source_id)
      )`);
    await db.query(`CREATE INDEX citizen_contact_retention_idx ON citizen_contact (received_at) WHERE erased_at IS NULL`);

    await db.query(`
      CREATE TABLE story (
        id             uuid PRIMARY KEY,
        kind           text NOT NULL CHECK (kind IN ('complaint', 'feedback', 'achievement')),
        source_id      uuid NOT NULL,
        unit_id        uuid NOT NULL REFERENCES unit (id),
        category       text,
        title          text NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
        slug           text NOT NULL UNIQUE,
        status         text NOT NULL DEFAULT 'draft'
                       CHECK (status IN ('draft', 'in_review', 'approved', 'published', 'rejected', 'withdrawn')),
        version        integer NOT NULL DEFAULT 1,
        author_id      uuid REFERENCES app_user (id),
        urgent         boolean NOT NULL DEFAULT false,
        embargo_until  timestamptz,
        published_at   timestamptz,
        withdrawn_reason text,
        created_at     timestamptz NOT NULL DEFAULT now(),
        updated_at     timestamptz NOT NULL DEFAULT now(),
        UNIQUE (kind, source_id)
      )`);
    await db.query(`CREATE INDEX story_unit_status_idx ON story (unit_id, status, created_at DESC)`);
    await db.query(`CREATE INDEX story_created_idx ON story (created_at DESC)`);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of ['story', 'citizen_contact', 'achievement', 'feedback', 'complaint']) {
      await db.query(`DROP TABLE ${table}`);
    }
  }
}
