import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { Clock } from '../common/clock';
import { SecretBox } from '../common/crypto/secret-box';
import { ConnectionError } from './connection.errors';
import type { Credentials } from './connection.types';
import { ConnectorRegistry } from './connector-registry';
import { type AccountRow, ConnectionsRepository } from './connections.repository';

/** A token is renewed this long before it expires (a post or metrics read never starts on a dying token). */
export const REFRESH_MARGIN_MS = 5 * 60_000;

export type FreshCredentials = { ok: true; credentials: Credentials } | { ok: false; reason: string };

export const sealContext = (unitId: string, channel: string) => `channel_account:${unitId}:${channel}`;

/**
 * Hands out usable credentials and renews tokens before they expire. Refresh tokens of X and
 * TikTok are single-use and rotate: two instances spending the same one at once would leave one
 * of them with a dead token and the account disconnected. So a refresh happens under a row lock
 * of the account in PostgreSQL (SELECT ... FOR UPDATE): the second instance waits, then finds a
 * newer version and uses its token instead of refreshing again.
 */
@Injectable()
export class TokenKeeper {
  private readonly logger = new Logger('Connections');

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly repository: ConnectionsRepository,
    private readonly connectors: ConnectorRegistry,
    private readonly box: SecretBox,
    private readonly clock: Clock,
  ) {}

  open(row: Pick<AccountRow, 'unit_id' | 'channel' | 'credentials_sealed'>): Credentials {
    return row.credentials_sealed ? (JSON.parse(this.box.open(row.credentials_sealed, sealContext(row.unit_id, row.channel))) as Credentials) : {};
  }

  seal(unitId: string, channel: string, credentials: Credentials): string {
    return this.box.seal(JSON.stringify(credentials), sealContext(unitId, channel));
  }

  /** Whether this account's token must be renewed now (within `marginMs` of its expiry). */
  needsRefresh(row: Pick<AccountRow, 'token_expires_at' | 'channel'>, marginMs = REFRESH_MARGIN_MS): boolean {
    if (!row.token_expires_at || !this.connectors.forChannel(row.channel)?.refresh) return false;
    return new Date(row.token_expires_at).getTime() - this.clock.now().getTime() <= marginMs;
  }

  /**
   * Usable credentials of an account: refreshed first when near expiry. A refused refresh marks
   * the account `reconnect_needed` and answers why; a platform that cannot be reached throws
   * (the caller retries later: nothing is decided on a network failure).
   */
  async fresh(row: AccountRow, marginMs = REFRESH_MARGIN_MS): Promise<FreshCredentials> {
    if (row.state === 'reconnect_needed' || row.state === 'revoked') return { ok: false, reason: `the ${row.channel} account needs reconnecting` };
    if (!this.needsRefresh(row, marginMs)) return { ok: true, credentials: this.open(row) };
    return this.refreshLocked(row.id, row.credentials_version, marginMs);
  }

  private async refreshLocked(accountId: string, seenVersion: number, marginMs: number): Promise<FreshCredentials> {
    let rejected: string | null = null;
    const result = await this.db.transaction(async (manager): Promise<FreshCredentials> => {
      // waits while another instance refreshes this account
      const row = await this.repository.lockAccount(manager, accountId, 60_000);
      if (!row) return { ok: false, reason: 'the account no longer exists' };
      if (row.state === 'reconnect_needed' || row.state === 'revoked') return { ok: false, reason: `the ${row.channel} account needs reconnecting` };
      // someone refreshed while we waited: their token is ours too
      if (row.credentials_version !== seenVersion && !this.needsRefresh(row, marginMs)) return { ok: true, credentials: this.open(row) };
      if (!this.needsRefresh(row, marginMs)) return { ok: true, credentials: this.open(row) };
      const connector = this.connectors.forChannel(row.channel);
      try {
        const renewed = await connector!.refresh!(row.channel, this.open(row));
        await this.repository.saveRefreshed(manager, row.id, this.seal(row.unit_id, row.channel, renewed.credentials), renewed.tokenExpiresAt, renewed.refreshExpiresAt, this.clock.now());
        this.logger.log({ channel: row.channel, unit: row.unit_code }, 'token refreshed');
        return { ok: true, credentials: renewed.credentials };
      } catch (error) {
        if (error instanceof ConnectionError && (error.code === 'refresh_rejected' || error.code === 'credentials_invalid')) {
          rejected = error.detail;
          return { ok: false, reason: `${row.channel} refused to renew the token: ${error.detail}` };
        }
        throw error;
      }
    });
    if (rejected !== null) await this.markRejected(accountId, rejected);
    return result;
  }

  /** Outside the refresh transaction, so that the state sticks whatever the caller does next. */
  private async markRejected(accountId: string, detail: string): Promise<void> {
    await this.db.transaction(async (manager) => {
      const row = await this.repository.lockAccount(manager, accountId);
      if (!row) return;
      const notify = await this.repository.setState(manager, row.id, { state: 'reconnect_needed', reason: 'Platform menolak memperbarui token: hubungkan ulang.' }, this.clock.now());
      this.logger.warn({ channel: row.channel, unit: row.unit_code, detail }, 'token refresh refused: reconnect needed');
      if (notify) await this.repository.notifyReconnect(manager, row.unit_id, null, `Akun ${row.channel} ${row.unit_code} perlu dihubungkan ulang: token tidak dapat diperbarui.`);
    });
  }
}
