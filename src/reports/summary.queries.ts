import type { DataSource, EntityManager } from 'typeorm';

type Db = Pick<DataSource | EntityManager, 'query'>;

/**
 * The SQL behind a report, one aggregate query per figure. The queries take $1 the unit ids of
 * the subtree (uuid[]), $2..$3 the period [start, end), and those that need it $4 now.
 * The definitions here are the ones documented on the API (reports.controller.ts).
 */
export interface ReportWindow {
  unitIds: string[];
  start: Date;
  end: Date;
  now: Date;
}

/** Upper edges (seconds) of the resolution -> publication histogram; the last bucket is open. */
export const DELAY_BUCKET_EDGES = [3_600, 3 * 3_600, 6 * 3_600, 12 * 3_600, 24 * 3_600, 72 * 3_600];
export const DELAY_BUCKET_LABELS = ['< 1 jam', '1–3 jam', '3–6 jam', '6–12 jam', '12–24 jam', '1–3 hari', '> 3 hari'];

/** The end of a review round: a rejection, or the approval that left review (final step or urgent). */
const REVIEW_DECISION = `(e.action = 'story.reject' OR (e.action IN ('story.approve', 'story.urgent') AND e.from_state = 'in_review' AND e.to_state = 'approved'))`;
/** What the partial index audit_event_story_review_idx holds (repeated so the planner uses it). */
const REVIEW_EVENTS = `e.subject_type = 'story' AND e.action IN ('story.submit', 'story.approve', 'story.urgent', 'story.reject')`;
/** A publication counts in the period its outcome happened: published_at when published, else when it was due. */
const PUBLICATION_AT = 'COALESCE(p.published_at, p.due_at)';

const STORIES = `
  SELECT kind, status, count(*)::int AS n FROM story
   WHERE unit_id = ANY($1::uuid[]) AND created_at >= $2 AND created_at < $3
   GROUP BY kind, status`;

const PUBLICATIONS = `
  SELECT p.channel, p.status, count(*)::int AS n
    FROM publication p JOIN story s ON s.id = p.story_id
   WHERE s.unit_id = ANY($1::uuid[]) AND ${PUBLICATION_AT} >= $2 AND ${PUBLICATION_AT} < $3
   GROUP BY p.channel, p.status`;

const PICKUPS_BY_PARTNER = `
  SELECT pa.id, pa.name, pa.kind, count(*)::int AS pickups, (count(*) FILTER (WHERE k.certain))::int AS certain
    FROM pickup k JOIN story s ON s.id = k.story_id JOIN partner pa ON pa.id = k.partner_id
   WHERE s.unit_id = ANY($1::uuid[]) AND k.detected_at >= $2 AND k.detected_at < $3
   GROUP BY pa.id ORDER BY pickups DESC, pa.name, pa.id`;

const PARTNER_PULLS = `
  SELECT pa.id, pa.name, count(*)::int AS pulls, COALESCE(sum(pp.items), 0)::int AS items,
         (count(*) FILTER (WHERE pp.not_modified))::int AS "notModified"
    FROM partner_pull pp JOIN partner pa ON pa.id = pp.partner_id
   WHERE pa.unit_id = ANY($1::uuid[]) AND pp.at >= $2 AND pp.at < $3
   GROUP BY pa.id ORDER BY pulls DESC, pa.name, pa.id`;

const bucketColumns = () =>
  [...DELAY_BUCKET_EDGES, Infinity]
    .map((edge, i) => {
      const low = i === 0 ? null : DELAY_BUCKET_EDGES[i - 1];
      const cond = [low === null ? null : `secs >= ${low}`, Number.isFinite(edge) ? `secs < ${edge}` : null].filter(Boolean).join(' AND ');
      return `(count(*) FILTER (WHERE ${cond}))::int AS b${i}`;
    })
    .join(', ');

/**
 * Complaint stories whose first publication (the earliest of story.published_at and any
 * published publication) falls in the period. Candidates are found from the period's
 * publications and published stories, so the cost follows the period, not the whole history.
 */
