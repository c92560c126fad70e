import type { Channel } from '../../drafting/channels';
import type { ChannelHttp, HttpCall } from '../../publishing/channels/channel-http';
import { apiErrorMessage } from '../../publishing/channels/http-outcomes';
import { ConnectionError, type ConnectionErrorCode } from '../connection.errors';
import type { ConnectedAccount, Credentials, HealthReading, PageChoice, RefreshedTokens } from '../connection.types';

/** An OAuth attempt as a connector sees it (the verifier already opened). */
export interface AttemptContext {
  state: string;
  codeVerifier: string;
  redirectUri: string;
  channel: Channel;
}

export type CompletedConnect =
  | { kind: 'connected'; account: ConnectedAccount }
  /** Several Pages: the officer picks one; the sealed choices keep their tokens meanwhile. */
  | { kind: 'choose'; choices: PageChoice[]; sealedChoices: Credentials[] };

/**
 * One platform's connection rules: how to send the officer to its consent screen, how to
 * finish, refresh and check a connection, and how to verify pasted credentials the same way.
 */
export interface Connector {
  readonly channels: readonly Channel[];
  /** OAuth platforms only: the consent screen's address for this attempt. */
  authorizationUrl?(attempt: AttemptContext): Promise<URL>;
  complete?(callback: URL, attempt: AttemptContext): Promise<CompletedConnect>;
  /** Picks one of the sealed choices of a `choose` answer. */
  choose?(channel: Channel, choice: Credentials): ConnectedAccount;
  /** Only for accounts whose tokens expire and can be renewed without the officer. */
  refresh?(channel: string, credentials: Credentials): Promise<RefreshedTokens>;
  check(channel: string, credentials: Credentials): Promise<HealthReading>;
  verifyPasted(channel: string, credentials: Credentials): Promise<ConnectedAccount>;
}

/** A deadline for the connectors' API calls (their own, not a publication's). */
export function callSignal(ms: number): AbortSignal {
  return AbortSignal.timeout(ms);
}

export interface ApiAnswer {
  status: number;
  body: Record<string, unknown>;
}

/**
 * One API call of a connector through the channel providers' HTTP client (scrubbed reasons,
 * timeouts). A network failure is `provider_unreachable`; an error answer is returned (not
 * thrown) so that each connector reads its platform's own error shape.
 */
export async function apiCall(http: ChannelHttp, call: Omit<HttpCall, 'irreversible' | 'readError'>, timeoutMs: number): Promise<ApiAnswer> {
  const result = await http.read(call, callSignal(timeoutMs));
  if (!result.ok) throw new ConnectionError('provider_unreachable', result.reason);
  return { status: result.answer.status, body: asObject(result.answer.body) };
}

/** Throws the error code with the answer's message when the call did not succeed. */
export function expectOk(answer: ApiAnswer, code: ConnectionErrorCode, step: string): Record<string, unknown> {
  if (answer.status >= 200 && answer.status < 300) return answer.body;
  if (answer.status >= 500 || answer.status === 429) throw new ConnectionError('provider_unreachable', `${step}: HTTP ${answer.status}`);
  throw new ConnectionError(code, `${step}: HTTP ${answer.status}: ${apiErrorMessage(answer.body) ?? ''}`.trim());
}

export function asObject(value: unknown): Record<string, unknown> {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

export function text(value: unknown): string | null {
  if (typeof value === 'string' && value !== '') return value;
  if (typeof value === 'number' && Number.isSafeInteger(value)) return String(value);
  return null;
}

/** expires_in (seconds) from now, or null. */
export function expiresAt(now: Date, seconds: unknown): Date | null {
  return typeof seconds === 'number' && seconds > 0 ? new Date(now.getTime() + seconds * 1000) : null;
}

/** The scopes a token answer granted (space- or comma-separated, as platforms differ). */
export function scopesOf(value: unknown): string[] {
  return typeof value === 'string' ? value.split(/[\s,]+/).filter(Boolean) : [];
}

/** Scopes the connection needs that were not granted. */
export function missingScopes(granted: string[], needed: readonly string[]): string[] {
  return needed.filter((scope) => !granted.includes(scope));
}
