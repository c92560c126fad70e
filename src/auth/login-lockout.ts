/** Lockout policy: 5 failed logins within 15 minutes lock the account for 15 minutes. */
export const LOCKOUT = {
  maxFailures: 5,
  windowMs: 15 * 60_000,
  lockMs: 15 * 60_000,
} as const;
