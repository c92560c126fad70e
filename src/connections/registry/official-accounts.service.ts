import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AuditService } from '../../audit/audit.service';
import type { AuthUser } from '../../common/auth/auth-user';
import { Clock } from '../../common/clock';
import { ProblemException } from '../../common/problem/problem.exception';
import { ScopeService } from '../../units/scope.service';
import { OfficialAccountsRepository, type RegistryRow } from './official-accounts.repository';

/** The channels of the official accounts order (verified accounts for every unit); WhatsApp groups are not accounts. */
export const REGISTRY_CHANNELS = ['x', 'instagram', 'facebook', 'tiktok', 'telegram'] as const;

export interface RegistryFilter {
  unitCode?: string;
  /** Units without an account on this channel. */
  without?: string;
  /** Units with at least one account that is not verified. */
  unverified?: boolean;
  /** Units with an account that needs reconnecting (or was revoked). */
  needsReconnect?: boolean;
}

export interface RegistryAccount {
  channel: string;
  handle: string | null;
  /** none: no account; manual: posted by hand; else the connection state. */
  state: 'none' | 'manual' | 'webhook' | 'connected' | 'expiring' | 'reconnect_needed' | 'revoked';
  stateReason: string | null;
  connectionMethod: string | null;
  verified: boolean;
  verifiedSource: 'api' | 'admin' | null;
  verifiedCheckedAt: string | null;
  lastPostAt: string | null;
}

export interface RegistryUnit {
  unitCode: string;
  unitName: string;
  level: string;
  accounts: RegistryAccount[];
}

const NEEDS_RECONNECT = ['reconnect_needed', 'revoked'];

/** The registry of official accounts per unit and channel, with the Kabid Humas's follow-up filters. */
@Injectable()
export class OfficialAccountsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly repository: OfficialAccountsRepository,
    private readonly scope: ScopeService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async list(user: AuthUser, filter: RegistryFilter): Promise<{ items: RegistryUnit[]; total: number }> {
    const root = filter.unitCode ? (await this.scope.requireUnit(user, filter.unitCode)).id : user.role === 'admin' ? null : user.unitId;
    const rows = await this.repository.rows(root, REGISTRY_CHANNELS);
    const units = new Map<string, RegistryUnit>();
    for (const row of rows) {
      const unit = units.get(row.unit_code) ?? { unitCode: row.unit_code, unitName: row.unit_name, level: row.level, accounts: [] };
      unit.accounts.push(accountOf(row));
      units.set(row.unit_code, unit);
    }
    const items = [...units.values()].filter((u) => matches(u, filter));
    return { items, total: items.length };
  }

  async markVerified(user: AuthUser, unitCode: string, channel: string, verified: boolean): Promise<void> {
    const unit = await this.scope.requireUnit(user, unitCode);
    await this.db.transaction(async (manager) => {
      if (!(await this.repository.markVerified(manager, unit.id, channel, verified, this.clock.now()))) {
        throw ProblemException.notFound(`The ${channel} account of ${unitCode}`);
      }
      await this.audit.record({ actorId: user.id, action: 'channel_account.verified', subjectType: 'channel_account', subjectId: `${unitCode}:${channel}`, unitId: unit.id, to: String(verified) }, manager);
    });
  }
}

function accountOf(row: RegistryRow): RegistryAccount {
  const exists = row.mode !== null || row.handle !== null;
  const state: RegistryAccount['state'] = !exists ? 'none' : row.mode === 'api' ? ((row.state ?? 'connected') as RegistryAccount['state']) : row.mode === 'webhook' ? 'webhook' : 'manual';
  return {
    channel: row.channel, handle: row.handle, state, stateReason: row.mode === 'api' ? row.state_reason : null, connectionMethod: row.connection_method,
    verified: row.verified === true, verifiedSource: (row.verified_source as 'api' | 'admin' | null) ?? null,
    verifiedCheckedAt: row.verified_checked_at ? new Date(row.verified_checked_at).toISOString() : null,
    lastPostAt: row.last_post_at ? new Date(row.last_post_at).toISOString() : null,
  };
}

function matches(unit: RegistryUnit, filter: RegistryFilter): boolean {
  if (filter.without && unit.accounts.find((a) => a.channel === filter.without)?.state !== 'none') return false;
  if (filter.unverified && !unit.accounts.some((a) => a.state !== 'none' && !a.verified)) return false;
  if (filter.needsReconnect && !unit.accounts.some((a) => NEEDS_RECONNECT.includes(a.state))) return false;
  return true;
}
