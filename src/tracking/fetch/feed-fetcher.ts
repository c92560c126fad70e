import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import http, { type IncomingMessage } from 'node:http';
import https from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import { Transform, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import zlib from 'node:zlib';
import { Inject, Injectable } from '@nestjs/common';
import { GAUNG_CONFIG, type GaungConfig } from '../../config/gaung-config';
import { AddressPolicy } from './address-policy';
import { FeedFetchError } from './feed-fetch-error';

export const MAX_REDIRECTS = 3;
/** Connecting may take at most this long (the total limit still applies when it is shorter). */
const CONNECT_TIMEOUT_MS = 5_000;
const USER_AGENT = 'Gaung-FeedPoller/1.0 (+pickup tracking of police press releases)';

export interface FeedFetchRequest {
  url: string;
  /** Validators from the last successful fetch (conditional GET). */
  etag?: string | null;
  lastModified?: string | null;
}

export type FeedFetchResult =
  | { notModified: true }
  | { notModified: false; body: string; etag: string | null; lastModified: string | null; bytes: number; redirects: number };

export type FeedFetcherConfig = Pick<GaungConfig, 'feedFetchTimeoutMs' | 'feedFetchMaxBytes' | 'feedFetchAllowHosts'>;

/**
 * The only outbound fetch of partner feeds in the application, built for hostile servers:
 * http/https only; the address is checked after DNS resolution inside the connection's own
 * `lookup` (so the address checked is the address connected to: no DNS-rebinding window);
 * connect and total timeouts; a byte cap on both the transferred and the decompressed body;
 * at most MAX_REDIRECTS redirects, each target checked again; conditional GET.
 */
@Injectable()
export class FeedFetcher {
  private readonly policy: AddressPolicy;

  constructor(@Inject(GAUNG_CONFIG) private readonly config: FeedFetcherConfig) {
    this.policy = new AddressPolicy(config.feedFetchAllowHosts);
  }

  async fetch(request: FeedFetchRequest): Promise<FeedFetchResult> {
    const abort = new AbortController();
    const timer = setTimeout(() => abort.abort(), this.config.feedFetchTimeoutMs);
    try {
      let url = this.checkedUrl(request.url);
      for (let redirects = 0; ; redirects++) {
        const response = await this.get(url, request, abort.signal);
        const status = response.statusCode ?? 0;
        if ([301, 302, 303, 307, 308].includes(status)) {
          response.destroy();
          if (redirects >= MAX_REDIRECTS) throw new FeedFetchError('too_many_redirects', `more than ${MAX_REDIRECTS} redirects`);
          const location = response.headers.location;
          if (!location) throw new FeedFetchError('http_status', `HTTP ${status} without Location`);
          url = this.checkedUrl(location, url);
          continue;
        }
        if (status === 304) {
          response.destroy();
          return { notModified: true };
        }
        if (status < 200 || status > 299) {
          response.destroy();
          throw new FeedFetchError('http_status', `HTTP ${status}`);
        }
        const body = await this.readBody(response, abort.signal);
        const header = (name: string) => (typeof response.headers[name] === 'string' ? (response.headers[name] as string).slice(0, 500) : null);
        return { notModified: false, body: decode(body, response.headers['content-type']), etag: header('etag'), lastModified: header('last-modified'), bytes: body.length, redirects };
      }
    } catch (error) {
      throw this.explain(error, abort.signal);
    } finally {
      clearTimeout(timer);
    }
  }

  /** An absolute http(s) URL whose host, when written as an IP address, is allowed. */
  private checkedUrl(raw: string, base?: URL): URL {
    let url: URL;
    try {
      url = new URL(raw, base);
    } catch {
      throw new FeedFetchError('bad_url', 'not a valid URL');
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new FeedFetchError('scheme_not_allowed', `${url.protocol.replace(':', '')} is not http or https`);
    if (url.username || url.password) throw new FeedFetchError('bad_url', 'URLs with credentials are not fetched');
    const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
    // Node connects to an IP literal without calling `lookup`, so literals are checked here.
    if (isIP(host)) {
      const refusal = this.policy.refusal(host);
      if (refusal) throw new FeedFetchError('address_refused', `${refusal} address refused`);
    }
    return url;
  }

  /** Resolves like dns.lookup, then refuses the whole answer if any address is not allowed. */
  private readonly lookup: LookupFunction = (hostname, options, callback) => {
    dnsLookup(hostname, { all: true, verbatim: false }, (error, addresses: LookupAddress[]) => {
      if (error || addresses.length === 0) {
        callback(new FeedFetchError('dns_failed', `${error?.code ?? 'no address'} resolving the host`), '', 4);
        return;
      }
      for (const { address } of addresses) {
        const refusal = this.policy.refusal(address, hostname);
        if (refusal) {
          callback(new FeedFetchError('address_refused', `the host resolves to a ${refusal} address`), '', 4);
          return;
        }
      }
      if (options.all) (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, addresses);
      else callback(null, addresses[0].address, addresses[0].family);
    });
  };

  private get(url: URL, request: FeedFetchRequest, signal: AbortSignal): Promise<IncomingMessage> {
    const headers: Record<string, string> = {
      'User-Agent': USER_AGENT,
      Accept: 'application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5',
      'Accept-Encoding': 'gzip, deflate',
    };
    if (request.etag) headers['If-None-Match'] = request.etag;
    if (request.lastModified) headers['If-Modified-Since'] = request.lastModified;
    const client = url.protocol === 'https:' ? https : http;
    return new Promise((resolve, reject) => {
      // agent: false: a fresh connection each time, so every connection goes through `lookup`
      const req = client.get(url, { headers, lookup: this.lookup, signal, agent: false, maxHeaderSize: 32 * 1024 }, resolve);
      req.on('error', reject);
      req.on('socket', (socket) => {
        if (!socket.connecting) return;
        const connectTimer = setTimeout(
          () => req.destroy(new FeedFetchError('connect_timeout', `no connection within ${Math.min(CONNECT_TIMEOUT_MS, this.config.feedFetchTimeoutMs)} ms`)),
          Math.min(CONNECT_TIMEOUT_MS, this.config.feedFetchTimeoutMs),
        );
        socket.once('connect', () => clearTimeout(connectTimer));
        socket.once('close', () => clearTimeout(connectTimer));
      });
    });
  }

  /** The body, decompressed, never more than feedFetchMaxBytes on the wire or after decompression. */
  private async readBody(response: IncomingMessage, signal: AbortSignal): Promise<Buffer> {
    const max = this.config.feedFetchMaxBytes;
    const declared = Number(response.headers['content-length']);
    if (Number.isFinite(declared) && declared > max) {
      response.destroy();
      throw new FeedFetchError('too_large', `body of ${declared} bytes exceeds ${max}`);
    }
    const encoding = String(response.headers['content-encoding'] ?? 'identity').trim().toLowerCase();
    const decoders: Record<string, () => Transform> = {
      gzip: () => zlib.createGunzip(),
      'x-gzip': () => zlib.createGunzip(),
      deflate: () => zlib.createInflate(),
    };
    if (encoding !== 'identity' && !decoders[encoding]) {
      response.destroy();
      throw new FeedFetchError('bad_encoding', `content encoding ${encoding.slice(0, 20)} not supported`);
    }
    const chunks: Buffer[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        chunks.push(chunk);
        done();
      },
    });
    const stages = [response, byteCap(max, 'transferred body'), ...(decoders[encoding] ? [decoders[encoding](), byteCap(max, 'decompressed body')] : []), sink];
    await pipeline(stages as unknown as [NodeJS.ReadableStream, NodeJS.WritableStream], { signal });
    return Buffer.concat(chunks);
  }

  private explain(error: unknown, signal: AbortSignal): FeedFetchError {
    if (error instanceof FeedFetchError) return error;
    const cause = (error as { cause?: unknown }).cause;
    if (cause instanceof FeedFetchError) return cause;
    if (signal.aborted) return new FeedFetchError('timeout', `no complete answer within ${this.config.feedFetchTimeoutMs} ms`);
    const code = (error as NodeJS.ErrnoException).code;
    return new FeedFetchError('network', code ? `network error ${code}` : 'network error');
  }
}

/** Passes bytes through until more than `max` went by, then fails the pipeline (which destroys the socket). */
function byteCap(max: number, what: string): Transform {
  let seen = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      seen += chunk.length;
      if (seen > max) done(new FeedFetchError('too_large', `${what} exceeds ${max} bytes`));
      else done(null, chunk);
    },
  });
}

/** Bytes to text: the charset of Content-Type, else of the XML declaration, else UTF-8. */
function decode(body: Buffer, contentType: string | undefined): string {
  const declared = /charset=["']?([\w.:-]+)/i.exec(contentType ?? '')?.[1]
    ?? /^\s*<\?xml[^>]*encoding=["']([\w.:-]+)["']/i.exec(body.subarray(0, 200).toString('latin1'))?.[1];
  try {
    return new TextDecoder(declared ?? 'utf-8').decode(body);
  } catch {
    return new TextDecoder('utf-8').decode(body);
  }
}
