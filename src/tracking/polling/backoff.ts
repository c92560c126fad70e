/** Longest a failing feed waits before its next try. */
export const MAX_BACKOFF_MS = 6 * 3_600_000;

/**
 * When a feed that has failed `failures` times in a row is tried again: the poll period doubled
 * per failure (2x, 4x, 8x ...), never more than MAX_BACKOFF_MS. A feed that is down is not
 * hammered, and a feed that comes back is noticed within six hours.
 */
export function backoffMs(periodMs: number, failures: number): number {
  return Math.min(MAX_BACKOFF_MS, periodMs * 2 ** Math.min(failures, 20));
}
