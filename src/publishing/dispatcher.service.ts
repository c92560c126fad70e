import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { Clock } from '../common/clock';
import { GAUNG_CONFIG, type GaungConfig } from '../config/gaung-config';
import { queryRows } from '../db/sql';
import { INSTANCE_ID } from '../jobs/job-runner.service';
import type { ChannelProvider, PublishOutcome, PublishRequest } from './channels/channel-provider';
import { PublishGate } from '../privacy-gate/publish-gate.service';
import { ChannelRegistry } from './channels/channel-registry';
import { DISPATCH, withConcurrency } from './dispatch-policy';
import { OutcomeRecorder } from './outcome-recorder';
import { type ClaimedPublication, PublicationRequestBuilder } from './publication-request.builder';

/**
 * Every instance runs this loop. Due publications are claimed with FOR UPDATE SKIP LOCKED and a
 * lease, so each is attempted by one instance; outcomes are written only while the lease is
 * still this instance's. A lease that expires (the instance died mid-call) becomes
 * `unconfirmed`: it is never re-sent automatically (DESIGN.md §9).
 */
@Injectable()
export class Dispatcher implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Dispatcher');
  private timer?: NodeJS.Timeout;
  private ticking = false;
  private stopping = false;
  private inFlight = 0;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly builder: PublicationRequestBuilder,
    private readonly providers: ChannelRegistry,
    private readonly recorder: OutcomeRecorder,
    private readonly clock: Clock,
    @Inject(GAUNG_CONFIG) private readonly config: GaungConfig,
    private readonly gate: PublishGate,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.dispatchIntervalMs > 0) {
      this.timer = setInterval(() => void this.tick().catch((error: Error) => this.logger.error({ err: { name: error.name, stack: error.stack } }, 'dispatch tick failed')), this.config.dispatchIntervalMs);
      this.timer.unref();
    }
  }

  /** Graceful shutdown: stop claiming, let calls in flight finish (their leases cover them otherwise). */
  async onApplicationShutdown(): Promise<void> {
    this.stopping = true;
    if (this.timer) clearInterval(this.timer);
    const deadline = Date.now() + this.config.publishTimeoutMs + 1_000;
    while ((this.inFlight > 0 || this.ticking) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  }

  /** One round: expire dead leases, claim due work, send it. Returns how many were attempted. */
  async tick(): Promise<number> {
    if (this.ticking || this.stopping) return 0;
    this.ticking = true;
    try {
      await this.recorder.expireLeases(this.clock.now());
      let total = 0;
      for (let round = 0; round < DISPATCH.maxRoundsPerTick && !this.stopping; round++) {
        const claimed = await this.claim();
        total += claimed.length;
        await this.sendAll(claimed);
        if (claimed.length < DISPATCH.batch) break;
      }
      return total;
    } finally {
      this.ticking = false;
    }
  }

  /** The website in one batch (nothing leaves the machine); other channels per call, a few at a time per channel. */
  private async sendAll(claimed: ClaimedPublication[]): Promise<void> {
    const internal = claimed.filter((p) => p.mode === 'internal');
    const byChannel = new Map<string, ClaimedPublication[]>();
    for (const p of claimed) if (p.mode !== 'internal') byChannel.set(p.channel, [...(byChannel.get(p.channel) ?? []), p]);
    await Promise.all([
      this.recorder.publishInternal(internal, this.config.publicBaseUrl),
      ...[...byChannel.values()].map((items) => withConcurrency(items, DISPATCH.perChannel, (p) => this.send(p))),
    ]);
  }

  private claim(): Promise<ClaimedPublication[]> {
    const now = this.clock.now();
    return queryRows<ClaimedPublication>(this.db,
      `UPDATE publication p SET status = 'sending', attempts = p.attempts + 1, lease_until = $2, claimed_by = $3, updated_at = $1
        WHERE p.id IN (
          SELECT q.id FROM publication q JOIN story s ON s.id = q.story_id JOIN unit u ON u.id = s.unit_id
           WHERE q.status IN ('scheduled', 'retrying') AND q.due_at <= $1
             -- social posts link to the release: they wait until the website has it (unless it was left out)
             AND (q.channel = 'website' OR s.status = 'published' OR NOT ('website' = ANY(COALESCE(s.approved_channels, '{}'))))
             AND NOT EXISTS (SELECT 1 FROM publishing_pause pp WHERE pp.resumed_at IS NULL AND (pp.unit_id IS NULL OR pp.unit_id = ANY(u.path)))
           ORDER BY q.due_at LIMIT $4
           FOR UPDATE OF q SKIP LOCKED)
        RETURNING p.id, p.story_id, p.channel, p.mode, p.attempts`,
      [now, new Date(now.getTime() + this.config.publishTimeoutMs + DISPATCH.leaseMarginMs), INSTANCE_ID, DISPATCH.batch],
    );
  }

  /**
   * Before sending again what was attempted before, a provider that can look for the earlier post
   * does so: found = published; "cannot tell" (it throws) = unknown, never a second post.
   */
  private async earlierPost(provider: ChannelProvider, request: PublishRequest, publication: ClaimedPublication, signal: AbortSignal): Promise<PublishOutcome | null> {
    if (publication.attempts <= 1 || !provider.lookup) return null;
    try {
      const found = await provider.lookup(request, signal);
      return found ? { kind: 'published', externalId: found.externalId, url: found.url } : null;
    } catch (error) {
      return { kind: 'unknown', reason: `could not check for an earlier post: ${(error as Error).name}` };
    }
  }

  private async send(publication: ClaimedPublication): Promise<void> {
    this.inFlight++;
    try {
      const request = await this.builder.build(this.db.manager, publication);
      if (!request) {
        await this.recorder.record(publication, { kind: 'refused', reason: 'the story is no longer approved' }, 'cancelled');
        return;
      }
      // the publish gate, right before the text leaves (issue 16): a hit holds the publication
      const [gate] = await this.gate.check(this.db.manager, [publication.story_id], { channels: [publication.channel] });
      if (gate && gate.findings.length > 0) {
        await this.recorder.hold(publication, gate.findings);
        return;
      }
      const controller = new AbortController();
      const timer = setTimeout(() => controller.abort(), this.config.publishTimeoutMs);
      let outcome: PublishOutcome;
      try {
        const provider = this.providers.providerFor(publication.channel, publication.mode === 'internal' ? null : publication.mode);
        outcome = (await this.earlierPost(provider, request, publication, controller.signal)) ?? (await provider.publish(request, controller.signal));
      } catch (error) {
        // a provider must not throw; if it does, nobody knows whether the post went out
        outcome = { kind: 'unknown', reason: `provider error: ${(error as Error).name}` };
      } finally {
        clearTimeout(timer);
      }
      await this.recorder.record(publication, outcome);
    } finally {
      this.inFlight--;
    }
  }
}
