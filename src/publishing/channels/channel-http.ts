import type { LookupFunction } from 'node:net';
import { readFile } from 'node:fs/promises';
import http, { type ClientRequest, type IncomingMessage } from 'node:http';
import https from 'node:https';
import { Inject, Injectable } from '@nestjs/common';
import { CHANNEL_SETTINGS, type ChannelSettings } from './channel-settings';
import {
  type ErrorReading,
  failureForAnswer,
  failureWithoutAnswer,
  describeNetworkError,
  type HttpAnswer,
  type HttpFailure,
} from './http-outcomes';
import { safeReason } from './secret-scrub';

export type HttpBody = { json: unknown } | { form: FormData } | { raw: string; contentType: string };

export interface HttpCall {
  /** Names the call in outcome reasons, e.g. 'x create post'. */
  step: string;
  method: 'GET' | 'POST';
  url: string;
  headers?: Record<string, string>;
  body?: HttpBody;
  /** Values never to appear in a reason: every credential of the account. */
  secrets: readonly string[];
  /** The post itself: a failure after sending is unknown (never re-sent). Preparatory calls: transient. */
  irreversible: boolean;
  /** The API's own reading of an error answer (see ErrorReading). */
  readError?: (answer: HttpAnswer) => ErrorReading;
  /** Name resolution for the connection (the webhook's address policy checks what is connected to). */
  lookup?: LookupFunction;
}

export type HttpResult = { ok: true; answer: HttpAnswer } | { ok: false; failure: HttpFailure };

/** Error bodies and ids are small; a huge answer is read only this far (and then treated as cut off). */
const MAX_ANSWER_BYTES = 1024 * 1024;

/**
 * The one outbound HTTP client of the channel providers. Built on node:http rather than fetch
 * because the outcome hinges on one fact fetch does not expose: whether the connection was up
 * (and so the request on its way) when the call failed. Every call gets a fresh connection
 * (agent: false): a reused keep-alive socket that the server closed while idle fails *after*
 * "sending" and would turn a harmless retry into an unconfirmed post.
 */
@Injectable()
export class ChannelHttp {
  constructor(@Inject(CHANNEL_SETTINGS) readonly settings: ChannelSettings) {}

  /** A local photo as a Blob for a multipart upload. */
  async fileBlob(file: string, type: string): Promise<Blob> {
    return new Blob([await readFile(file)], { type });
  }

  /** Sends one request; resolves (never rejects) with the answer or a classified failure. */
  async send(call: HttpCall, signal: AbortSignal): Promise<HttpResult> {
    const result = await this.exchange(call, await encode(call.body), signal);
    if (!result.ok) return { ok: false, failure: { ...result.failure, reason: safeReason(result.failure.reason, call.secrets) } };
    if (result.answer.status >= 200 && result.answer.status < 300) return result;
    const failure = failureForAnswer(call.step, result.answer, call.irreversible, call.readError?.(result.answer));
    return { ok: false, failure: { ...failure, reason: safeReason(failure.reason, call.secrets) } };
  }

  /**
   * Sends one request and returns whatever answer came, error statuses included, for reads whose
   * error bodies the caller interprets (connection checks, metrics); or why no answer came.
   */
  async read(call: Omit<HttpCall, 'irreversible' | 'readError'>, signal: AbortSignal): Promise<{ ok: true; answer: HttpAnswer } | { ok: false; reason: string }> {
    const result = await this.exchange({ ...call, irreversible: false }, await encode(call.body), signal);
    if (!result.ok) return { ok: false, reason: safeReason(result.failure.reason, call.secrets) };
    return result;
  }

  private exchange(call: HttpCall, body: Encoded | null, signal: AbortSignal): Promise<HttpResult> {
    return new Promise((resolve) => {
      const url = URL.canParse(call.url) ? new URL(call.url) : null;
      if (!url) return resolve({ ok: false, failure: { kind: 'refused', reason: `${call.step}: the address is not a valid URL` } });
      const secure = url.protocol === 'https:';
      let sent = false;
      let done = false;
      let request: ClientRequest | undefined;
      const timers: NodeJS.Timeout[] = [];
      const finish = (result: HttpResult) => {
        if (done) return; // later events (the destroy's own error, a late answer) change nothing
        done = true;
        timers.forEach(clearTimeout);
        signal.removeEventListener('abort', onAbort);
        request?.destroy();
        resolve(result);
      };
      const fail = (what: string) => finish({ ok: false, failure: failureWithoutAnswer(call.step, what, sent, call.irreversible) });
      const onAbort = () => fail('deadline reached');
      if (signal.aborted) return fail('deadline reached');
      signal.addEventListener('abort', onAbort, { once: true });
      timers.push(setTimeout(() => fail(`no answer within ${this.settings.timeoutMs} ms`), this.settings.timeoutMs));
      timers.push(setTimeout(() => sent || fail(`no connection within ${this.settings.connectTimeoutMs} ms`), this.settings.connectTimeoutMs));
      const length = body && { 'content-type': body.contentType, 'content-length': String(body.bytes.length) };
      try {
        request = (secure ? https : http).request(url, { method: call.method, headers: { accept: 'application/json', ...call.headers, ...length }, agent: false, lookup: call.lookup });
      } catch (error) {
        // A malformed URL or header (say, a token with a line break): nothing was sent, and resending would fail the same way.
        const code = (error as { code?: unknown }).code;
        return finish({ ok: false, failure: { kind: 'refused', reason: `${call.step}: the request could not be built (${typeof code === 'string' ? code : 'invalid'})` } });
      }
      // TLS counts as connecting: a failed handshake means nothing was sent.
      request.once('socket', (socket) => socket.once(secure ? 'secureConnect' : 'connect', () => (sent = true)));
      // on, not once: a second error event without a listener would crash the process.
      request.on('error', (error) => fail(describeNetworkError(error)));
      request.once('response', (response) =>
        readAnswer(response).then(({ answer, complete }) => {
          // An error status is clear from the status line; a success needs its body (the post's id).
          if (complete || answer.status < 200 || answer.status >= 300) finish({ ok: true, answer });
          else fail('answer cut off');
        }),
      );
      request.end(body?.bytes);
    });
  }
}

interface Encoded {
  bytes: Buffer;
  contentType: string;
}

async function encode(body: HttpBody | undefined): Promise<Encoded | null> {
  if (!body) return null;
  if ('json' in body) return { bytes: Buffer.from(JSON.stringify(body.json)), contentType: 'application/json' };
  if ('raw' in body) return { bytes: Buffer.from(body.raw), contentType: body.contentType };
  // Response serialises FormData exactly as fetch would: boundary, part headers, file name and type.
  const response = new Response(body.form);
  return { bytes: Buffer.from(await response.arrayBuffer()), contentType: response.headers.get('content-type') ?? 'multipart/form-data' };
}

/** The answer as far as it came; complete = false when the connection broke before its end. */
function readAnswer(response: IncomingMessage): Promise<{ answer: HttpAnswer; complete: boolean }> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const settle = (complete: boolean) => {
      const body = complete ? parseBody(Buffer.concat(chunks).toString('utf8')) : null;
      resolve({ answer: { status: response.statusCode ?? 0, headers: response.headers, body }, complete });
    };
    response.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_ANSWER_BYTES) return response.destroy();
      chunks.push(chunk);
    });
    response.once('end', () => settle(true));
    response.once('close', () => settle(response.complete)); // a second settle is a no-op
    response.on('error', () => settle(false));
  });
}

function parseBody(text: string): unknown {
  try {
    return text.trim() === '' ? null : JSON.parse(text);
  } catch {
    return text;
  }
}
