import type { IncomingHttpHeaders } from 'node:http';
import type { PublishOutcome } from './channel-provider';

/** The outcomes an HTTP call can end in when it did not succeed. */
export type HttpFailure = Extract<PublishOutcome, { kind: 'refused' | 'transient' | 'unknown' | 'reconnect' | 'over_quota' }>;

/** An answer the API gave: its status, headers and body (parsed JSON, else text). */
export interface HttpAnswer {
  status: number;
  headers: IncomingHttpHeaders;
  body: unknown;
}

/** An API's own reading of an error answer, where the status alone misleads. */
export interface ErrorReading {
  /** E.g. Graph API rate limits, sent as 400 with code 4/17/32/613. */
  transient?: boolean;
  /** E.g. Telegram's parameters.retry_after (seconds) in the body. */
  retryAfterMs?: number;
  message?: string;
  /** The credentials were refused (revoked or expired token, a withdrawn right): wait for a reconnection. */
  reconnect?: boolean;
  /** The account is over a publishing quota until then: delay, do not fail. */
  quotaUntil?: Date;
}

/** The error text the documented APIs put in their error bodies, whichever they use. */
export function apiErrorMessage(body: unknown): string | undefined {
  if (typeof body === 'string') return body.trim() ? body.slice(0, 500) : undefined;
  if (!body || typeof body !== 'object') return undefined;
  const b = body as Record<string, unknown>;
  const error = b.error as Record<string, unknown> | string | undefined;
  if (error && typeof error === 'object' && typeof error.message === 'string') return error.message; // Graph API
  if (typeof error === 'string') return error;
  const errors = Array.isArray(b.errors) ? (b.errors[0] as Record<string, unknown> | undefined) : undefined;
  const candidates = [b.detail, b.description, b.message, b.title, errors?.message, errors?.detail];
  return candidates.find((c): c is string => typeof c === 'string' && c.trim() !== '');
}

/** Retry-After as seconds or an HTTP date, in milliseconds from now; undefined when absent or unreadable. */
export function retryAfterMs(headers: IncomingHttpHeaders, now = Date.now()): number | undefined {
  const value = headers['retry-after'];
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/**
 * What an error answer means (DESIGN.md §9). 429, 408 and 5xx: the API did not take the request,
 * retry later. 504 on the irreversible call is the exception: a gateway gave up waiting for the
 * API, which may have posted, so it is unknown. Anything else (4xx, a stray 3xx): a definite
 * refusal that retrying would not change.
 */
export function failureForAnswer(step: string, answer: HttpAnswer, irreversible: boolean, reading: ErrorReading = {}): HttpFailure {
  const message = reading.message ?? apiErrorMessage(answer.body);
  const reason = `${step}: HTTP ${answer.status}${message ? `: ${message}` : ''}`;
  const { status } = answer;
  if (status === 504 && irreversible) return { kind: 'unknown', reason };
  // Both mean the platform refused before doing anything, so nothing was posted.
  if (reading.reconnect) return { kind: 'reconnect', reason };
  if (reading.quotaUntil) return { kind: 'over_quota', reason, until: reading.quotaUntil };
  if (reading.transient || status === 429 || status === 408 || status >= 500) {
    const wait = reading.retryAfterMs ?? retryAfterMs(answer.headers);
    return wait === undefined ? { kind: 'transient', reason } : { kind: 'transient', reason, retryAfterMs: wait };
  }
  return { kind: 'refused', reason };
}

const NETWORK_WORDS: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ENOTFOUND: 'host not found',
  EAI_AGAIN: 'name lookup failed',
  ECONNRESET: 'connection reset',
  ETIMEDOUT: 'connection timed out',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  EPIPE: 'connection closed while sending',
  EPROTO: 'TLS handshake failed',
};

/** A short description of a network error: its code in words, never the raw message (it may hold a URL). */
export function describeNetworkError(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return 'network error';
  if (NETWORK_WORDS[code]) return `${NETWORK_WORDS[code]} (${code})`;
  if (/CERT|SSL|TLS|SELF_SIGNED|UNABLE_TO_VERIFY/.test(code)) return `TLS failure (${code})`;
  return `network error (${code})`;
}

/**
 * A call that got no answer. Before the connection was up nothing was sent: transient. After,
 * the request may have reached the API: unknown for the irreversible call, transient for a
 * preparatory one (an upload or a container leaves nothing public, so doing it again is safe).
 */
export function failureWithoutAnswer(step: string, what: string, sent: boolean, irreversible: boolean): HttpFailure {
  if (!sent) return { kind: 'transient', reason: `${step}: ${what} before the request was sent` };
  const reason = `${step}: ${what} after the request was sent`;
  return irreversible ? { kind: 'unknown', reason } : { kind: 'transient', reason };
}
