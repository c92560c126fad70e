import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

const gzipAsync = promisify(gzip);
const brotliAsync = promisify(brotliCompress);

export type Coding = 'identity' | 'gzip' | 'br';

interface Variant {
  body: Buffer;
  /** Raw header list for writeHead: built once, so an answer costs no header work. */
  ok: string[];
  notModified: string[];
}

/** One feed body, compressed once, with every header of its answers precomputed. */
export interface FeedEntry {
  key: string;
  /** Base of the strong ETags: hash of the uncompressed body. */
  hash: string;
  /** feed_state version this body was built under: older versions are stale. */
  version: number;
  /** ms since epoch when it goes stale by itself (an embargo ends); null: only on change. */
  validUntil: number | null;
  /** Last-Modified, whole seconds (ms since epoch). */
  lastModified: number;
  items: number;
  variants: Record<Coding, Variant>;
}

export interface EntryOptions {
  key: string;
  body: string;
  contentType: string;
  version: number;
  validUntil: Date | null;
  lastModified: number;
  items: number;
  /** Public feeds may be stored by shared caches and read by any site; partner feeds hold embargoed text. */
  isPublic: boolean;
}

export const bodyHash = (body: Buffer | string) => createHash('sha256').update(body).digest('base64url');

export async function createEntry(options: EntryOptions): Promise<FeedEntry> {
  const identity = Buffer.from(options.body, 'utf8');
  const [gzipped, brotli] = await Promise.all([
    gzipAsync(identity, { level: constants.Z_BEST_COMPRESSION }),
    brotliAsync(identity, { params: { [constants.BROTLI_PARAM_QUALITY]: 9, [constants.BROTLI_PARAM_SIZE_HINT]: identity.length } }),
  ]);
  const hash = bodyHash(identity);
  const common = [
    'Cache-Control', options.isPublic ? 'public, max-age=60' : 'private, max-age=60',
    'Vary', 'Accept-Encoding',
    'Last-Modified', new Date(options.lastModified).toUTCString(),
    // the security headers that matter for a document a browser may open (helmet is not on this path)
    'X-Content-Type-Options', 'nosniff',
    'Content-Security-Policy', "default-src 'none'; sandbox",
    ...(options.isPublic ? ['Access-Control-Allow-Origin', '*', 'Cross-Origin-Resource-Policy', 'cross-origin'] : ['Referrer-Policy', 'no-referrer']),
  ];
  const variant = (coding: Coding, body: Buffer): Variant => {
    // a strong ETag names one representation: each content coding has its own
    const etag = coding === 'identity' ? `"${hash}"` : `"${hash}-${coding}"`;
    const encoding = coding === 'identity' ? [] : ['Content-Encoding', coding];
    return {
      body,
      ok: ['Content-Type', options.contentType, 'Content-Length', String(body.length), 'ETag', etag, ...encoding, ...common],
      notModified: ['ETag', etag, ...common],
    };
  };
  return {
    key: options.key,
    hash,
    version: options.version,
    validUntil: options.validUntil ? options.validUntil.getTime() : null,
    lastModified: options.lastModified,
    items: options.items,
    variants: { identity: variant('identity', identity), gzip: variant('gzip', gzipped), br: variant('br', brotli) },
  };
}
