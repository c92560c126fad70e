import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indexes for the period reports (DESIGN.md §11, src/reports): each figure starts from the rows
 * of one period, so each table gets an index on the instant that places a row in a period.
 * - audit_event: only the review events (submit and its outcomes), which give time in review and
 *   overdue reviews; the log's other events (most of it) stay out of the index.
 * - publication: COALESCE(published_at, due_at), the instant a publication counts for.
 * - pickup: detected_at (the existing index leads with the partner).
 * - story: complaint stories by unit and published_at, where resolution -> publication starts
 *   (a third of the stories, so a Polda's scope is not read row by row for one month).
 */
export class Reports1763901100000 implements MigrationInterface {
  name = 'Reports1763901100000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE INDEX audit_event_story_review_idx ON audit_event (at)
       WHERE subject_type = 'story' AND action IN ('story.submit', 'story.approve', 'story.urgent', 'story.reject')`);
    await db.query(`CREATE INDEX publication_report_at_idx ON publication ((COALESCE(published_at, due_at)))`);
    await db.query(`CREATE INDEX pickup_detected_idx ON pickup (detected_at)`);
    await db.query(`CREATE INDEX story_complaint_published_idx ON story (unit_id, published_at) WHERE kind = 'complaint' AND published_at IS NOT NULL`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX story_complaint_published_idx`);
    await db.query(`DROP INDEX pickup_detected_idx`);
    await db.query(`DROP INDEX publication_report_at_idx`);
    await db.query(`DROP INDEX audit_event_story_review_idx`);
  }
}
