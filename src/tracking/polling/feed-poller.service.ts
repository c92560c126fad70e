import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { Clock } from '../../common/clock';
import { GAUNG_CONFIG, type GaungConfig } from '../../config/gaung-config';
import { queryRows } from '../../db/sql';
import { FeedFetchError } from '../fetch/feed-fetch-error';
import { FeedFetcher } from '../fetch/feed-fetcher';
import type { PickupMatcher, PickupMatch } from '../matching/pickup-matcher';
import { backoffMs } from './backoff';
import { FeedParseError, type ParsedItem } from './parse-feed';
import { parseFeedOffThread } from './parse-feed-off-thread';
import { RecentStories } from './recent-stories';

/** Feeds claimed by one instance per tick, and polled this many at a time. */
const BATCH = 100;
const CONCURRENCY = 4;
/** When the cron is off (PARTNER_POLL_MINUTES=0) a manual poll still schedules the next one this far ahead. */
const DEFAULT_PERIOD_MINUTES = 15;

interface FeedToPoll {
  id: string;
  partner_id: string;
  url: string;
  etag: string | null;
  last_modified: string | null;
  failures: number;
}

export interface FoundPickup {
  partnerItemId: string;
  storyId: string;
  score: number;
  certain: boolean;
}

/** What one poll of one feed found. */
export interface FeedPollResult {
  feedId: string;
  url: string;
  status: 'ok' | 'not_modified' | 'failed';
  /** Items in the feed this time (0 on 304 or failure). */
  items: number;
  newItems: number;
  pickups: FoundPickup[];
  error?: string;
}

/**
 * Polls the partners' own feeds and records new items and the pickups among them. A cron on
 * every instance claims the feeds that are due with FOR UPDATE SKIP LOCKED and moves their
 * next_poll_at forward in the same statement, so several instances poll each feed once per
 * occurrence. A failing feed backs off exponentially (backoff.ts) with its last error recorded.
 */
