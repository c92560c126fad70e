import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { queryRows } from '../db/sql';
import type { ConnectedAccount, ConnectionState, HealthReading, OAuthProvider } from './connection.types';

type Db = Pick<DataSource | EntityManager, 'query'>;

/** A channel account row with its connection columns (credentials still sealed). */
export interface AccountRow {
  id: string;
  unit_id: string;
  unit_code: string;
  channel: string;
  mode: string;
  handle: string | null;
  credentials_sealed: string | null;
  connection_method: 'oauth' | 'pasted' | null;
  state: ConnectionState;
  token_expires_at: Date | null;
  refresh_expires_at: Date | null;
  credentials_version: number;
  quota_until: Date | null;
  quota_reason: string | null;
}

export interface AttemptRow {
  id: string;
  provider: OAuthProvider;
  unit_id: string;
  unit_code: string;
  channel: string;
  user_id: string;
  code_verifier_sealed: string;
  choices_sealed: string | null;
  expires_at: Date;
  used_at: Date | null;
}

const ACCOUNT_COLUMNS = `a.id, a.unit_id, u.code AS unit_code, a.channel, a.mode, a.handle, a.credentials_sealed, a.connection_method, a.state,
  a.token_expires_at, a.refresh_expires_at, a.credentials_version, a.quota_until, a.quota_reason`;

export const hashState = (state: string) => createHash('sha256').update(state).digest('hex');

