import { LookupFailedError } from './api-channel-provider';
import type { ChannelHttp, HttpCall } from './channel-http';
import type { ErrorReading, HttpAnswer } from './http-outcomes';

/**
 * What Facebook Pages and Instagram share: the Graph API, its access_token parameter (in the
 * query, as the Graph API documents it; scrubbed from every reason) and its error codes.
 */

/** Rate and capacity limits the Graph API answers with 400/403 although they clear by themselves. */
const GRAPH_THROTTLED = new Set([4, 17, 32, 341, 613]);

interface GraphError {
  message?: unknown;
  code?: unknown;
  is_transient?: unknown;
}

export function graphError(answer: HttpAnswer): GraphError | undefined {
  const error = (answer.body as { error?: unknown } | null)?.error;
  return error && typeof error === 'object' ? (error as GraphError) : undefined;
}

/** Token invalid or expired (190), session gone (102), a permission withdrawn (10, 200-299): wait for a reconnection. */
const GRAPH_TOKEN_GONE = new Set([190, 102, 10]);
/** Instagram's "the account reached its publishing limit" (code 9, subcode 2207042). */
const IG_PUBLISH_LIMIT_SUBCODE = 2207042;
/** When the platform does not say when the 24-hour window frees a slot, look again in an hour. */
const QUOTA_RECHECK_MS = 60 * 60_000;

/** Graph errors that clear by themselves (throttling, is_transient) are transient whatever the status. */
export function readGraphError(answer: HttpAnswer): ErrorReading {
  const error = graphError(answer);
  if (!error) return {};
  const code = typeof error.code === 'number' ? error.code : undefined;
  const subcode = typeof (error as { error_subcode?: unknown }).error_subcode === 'number' ? (error as { error_subcode: number }).error_subcode : undefined;
  const message = typeof error.message === 'string' ? `${error.message}${code ? ` (code ${code})` : ''}` : undefined;
  if (code !== undefined && (GRAPH_TOKEN_GONE.has(code) || (code >= 200 && code < 300))) return { message, reconnect: true };
  if (subcode === IG_PUBLISH_LIMIT_SUBCODE) return { message, quotaUntil: new Date(Date.now() + QUOTA_RECHECK_MS) };
  return { message, transient: error.is_transient === true || (code !== undefined && GRAPH_THROTTLED.has(code)) };
}

/** One Graph API call: `${base}/${path}?access_token=...` with a JSON or multipart body. */
export function graphCall(
  base: string,
  path: string,
  token: string,
  call: Pick<HttpCall, 'step' | 'method' | 'body' | 'secrets' | 'irreversible'> & { query?: Record<string, string> },
): HttpCall {
  const query = new URLSearchParams({ ...call.query, access_token: token });
  const { step, method, body, secrets, irreversible } = call;
  return { step, method, body, secrets, irreversible, url: `${base}/${path}?${query.toString()}`, readError: readGraphError };
}

/** How many recent posts a look-up reads: an unconfirmed post is minutes or hours old. */
export const LOOKUP_WINDOW = 25;

/**
 * Reads a Graph edge of recent posts ({data: [...]}) and returns the first item whose text
 * (message or caption) is exactly the text we posted; throws LookupFailedError when the edge
 * cannot be read, since "could not look" must never pass for "not there".
 */
export async function findRecentByText(
  http: ChannelHttp,
  call: HttpCall,
  textField: 'message' | 'caption',
  text: string,
  signal: AbortSignal,
): Promise<Record<string, unknown> | null> {
  const result = await http.send(call, signal);
  if (!result.ok) throw new LookupFailedError(result.failure.reason);
  const items = (result.answer.body as { data?: unknown } | null)?.data;
  if (!Array.isArray(items)) throw new LookupFailedError(`${call.step}: the answer had no data list`);
  const wanted = text.trim();
  const match = items.find((item) => typeof item?.[textField] === 'string' && item[textField].trim() === wanted);
  return (match as Record<string, unknown> | undefined) ?? null;
}
