import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The console as officers use it every day (issue 19):
 *  - real LP and Dumas numbers are longer than 100 characters with their unit chain
 *    ("LP/B/1187/XII/2026/SPKT/POLSEK KEBAYORAN BARU/POLRES METRO JAKARTA SELATAN/POLDA METRO JAYA");
 *  - a manual post (a WhatsApp group message has no URL) is one row per group or account it went
 *    to, so one story shared to many groups is recorded, and on withdrawal every post to delete
 *    by hand is listed and ticked off (removed_at);
 *  - who confirmed a publication, for the publication log;
 *  - a publication posted outside Gaung (API or by hand) is ticked off when deleted after a withdrawal.
 */
export class ConsoleDailyUse1764300000000 implements MigrationInterface {
  name = 'ConsoleDailyUse1764300000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE complaint DROP CONSTRAINT complaint_external_ref_check`);
    await db.query(`ALTER TABLE complaint ADD CONSTRAINT complaint_external_ref_check CHECK (length(external_ref) BETWEEN 1 AND 200)`);
    await db.query(`
      CREATE TABLE publication_post (
        id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        publication_id  uuid NOT NULL REFERENCES publication (id),
        target          text NOT NULL CHECK (length(target) BETWEEN 1 AND 200),
        url             text CHECK (url IS NULL OR length(url) <= 2000),
        posted_at       timestamptz NOT NULL,
        posted_by       uuid REFERENCES app_user (id),
        removed_at      timestamptz,
        removed_by      uuid REFERENCES app_user (id),
        -- the order posts were recorded in (posted_at comes from the app's clock and may repeat)
        recorded_at     timestamptz NOT NULL DEFAULT clock_timestamp()
      )`);
    await db.query(`CREATE INDEX publication_post_publication_idx ON publication_post (publication_id)`);
    await db.query(`ALTER TABLE publication ADD COLUMN confirmed_by uuid REFERENCES app_user (id)`);
    await db.query(`ALTER TABLE publication ADD COLUMN removed_at timestamptz`);
    await db.query(`ALTER TABLE publication ADD COLUMN removed_by uuid REFERENCES app_user (id)`);
    // the publication log and the calendar read by time within a scope
    await db.query(`CREATE INDEX publication_due_at_idx ON publication (due_at)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX publication_due_at_idx`);
    await db.query(`ALTER TABLE publication DROP COLUMN removed_by`);
    await db.query(`ALTER TABLE publication DROP COLUMN removed_at`);
    await db.query(`ALTER TABLE publication DROP COLUMN confirmed_by`);
    await db.query(`DROP TABLE publication_post`);
    await db.query(`ALTER TABLE complaint DROP CONSTRAINT complaint_external_ref_check`);
    await db.query(`ALTER TABLE complaint ADD CONSTRAINT complaint_external_ref_check CHECK (length(external_ref) BETWEEN 1 AND 100)`);
  }
}
