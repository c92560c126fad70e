import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { FeedServer, rss } from '../../../test/support/feed-server';
import { parseFeed } from '../polling/parse-feed';
import { FeedFetchError } from './feed-fetch-error';
import { FeedFetcher, type FeedFetcherConfig } from './feed-fetcher';
import { AddressPolicy } from './address-policy';

const MB = 1024 * 1024;
const fetcher = (over: Partial<FeedFetcherConfig> = {}) =>
  new FeedFetcher({ feedFetchTimeoutMs: 1500, feedFetchMaxBytes: 5 * MB, feedFetchAllowHosts: ['127.0.0.1'], ...over });

/** The code of the FeedFetchError `promise` rejects with, and how long it took. */
async function failure(promise: Promise<unknown>): Promise<{ code: string; message: string; ms: number }> {
  const started = performance.now();
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(FeedFetchError);
    return { code: (error as FeedFetchError).code, message: (error as Error).message, ms: performance.now() - started };
  }
  throw new Error('expected a failure');
}

describe('FeedFetcher against local feed servers', () => {
  const server = new FeedServer();
  let base: string;
  beforeAll(async () => {
    base = await server.start();
    server.items = [{ guid: 'a-1', title: 'Berita satu', link: 'http://mitra.example/1', description: 'Isi berita satu' }];
  });
  afterAll(() => server.stop());

  it('fetches a feed (gzip accepted) and answers 304 with the validators', async () => {
    const first = await fetcher().fetch({ url: `${base}/feed.xml` });
    expect(first).toMatchObject({ notModified: false, etag: '"v1"' });
    expect(server.requests.at(-1)!.headers['accept-encoding']).toMatch(/gzip/);
    if (first.notModified) throw new Error('unreachable');
    expect(first.body).toContain('Berita satu');
    const items = await parseFeed(first.body);
    expect(items).toMatchObject([{ guid: 'a-1', title: 'Berita satu', link: 'http://mitra.example/1' }]);
    expect(await fetcher().fetch({ url: `${base}/feed.xml`, etag: first.etag })).toEqual({ notModified: true });
    expect(server.requests.at(-1)!.headers['if-none-match']).toBe('"v1"');
  });

  it('reads Atom too', async () => {
    const result = await fetcher().fetch({ url: `${base}/atom.xml` });
    if (result.notModified) throw new Error('unexpected 304');
    expect(await parseFeed(result.body)).toMatchObject([{ guid: 'a-1', title: 'Berita satu' }]);
  });

  it('abandons a 50 MB body at the cap, whether declared or not, and a gzip bomb after decompressing the cap', async () => {
    const undeclared = await failure(fetcher({ feedFetchMaxBytes: MB }).fetch({ url: `${base}/huge` }));
    expect(undeclared.code).toBe('too_large');
    expect(server.sent.get('/huge')!).toBeLessThan(10 * MB); // the client hung up long before 50 MB
    expect((await failure(fetcher().fetch({ url: `${base}/huge-declared` }))).code).toBe('too_large');
    const bomb = await failure(fetcher({ feedFetchMaxBytes: MB }).fetch({ url: `${base}/gzip-bomb` }));
    expect(bomb).toMatchObject({ code: 'too_large', message: expect.stringContaining('decompressed') });
  });

  it('gives up on a slow drip at the total time limit', async () => {
    const drip = await failure(fetcher({ feedFetchTimeoutMs: 700 }).fetch({ url: `${base}/drip` }));
    expect(drip.code).toBe('timeout');
    expect(drip.ms).toBeGreaterThanOrEqual(650);
    expect(drip.ms).toBeLessThan(3000);
  });

  it('follows at most 3 redirects, each checked again', async () => {
    const ok = await fetcher().fetch({ url: `${base}/redirect/2` });
    expect(ok).toMatchObject({ notModified: false, redirects: 3 });
    const before = server.hits.get('/redirect/2') ?? 0;
    expect((await failure(fetcher().fetch({ url: `${base}/redirect/6` }))).code).toBe('too_many_redirects');
    expect(server.hits.get('/redirect/2') ?? 0).toBe(before); // stopped after /redirect/3
    expect((await failure(fetcher().fetch({ url: `${base}/to-ftp` }))).code).toBe('scheme_not_allowed');
    expect((await failure(fetcher().fetch({ url: `${base}/to-metadata` }))).code).toBe('address_refused');
  });

  it('refuses loopback when not allow-listed, also behind a redirect or a host name', async () => {
    const strict = fetcher({ feedFetchAllowHosts: [] });
    const hits = server.requests.length;
    expect((await failure(strict.fetch({ url: `${base}/feed.xml` }))).code).toBe('address_refused');
    expect((await failure(strict.fetch({ url: `http://localhost:${server.port}/feed.xml` }))).code).toBe('address_refused');
    expect(server.requests.length).toBe(hits); // nothing was connected to
    // a host allowed by name may not redirect to an address that is not
    const byName = fetcher({ feedFetchAllowHosts: ['localhost'] });
    expect((await byName.fetch({ url: `http://localhost:${server.port}/feed.xml` })).notModified).toBe(false);
    expect((await failure(byName.fetch({ url: `http://localhost:${server.port}/to-loopback` }))).code).toBe('address_refused');
    expect((await failure(byName.fetch({ url: `http://localhost:${server.port}/to-metadata` }))).code).toBe('address_refused');
  });

  it('refuses IPv4-compatible IPv6 literals (issue 17: [::127.0.0.1] and [::7f00:1] passed)', async () => {
    const policy = new AddressPolicy([]);
    // ipaddr.js alone read "::8.8.8.8" as the IPv4-mapped ::ffff:8.8.8.8 (public): it is ::808:808
    for (const address of ['::127.0.0.1', '::7f00:1', '::a00:1', '::169.254.169.254', '::8.8.8.8', '0:0:0:0:0:0:7f00:1']) {
      expect({ address, refusal: policy.refusal(address) }).toEqual({ address, refusal: 'ipv4Compatible' });
    }
    expect(policy.refusal('::1')).toBe('loopback');
    const strict = fetcher({ feedFetchAllowHosts: [] });
    const hits = server.requests.length;
    for (const host of ['[::127.0.0.1]', '[::7f00:1]']) {
      expect((await failure(strict.fetch({ url: `http://${host}:${server.port}/feed.xml` }))).code).toBe('address_refused');
    }
    expect(server.requests.length).toBe(hits);
  });

  it('refuses other schemes, credentials in URLs and HTTP errors', async () => {
    for (const url of ['ftp://example.com/feed.xml', 'file:///etc/passwd', 'gopher://x/']) expect((await failure(fetcher().fetch({ url }))).code).toBe('scheme_not_allowed');
    expect((await failure(fetcher().fetch({ url: 'not a url' }))).code).toBe('bad_url');
    expect((await failure(fetcher().fetch({ url: `http://user:pw@127.0.0.1:${server.port}/feed.xml` }))).code).toBe('bad_url');
    expect((await failure(fetcher().fetch({ url: `${base}/error` })))).toMatchObject({ code: 'http_status', message: 'HTTP 500' });
  });

  it('times out a server that accepts the connection and never answers', async () => {
    const silent = http.createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const port = (silent.address() as AddressInfo).port;
    const result = await failure(fetcher({ feedFetchTimeoutMs: 300 }).fetch({ url: `http://127.0.0.1:${port}/` }));
    silent.closeAllConnections();
    silent.close();
    expect(result.code).toBe('timeout');
    expect(result.ms).toBeLessThan(2000);
  });
});

