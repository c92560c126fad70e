import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Coding, FeedEntry } from './feed-entry';

const codings = new Map<string, Coding>();

/** The best coding the client accepts (br, then gzip), from Accept-Encoding with q-values. */
export function pickCoding(header: string | undefined): Coding {
  if (!header) return 'identity';
  const known = codings.get(header);
  if (known) return known;
  const accepted = new Map<string, number>();
  for (const part of header.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const weight = q ? Number(q.slice(2)) : 1;
    accepted.set(name.trim(), Number.isFinite(weight) ? weight : 0);
  }
  const any = accepted.get('*');
  const ok = (name: string) => (accepted.get(name) ?? any ?? 0) > 0;
  const coding: Coding = ok('br') ? 'br' : ok('gzip') ? 'gzip' : 'identity';
  // a client sends the same header on every request: remember a bounded number of them
  if (codings.size < 200) codings.set(header, coding);
  return coding;
}

/**
 * If-None-Match first (RFC 9110 §13.1.3: If-Modified-Since is ignored when it is present); any of
 * our tags for this body matches (weak comparison), whatever coding the client stored.
 */
export function notModified(request: IncomingMessage, entry: FeedEntry): boolean {
  const inm = request.headers['if-none-match'];
  if (inm !== undefined) return inm.trim() === '*' || inm.includes(`"${entry.hash}`);
  const ims = request.headers['if-modified-since'];
  if (ims === undefined) return false;
  const since = Date.parse(ims);
  return !Number.isNaN(since) && entry.lastModified <= since;
}

/** Answers a GET or HEAD from the entry: 304 or 200 in the client's coding. No work but writing. */
export function answer(request: IncomingMessage, response: ServerResponse, entry: FeedEntry): void {
  const variant = entry.variants[pickCoding(request.headers['accept-encoding'])];
  if (notModified(request, entry)) {
    response.writeHead(304, variant.notModified);
    response.end();
    return;
  }
  response.writeHead(200, variant.ok);
  if (request.method === 'HEAD') response.end();
  else response.end(variant.body);
}
