import { createHash } from 'node:crypto';

/**
 * Login throttling per (username, client address): the first FREE_FAILURES failures cost
 * nothing, each later one makes that pair wait twice as long as the one before (1 s, 2 s,
 * 4 s ... up to MAX_DELAY_MS); a success or QUIET_MS without failures forgets them. An attacker
 * at another address never delays an officer's own login, and unknown usernames are throttled
 * exactly like known ones. The per-address limit across accounts (LOGIN_RATE_PER_MINUTE) stays.
 */
export const LOGIN_THROTTLE = {
  freeFailures: 3,
  firstDelayMs: 1_000,
  maxDelayMs: 15 * 60_000,
  quietMs: 15 * 60_000,
} as const;

/** How long the pair must wait after its `failures`-th failure in a row. */
export function delayAfter(failures: number): number {
  if (failures < LOGIN_THROTTLE.freeFailures) return 0;
  const doublings = Math.min(failures - LOGIN_THROTTLE.freeFailures, 20);
  return Math.min(LOGIN_THROTTLE.firstDelayMs * 2 ** doublings, LOGIN_THROTTLE.maxDelayMs);
}

/** The row key: neither the typed username nor the address is stored in clear. */
export function throttleKey(username: string, clientAddress: string): string {
  return createHash('sha256').update(`${username.toLowerCase()}\u0000${clientAddress}`).digest('hex');
}
