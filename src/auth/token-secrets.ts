import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** Bearer tokens look like `gng_<43 chars>`; the prefix makes leaked tokens easy to scan for. */
export function newTokenSecret(): string {
  return `gng_${randomBytes(32).toString('base64url')}`;
}

export function hashToken(secret: string): Buffer {
  return createHash('sha256').update(secret, 'utf8').digest();
}

/** A CSRF token bound to one session: forging it needs SECRET_KEY. */
export function csrfTokenFor(secretKey: string, sessionId: string): string {
  return createHmac('sha256', secretKey).update(`csrf:${sessionId}`).digest('base64url');
}

export function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