@Injectable()
export class FeedPoller implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('FeedPoller');
  private timer?: NodeJS.Timeout;
  private running: Promise<unknown> = Promise.resolve();

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(GAUNG_CONFIG) private readonly config: GaungConfig,
    private readonly clock: Clock,
    private readonly fetcher: FeedFetcher,
    private readonly recent: RecentStories,
  ) {}

  private get periodMs(): number {
    return (this.config.partnerPollMinutes || DEFAULT_PERIOD_MINUTES) * 60_000;
  }

  onApplicationBootstrap(): void {
    if (this.config.partnerPollMinutes <= 0) return;
    // Checked every minute (or every period, if shorter) so that back-off times are honoured;
    // a check with nothing due is one UPDATE that touches no row.
    this.timer = setInterval(() => {
      this.running = this.tick().catch((error: Error) => this.logger.error({ err: { name: error.name, stack: error.stack } }, 'partner poll failed'));
    }, Math.min(60_000, this.periodMs));
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }

  /** One occurrence: claims the due feeds of active partners and polls them. */
  async tick(): Promise<FeedPollResult[]> {
    const now = this.clock.now();
    const feeds = await queryRows<FeedToPoll>(this.db,
      `UPDATE partner_feed f SET next_poll_at = $2, last_polled_at = $1
        WHERE f.id IN (SELECT f2.id FROM partner_feed f2 JOIN partner p ON p.id = f2.partner_id
                        WHERE p.active AND (f2.next_poll_at IS NULL OR f2.next_poll_at <= $1)
                        ORDER BY f2.next_poll_at NULLS FIRST, f2.id LIMIT $3
                        FOR UPDATE OF f2 SKIP LOCKED)
        RETURNING f.id, f.partner_id, f.url, f.etag, f.last_modified, f.failures`,
      [now, new Date(now.getTime() + this.periodMs), BATCH],
    );
    return this.pollAll(feeds);
  }

  /** Polls every feed of one partner now (POST /partners/:id/poll), due or not. */
  async pollPartner(partnerId: string): Promise<FeedPollResult[]> {
    const feeds: FeedToPoll[] = await this.db.query(
      `SELECT id, partner_id, url, etag, last_modified, failures FROM partner_feed WHERE partner_id = $1 ORDER BY created_at, url`,
      [partnerId],
    );
    return this.pollAll(feeds);
  }

  private async pollAll(feeds: FeedToPoll[]): Promise<FeedPollResult[]> {
    // built at most once per batch, and only if some feed has items
    let matcher: Promise<PickupMatcher> | undefined;
    const matcherOnce = () => (matcher ??= this.recent.matcher());
    const results: FeedPollResult[] = new Array(feeds.length);
    let next = 0;
    const worker = async () => {
      while (next < feeds.length) {
        const i = next++;
        results[i] = await this.pollFeed(feeds[i], matcherOnce);
      }
    };
    await Promise.all(Array.from({ length: Math.min(CONCURRENCY, feeds.length) }, worker));
    return results;
  }

  private async pollFeed(feed: FeedToPoll, matcherOnce: () => Promise<PickupMatcher>): Promise<FeedPollResult> {
    const base = { feedId: feed.id, url: feed.url };
    let items: ParsedItem[];
    let validators: { etag: string | null; lastModified: string | null };
    try {
      const fetched = await this.fetcher.fetch({ url: feed.url, etag: feed.etag, lastModified: feed.last_modified });
      if (fetched.notModified) {
        await this.succeeded(feed.id, { etag: feed.etag, lastModified: feed.last_modified });
        return { ...base, status: 'not_modified', items: 0, newItems: 0, pickups: [] };
      }
      items = await parseFeedOffThread(fetched.body);
      validators = { etag: fetched.etag, lastModified: fetched.lastModified };
    } catch (error) {
      const message = describe(error);
      await this.failed(feed, message);
      this.logger.warn({ feedId: feed.id, partnerId: feed.partner_id, error: message }, 'partner feed poll failed');
      return { ...base, status: 'failed', items: 0, newItems: 0, pickups: [], error: message };
    }
    const stored = await this.store(feed, items, matcherOnce);
    await this.succeeded(feed.id, validators);
    return { ...base, status: 'ok', items: items.length, ...stored };
  }

  /** Inserts the items not seen before and the pickups among them; re-polling adds nothing. */
  private async store(feed: FeedToPoll, items: ParsedItem[], matcherOnce: () => Promise<PickupMatcher>): Promise<{ newItems: number; pickups: FoundPickup[] }> {
    if (items.length === 0) return { newItems: 0, pickups: [] };
    const known = new Set<string>((await this.db.query(`SELECT guid FROM partner_item WHERE partner_id = $1 AND guid = ANY($2::text[])`,
      [feed.partner_id, items.map((i) => i.guid)])).map((r: { guid: string }) => r.guid));
    const fresh = items.filter((item) => !known.has(item.guid));
    if (fresh.length === 0) return { newItems: 0, pickups: [] };
    const matcher = await matcherOnce();
    const matches = new Map<string, PickupMatch>();
    for (const item of fresh) {
      const found = matcher.size > 0 ? matcher.match({ title: item.title, link: item.link, text: item.text }) : null;
      if (found) matches.set(item.guid, found);
    }
    const now = this.clock.now();
    return this.db.transaction(async (manager) => {
      const inserted = await queryRows<{ id: string; guid: string }>(manager,
        `INSERT INTO partner_item (partner_id, partner_feed_id, guid, link, title, summary, published_at, text_hash, first_seen_at)
         SELECT $1, $2, g, l, t, s, p, h, $9 FROM unnest($3::text[], $4::text[], $5::text[], $6::text[], $7::timestamptz[], $8::text[]) AS x(g, l, t, s, p, h)
         ON CONFLICT (partner_id, guid) DO NOTHING RETURNING id, guid`,
        [feed.partner_id, feed.id, fresh.map((i) => i.guid), fresh.map((i) => i.link), fresh.map((i) => i.title), fresh.map((i) => i.summary),
          fresh.map((i) => i.publishedAt), fresh.map((i) => i.textHash), now],
      );
      const pickups = inserted.filter((row) => matches.has(row.guid)).map((row) => ({ partnerItemId: row.id, ...matches.get(row.guid)! }));
      if (pickups.length) {
        await manager.query(
          `INSERT INTO pickup (partner_item_id, partner_id, story_id, score, certain, evidence, detected_at)
           SELECT i, $1, s, sc, c, e, $7 FROM unnest($2::uuid[], $3::uuid[], $4::real[], $5::boolean[], $6::jsonb[]) AS x(i, s, sc, c, e)
           ON CONFLICT (partner_item_id) DO NOTHING`,
          [feed.partner_id, pickups.map((p) => p.partnerItemId), pickups.map((p) => p.storyId), pickups.map((p) => p.score), pickups.map((p) => p.certain),
            pickups.map((p) => JSON.stringify(p.evidence)), now],
        );
      }
      return { newItems: inserted.length, pickups: pickups.map(({ partnerItemId, storyId, score, certain }) => ({ partnerItemId, storyId, score, certain })) };
    });
  }

  private async succeeded(feedId: string, validators: { etag: string | null; lastModified: string | null }): Promise<void> {
    const now = this.clock.now();
    await this.db.query(
      `UPDATE partner_feed SET etag = $2, last_modified = $3, last_polled_at = $4, last_success_at = $4, failures = 0, last_error = NULL, next_poll_at = $5 WHERE id = $1`,
      [feedId, validators.etag, validators.lastModified, now, new Date(now.getTime() + this.periodMs)],
    );
  }

  /** One more failure: the next try waits longer (backoff.ts). */
  private async failed(feed: FeedToPoll, message: string): Promise<void> {
    const now = this.clock.now();
    await this.db.query(
      `UPDATE partner_feed SET failures = $2, last_error = $3, last_polled_at = $4, next_poll_at = $5 WHERE id = $1`,
      [feed.id, feed.failures + 1, message, now, new Date(now.getTime() + backoffMs(this.periodMs, feed.failures + 1))],
    );
  }
}

/** A short reason for last_error: our own codes and messages only (no URL, no server text). */
function describe(error: unknown): string {
  if (error instanceof FeedFetchError || error instanceof FeedParseError) return `${error.code}: ${error.message}`.slice(0, 300);
  return `unexpected: ${(error as Error)?.name ?? 'error'}`;
}
