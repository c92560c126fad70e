import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { AuthUser } from '../common/auth/auth-user';
import { SecretBox } from '../common/crypto/secret-box';
import { ProblemException } from '../common/problem/problem.exception';
import { ScopeService } from '../units/scope.service';
import type { Channel } from '../drafting/channels';
import type { ChannelMode } from './channels/channel-provider';
import { ChannelRegistry } from './channels/channel-registry';
import type { PutChannelAccountDto } from './dto/channel-account.dto';
import { ConnectService } from '../connections/connect.service';
import { ConnectionsRepository } from '../connections/connections.repository';

export const ACCOUNT_CHANNELS = ['x', 'instagram', 'facebook', 'tiktok', 'whatsapp', 'telegram'] as const;

export interface ResolvedAccount {
  mode: ChannelMode;
  handle: string | null;
  credentials: Record<string, string>;
}

/** A unit's accounts per channel; credentials are sealed at rest and only ever opened to post. */
@Injectable()
export class ChannelAccounts {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly scope: ScopeService,
    private readonly box: SecretBox,
    private readonly audit: AuditService,
    private readonly registry: ChannelRegistry,
    private readonly connections: ConnectService,
    private readonly connectionRows: ConnectionsRepository,
  ) {}

  async put(user: AuthUser, unitCode: string, channel: string, dto: PutChannelAccountDto) {
    const unit = await this.scope.requireUnit(user, unitCode);
    if (!this.registry.supports(channel as Channel, dto.mode)) {
      throw ProblemException.unprocessable('channel_mode_unsupported', `${channel} cannot be published in ${dto.mode} mode here; use manual or webhook.`);
    }
    const credentials = dto.credentials ?? null;
    if (dto.mode === 'webhook' && credentials && (!/^https?:\/\/\S+$/.test(credentials.url ?? '') || (credentials.secret ?? '').length < 16)) {
      throw ProblemException.validation([{ field: 'credentials', message: 'a webhook needs credentials.url (http or https) and credentials.secret (at least 16 characters)' }]);
    }
    if (credentials) {
      for (const [key, value] of Object.entries(credentials)) {
        if (!/^[A-Za-z][A-Za-z0-9]{0,40}$/.test(key) || typeof value !== 'string' || value.length > 4096) {
          throw ProblemException.validation([{ field: `credentials.${key}`, message: 'credentials are short text values with simple names' }]);
        }
      }
    }
    if (dto.mode === 'api' && credentials && this.connections.verifiesPasted(channel)) {
      // pasted credentials (self-managed apps) are verified against the platform like a connection
      await this.connections.connectPasted(user, unitCode, channel, credentials);
      if (dto.handle) await this.connectionRows.setHandle(unit.id, channel, dto.handle);
      return (await this.list(user, unitCode)).find((a) => a.channel === channel);
    }
    await this.db.transaction(async (manager) => {
      const context = `channel_account:${unit.id}:${channel}`;
      await manager.query(
        `INSERT INTO channel_account (unit_id, channel, mode, handle, credentials_sealed, updated_by) VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (unit_id, channel) DO UPDATE SET mode = EXCLUDED.mode, handle = EXCLUDED.handle,
           credentials_sealed = COALESCE(EXCLUDED.credentials_sealed, channel_account.credentials_sealed),
           updated_by = EXCLUDED.updated_by, updated_at = now()`,
        [unit.id, channel, dto.mode, dto.handle ?? null, credentials ? this.box.seal(JSON.stringify(credentials), context) : null, user.id],
      );
      // the audit names which credential fields changed, never their values
      await this.audit.record({ actorId: user.id, action: 'channel_account.put', subjectType: 'channel_account', subjectId: `${unitCode}:${channel}`, unitId: unit.id, details: { mode: dto.mode, credentialFields: credentials ? Object.keys(credentials) : [] } }, manager);
    });
    return (await this.list(user, unitCode)).find((a) => a.channel === channel);
  }

  /** The accounts of a unit, without credentials (only whether some are stored). */
  async list(user: AuthUser, unitCode: string) {
    const unit = await this.scope.requireUnit(user, unitCode);
    return this.db.query(
      `SELECT channel, mode, handle, credentials_sealed IS NOT NULL AS "hasCredentials", updated_at AS "updatedAt",
              state, connection_method AS "connectionMethod", verified, token_expires_at AS "tokenExpiresAt"
         FROM channel_account WHERE unit_id = $1 ORDER BY channel`,
      [unit.id],
    ) as Promise<{ channel: string; mode: string; handle: string | null; hasCredentials: boolean; state: string; connectionMethod: string | null; verified: boolean }[]>;
  }

  /**
   * The account a unit posts to a channel with: its own, else none (manual posting by its humas).
   * Opens the credentials; call only to publish.
   */
  async resolve(manager: EntityManager, unitId: string, channel: string): Promise<ResolvedAccount> {
    const [row] = await manager.query(`SELECT mode, handle, credentials_sealed FROM channel_account WHERE unit_id = $1 AND channel = $2`, [unitId, channel]);
    if (!row) return { mode: 'manual', handle: null, credentials: {} };
    const credentials = row.credentials_sealed ? JSON.parse(this.box.open(row.credentials_sealed, `channel_account:${unitId}:${channel}`)) : {};
    return { mode: row.mode, handle: row.handle, credentials };
  }
}