describe('parseFeed on hostile XML', () => {
  it('refuses entity declarations, reports malformed XML, and keeps Object.prototype clean', async () => {
    const bomb = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;">]><rss version="2.0"><channel><title>&lol2;</title></channel></rss>`;
    await expect(parseFeed(bomb)).rejects.toMatchObject({ code: 'entities_refused' });
    await expect(parseFeed('<rss version="2.0"><channel><item><title>x</item></channel>')).rejects.toMatchObject({ code: 'malformed' });
    await expect(parseFeed('{"json": true}')).rejects.toMatchObject({ name: 'FeedParseError' });
    await expect(parseFeed('<html><body>hi</body></html>')).rejects.toMatchObject({ code: 'not_a_feed' });
    const items = await parseFeed(`<rss version="2.0"><channel><title>P</title><__proto__><polluted>yes</polluted></__proto__>
      <item><title>T</title><guid>g</guid><__proto__><polluted>yes</polluted></__proto__><constructor><prototype><polluted>1</polluted></prototype></constructor></item></channel></rss>`);
    expect(items).toMatchObject([{ guid: 'g', title: 'T' }]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.keys(Object.prototype)).toEqual([]);
  });

  it('derives a stable guid: guid, else link, else a hash of the text', async () => {
    const items = await parseFeed(rss([{ title: 'A', link: 'http://m/a' }, { title: 'B', description: 'isi' }, { guid: 'g-3', title: 'C', link: 'http://m/c' }]));
    expect(items.map((i) => i.guid)).toEqual(['http://m/a', expect.stringMatching(/^sha256:[0-9a-f]{64}$/), 'g-3']);
    expect((await parseFeed(rss([{ title: 'B', description: 'isi' }])))[0].guid).toBe(items[1].guid);
  });
});

describe('AddressPolicy', () => {
  it('allows public unicast only, unless allow-listed by host or CIDR', () => {
    const policy = new AddressPolicy([]);
    for (const address of ['127.0.0.1', '10.1.2.3', '172.16.0.1', '192.168.0.10', '100.64.0.1', '169.254.169.254', '0.0.0.0', '0.1.2.3',
      '224.0.0.1', '255.255.255.255', '::1', '::', 'fe80::1', 'fc00::1', 'fd12::1', '::ffff:127.0.0.1', '::ffff:10.0.0.1', '64:ff9b::a00:1']) {
      expect({ address, refused: policy.refusal(address) !== null }).toEqual({ address, refused: true });
    }
    for (const address of ['8.8.8.8', '36.86.63.9', '2606:4700::1111', '::ffff:8.8.8.8']) expect(policy.refusal(address)).toBeNull();
    const allowing = new AddressPolicy(['127.0.0.1', '10.0.0.0/8', 'feeds.internal']);
    expect(allowing.refusal('127.0.0.1')).toBeNull();
    expect(allowing.refusal('127.0.0.2')).toBe('loopback');
    expect(allowing.refusal('10.9.9.9')).toBeNull();
    expect(allowing.refusal('192.168.1.1', 'feeds.internal')).toBeNull();
    expect(allowing.refusal('169.254.169.254')).toBe('linkLocal');
  });

});
