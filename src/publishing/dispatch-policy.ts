/** How the dispatcher paces itself; see README "Publishing". */
export const DISPATCH = {
  /** Publications one instance claims per round; a tick keeps claiming while rounds come back full. */
  batch: 50,
  maxRoundsPerTick: 20,
  /** Calls in flight per channel per instance: APIs rate-limit per account. */
  perChannel: 4,
  /** Transient failures are retried this many times in all, then the publication fails. */
  maxAttempts: 5,
  retryBaseMs: 5_000,
  retryMaxMs: 10 * 60_000,
  /** The lease outlives the provider's own deadline, so only a dead instance lets it expire. */
  leaseMarginMs: 30_000,
} as const;

/** Exponential backoff with ±20% jitter, so retries of many posts do not arrive together. */
export function retryDelayMs(attempts: number, random = Math.random): number {
  const base = Math.min(DISPATCH.retryMaxMs, DISPATCH.retryBaseMs * 2 ** Math.max(0, attempts - 1));
  return Math.round(base * (0.8 + 0.4 * random()));
}

/** Runs `work` over `items` with at most `limit` at once. */
export async function withConcurrency<T>(items: T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) await work(items[next++]);
  });
  await Promise.all(lanes);
}
