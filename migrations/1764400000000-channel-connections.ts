import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Real channel connections (issue 21): how each account was connected and how healthy it is,
 * OAuth attempts in flight (state, PKCE verifier), publications that wait for a reconnection,
 * a per-account ledger of rate-limited calls, and engagement metrics read back per publication.
 */
export class ChannelConnections1764400000000 implements MigrationInterface {
  name = 'ChannelConnections1764400000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE channel_account
        ADD COLUMN connection_method   text CHECK (connection_method IN ('oauth', 'pasted')),
        -- connected | expiring (token near its end, not yet renewed) | reconnect_needed | revoked
        ADD COLUMN state               text NOT NULL DEFAULT 'connected'
                                         CHECK (state IN ('connected', 'expiring', 'reconnect_needed', 'revoked')),
        ADD COLUMN state_reason        text,
        ADD COLUMN state_changed_at    timestamptz,
        -- the account on the platform: X user id, Page id, IG user id, TikTok open_id, Telegram chat id
        ADD COLUMN external_id         text,
        ADD COLUMN display_name        text,
        ADD COLUMN token_expires_at    timestamptz,
        ADD COLUMN refresh_expires_at  timestamptz,
        ADD COLUMN scopes              text[],
        -- the platform's own badge when its API tells, else an admin's check with its date
        ADD COLUMN verified            boolean NOT NULL DEFAULT false,
        ADD COLUMN verified_source     text CHECK (verified_source IN ('api', 'admin')),
        ADD COLUMN verified_checked_at timestamptz,
        ADD COLUMN last_checked_at     timestamptz,
        ADD COLUMN connected_at        timestamptz,
        ADD COLUMN connected_by        uuid REFERENCES app_user (id),
        -- bumped by every token refresh: concurrent refreshers see that another one won
        ADD COLUMN credentials_version integer NOT NULL DEFAULT 0,
        ADD COLUMN reconnect_notified_at timestamptz,
        -- the platform said this account is over its publishing quota until then (X, Instagram, TikTok)
        ADD COLUMN quota_until         timestamptz,
        ADD COLUMN quota_reason        text`);
    await db.query(`CREATE INDEX channel_account_state_idx ON channel_account (state) WHERE mode = 'api'`);
    // whether a unit's own humas may connect its accounts (the admin allows it per unit)
    await db.query(`ALTER TABLE unit ADD COLUMN humas_may_connect boolean NOT NULL DEFAULT false`);

    await db.query(`
      CREATE TABLE oauth_attempt (
        id                 uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        -- sha-256 of the state sent to the provider: the state itself is never stored
        state_hash         text NOT NULL UNIQUE,
        provider           text NOT NULL CHECK (provider IN ('x', 'facebook', 'tiktok')),
        unit_id            uuid NOT NULL REFERENCES unit (id),
        channel            text NOT NULL,
        user_id            uuid NOT NULL REFERENCES app_user (id),
        code_verifier_sealed text NOT NULL,
        -- Facebook: the Pages found, sealed with their tokens, until the officer picks one
        choices_sealed     text,
        created_at         timestamptz NOT NULL DEFAULT now(),
        expires_at         timestamptz NOT NULL,
        used_at            timestamptz,
        outcome            text
      )`);

    await db.query(`ALTER TABLE publication DROP CONSTRAINT publication_status_check`);
    await db.query(`
      ALTER TABLE publication ADD CONSTRAINT publication_status_check CHECK (status IN
        ('scheduled', 'sending', 'retrying', 'published', 'awaiting_manual', 'awaiting_reconnect', 'unconfirmed', 'failed', 'cancelled', 'held'))`);
    await db.query(`
      ALTER TABLE publication
        -- an id the platform gave a post still being finished (TikTok publish_id in the creator's inbox)
        ADD COLUMN remote_ref  text,
        ADD COLUMN waiting_for text`);
    await db.query(`CREATE INDEX publication_awaiting_reconnect_idx ON publication (channel) WHERE status = 'awaiting_reconnect'`);

    await db.query(`
      CREATE TABLE channel_call (
        account_id uuid NOT NULL REFERENCES channel_account (id) ON DELETE CASCADE,
        call       text NOT NULL,
        at         timestamptz NOT NULL
      )`);
    await db.query(`CREATE INDEX channel_call_idx ON channel_call (account_id, call, at)`);

    await db.query(`
      CREATE TABLE publication_metric (
        publication_id  uuid PRIMARY KEY REFERENCES publication (id) ON DELETE CASCADE,
        channel         text NOT NULL,
        impressions     bigint,
        reach           bigint,
        views           bigint,
        likes           bigint,
        comments        bigint,
        shares          bigint,
        saves           bigint,
        engagements     bigint,
        -- what this platform's API does not offer for this post, said plainly
        unavailable     text[] NOT NULL DEFAULT '{}',
        collections     integer NOT NULL DEFAULT 0,
        collected_at    timestamptz,
        next_collect_at timestamptz,
        last_error      text,
        lease_until     timestamptz
      )`);
    await db.query(`CREATE INDEX publication_metric_due_idx ON publication_metric (next_collect_at) WHERE next_collect_at IS NOT NULL`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE publication_metric`);
    await db.query(`DROP TABLE channel_call`);
    await db.query(`DROP INDEX publication_awaiting_reconnect_idx`);
    await db.query(`ALTER TABLE publication DROP COLUMN remote_ref, DROP COLUMN waiting_for`);
    await db.query(`UPDATE publication SET status = 'failed' WHERE status = 'awaiting_reconnect'`);
    await db.query(`ALTER TABLE publication DROP CONSTRAINT publication_status_check`);
    await db.query(`
      ALTER TABLE publication ADD CONSTRAINT publication_status_check CHECK (status IN
        ('scheduled', 'sending', 'retrying', 'published', 'awaiting_manual', 'unconfirmed', 'failed', 'cancelled', 'held'))`);
    await db.query(`DROP TABLE oauth_attempt`);
    await db.query(`ALTER TABLE unit DROP COLUMN humas_may_connect`);
    await db.query(`DROP INDEX channel_account_state_idx`);
    await db.query(`
      ALTER TABLE channel_account DROP COLUMN connection_method, DROP COLUMN state, DROP COLUMN state_reason, DROP COLUMN state_changed_at,
        DROP COLUMN external_id, DROP COLUMN display_name, DROP COLUMN token_expires_at, DROP COLUMN refresh_expires_at, DROP COLUMN scopes,
        DROP COLUMN verified, DROP COLUMN verified_source, DROP COLUMN verified_checked_at, DROP COLUMN last_checked_at,
        DROP COLUMN connected_at, DROP COLUMN connected_by, DROP COLUMN credentials_version, DROP COLUMN reconnect_notified_at,
        DROP COLUMN quota_until, DROP COLUMN quota_reason`);
  }
}
