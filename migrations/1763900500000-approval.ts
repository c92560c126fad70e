import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Review and approval: approvals per step, lint overrides, urgent publishing, comments, notifications. */
export class Approval1763900500000 implements MigrationInterface {
  name = 'Approval1763900500000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE story
        ADD COLUMN submitted_at           timestamptz,
        ADD COLUMN approved_at            timestamptz,
        -- channels the approval covers; drafts of other channels are not published
        ADD COLUMN approved_channels      text[],
        ADD COLUMN lint_override_reason   text,
        ADD COLUMN lint_override_by       uuid REFERENCES app_user (id),
        ADD COLUMN urgent_reason          text,
        -- an urgent story approved by one officer waits for a second approval after the fact
        ADD COLUMN awaiting_confirmation  boolean NOT NULL DEFAULT false,
        ADD COLUMN rejected_reason        text,
        ADD COLUMN overdue_notified_at    timestamptz`);
    await db.query(`CREATE INDEX story_in_review_idx ON story (submitted_at) WHERE status = 'in_review'`);

    await db.query(`
      CREATE TABLE story_approval (
        id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        story_id    uuid NOT NULL REFERENCES story (id),
        -- 1 = the unit's own approval, 2 = the parent's (two_step); urgent and confirm steps are recorded too
        step        integer NOT NULL,
        kind        text NOT NULL CHECK (kind IN ('approve', 'urgent', 'confirm')),
        approver_id uuid NOT NULL REFERENCES app_user (id),
        approver_unit_id uuid REFERENCES unit (id),
        -- the review round: a rejection starts a new round, earlier approvals no longer count
        round       integer NOT NULL,
        at          timestamptz NOT NULL DEFAULT now(),
        UNIQUE (story_id, round, step)
      )`);
    await db.query(`ALTER TABLE story ADD COLUMN review_round integer NOT NULL DEFAULT 1`);

    await db.query(`
      CREATE TABLE comment (
        id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        story_id   uuid NOT NULL REFERENCES story (id),
        author_id  uuid NOT NULL REFERENCES app_user (id),
        body       text NOT NULL CHECK (length(body) BETWEEN 1 AND 4000),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX comment_story_idx ON comment (story_id, created_at)`);

    await db.query(`
      CREATE TABLE notification (
        id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id    uuid NOT NULL REFERENCES app_user (id),
        kind       text NOT NULL,
        story_id   uuid REFERENCES story (id),
        message    text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        read_at    timestamptz
      )`);
    await db.query(`CREATE INDEX notification_user_idx ON notification (user_id, created_at DESC)`);
    await db.query(`CREATE INDEX notification_unread_idx ON notification (user_id) WHERE read_at IS NULL`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE notification`);
    await db.query(`DROP TABLE comment`);
    await db.query(`DROP TABLE story_approval`);
    await db.query(`DROP INDEX story_in_review_idx`);
    await db.query(`ALTER TABLE story DROP COLUMN submitted_at, DROP COLUMN approved_at, DROP COLUMN approved_channels,
      DROP COLUMN lint_override_reason, DROP COLUMN lint_override_by, DROP COLUMN urgent_reason, DROP COLUMN awaiting_confirmation,
      DROP COLUMN rejected_reason, DROP COLUMN overdue_notified_at, DROP COLUMN review_round`);
  }
}
