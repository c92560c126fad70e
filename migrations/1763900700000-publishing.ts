import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Channel accounts per unit, publications (each row is the record and the job the dispatchers
 * claim with FOR UPDATE SKIP LOCKED and a lease), and the publishing pause switch.
 */
export class Publishing1763900700000 implements MigrationInterface {
  name = 'Publishing1763900700000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE channel_account (
        id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        unit_id       uuid NOT NULL REFERENCES unit (id),
        channel       text NOT NULL CHECK (channel IN ('x', 'instagram', 'facebook', 'tiktok', 'whatsapp', 'telegram')),
        mode          text NOT NULL CHECK (mode IN ('api', 'webhook', 'manual')),
        handle        text,
        -- AES-256-GCM with SECRET_KEY (src/common/crypto/secret-box.ts); never returned by the API
        credentials_sealed text,
        updated_by    uuid REFERENCES app_user (id),
        updated_at    timestamptz NOT NULL DEFAULT now(),
        UNIQUE (unit_id, channel)
      )`);

    await db.query(`
      CREATE TABLE publication (
        id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        story_id      uuid NOT NULL REFERENCES story (id),
        channel       text NOT NULL,
        mode          text NOT NULL CHECK (mode IN ('internal', 'api', 'webhook', 'manual')),
        status        text NOT NULL DEFAULT 'scheduled' CHECK (status IN
                        ('scheduled', 'sending', 'retrying', 'published', 'awaiting_manual', 'unconfirmed', 'failed', 'cancelled')),
        due_at        timestamptz NOT NULL,
        attempts      integer NOT NULL DEFAULT 0,
        lease_until   timestamptz,
        claimed_by    text,
        external_id   text,
        url           text,
        published_at  timestamptz,
        last_error    text,
        created_by    uuid REFERENCES app_user (id),
        created_at    timestamptz NOT NULL DEFAULT now(),
        updated_at    timestamptz NOT NULL DEFAULT now()
      )`);
    // one live publication per story and channel (cancelled and failed ones may be scheduled again)
    await db.query(`CREATE UNIQUE INDEX publication_live_key ON publication (story_id, channel) WHERE status NOT IN ('cancelled', 'failed')`);
    // what the dispatchers scan every second: only due work, oldest first
    await db.query(`CREATE INDEX publication_due_idx ON publication (due_at) WHERE status IN ('scheduled', 'retrying')`);
    await db.query(`CREATE INDEX publication_leased_idx ON publication (lease_until) WHERE status = 'sending'`);
    await db.query(`CREATE INDEX publication_story_idx ON publication (story_id)`);

    await db.query(`
      CREATE TABLE publishing_pause (
        id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        -- null: everywhere
        unit_id     uuid REFERENCES unit (id),
        reason      text NOT NULL,
        paused_by   uuid REFERENCES app_user (id),
        paused_at   timestamptz NOT NULL DEFAULT now(),
        resumed_by  uuid REFERENCES app_user (id),
        resumed_at  timestamptz
      )`);
    await db.query(`CREATE UNIQUE INDEX publishing_pause_active_key ON publishing_pause (COALESCE(unit_id, '00000000-0000-0000-0000-000000000000'::uuid)) WHERE resumed_at IS NULL`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE publishing_pause`);
    await db.query(`DROP TABLE publication`);
    await db.query(`DROP TABLE channel_account`);
  }
}
