import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Units, users, tokens, the append-only audit log and cron-occurrence claims. */
export class Foundation1763900000000 implements MigrationInterface {
  name = 'Foundation1763900000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE unit (
        id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code            text NOT NULL UNIQUE CHECK (code ~ '^[A-Z0-9][A-Z0-9-]{1,63}$'),
        name            text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        level           text NOT NULL CHECK (level IN ('polda', 'polres', 'polsek', 'satker')),
        parent_id       uuid REFERENCES unit (id),
        -- ids from the root down to this unit itself: scope checks are "user's unit = ANY(path)"
        path            uuid[] NOT NULL,
        city            text NOT NULL CHECK (length(city) BETWEEN 1 AND 100),
        timezone        text NOT NULL CHECK (timezone IN ('Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura')),
        handles         jsonb NOT NULL DEFAULT '{}',
        hashtags        text[] NOT NULL DEFAULT '{}',
        logo_media_id   uuid,
        approval_policy text NOT NULL DEFAULT 'self' CHECK (approval_policy IN ('self', 'parent', 'two_step')),
        review_sla_hours integer NOT NULL DEFAULT 24 CHECK (review_sla_hours BETWEEN 1 AND 720),
        created_at      timestamptz NOT NULL DEFAULT now(),
        updated_at      timestamptz NOT NULL DEFAULT now(),
        CHECK (path[array_length(path, 1)] = id)
      )`);
    await db.query(`CREATE INDEX unit_path_idx ON unit USING gin (path)`);
    await db.query(`CREATE INDEX unit_parent_idx ON unit (parent_id)`);

    await db.query(`
      CREATE TABLE app_user (
        id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        username        text NOT NULL CHECK (username ~ '^[A-Za-z0-9._-]{3,64}$'),
        display_name    text NOT NULL CHECK (length(display_name) BETWEEN 1 AND 120),
        rank            text CHECK (length(rank) <= 40),
        role            text NOT NULL CHECK (role IN ('admin', 'humas', 'commander', 'operator')),
        unit_id         uuid REFERENCES unit (id),
        password_hash   text NOT NULL,
        failed_logins   integer NOT NULL DEFAULT 0,
        first_failed_at timestamptz,
        locked_until    timestamptz,
        active          boolean NOT NULL DEFAULT true,
        created_at      timestamptz NOT NULL DEFAULT now(),
        updated_at      timestamptz NOT NULL DEFAULT now(),
        -- only an admin may stand outside the unit tree (it administers all of it)
        CHECK (role = 'admin' OR unit_id IS NOT NULL)
      )`);
    await db.query(`CREATE UNIQUE INDEX app_user_username_key ON app_user (lower(username))`);
    await db.query(`CREATE INDEX app_user_unit_idx ON app_user (unit_id)`);

    await db.query(`
      CREATE TABLE api_token (
        id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id      uuid NOT NULL REFERENCES app_user (id),
        kind         text NOT NULL CHECK (kind IN ('session', 'api')),
        name         text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
        token_hash   bytea NOT NULL UNIQUE,
        created_at   timestamptz NOT NULL DEFAULT now(),
        last_used_at timestamptz,
        expires_at   timestamptz,
        revoked_at   timestamptz
      )`);
    await db.query(`CREATE INDEX api_token_user_idx ON api_token (user_id)`);

    await db.query(`
      CREATE TABLE audit_event (
        id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        seq          bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
        at           timestamptz NOT NULL DEFAULT clock_timestamp(),
        actor_id     uuid REFERENCES app_user (id),
        action       text NOT NULL,
        subject_type text NOT NULL,
        subject_id   text,
        unit_id      uuid REFERENCES unit (id),
        from_state   text,
        to_state     text,
        reason       text,
        details      jsonb NOT NULL DEFAULT '{}'
      )`);
    await db.query(`CREATE INDEX audit_event_subject_idx ON audit_event (subject_type, subject_id, seq)`);
    await db.query(`CREATE INDEX audit_event_unit_idx ON audit_event (unit_id, seq)`);
    await db.query(`CREATE INDEX audit_event_actor_idx ON audit_event (actor_id, seq)`);
    // Append-only even for someone with SQL access through the application's role.
    await db.query(`
      CREATE FUNCTION audit_event_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_event is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await db.query(`
      CREATE TRIGGER audit_event_no_update_delete BEFORE UPDATE OR DELETE ON audit_event
      FOR EACH ROW EXECUTE FUNCTION audit_event_refuse_change()`);
    await db.query(`
      CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event
      FOR EACH STATEMENT EXECUTE FUNCTION audit_event_refuse_change()`);

    await db.query(`
      CREATE TABLE job_run (
        job         text NOT NULL,
        slot        text NOT NULL,
        instance    text NOT NULL,
        started_at  timestamptz NOT NULL DEFAULT now(),
        finished_at timestamptz,
        outcome     text CHECK (outcome IN ('success', 'skipped', 'failed')),
        details     jsonb NOT NULL DEFAULT '{}',
        PRIMARY KEY (job, slot)
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE job_run`);
    await db.query(`DROP TABLE audit_event`);
    await db.query(`DROP FUNCTION audit_event_refuse_change()`);
    await db.query(`DROP TABLE api_token`);
    await db.query(`DROP TABLE app_user`);
    await db.query(`DROP TABLE unit`);
  }
}
