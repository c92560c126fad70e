import { createHmac, timingSafeEqual } from 'node:crypto';

export const INTEGRATION_HEADER = 'x-gaung-integration';
export const TIMESTAMP_HEADER = 'x-gaung-timestamp';
export const SIGNATURE_HEADER = 'x-gaung-signature';

/** How far a request's timestamp may be from our clock, either way: older requests are replays. */
export const MAX_SKEW_SECONDS = 5 * 60;

/**
 * The signature a sender puts in X-Gaung-Signature: "sha256=" + hex HMAC-SHA256, keyed with the
 * integration's secret (its UTF-8 bytes), of "<timestamp>.<raw body>". Signing the timestamp
 * with the body is what stops a captured request from being replayed with a new timestamp.
 */
export function signWebhook(secret: string, timestamp: string | number, rawBody: Buffer | string): string {
  return `sha256=${digest(secret, String(timestamp), Buffer.isBuffer(rawBody) ? rawBody : Buffer.from(rawBody, 'utf8'))}`;
}

/** Constant-time comparison of a received signature header with the expected one. */
export function signatureMatches(secret: string, timestamp: string, rawBody: Buffer, header: string): boolean {
  const match = /^sha256=([0-9a-f]{64})$/i.exec(header.trim());
  if (!match) return false;
  const expected = Buffer.from(digest(secret, timestamp, rawBody), 'hex');
  return timingSafeEqual(expected, Buffer.from(match[1], 'hex'));
}

/** Unix seconds, as digits only (no exponent, no fraction: the signed text must be unambiguous). */
export const isTimestamp = (value: string) => /^\d{1,12}$/.test(value);

export function timestampFresh(timestamp: string, now: Date): boolean {
  return Math.abs(now.getTime() / 1000 - Number(timestamp)) <= MAX_SKEW_SECONDS;
}

function digest(secret: string, timestamp: string, rawBody: Buffer): string {
  return createHmac('sha256', secret).update(`${timestamp}.`).update(rawBody).digest('hex');
}