const RESOLUTION_TO_PUBLICATION = `
  WITH candidates AS (
    SELECT s.id FROM story s
     WHERE s.unit_id = ANY($1::uuid[]) AND s.kind = 'complaint' AND s.published_at >= $2 AND s.published_at < $3
    UNION
    SELECT p.story_id FROM publication p JOIN story s ON s.id = p.story_id
     WHERE p.status = 'published' AND ${PUBLICATION_AT} >= $2 AND ${PUBLICATION_AT} < $3
       AND s.unit_id = ANY($1::uuid[]) AND s.kind = 'complaint'
  ), firsts AS MATERIALIZED (
    -- materialised: first_at is computed once per story, not once per figure that reads it
    SELECT c.resolved_at, LEAST(s.published_at, fp.at) AS first_at
      FROM candidates k JOIN story s ON s.id = k.id JOIN complaint c ON c.id = s.source_id
      LEFT JOIN LATERAL (SELECT min(p.published_at) AS at FROM publication p WHERE p.story_id = s.id AND p.status = 'published') fp ON true
  ), delays AS (
    SELECT extract(epoch FROM first_at - resolved_at)::float8 AS secs FROM firsts WHERE first_at >= $2 AND first_at < $3
  )
  SELECT count(*)::int AS n,
         round(percentile_cont(0.5) WITHIN GROUP (ORDER BY secs))::float8 AS median,
         round(percentile_cont(0.9) WITHIN GROUP (ORDER BY secs))::float8 AS p90,
         ${bucketColumns()}
    FROM delays`;

/** Review rounds that ended in the period, each measured from the story.submit that opened it. */
const TIME_IN_REVIEW = `
  WITH decisions AS (
    SELECT e.subject_id, e.seq, e.at, e.action FROM audit_event e
     WHERE ${REVIEW_EVENTS} AND ${REVIEW_DECISION} AND e.unit_id = ANY($1::uuid[]) AND e.at >= $2 AND e.at < $3
  ), rounds AS (
    SELECT d.action, extract(epoch FROM d.at - sub.at)::float8 AS secs
      FROM decisions d
      CROSS JOIN LATERAL (
        SELECT a.at FROM audit_event a
         WHERE a.subject_type = 'story' AND a.subject_id = d.subject_id AND a.action = 'story.submit' AND a.seq < d.seq
         ORDER BY a.seq DESC LIMIT 1
      ) sub
  )
  SELECT count(*)::int AS n, (count(*) FILTER (WHERE action = 'story.reject'))::int AS rejected,
         round(percentile_cont(0.5) WITHIN GROUP (ORDER BY secs))::float8 AS median,
         round(percentile_cont(0.9) WITHIN GROUP (ORDER BY secs))::float8 AS p90
    FROM rounds`;

/**
 * Review rounds that became overdue in the period, by the SLA job's rule (src/approval/review-sla.job.ts:
 * still in review once submitted_at + the unit's review_sla_hours has passed): the deadline falls
 * in the period and before now, and no approval, rejection or withdrawal came by the deadline.
 * The unit's limit is at most 720 hours, which bounds how far back a submit can lie.
 */
const OVERDUE_IN_PERIOD = `
  SELECT count(*)::int AS n
    FROM audit_event e JOIN unit u ON u.id = e.unit_id
    CROSS JOIN LATERAL (SELECT e.at + make_interval(hours => u.review_sla_hours) AS deadline) dl
   WHERE ${REVIEW_EVENTS} AND e.action = 'story.submit' AND e.unit_id = ANY($1::uuid[])
     AND e.at >= $2::timestamptz - interval '720 hours' AND e.at < $3
     AND dl.deadline >= $2 AND dl.deadline < $3 AND dl.deadline < $4
     AND NOT EXISTS (
       SELECT 1 FROM audit_event d
        WHERE d.subject_type = 'story' AND d.subject_id = e.subject_id AND d.seq > e.seq AND d.at <= dl.deadline
          AND (d.action IN ('story.reject', 'story.withdraw') OR (d.action IN ('story.approve', 'story.urgent') AND d.to_state = 'approved')))`;

