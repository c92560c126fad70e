import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { Clock } from '../common/clock';
import type { PublishOutcome, PublishRequest } from '../publishing/channels/channel-provider';
import { ConnectionError } from './connection.errors';
import { ConnectionsRepository } from './connections.repository';
import { TokenKeeper } from './token-keeper.service';

/**
 * Publishing quotas Gaung keeps itself, per account and shared by every instance: TikTok allows
 * each user token six content/init requests a minute. (X's limits and Instagram's 24-hour
 * publishing limit are read from the platform: X's answer headers, Instagram's
 * content_publishing_limit.)
 */
const CALL_BUDGETS: Record<string, { call: string; limit: number; windowMs: number }> = {
  tiktok: { call: 'content_init', limit: 6, windowMs: 60_000 },
};

export type GateResult = { ok: true; request: PublishRequest } | { ok: false; outcome: PublishOutcome };

/**
 * What the dispatcher asks before an API post: is the account usable (not waiting for a
 * reconnection), is it within its quota, and are its tokens fresh (renewed here if not).
 * Nothing is sent when the answer is no: the publication waits or is delayed instead.
 */
@Injectable()
export class ConnectionGate {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly repository: ConnectionsRepository,
    private readonly tokens: TokenKeeper,
    private readonly clock: Clock,
  ) {}

  async prepare(request: PublishRequest): Promise<GateResult> {
    if (request.account.mode !== 'api') return { ok: true, request };
    const row = await this.repository.accountByUnitCode(request.unit.code, request.channel);
    if (!row || row.mode !== 'api') return { ok: true, request };
    const now = this.clock.now();
    if (row.quota_until && new Date(row.quota_until) > now) {
      return { ok: false, outcome: { kind: 'over_quota', until: new Date(row.quota_until), reason: row.quota_reason ?? `${row.channel} quota reached` } };
    }
    let fresh;
    try {
      fresh = await this.tokens.fresh(row);
    } catch (error) {
      const what = error instanceof ConnectionError ? error.detail : (error as Error).name;
      return { ok: false, outcome: { kind: 'transient', reason: `${row.channel}: the token could not be renewed now: ${what}` } };
    }
    if (!fresh.ok) return { ok: false, outcome: { kind: 'reconnect', reason: fresh.reason } };
    const budget = CALL_BUDGETS[row.channel];
    if (budget) {
      const until = await this.db.transaction((manager) => this.repository.takeCall(manager, row.id, budget.call, budget.limit, budget.windowMs, now));
      if (until) return { ok: false, outcome: { kind: 'over_quota', until, reason: `${row.channel}: ${budget.limit} posts per ${budget.windowMs / 1000} s per account` } };
    }
    return { ok: true, request: { ...request, account: { ...request.account, credentials: fresh.credentials } } };
  }
}