/** The SQL of channel connections: accounts' connection columns, OAuth attempts, held publications. */
@Injectable()
export class ConnectionsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async account(unitId: string, channel: string, db: Db = this.db): Promise<AccountRow | null> {
    const [row] = await queryRows<AccountRow>(db, `SELECT ${ACCOUNT_COLUMNS} FROM channel_account a JOIN unit u ON u.id = a.unit_id WHERE a.unit_id = $1 AND a.channel = $2`, [unitId, channel]);
    return row ?? null;
  }

  async accountByUnitCode(unitCode: string, channel: string): Promise<AccountRow | null> {
    const [row] = await queryRows<AccountRow>(this.db, `SELECT ${ACCOUNT_COLUMNS} FROM channel_account a JOIN unit u ON u.id = a.unit_id WHERE u.code = $1 AND a.channel = $2`, [unitCode, channel]);
    return row ?? null;
  }

  /**
   * Locks the account row until the transaction ends: refreshes of one account run one at a time,
   * across instances. `waitMs` bounds the wait for another instance's refresh.
   */
  async lockAccount(manager: EntityManager, id: string, waitMs?: number): Promise<AccountRow | null> {
    if (waitMs) await manager.query(`SELECT set_config('lock_timeout', $1, true)`, [`${waitMs}ms`]);
    const [row] = await queryRows<AccountRow>(manager, `SELECT ${ACCOUNT_COLUMNS} FROM channel_account a JOIN unit u ON u.id = a.unit_id WHERE a.id = $1 FOR UPDATE OF a`, [id]);
    return row ?? null;
  }

  /** API accounts of the channels Gaung connects, for the health job. */
  apiAccounts(channels: readonly string[]): Promise<AccountRow[]> {
    return queryRows<AccountRow>(this.db, `SELECT ${ACCOUNT_COLUMNS} FROM channel_account a JOIN unit u ON u.id = a.unit_id
      WHERE a.mode = 'api' AND a.credentials_sealed IS NOT NULL AND a.channel = ANY($1) ORDER BY a.id`, [channels]);
  }

  async anyApiAccount(channels: readonly string[]): Promise<boolean> {
    const rows = await queryRows<{ one: number }>(this.db, `SELECT 1 AS one FROM channel_account WHERE mode = 'api' AND credentials_sealed IS NOT NULL AND channel = ANY($1) LIMIT 1`, [channels]);
    return rows.length > 0;
  }

  /** Stores a (re)connected account: tokens sealed by the caller, state connected, quota and notices cleared. */
  async saveConnected(manager: EntityManager, input: { unitId: string; channel: string; account: ConnectedAccount; sealed: string; method: 'oauth' | 'pasted'; userId: string; now: Date }): Promise<string> {
    const { account: a } = input;
    const [row] = await queryRows<{ id: string }>(manager,
      `INSERT INTO channel_account (unit_id, channel, mode, handle, credentials_sealed, updated_by, updated_at, connection_method, state, state_reason, state_changed_at,
          external_id, display_name, token_expires_at, refresh_expires_at, scopes, verified, verified_source, verified_checked_at, last_checked_at,
          connected_at, connected_by, credentials_version, reconnect_notified_at, quota_until, quota_reason)
       VALUES ($1, $2, 'api', $3, $4, $5, $6, $7, 'connected', NULL, $6, $8, $9, $10, $11, $12, COALESCE($13, false), CASE WHEN $13 IS NULL THEN NULL ELSE 'api' END,
          CASE WHEN $13 IS NULL THEN NULL ELSE $6::timestamptz END, $6, $6, $5, 0, NULL, NULL, NULL)
       ON CONFLICT (unit_id, channel) DO UPDATE SET mode = 'api', handle = COALESCE(EXCLUDED.handle, channel_account.handle), credentials_sealed = EXCLUDED.credentials_sealed,
          updated_by = EXCLUDED.updated_by, updated_at = EXCLUDED.updated_at, connection_method = EXCLUDED.connection_method, state = 'connected', state_reason = NULL,
          state_changed_at = EXCLUDED.state_changed_at, external_id = EXCLUDED.external_id, display_name = EXCLUDED.display_name,
          token_expires_at = EXCLUDED.token_expires_at, refresh_expires_at = EXCLUDED.refresh_expires_at, scopes = EXCLUDED.scopes,
          -- a badge read from the API replaces the admin's mark; an API that says nothing keeps it
          verified = CASE WHEN EXCLUDED.verified_source = 'api' THEN EXCLUDED.verified ELSE channel_account.verified END,
          verified_source = COALESCE(EXCLUDED.verified_source, channel_account.verified_source),
          verified_checked_at = COALESCE(EXCLUDED.verified_checked_at, channel_account.verified_checked_at),
          last_checked_at = EXCLUDED.last_checked_at, connected_at = EXCLUDED.connected_at, connected_by = EXCLUDED.connected_by,
          credentials_version = channel_account.credentials_version + 1, reconnect_notified_at = NULL, quota_until = NULL, quota_reason = NULL
       RETURNING id`,
      [input.unitId, input.channel, a.handle, input.sealed, input.userId, input.now, input.method, a.externalId, a.displayName, a.tokenExpiresAt,
        a.refreshExpiresAt, a.scopes, a.verified],
    );
    return row.id;
  }

  /** After a refresh: the new tokens, one version further (only if nobody else refreshed meanwhile: the row is locked). */
  async saveRefreshed(manager: EntityManager, id: string, sealed: string, tokenExpiresAt: Date | null, refreshExpiresAt: Date | null, now: Date): Promise<void> {
    await manager.query(
      `UPDATE channel_account SET credentials_sealed = $2, token_expires_at = $3, refresh_expires_at = COALESCE($4, refresh_expires_at),
          credentials_version = credentials_version + 1, state = CASE WHEN state = 'expiring' THEN 'connected' ELSE state END, updated_at = $5 WHERE id = $1`,
      [id, sealed, tokenExpiresAt, refreshExpiresAt, now],
    );
  }

  /**
   * Records a health outcome. Returns true when the account has just become unusable and nobody
   * was told yet (the caller notifies once per episode).
   */
  async setState(db: Db, id: string, reading: HealthReading, now: Date): Promise<boolean> {
    const [row] = await queryRows<{ notify: boolean }>(db,
      `UPDATE channel_account a SET state = $2, state_reason = $3, last_checked_at = $4,
          state_changed_at = CASE WHEN a.state = $2 THEN a.state_changed_at ELSE $4 END,
          scopes = COALESCE($5, a.scopes), token_expires_at = COALESCE($6, a.token_expires_at),
          verified = CASE WHEN $7::boolean IS NOT NULL THEN $7 ELSE a.verified END,
          verified_source = CASE WHEN $7::boolean IS NOT NULL THEN 'api' ELSE a.verified_source END,
          verified_checked_at = CASE WHEN $7::boolean IS NOT NULL THEN $4 ELSE a.verified_checked_at END,
          reconnect_notified_at = CASE WHEN $2 IN ('reconnect_needed', 'revoked') THEN COALESCE(a.reconnect_notified_at, $4) ELSE NULL END
        FROM channel_account before WHERE a.id = $1 AND before.id = a.id
        RETURNING ($2 IN ('reconnect_needed', 'revoked') AND before.reconnect_notified_at IS NULL) AS notify`,
      [id, reading.state, reading.reason, now, reading.scopes ?? null, reading.tokenExpiresAt ?? null, reading.verified === undefined ? null : reading.verified],
    );
    return row?.notify ?? false;
  }

  /** The handle an officer typed over the one the platform reported. */
  async setHandle(unitId: string, channel: string, handle: string): Promise<void> {
    await this.db.query(`UPDATE channel_account SET handle = $3 WHERE unit_id = $1 AND channel = $2`, [unitId, channel, handle]);
  }

  async storyTitle(manager: EntityManager, storyId: string): Promise<string> {
    const [row] = await queryRows<{ title: string }>(manager, `SELECT title FROM story WHERE id = $1`, [storyId]);
    return row?.title ?? '';
  }

  async setQuota(manager: EntityManager, unitId: string, channel: string, until: Date, reason: string): Promise<void> {
    await manager.query(`UPDATE channel_account SET quota_until = GREATEST(COALESCE(quota_until, $3), $3), quota_reason = $4 WHERE unit_id = $1 AND channel = $2`, [unitId, channel, until, reason]);
  }

  /**
   * Takes one call from a per-account budget (TikTok: 6 per minute) in PostgreSQL, so that all
   * instances share it. Returns null when taken, else when the oldest call leaves the window.
   */
  async takeCall(manager: EntityManager, accountId: string, call: string, limit: number, windowMs: number, now: Date): Promise<Date | null> {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`channel_call:${accountId}:${call}`]);
    const since = new Date(now.getTime() - windowMs);
    const used = await queryRows<{ at: Date }>(manager, `SELECT at FROM channel_call WHERE account_id = $1 AND call = $2 AND at > $3 ORDER BY at`, [accountId, call, since]);
    if (used.length >= limit) return new Date(new Date(used[0].at).getTime() + windowMs);
    await manager.query(`DELETE FROM channel_call WHERE account_id = $1 AND call = $2 AND at <= $3`, [accountId, call, since]);
    await manager.query(`INSERT INTO channel_call (account_id, call, at) VALUES ($1, $2, $3)`, [accountId, call, now]);
    return null;
  }

  /** Publications held for a reconnection of this account go out again (the claim still checks approval and pause). */
  async releaseHeld(manager: EntityManager, unitId: string, channel: string, now: Date): Promise<{ id: string; story_id: string }[]> {
    return queryRows(manager,
      `UPDATE publication p SET status = 'scheduled', due_at = GREATEST(p.due_at, $3), last_error = NULL, updated_at = $3
         FROM story s WHERE s.id = p.story_id AND s.unit_id = $1 AND p.channel = $2 AND p.status = 'awaiting_reconnect'
       RETURNING p.id, p.story_id`,
      [unitId, channel, now],
    );
  }

  /** Tells the unit's humas (the nearest unit above that has any, as for failures) and every admin. */
  async notifyReconnect(manager: EntityManager, unitId: string, storyId: string | null, message: string): Promise<void> {
    await manager.query(
      `WITH RECURSIVE humas AS (
         SELECT array_agg(h.id) AS ids FROM unit u, unnest(u.path) WITH ORDINALITY AS up(unit_id, depth)
           JOIN app_user h ON h.unit_id = up.unit_id AND h.role = 'humas' AND h.active
          WHERE u.id = $1 GROUP BY up.depth ORDER BY up.depth DESC LIMIT 1)
       INSERT INTO notification (user_id, kind, story_id, message)
       SELECT DISTINCT id, 'account_reconnect', $2::uuid, $3 FROM (
         SELECT unnest(ids) AS id FROM humas UNION SELECT id FROM app_user WHERE role = 'admin' AND active) t`,
      [unitId, storyId, message],
    );
  }

  async createAttempt(input: { state: string; provider: OAuthProvider; unitId: string; channel: string; userId: string; sealedVerifier: string; expiresAt: Date }): Promise<string> {
    const [row] = await queryRows<{ id: string }>(this.db,
      `INSERT INTO oauth_attempt (state_hash, provider, unit_id, channel, user_id, code_verifier_sealed, expires_at) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
      [hashState(input.state), input.provider, input.unitId, input.channel, input.userId, input.sealedVerifier, input.expiresAt]);
    return row.id;
  }

  /** Claims an attempt by its state, once: a replayed or unknown state finds nothing. */
  async useAttempt(state: string, provider: string, userId: string, now: Date): Promise<AttemptRow | null> {
    const [row] = await queryRows<AttemptRow>(this.db,
      `UPDATE oauth_attempt t SET used_at = $4 FROM unit u
        WHERE u.id = t.unit_id AND t.state_hash = $1 AND t.provider = $2 AND t.user_id = $3 AND t.used_at IS NULL AND t.expires_at > $4
       RETURNING t.id, t.provider, t.unit_id, u.code AS unit_code, t.channel, t.user_id, t.code_verifier_sealed, t.choices_sealed, t.expires_at, t.used_at`,
      [hashState(state), provider, userId, now]);
    return row ?? null;
  }

  async finishAttempt(id: string, outcome: string, choicesSealed: string | null = null): Promise<void> {
    await this.db.query(`UPDATE oauth_attempt SET outcome = $2, choices_sealed = $3 WHERE id = $1`, [id, outcome, choicesSealed]);
  }

  /** An attempt waiting for the officer to pick a Page; taken once. */
  async takeChoices(id: string, userId: string, now: Date): Promise<AttemptRow | null> {
    const [row] = await queryRows<AttemptRow>(this.db,
      `UPDATE oauth_attempt t SET outcome = 'chosen', choices_sealed = NULL FROM unit u, oauth_attempt before
        WHERE u.id = t.unit_id AND before.id = t.id AND t.id = $1 AND t.user_id = $2 AND t.outcome = 'choose' AND t.choices_sealed IS NOT NULL AND t.expires_at > $3
       RETURNING t.id, t.provider, t.unit_id, u.code AS unit_code, t.channel, t.user_id, t.code_verifier_sealed, before.choices_sealed, t.expires_at, t.used_at`,
      [id, userId, now]);
    return row ?? null;
  }

  async peekChoices(id: string, userId: string, now: Date): Promise<AttemptRow | null> {
    const [row] = await queryRows<AttemptRow>(this.db,
      `SELECT t.id, t.provider, t.unit_id, u.code AS unit_code, t.channel, t.user_id, t.code_verifier_sealed, t.choices_sealed, t.expires_at, t.used_at
         FROM oauth_attempt t JOIN unit u ON u.id = t.unit_id WHERE t.id = $1 AND t.user_id = $2 AND t.outcome = 'choose' AND t.expires_at > $3`,
      [id, userId, now]);
    return row ?? null;
  }

  async humasMayConnect(unitId: string): Promise<boolean> {
    const [row] = await queryRows<{ allowed: boolean }>(this.db, `SELECT humas_may_connect AS allowed FROM unit WHERE id = $1`, [unitId]);
    return row?.allowed ?? false;
  }

  async setHumasMayConnect(manager: EntityManager, unitId: string, allowed: boolean): Promise<void> {
    await manager.query(`UPDATE unit SET humas_may_connect = $2 WHERE id = $1`, [unitId, allowed]);
  }
}