/** Exactly what the SLA job and the story list call overdue, now ($2 here). */
const OVERDUE_NOW = `
  SELECT count(*)::int AS n FROM story s JOIN unit u ON u.id = s.unit_id
   WHERE s.unit_id = ANY($1::uuid[]) AND s.status = 'in_review' AND s.submitted_at + make_interval(hours => u.review_sla_hours) < $2`;

const TOP_STORIES = `
  SELECT s.id, s.title, s.slug, count(*)::int AS pickups
    FROM pickup k JOIN story s ON s.id = k.story_id
   WHERE s.unit_id = ANY($1::uuid[]) AND k.detected_at >= $2 AND k.detected_at < $3
   GROUP BY s.id ORDER BY pickups DESC, s.title, s.id LIMIT 10`;

/** Stories created per local week of a month (days 1-7, 8-14, 15-21, 22-28, 29-31) and kind; $4 is the zone. */
const STORIES_PER_WEEK = `
  SELECT floor((extract(day FROM s.created_at AT TIME ZONE $4) - 1) / 7)::int AS week, s.kind, count(*)::int AS n
    FROM story s
   WHERE s.unit_id = ANY($1::uuid[]) AND s.created_at >= $2 AND s.created_at < $3
   GROUP BY 1, 2`;

export interface Counted { n: number }
export interface StoryCountRow extends Counted { kind: string; status: string }
export interface PublicationCountRow extends Counted { channel: string; status: string }
export interface PartnerPickupRow { id: string; name: string; kind: string; pickups: number; certain: number }
export interface PartnerPullRow { id: string; name: string; pulls: number; items: number; notModified: number }
export interface DelayRow extends Counted { median: number | null; p90: number | null; [bucket: `b${number}`]: number }
export interface ReviewRow extends Counted { rejected: number; median: number | null; p90: number | null }
export interface TopStoryRow { id: string; title: string; slug: string; pickups: number }
export interface WeekRow extends Counted { week: number; kind: string }

export interface RawSummary {
  stories: StoryCountRow[];
  publications: PublicationCountRow[];
  pickups: PartnerPickupRow[];
  pulls: PartnerPullRow[];
  delay: DelayRow;
  review: ReviewRow;
  overdueInPeriod: number;
  overdueNow: number;
  top: TopStoryRow[];
}

/**
 * Runs the report's queries in one read-only REPEATABLE READ transaction, so that every figure
 * comes from the same snapshot. JIT is off: these are short aggregates whose estimated cost can
 * pass jit_above_cost over a year of a Polda, and compiling them took longer than running them.
 */
export async function querySummary(db: DataSource, w: ReportWindow): Promise<RawSummary> {
  return db.transaction('REPEATABLE READ', async (m) => {
    await m.query('SET TRANSACTION READ ONLY');
    await m.query('SET LOCAL jit = off');
    const q = <T>(sql: string, params: unknown[] = [w.unitIds, w.start, w.end]) => m.query(sql, params) as Promise<T[]>;
    const stories = await q<StoryCountRow>(STORIES);
    const publications = await q<PublicationCountRow>(PUBLICATIONS);
    const pickups = await q<PartnerPickupRow>(PICKUPS_BY_PARTNER);
    const pulls = await q<PartnerPullRow>(PARTNER_PULLS);
    const [delay] = await q<DelayRow>(RESOLUTION_TO_PUBLICATION);
    const [review] = await q<ReviewRow>(TIME_IN_REVIEW);
    const [overdueInPeriod] = await q<Counted>(OVERDUE_IN_PERIOD, [w.unitIds, w.start, w.end, w.now]);
    const [overdueNow] = await q<Counted>(OVERDUE_NOW, [w.unitIds, w.now]);
    const top = await q<TopStoryRow>(TOP_STORIES);
    return { stories, publications, pickups, pulls, delay, review, overdueInPeriod: overdueInPeriod.n, overdueNow: overdueNow.n, top };
  });
}

export function queryStoriesPerWeek(db: Db, w: ReportWindow, timezone: string): Promise<WeekRow[]> {
  return db.query(STORIES_PER_WEEK, [w.unitIds, w.start, w.end, timezone]);
}
