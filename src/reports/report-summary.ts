import { CHANNELS, STORY_KINDS } from '../drafting/channels';
import { STORY_STATUSES } from '../stories/dto/story-query.dto';
import type { UnitTimezone } from '../units/unit.entity';
import type { ReportPeriod } from './report-period';
import { DELAY_BUCKET_LABELS, type RawSummary } from './summary.queries';

export const PUBLICATION_OUTCOMES = ['scheduled', 'sending', 'retrying', 'published', 'awaiting_manual', 'unconfirmed', 'failed', 'cancelled'] as const;

/** What GET /reports/summary answers (the definitions are on the controller's OpenAPI description). */
export interface ReportSummary {
  unit: { code: string; name: string; timezone: UnitTimezone };
  period: { from: string; to: string; start: string; end: string; timezone: UnitTimezone };
  stories: {
    total: number;
    byKind: Record<string, number>;
    byStatus: Record<string, number>;
    byKindAndStatus: { kind: string; status: string; count: number }[];
  };
  publications: {
    total: number;
    byOutcome: Record<string, number>;
    byChannel: { channel: string; total: number; byOutcome: Record<string, number> }[];
  };
  pickups: { total: number; certain: number; byPartner: { partnerId: string; name: string; kind: string; pickups: number; certain: number }[] };
  partnerFeedPulls: { partnerId: string; name: string; pulls: number; itemsServed: number; notModified: number }[];
  resolutionToPublication: { count: number; medianSeconds: number | null; p90Seconds: number | null; distribution: { label: string; count: number }[] };
  timeInReview: { count: number; approved: number; rejected: number; medianSeconds: number | null; p90Seconds: number | null };
  overdueReviews: { inPeriod: number; openNow: number };
  topStories: { id: string; title: string; slug: string; pickups: number }[];
}

const zeros = (keys: readonly string[]) => Object.fromEntries(keys.map((k) => [k, 0])) as Record<string, number>;
const order = (list: readonly string[]) => (a: string, b: string) => list.indexOf(a) - list.indexOf(b);

/** Shapes the raw aggregates into the API's answer; every known kind, status and outcome appears, zero or not. */
export function shapeSummary(unit: ReportSummary['unit'], period: ReportPeriod, raw: RawSummary): ReportSummary {
  const byKind = zeros(STORY_KINDS);
  const byStatus = zeros(STORY_STATUSES);
  for (const r of raw.stories) {
    byKind[r.kind] = (byKind[r.kind] ?? 0) + r.n;
    byStatus[r.status] = (byStatus[r.status] ?? 0) + r.n;
  }
  const byOutcome = zeros(PUBLICATION_OUTCOMES);
  const channels = new Map<string, Record<string, number>>();
  for (const r of raw.publications) {
    byOutcome[r.status] = (byOutcome[r.status] ?? 0) + r.n;
    const channel = channels.get(r.channel) ?? zeros(PUBLICATION_OUTCOMES);
    channel[r.status] = (channel[r.status] ?? 0) + r.n;
    channels.set(r.channel, channel);
  }
  const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
  return {
    unit,
    period: { from: period.from, to: period.to, start: period.start.toISOString(), end: period.end.toISOString(), timezone: period.timezone },
    stories: {
      total: sum(raw.stories.map((r) => r.n)),
      byKind,
      byStatus,
      byKindAndStatus: raw.stories
        .map((r) => ({ kind: r.kind, status: r.status, count: r.n }))
        .sort((a, b) => order(STORY_KINDS)(a.kind, b.kind) || order(STORY_STATUSES)(a.status, b.status)),
    },
    publications: {
      total: sum(raw.publications.map((r) => r.n)),
      byOutcome,
      byChannel: [...channels]
        .sort(([a], [b]) => order(CHANNELS)(a, b))
        .map(([channel, outcomes]) => ({ channel, total: sum(Object.values(outcomes)), byOutcome: outcomes })),
    },
    pickups: {
      total: sum(raw.pickups.map((r) => r.pickups)),
      certain: sum(raw.pickups.map((r) => r.certain)),
      byPartner: raw.pickups.map((r) => ({ partnerId: r.id, name: r.name, kind: r.kind, pickups: r.pickups, certain: r.certain })),
    },
    partnerFeedPulls: raw.pulls.map((r) => ({ partnerId: r.id, name: r.name, pulls: r.pulls, itemsServed: r.items, notModified: r.notModified })),
    resolutionToPublication: {
      count: raw.delay.n,
      medianSeconds: raw.delay.median,
      p90Seconds: raw.delay.p90,
      distribution: DELAY_BUCKET_LABELS.map((label, i) => ({ label, count: raw.delay[`b${i}`] })),
    },
    timeInReview: {
      count: raw.review.n,
      approved: raw.review.n - raw.review.rejected,
      rejected: raw.review.rejected,
      medianSeconds: raw.review.median,
      p90Seconds: raw.review.p90,
    },
    overdueReviews: { inPeriod: raw.overdueInPeriod, openNow: raw.overdueNow },
    topStories: raw.top,
  };
}
