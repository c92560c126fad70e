import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Media partners (DESIGN.md §4, §10): who they are and the secret token of their own feed, the
 * feeds of theirs we watch for pickups, the items seen there, the pickups matched to our stories,
 * and the log of every pull of a partner feed (for reports).
 */
export class Partners1763900800000 implements MigrationInterface {
  name = 'Partners1763900800000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE partner (
        id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        -- the Humas unit that manages the partner; scope decides who may see and edit it
        unit_id       uuid NOT NULL REFERENCES unit (id),
        name          text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        kind          text NOT NULL CHECK (kind IN ('mainstream', 'online', 'tv', 'radio', 'community')),
        website       text,
        contact       text,
        active        boolean NOT NULL DEFAULT true,
        -- the feed token: looked up by its SHA-256, shown to Humas from the sealed copy (SecretBox)
        feed_token_hash   text NOT NULL UNIQUE,
        feed_token_sealed text NOT NULL,
        token_rotated_at  timestamptz NOT NULL DEFAULT now(),
        created_at    timestamptz NOT NULL DEFAULT now(),
        updated_at    timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX partner_unit_idx ON partner (unit_id)`);

    await db.query(`
      CREATE TABLE partner_feed (
        id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        partner_id      uuid NOT NULL REFERENCES partner (id) ON DELETE CASCADE,
        url             text NOT NULL,
        etag            text,
        last_modified   text,
        last_polled_at  timestamptz,
        last_success_at timestamptz,
        failures        integer NOT NULL DEFAULT 0,
        -- back-off: a failing feed is not polled again before this
        next_poll_at    timestamptz,
        last_error      text,
        created_at      timestamptz NOT NULL DEFAULT now(),
        UNIQUE (partner_id, url)
      )`);

    await db.query(`
      CREATE TABLE partner_item (
        id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        partner_id      uuid NOT NULL REFERENCES partner (id) ON DELETE CASCADE,
        partner_feed_id uuid REFERENCES partner_feed (id) ON DELETE SET NULL,
        -- the item's guid, else its link, else a hash of its text: re-polling never duplicates
        guid            text NOT NULL,
        link            text,
        title           text,
        summary         text,
        published_at    timestamptz,
        text_hash       text NOT NULL,
        first_seen_at   timestamptz NOT NULL DEFAULT now(),
        UNIQUE (partner_id, guid)
      )`);

    await db.query(`
      CREATE TABLE pickup (
        id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        -- one partner item picks up at most one story
        partner_item_id uuid NOT NULL UNIQUE REFERENCES partner_item (id) ON DELETE CASCADE,
        partner_id      uuid NOT NULL REFERENCES partner (id) ON DELETE CASCADE,
        story_id        uuid NOT NULL REFERENCES story (id),
        score           real NOT NULL CHECK (score >= 0 AND score <= 1),
        certain         boolean NOT NULL DEFAULT false,
        evidence        jsonb NOT NULL DEFAULT '{}'::jsonb,
        detected_at     timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX pickup_story_idx ON pickup (story_id)`);
    await db.query(`CREATE INDEX pickup_partner_idx ON pickup (partner_id, detected_at DESC)`);

    await db.query(`
      CREATE TABLE partner_pull (
        id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        partner_id  uuid NOT NULL REFERENCES partner (id) ON DELETE CASCADE,
        feed        text NOT NULL,
        at          timestamptz NOT NULL DEFAULT now(),
        items       integer NOT NULL CHECK (items >= 0),
        not_modified boolean NOT NULL DEFAULT false
      )`);
    await db.query(`CREATE INDEX partner_pull_partner_at_idx ON partner_pull (partner_id, at DESC)`);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of ['partner_pull', 'pickup', 'partner_item', 'partner_feed', 'partner']) {
      await db.query(`DROP TABLE ${table}`);
    }
  }
}
