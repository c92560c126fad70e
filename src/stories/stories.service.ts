import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { AuthUser } from '../common/auth/auth-user';
import { Clock } from '../common/clock';
import { pageOf, type Page } from '../common/http/pagination';
import { ProblemException } from '../common/problem/problem.exception';
import { ScopeService } from '../units/scope.service';
import type { StoryQueryDto } from './dto/story-query.dto';

/** The columns of a story in lists and pages. */
const STORY_COLUMNS = `s.id, s.kind, s.source_id AS "sourceId", u.code AS "unitCode", u.name AS "unitName", s.category, s.title, s.slug,
  s.status, s.version, s.urgent, s.embargo_until AS "embargoUntil", s.published_at AS "publishedAt", s.created_at AS "createdAt",
  s.updated_at AS "updatedAt", s.author_id AS "authorId", s.last_edited_by AS "lastEditedBy", s.submitted_at AS "submittedAt",
  s.approved_at AS "approvedAt", s.approved_channels AS "approvedChannels", s.awaiting_confirmation AS "awaitingConfirmation",
  s.urgent_reason AS "urgentReason", s.lint_override_reason AS "lintOverrideReason", s.rejected_reason AS "rejectedReason",
  s.withdrawn_reason AS "withdrawnReason", s.sensitive, s.privacy_hold AS "privacyHold",
  (s.status = 'in_review' AND s.submitted_at + make_interval(hours => u.review_sla_hours) < $NOW) AS overdue`;

/**
 * The story list counts matches exactly up to this many, then reports this figure with
 * `totalIsLowerBound: true` ("1.000+"), as mature consoles and search pages do. An exact count of
 * a word found in most of 100,000 stories reads most of the table (measured: 180-330 ms for
 * "warga" in a Polda's scope), while the page takes a few ms; counting to 1,001 takes 6-20 ms even
 * for the broadest search. A cap of 10,000 was measured too: 40-75 ms, still over the 50 ms
 * target, because near the cap the scope's and the word's whole bitmaps must be built. Nobody
 * pages through 50 pages of 20; they narrow the filters or the search.
 */
export const STORY_COUNT_CAP = 1_000;

/** A page of the story list: `total` is exact unless `totalIsLowerBound` (then "at least"). */
export interface StoryPage extends Page<Record<string, unknown>> {
  totalIsLowerBound: boolean;
}

/** A pickup of a story by a partner outlet, as GET /stories/:id shows it. */
const PICKUP_COLUMNS = `p.partner_id AS "partnerId", pa.name AS partner, i.title, i.link, p.score, p.certain, p.detected_at AS "detectedAt"`;

