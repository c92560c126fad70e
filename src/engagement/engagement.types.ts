/** The figures read back from a platform for one post; null = this platform does not offer it. */
export interface PostMetrics {
  impressions: number | null;
  reach: number | null;
  views: number | null;
  likes: number | null;
  comments: number | null;
  shares: number | null;
  saves: number | null;
  /** Interactions: the platform's own total where it gives one, else likes + comments + shares + saves. */
  engagements: number | null;
}

export const METRIC_NAMES = ['impressions', 'reach', 'views', 'likes', 'comments', 'shares', 'saves', 'engagements'] as const;

/** The channels whose posts' figures are read back (Telegram: the Bot API offers none, said plainly). */
export const MEASURED_CHANNELS = ['x', 'facebook', 'instagram', 'tiktok', 'telegram'] as const;

/**
 * When to read a post again, from its publication: 1 hour, 6 hours, 1 day, 7 days, then never
 * (the figures of an old post barely move, and every read costs rate limit).
 */
export const COLLECT_AFTER_MS = [3_600_000, 6 * 3_600_000, 24 * 3_600_000, 7 * 24 * 3_600_000] as const;

/** Sums what is known; null when none of the parts is. */
export function sumKnown(...values: (number | null)[]): number | null {
  const known = values.filter((v): v is number => v !== null);
  return known.length === 0 ? null : known.reduce((a, b) => a + b, 0);
}

export const EMPTY_METRICS: PostMetrics = { impressions: null, reach: null, views: null, likes: null, comments: null, shares: null, saves: null, engagements: null };

/** What a platform does not offer, by the null figures of a reading. */
export function unavailableOf(metrics: PostMetrics): string[] {
  return METRIC_NAMES.filter((name) => metrics[name] === null);
}
