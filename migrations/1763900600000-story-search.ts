import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The console's story list, fast with 100,000 stories (bench/story-list.bench.js):
 *
 * - story.search: the words of the story's title and of all its drafts, a tsvector with a GIN
 *   index. The 'simple' configuration (lower-casing only): PostgreSQL has no Indonesian stemmer,
 *   and pg_trgm cannot be relied on (PGlite). Stripped of positions: the list never ranks or
 *   searches phrases, and stripped vectors are several times smaller.
 * - It is kept by triggers, not by the application, so that no code path writing a draft (today
 *   DraftWriter and DraftsService, tomorrow an import) can leave it stale. New drafts append
 *   their words, once per INSERT statement (at intake a story's seven drafts are one statement:
 *   measured +0.6 ms of database time per story, against +1.6 ms for a row trigger); a changed
 *   draft or title recomputes the whole vector, as words may have gone. Edits lock the story row
 *   first (DraftsService.lockEditable), so each recomputation sees the other committed drafts.
 * - story_search_query(text): a user's words as a prefix query ("tawur" finds "tawuran"), split
 *   by the same parser as the documents and quoted lexeme by lexeme, so no input can be a tsquery
 *   syntax error. IMMUTABLE, so the planner folds it to a constant and estimates with the
 *   column's statistics (a common word walks the date index, a rare one the GIN index).
 * - Btree indexes in the list's exact order (created_at DESC, id), overall and per status, a
 *   small one for scopes and one for the overdue filter.
 */
export class StorySearch1763900600000 implements MigrationInterface {
  name = 'StorySearch1763900600000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE story ADD COLUMN search tsvector NOT NULL DEFAULT ''`);

    await db.query(`
      CREATE FUNCTION story_search_vector(p_story uuid, p_title text) RETURNS tsvector LANGUAGE sql STABLE AS $$
        SELECT strip(to_tsvector('simple', coalesce(p_title, ''))
          || coalesce((SELECT to_tsvector('simple', string_agg(coalesce(d.title, '') || ' ' || d.body, ' '))
                         FROM draft d WHERE d.story_id = p_story), ''))
      $$`);
    // single letters stay exact: 'a:*' would match a large part of the index for nothing
    await db.query(`
      CREATE FUNCTION story_search_query(words text) RETURNS tsquery LANGUAGE sql IMMUTABLE STRICT AS $$
        SELECT string_agg('''' || replace(replace(lexeme, '\\', '\\\\'), '''', '''''') || ''''
                          || CASE WHEN length(lexeme) > 1 THEN ':*' ELSE '' END, ' & ')::tsquery
          FROM unnest(to_tsvector('simple', words))
      $$`);

    await db.query(`
      CREATE FUNCTION story_search_on_story() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        NEW.search := story_search_vector(NEW.id, NEW.title);
        RETURN NEW;
      END $$`);
    await db.query(`CREATE TRIGGER story_search_story BEFORE INSERT OR UPDATE OF title ON story FOR EACH ROW EXECUTE FUNCTION story_search_on_story()`);

    // New drafts: per statement, so the seven drafts DraftWriter inserts in one statement cost one
    // story update; inserting row by row stays correct, only slower.
    await db.query(`
      CREATE FUNCTION story_search_on_draft_insert() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE story s SET search = s.search || n.words
          FROM (SELECT story_id, strip(to_tsvector('simple', string_agg(coalesce(title, '') || ' ' || body, ' '))) AS words
                  FROM new_drafts GROUP BY story_id) n
         WHERE s.id = n.story_id;
        RETURN NULL;
      END $$`);
    await db.query(`
      CREATE TRIGGER story_search_draft_insert AFTER INSERT ON draft REFERENCING NEW TABLE AS new_drafts
        FOR EACH STATEMENT EXECUTE FUNCTION story_search_on_draft_insert()`);
    // Changed drafts: per row (a trigger with a column list cannot have transition tables).
    await db.query(`
      CREATE FUNCTION story_search_on_draft_update() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE story SET search = story_search_vector(id, title) WHERE id = NEW.story_id;
        RETURN NULL;
      END $$`);
    await db.query(`
      CREATE TRIGGER story_search_draft_update AFTER UPDATE OF title, body ON draft FOR EACH ROW
        WHEN (OLD.title IS DISTINCT FROM NEW.title OR OLD.body IS DISTINCT FROM NEW.body) EXECUTE FUNCTION story_search_on_draft_update()`);

    await db.query(`UPDATE story SET search = story_search_vector(id, title)`);
    await db.query(`CREATE INDEX story_search_idx ON story USING gin (search)`);

    // The list's order is created_at DESC, id (id breaks ties so pages never overlap).
    await db.query(`DROP INDEX story_created_idx`);
    await db.query(`CREATE INDEX story_created_idx ON story (created_at DESC, id)`);
    await db.query(`CREATE INDEX story_status_created_idx ON story (status, created_at DESC, id)`);
    // A scope is "unit_id = ANY(ids)": few distinct keys here, so btree deduplication keeps this
    // index near 1 MB for 100,000 stories (story_unit_status_idx, with created_at, is 10 MB) and
    // a whole scope's bitmap costs ~2 ms instead of ~15 ms, alone or ANDed with the GIN index.
    await db.query(`CREATE INDEX story_unit_idx ON story (unit_id, status)`);
    // overdue = in review past the unit's limit: counted from this index alone, per unit in scope
    await db.query(`CREATE INDEX story_in_review_unit_idx ON story (unit_id, submitted_at) WHERE status = 'in_review'`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX story_in_review_unit_idx`);
    await db.query(`DROP INDEX story_unit_idx`);
    await db.query(`DROP INDEX story_status_created_idx`);
    await db.query(`DROP INDEX story_created_idx`);
    await db.query(`CREATE INDEX story_created_idx ON story (created_at DESC)`);
    await db.query(`DROP TRIGGER story_search_draft_update ON draft`);
    await db.query(`DROP TRIGGER story_search_draft_insert ON draft`);
    await db.query(`DROP TRIGGER story_search_story ON story`);
    await db.query(`DROP FUNCTION story_search_on_draft_update()`);
    await db.query(`DROP FUNCTION story_search_on_draft_insert()`);
    await db.query(`DROP FUNCTION story_search_on_story()`);
    await db.query(`DROP FUNCTION story_search_query(text)`);
    await db.query(`DROP FUNCTION story_search_vector(uuid, text)`);
    await db.query(`ALTER TABLE story DROP COLUMN search`);
  }
}
