import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { Notifier } from '../approval/notifier.service';
import { AuditService } from '../audit/audit.service';
import { Clock } from '../common/clock';
import { queryRows } from '../db/sql';
import { INSTANCE_ID } from '../jobs/job-runner.service';
import { describeFinding, type GateFinding } from '../privacy-gate/publish-gate';
import { PublishGate } from '../privacy-gate/publish-gate.service';
import type { PublishOutcome } from './channels/channel-provider';
import { DISPATCH, retryDelayMs } from './dispatch-policy';
import type { ClaimedPublication } from './publication-request.builder';
import { StoryPublisher } from './story-publisher';

/** Keeps error texts short and free of anything that looks like a secret (tokens in URLs). */
const scrub = (reason: string) => reason.replace(/(bot|token=|access_token=|Bearer )[^\s&"']+/gi, '$1[redacted]').slice(0, 500);

/** Writes what a provider answered, while this instance still holds the publication's lease. */
@Injectable()
export class OutcomeRecorder {
  private readonly logger = new Logger('Dispatcher');

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly publisher: StoryPublisher,
    private readonly notifier: Notifier,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly gate: PublishGate,
  ) {}

  /**
   * The publish gate found personal data in what this publication would make public (issue 16):
   * the publication waits (`held`, never failed), the story is marked with what was found where
   * (never the value), and the unit's humas are told; a release with a reason sends it.
   */
  async hold(p: ClaimedPublication, findings: GateFinding[], manager?: EntityManager): Promise<void> {
    const work = async (m: EntityManager) => {
      const now = this.clock.now();
      const summary = findings.map(describeFinding);
      const owned = await queryRows<{ unit_id: string; title: string }>(m,
        `UPDATE publication p SET status = 'held', last_error = $3, lease_until = NULL, updated_at = $4
           FROM story s WHERE p.id = $1 AND s.id = p.story_id AND p.status = 'sending' AND p.claimed_by = $2
         RETURNING s.unit_id, s.title`,
        [p.id, INSTANCE_ID, `Ditahan oleh pemeriksaan data pribadi: ${summary.join('; ')}`.slice(0, 500), now],
      );
      if (owned.length === 0) return;
      await this.gate.hold(m, p.story_id, findings);
      await this.audit.record({
        actorId: null, action: 'publication.held', subjectType: 'story', subjectId: p.story_id, unitId: owned[0].unit_id, to: 'held',
        details: { channel: p.channel, publicationId: p.id, findings: findings.map((f) => `${f.surface}.${f.field}:${f.class}`) },
      }, m);
      await this.notifier.toHumasOf(m, [owned[0].unit_id, ...(await this.parents(m, owned[0].unit_id))], 'publication_held', p.story_id,
        `Publikasi ${p.channel} ditahan: data pribadi terdeteksi (${summary.join('; ')}). Perbaiki atau lepaskan dengan alasan: ${owned[0].title}`.slice(0, 1000));
    };
    await (manager ? work(manager) : this.db.transaction(work));
  }

  async record(p: ClaimedPublication, outcome: PublishOutcome, forced?: 'cancelled'): Promise<void> {
    const now = this.clock.now();
    await this.db.transaction(async (manager) => {
      const set = this.transition(p, outcome, now, forced);
      const owned = await queryRows<{ unit_id: string }>(manager,
        `UPDATE publication p SET status = $3, external_id = COALESCE($4, p.external_id), url = COALESCE($5, p.url), published_at = $6,
                last_error = $7, due_at = COALESCE($8, p.due_at), lease_until = NULL, updated_at = $9
           FROM story s WHERE p.id = $1 AND s.id = p.story_id AND p.status = 'sending' AND p.claimed_by = $2
         RETURNING s.unit_id`,
        [p.id, INSTANCE_ID, set.status, set.externalId, set.url, set.publishedAt, set.error, set.dueAt, now],
      );
      if (owned.length === 0) {
        // the lease expired meanwhile and the publication is already `unconfirmed`: an officer decides
        this.logger.warn({ publicationId: p.id, outcome: outcome.kind }, 'outcome after the lease expired');
        return;
      }
      const unitId = owned[0].unit_id;
      if (set.status === 'published') await this.publisher.afterSuccess(manager, p.story_id, p.channel, now, null);
      await this.audit.record({ actorId: null, action: `publication.${set.status}`, subjectType: 'story', subjectId: p.story_id, unitId, to: set.status, reason: set.error, details: { channel: p.channel, publicationId: p.id, attempts: p.attempts } }, manager);
      if (set.status === 'failed' || set.status === 'unconfirmed') await this.warn(manager, unitId, p.story_id, p.channel, set.status);
    });
  }

  /**
   * Website publications have no outside side effect, so a whole batch is recorded in one
   * transaction: published if the story is still approved (or published), else cancelled.
   */
  async publishInternal(publications: ClaimedPublication[], publicBaseUrl: string): Promise<void> {
    if (publications.length === 0) return;
    const now = this.clock.now();
    await this.db.transaction(async (manager) => {
      // the press room and the feeds show what is published here: the gate reads it first
      const held = new Map((await this.gate.check(manager, [...new Set(publications.map((p) => p.story_id))], { channels: ['website'] }))
        .filter((r) => r.findings.length > 0).map((r) => [r.storyId, r.findings]));
      for (const p of publications.filter((q) => held.has(q.story_id))) await this.hold(p, held.get(p.story_id)!, manager);
      const ids = publications.filter((p) => !held.has(p.story_id)).map((p) => p.id);
      const done = await queryRows<{ id: string; story_id: string; unit_id: string; attempts: number }>(manager,
        `UPDATE publication p SET status = 'published', external_id = p.story_id::text, url = $3 || '/rilis/' || s.slug,
                published_at = $4, lease_until = NULL, updated_at = $4
           FROM story s WHERE p.id = ANY($1) AND s.id = p.story_id AND p.status = 'sending' AND p.claimed_by = $2 AND s.status IN ('approved', 'published')
         RETURNING p.id, p.story_id, s.unit_id, p.attempts`,
        [ids, INSTANCE_ID, publicBaseUrl, now],
      );
      const cancelled = await queryRows<{ id: string }>(manager,
        `UPDATE publication SET status = 'cancelled', last_error = 'the story is no longer approved', lease_until = NULL, updated_at = $3
          WHERE id = ANY($1) AND status = 'sending' AND claimed_by = $2 RETURNING id`,
        [ids, INSTANCE_ID, now],
      );
      if (cancelled.length) this.logger.warn({ count: cancelled.length }, 'website publications of stories no longer approved were cancelled');
      const published = await this.publisher.publishMany(manager, done.map((d) => d.story_id), now);
      await this.audit.recordMany([
        ...done.map((d) => ({ actorId: null, action: 'publication.published', subjectType: 'story', subjectId: d.story_id, unitId: d.unit_id, to: 'published', details: { channel: 'website', publicationId: d.id, attempts: d.attempts } })),
        ...published.map((story) => ({ actorId: null, action: 'story.publish', subjectType: 'story', subjectId: story.id, unitId: story.unit_id, from: 'approved', to: 'published', details: { channel: 'website' } })),
      ], manager);
    });
  }

  /**
   * Leases that ran out belong to an instance that died mid-call. For a channel API nobody knows
   * whether it posted: `unconfirmed`, an officer decides. The website is different: its
   * publication is one database transaction (publishInternal), which either committed (then the
   * row is no longer `sending`) or rolled back with the instance, so it is simply due again.
   * (Marking it unconfirmed also held back every social post of the story, which waits for the
   * website.)
   */
  async expireLeases(now: Date): Promise<number> {
    return this.db.transaction(async (manager) => {
      const expired = await queryRows<{ id: string; story_id: string; channel: string; unit_id: string; status: string }>(manager,
        `UPDATE publication p
            SET status = CASE WHEN p.mode = 'internal' THEN 'scheduled' ELSE 'unconfirmed' END,
                last_error = CASE WHEN p.mode = 'internal' THEN 'the instance publishing it stopped; published again'
                                  ELSE 'the instance sending it stopped; check the channel before retrying' END,
                due_at = CASE WHEN p.mode = 'internal' THEN $1 ELSE p.due_at END,
                lease_until = NULL, updated_at = $1
           FROM story s WHERE s.id = p.story_id AND p.status = 'sending' AND p.lease_until < $1
         RETURNING p.id, p.story_id, p.channel, s.unit_id, p.status`,
        [now],
      );
      for (const p of expired) {
        if (p.status === 'scheduled') {
          await this.audit.record({ actorId: null, action: 'publication.requeued', subjectType: 'story', subjectId: p.story_id, unitId: p.unit_id, from: 'sending', to: 'scheduled', reason: 'lease expired', details: { channel: p.channel, publicationId: p.id } }, manager);
          continue;
        }
        await this.audit.record({ actorId: null, action: 'publication.unconfirmed', subjectType: 'story', subjectId: p.story_id, unitId: p.unit_id, to: 'unconfirmed', reason: 'lease expired', details: { channel: p.channel, publicationId: p.id } }, manager);
        await this.warn(manager, p.unit_id, p.story_id, p.channel, 'unconfirmed');
      }
      return expired.length;
    });
  }

  private transition(p: ClaimedPublication, outcome: PublishOutcome, now: Date, forced?: 'cancelled') {
    const none = { externalId: null as string | null, url: null as string | null, publishedAt: null as Date | null, error: null as string | null, dueAt: null as Date | null };
    if (forced) return { ...none, status: forced, error: 'reason' in outcome ? scrub(outcome.reason) : null };
    switch (outcome.kind) {
      case 'published':
        return { ...none, status: 'published', externalId: outcome.externalId, url: outcome.url, publishedAt: now };
      case 'awaiting_manual':
        return { ...none, status: 'awaiting_manual' };
      case 'refused':
        return { ...none, status: 'failed', error: scrub(outcome.reason) };
      case 'unknown':
        return { ...none, status: 'unconfirmed', error: scrub(outcome.reason) };
      case 'transient': {
        if (p.attempts >= DISPATCH.maxAttempts) return { ...none, status: 'failed', error: scrub(`gave up after ${p.attempts} attempts: ${outcome.reason}`) };
        const delay = Math.max(outcome.retryAfterMs ?? 0, retryDelayMs(p.attempts));
        return { ...none, status: 'retrying', error: scrub(outcome.reason), dueAt: new Date(now.getTime() + delay) };
      }
    }
  }

  private async warn(manager: EntityManager, unitId: string, storyId: string, channel: string, status: string): Promise<void> {
    const kind = status === 'failed' ? 'publication_failed' : 'publication_unconfirmed';
    const message = status === 'failed' ? `Gagal terbit di ${channel}` : `Belum pasti terbit di ${channel}: periksa lalu konfirmasi atau kirim ulang`;
    const [{ title }] = await manager.query(`SELECT title FROM story WHERE id = $1`, [storyId]);
    await this.notifier.toHumasOf(manager, [unitId, ...(await this.parents(manager, unitId))], kind, storyId, `${message}: ${title}`);
  }

  private async parents(manager: EntityManager, unitId: string): Promise<string[]> {
    const [row] = await manager.query(`SELECT path FROM unit WHERE id = $1`, [unitId]);
    return [...(row?.path ?? [])].reverse().slice(1);
  }
}
