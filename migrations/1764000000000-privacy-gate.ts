import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Privacy that holds (issue 16):
 *  - unit.public_numbers: the unit's own published numbers (hotline, piket, WhatsApp), which
 *    are never masked or held as personal data;
 *  - complaint.sensitive and its reasons, story.sensitive: sensitive cases (domestic and sexual
 *    violence, children, informants) get neutral drafts, website-only approval by default and
 *    two approvers;
 *  - story.privacy_hold: what the publish gate found (surface, field, class; never the value)
 *    while the story waits; the press room and the feeds leave a held story out;
 *  - publication status 'held': a publication the gate stopped waits instead of failing;
 *  - the feeds' story trigger also fires when a hold is set or cleared;
 *  - privacy_release: a humas officer's release of one exact text (its SHA-256) of one field,
 *    with the reason; an edit changes the hash and voids it.
 */
export class PrivacyGate1764000000000 implements MigrationInterface {
  name = 'PrivacyGate1764000000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE unit ADD COLUMN public_numbers text[] NOT NULL DEFAULT '{}'`);
    await db.query(`ALTER TABLE complaint ADD COLUMN sensitive boolean NOT NULL DEFAULT false, ADD COLUMN sensitivity text[] NOT NULL DEFAULT '{}'`);
    await db.query(`ALTER TABLE story ADD COLUMN sensitive boolean NOT NULL DEFAULT false, ADD COLUMN privacy_hold jsonb`);
    await db.query(`ALTER TABLE publication DROP CONSTRAINT publication_status_check`);
    await db.query(`
      ALTER TABLE publication ADD CONSTRAINT publication_status_check CHECK (status IN
        ('scheduled', 'sending', 'retrying', 'published', 'awaiting_manual', 'unconfirmed', 'failed', 'cancelled', 'held'))`);
    // a hold set or cleared changes what the feeds show: they must notice it
    await db.query(`DROP TRIGGER feed_story ON story`);
    await db.query(`
      CREATE TRIGGER feed_story AFTER UPDATE ON story FOR EACH ROW
        WHEN ((OLD.status IN ('approved', 'published') OR NEW.status IN ('approved', 'published'))
          AND (OLD.status, OLD.published_at, OLD.embargo_until, OLD.approved_at, OLD.title, OLD.slug, OLD.unit_id, OLD.category, OLD.approved_channels, OLD.privacy_hold)
              IS DISTINCT FROM
              (NEW.status, NEW.published_at, NEW.embargo_until, NEW.approved_at, NEW.title, NEW.slug, NEW.unit_id, NEW.category, NEW.approved_channels, NEW.privacy_hold))
        EXECUTE FUNCTION feed_on_story()`);
    await db.query(`
      CREATE TABLE privacy_release (
        id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        story_id     uuid NOT NULL REFERENCES story (id),
        surface      text NOT NULL,
        field        text NOT NULL,
        text_sha256  bytea NOT NULL,
        reason       text NOT NULL,
        released_by  uuid NOT NULL REFERENCES app_user (id),
        released_at  timestamptz NOT NULL DEFAULT now(),
        UNIQUE (story_id, surface, field, text_sha256)
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE privacy_release`);
    await db.query(`DROP TRIGGER feed_story ON story`);
    await db.query(`
      CREATE TRIGGER feed_story AFTER UPDATE ON story FOR EACH ROW
        WHEN ((OLD.status IN ('approved', 'published') OR NEW.status IN ('approved', 'published'))
          AND (OLD.status, OLD.published_at, OLD.embargo_until, OLD.approved_at, OLD.title, OLD.slug, OLD.unit_id, OLD.category, OLD.approved_channels)
              IS DISTINCT FROM
              (NEW.status, NEW.published_at, NEW.embargo_until, NEW.approved_at, NEW.title, NEW.slug, NEW.unit_id, NEW.category, NEW.approved_channels))
        EXECUTE FUNCTION feed_on_story()`);
    await db.query(`UPDATE publication SET status = 'scheduled' WHERE status = 'held'`);
    await db.query(`ALTER TABLE publication DROP CONSTRAINT publication_status_check`);
    await db.query(`
      ALTER TABLE publication ADD CONSTRAINT publication_status_check CHECK (status IN
        ('scheduled', 'sending', 'retrying', 'published', 'awaiting_manual', 'unconfirmed', 'failed', 'cancelled'))`);
    await db.query(`ALTER TABLE story DROP COLUMN sensitive, DROP COLUMN privacy_hold`);
    await db.query(`ALTER TABLE complaint DROP COLUMN sensitive, DROP COLUMN sensitivity`);
    await db.query(`ALTER TABLE unit DROP COLUMN public_numbers`);
  }
}