@Injectable()
export class StoriesService {
  /** Exact counts up to this many (STORY_COUNT_CAP); an instance field so a test can lower it. */
  countCap = STORY_COUNT_CAP;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly scope: ScopeService,
    private readonly clock: Clock,
  ) {}

  /** The story columns with "now" bound to a parameter (the clock decides what is overdue). */
  private columns(params: unknown[]): string {
    params.push(this.clock.now());
    return STORY_COLUMNS.replace('$NOW', `$${params.length}::timestamptz`);
  }

  /**
   * The scope's unit ids are looked up first (a Polda has a few hundred units): `s.unit_id =
   * ANY($ids)` then uses story's own indexes and statistics, where a join filtering unit.path
   * per row cannot. Text search goes through story.search (GIN; migration StorySearch).
   * The page comes first: when it is not full, it tells the total by itself, so the count (the
   * costly part for a large result) only runs when there are more rows than the page shows, and
   * then stops after countCap rows (see STORY_COUNT_CAP).
   */
  async list(user: AuthUser, query: StoryQueryDto): Promise<StoryPage> {
    const { page, pageSize, offset } = pageOf(query);
    const root = query.unitCode ? (await this.scope.requireUnit(user, query.unitCode)).id : user.role === 'admin' ? null : user.unitId;
    if (root === null && user.role !== 'admin') return { items: [], total: 0, totalIsLowerBound: false, page, pageSize };
    const params: unknown[] = [];
    const where: string[] = [];
    const add = (sql: (n: number) => string, value: unknown) => {
      params.push(value);
      where.push(sql(params.length));
    };
    if (root) add((n) => `s.unit_id = ANY($${n}::uuid[])`, await this.scope.subtreeIds(root));
    if (query.status) add((n) => `s.status = $${n}`, query.status);
    if (query.kind) add((n) => `s.kind = $${n}`, query.kind);
    const overdue = query.overdue === 'true';
    if (overdue) {
      add((n) => `s.status = 'in_review' AND s.submitted_at + make_interval(hours => u.review_sla_hours) < $${n}::timestamptz`, this.clock.now());
    }
    // every word a prefix, all required; input without any word finds nothing (never a 500)
    if (query.q?.trim()) add((n) => `s.search @@ story_search_query($${n})`, query.q.trim());
    const filter = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const join = 'JOIN unit u ON u.id = s.unit_id';
    const listParams = [...params];
    const columns = this.columns(listParams);
    const items: Record<string, unknown>[] = await this.db.query(
      `SELECT ${columns} FROM story s ${join} ${filter} ORDER BY s.created_at DESC, s.id LIMIT $${listParams.length + 1} OFFSET $${listParams.length + 2}`,
      [...listParams, pageSize, offset],
    );
    if ((items.length > 0 || offset === 0) && items.length < pageSize) {
      return { items, total: offset + items.length, totalIsLowerBound: false, page, pageSize };
    }
    // A page past the cap still gets a total at least as far as it reaches (that OFFSET has read
    // those rows anyway). Only the overdue filter needs the unit (its review limit).
    const cap = Math.max(this.countCap, offset + items.length);
    const [{ total }] = await this.db.query(
      `SELECT count(*)::int AS total FROM (SELECT FROM story s ${overdue ? join : ''} ${filter} LIMIT $${params.length + 1}) capped`,
      [...params, cap + 1],
    );
    return total > cap ? { items, total: cap, totalIsLowerBound: true, page, pageSize } : { items, total, totalIsLowerBound: false, page, pageSize };
  }

  /** A story in the caller's scope with its drafts and their lint; outside the scope it is 404. */
  async get(user: AuthUser, id: string) {
    const story = await this.find(user, id);
    const drafts = await this.db.query(
      `SELECT channel, title, body, revision, template_key AS "templateKey", template_version AS "templateVersion", variant, lint, edited,
              updated_at AS "updatedAt", updated_by AS "updatedBy"
         FROM draft WHERE story_id = $1
        ORDER BY array_position(ARRAY['website','x','instagram','facebook','tiktok','whatsapp','telegram'], channel)`,
      [id],
    );
    const approvals = await this.db.query(
      `SELECT a.step, a.kind, a.round, a.at, u.username AS approver FROM story_approval a JOIN app_user u ON u.id = a.approver_id
        WHERE a.story_id = $1 ORDER BY a.at`,
      [id],
    );
    const publications = await this.db.query(
      `SELECT channel, mode, status, due_at AS "dueAt", attempts, external_id AS "externalId", url, published_at AS "publishedAt", last_error AS "lastError"
         FROM publication WHERE story_id = $1 ORDER BY created_at, channel`,
      [id],
    );
    // newest first; filled by the partner poller (feeds), one row per partner item matched to the story
    const pickups = await this.db.query(
      `SELECT ${PICKUP_COLUMNS}
         FROM pickup p JOIN partner pa ON pa.id = p.partner_id JOIN partner_item i ON i.id = p.partner_item_id
        WHERE p.story_id = $1 ORDER BY p.detected_at DESC, p.id`,
      [id],
    );
    return { ...story, drafts, approvals, publications, pickups };
  }

  async find(user: AuthUser, id: string): Promise<Record<string, unknown> & { unitId: string; status: string }> {
    const params: unknown[] = [id];
    const columns = this.columns(params);
    const rows = await this.db.query(`SELECT ${columns}, s.unit_id AS "unitId", u.path FROM story s JOIN unit u ON u.id = s.unit_id WHERE s.id = $1`, params);
    if (!rows[0] || !this.scope.covers(user, rows[0].path)) throw ProblemException.notFound('Story');
    const { path: _path, ...story } = rows[0];
    return story;
  }
}
