import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Feeds (DESIGN.md §10): every instance keeps its feed bodies in memory and must drop them within
 * seconds when published content changes, whichever instance (or import, or SQL) changed it.
 *
 * - feed_state: one row whose `version` triggers bump in the same transaction as any change that
 *   can alter a feed. Each instance reads it every FEED_CHECK_INTERVAL_MS (one primary-key read)
 *   and drops its cache when it moved. The bump is an UPDATE of that row, so writers take turns on
 *   its lock until they commit: versions become visible in order and an instance that has read
 *   version v has every change up to v committed (no change can hide behind a later one).
 * - feed_change: what each version touched (unit, category, kind; public or only partner feeds),
 *   so the instance that claims it pings the WebSub hub for those feeds only. Rows older than a
 *   day are pruned by the instances.
 * - Triggers only fire for stories that are (or were) approved or published, and only when a
 *   column a feed shows changed: drafting, review and intake never touch the row.
 * - story_feed_idx: the public feeds' order (newest published first).
 */
export class Feeds1763900900000 implements MigrationInterface {
  name = 'Feeds1763900900000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE feed_state (
        id          smallint PRIMARY KEY CHECK (id = 1),
        version     bigint NOT NULL,
        changed_at  timestamptz NOT NULL
      )`);
    await db.query(`INSERT INTO feed_state (id, version, changed_at) VALUES (1, 1, now())`);

    await db.query(`
      CREATE TABLE feed_change (
        id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        version     bigint NOT NULL,
        at          timestamptz NOT NULL DEFAULT now(),
        unit_id     uuid,
        category    text,
        kind        text,
        -- false: only partner feeds (embargoed or approved stories) can have changed
        public      boolean NOT NULL,
        pinged_at   timestamptz
      )`);
    await db.query(`CREATE INDEX feed_change_unpinged_idx ON feed_change (version) WHERE pinged_at IS NULL`);
    await db.query(`CREATE INDEX feed_change_at_idx ON feed_change (at)`);
    await db.query(`CREATE INDEX story_feed_idx ON story (published_at DESC, id) WHERE status = 'published'`);

    await db.query(`
      CREATE FUNCTION feed_bump() RETURNS bigint LANGUAGE sql AS $$
        UPDATE feed_state SET version = version + 1, changed_at = clock_timestamp() WHERE id = 1 RETURNING version
      $$`);
    // One change of a story as seen by the feeds: bump, and record where it shows.
    await db.query(`
      CREATE FUNCTION feed_note(p_unit uuid, p_category text, p_kind text, p_public boolean) RETURNS void LANGUAGE sql AS $$
        INSERT INTO feed_change (version, unit_id, category, kind, public) SELECT feed_bump(), p_unit, p_category, p_kind, p_public
      $$`);

    await db.query(`
      CREATE FUNCTION feed_on_story() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM feed_note(NEW.unit_id, NEW.category, NEW.kind, OLD.status = 'published' OR NEW.status = 'published');
        IF OLD.unit_id IS DISTINCT FROM NEW.unit_id OR OLD.category IS DISTINCT FROM NEW.category THEN
          PERFORM feed_note(OLD.unit_id, OLD.category, OLD.kind, OLD.status = 'published');
        END IF;
        RETURN NULL;
      END $$`);
    await db.query(`
      CREATE TRIGGER feed_story AFTER UPDATE ON story FOR EACH ROW
        WHEN ((OLD.status IN ('approved', 'published') OR NEW.status IN ('approved', 'published'))
          AND (OLD.status, OLD.published_at, OLD.embargo_until, OLD.approved_at, OLD.title, OLD.slug, OLD.unit_id, OLD.category, OLD.approved_channels)
              IS DISTINCT FROM
              (NEW.status, NEW.published_at, NEW.embargo_until, NEW.approved_at, NEW.title, NEW.slug, NEW.unit_id, NEW.category, NEW.approved_channels))
        EXECUTE FUNCTION feed_on_story()`);

    // A row that belongs to a story (its website draft, its photos): counts when the story is in a feed.
    await db.query(`
      CREATE FUNCTION feed_on_story_part() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE s record;
      BEGIN
        SELECT unit_id, category, kind, status INTO s FROM story
         WHERE id = CASE WHEN TG_OP = 'DELETE' THEN OLD.story_id ELSE NEW.story_id END;
        IF FOUND AND s.status IN ('approved', 'published') THEN
          PERFORM feed_note(s.unit_id, s.category, s.kind, s.status = 'published');
        END IF;
        RETURN NULL;
      END $$`);
    await db.query(`CREATE TRIGGER feed_draft_insert AFTER INSERT ON draft FOR EACH ROW WHEN (NEW.channel = 'website') EXECUTE FUNCTION feed_on_story_part()`);
    await db.query(`
      CREATE TRIGGER feed_draft_update AFTER UPDATE ON draft FOR EACH ROW
        WHEN (NEW.channel = 'website' AND (OLD.title, OLD.body) IS DISTINCT FROM (NEW.title, NEW.body)) EXECUTE FUNCTION feed_on_story_part()`);
    await db.query(`CREATE TRIGGER feed_draft_delete AFTER DELETE ON draft FOR EACH ROW WHEN (OLD.channel = 'website') EXECUTE FUNCTION feed_on_story_part()`);
    await db.query(`CREATE TRIGGER feed_story_media AFTER INSERT OR UPDATE OR DELETE ON story_media FOR EACH ROW EXECUTE FUNCTION feed_on_story_part()`);

    // A photo's renditions (a blur rebuilds them: new sizes) and its alt text, for the stories showing it.
    await db.query(`
      CREATE FUNCTION feed_note_media(p_media uuid) RETURNS void LANGUAGE plpgsql AS $$
      BEGIN
        -- PERFORM runs the whole query (a SQL function would stop after its first row)
        PERFORM feed_note(st.unit_id, st.category, st.kind, st.status = 'published')
           FROM story_media sm JOIN story st ON st.id = sm.story_id
          WHERE sm.media_id = p_media AND st.status IN ('approved', 'published');
      END $$`);
    await db.query(`
      CREATE FUNCTION feed_on_rendition() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM feed_note_media(CASE WHEN TG_OP = 'DELETE' THEN OLD.media_id ELSE NEW.media_id END);
        RETURN NULL;
      END $$`);
    await db.query(`
      CREATE FUNCTION feed_on_media() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM feed_note_media(NEW.id);
        RETURN NULL;
      END $$`);
    await db.query(`CREATE TRIGGER feed_media_rendition AFTER INSERT OR UPDATE OR DELETE ON media_rendition FOR EACH ROW EXECUTE FUNCTION feed_on_rendition()`);
    await db.query(`
      CREATE TRIGGER feed_media_alt AFTER UPDATE ON media FOR EACH ROW WHEN (OLD.alt IS DISTINCT FROM NEW.alt) EXECUTE FUNCTION feed_on_media()`);

    // A unit's name, code or zone shows in its stories (dc:creator, dates) and in its feeds' titles.
    await db.query(`
      CREATE FUNCTION feed_on_unit() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM feed_note(NEW.id, NULL, NULL, true);
        RETURN NULL;
      END $$`);
    await db.query(`
      CREATE TRIGGER feed_unit AFTER UPDATE ON unit FOR EACH ROW
        WHEN ((OLD.name, OLD.code, OLD.timezone, OLD.path) IS DISTINCT FROM (NEW.name, NEW.code, NEW.timezone, NEW.path)) EXECUTE FUNCTION feed_on_unit()`);

    // A partner's name is in its feed's title; a revoked token is refused at once by the route anyway.
    await db.query(`
      CREATE FUNCTION feed_on_partner() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM feed_bump();
        RETURN NULL;
      END $$`);
    await db.query(`
      CREATE TRIGGER feed_partner AFTER UPDATE ON partner FOR EACH ROW
        WHEN ((OLD.name, OLD.active, OLD.feed_token_hash) IS DISTINCT FROM (NEW.name, NEW.active, NEW.feed_token_hash)) EXECUTE FUNCTION feed_on_partner()`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TRIGGER feed_partner ON partner`);
    await db.query(`DROP TRIGGER feed_unit ON unit`);
    await db.query(`DROP TRIGGER feed_media_alt ON media`);
    await db.query(`DROP TRIGGER feed_media_rendition ON media_rendition`);
    await db.query(`DROP TRIGGER feed_story_media ON story_media`);
    await db.query(`DROP TRIGGER feed_draft_delete ON draft`);
    await db.query(`DROP TRIGGER feed_draft_update ON draft`);
    await db.query(`DROP TRIGGER feed_draft_insert ON draft`);
    await db.query(`DROP TRIGGER feed_story ON story`);
    for (const fn of ['feed_on_partner()', 'feed_on_unit()', 'feed_on_media()', 'feed_on_rendition()', 'feed_note_media(uuid)', 'feed_on_story_part()', 'feed_on_story()', 'feed_note(uuid, text, text, boolean)', 'feed_bump()']) {
      await db.query(`DROP FUNCTION ${fn}`);
    }
    await db.query(`DROP INDEX story_feed_idx`);
    await db.query(`DROP TABLE feed_change`);
    await db.query(`DROP TABLE feed_state`);
  }
}
