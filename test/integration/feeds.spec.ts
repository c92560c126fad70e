import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { FixedClock } from '../../src/common/clock';
import { feedparser, jsonFeedErrors, rssParser, xmllint } from '../support/feed-clients';
import { complaintFor, FeedStories, type IntakeKind } from '../support/feed-stories';
import { fixture, haveFixtures } from '../support/fixtures';
import { noisyPhoto } from '../support/images';
import { createMediaTestApp, upload } from '../support/media';
import type { TestApp } from '../support/test-app';

const BASE = 'https://humas.example.go.id';
const DEMO_UNITS = new Set(['POLDA-METRO', 'POLRES-JAKSEL', 'POLSEK-KEBAYORAN-BARU', 'POLSEK-CILANDAK', 'POLRESTABES-MAKASSAR', 'POLRESTA-JAYAPURA']);
const OFFSET: Record<string, string> = { 'POLRESTABES-MAKASSAR': '+0800', 'POLRESTA-JAYAPURA': '+0900' };

/** Binary-safe GET through supertest (the body as received, before any decoding). */
const raw = (res: NodeJS.ReadableStream, done: (error: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => done(null, Buffer.concat(chunks)));
};

/** A GET whose body is exactly the bytes sent (supertest would decompress them). */
function wireGet(port: number, path: string, headers: Record<string, string>): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    http.get({ host: '127.0.0.1', port, path, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
    }).on('error', reject);
  });
}

describe('feeds', () => {
  const clock = new FixedClock(new Date('2026-11-20T02:00:00Z'));
  let t: TestApp & { cleanup(): Promise<void> };
  let stories: FeedStories;
  /** story id -> unit code, kind, category, for every fixture story published here */
  const published = new Map<string, { unit: string; kind: IntakeKind; category: string }>();
  let photoStory: string;
  let mediaId: string;

  // identity unless a test asks for a coding (superagent would send gzip, deflate by default)
  const get = (path: string, headers: Record<string, string> = {}) => t.http.get(path).set({ 'Accept-Encoding': 'identity', ...headers }).buffer(true).parse(raw as never);
  const text = async (path: string) => {
    const response = await get(path).expect(200);
    return (response.body as Buffer).toString('utf8');
  };
  const ids = (body: string) => [...body.matchAll(/urn:uuid:([0-9a-f-]{36})/g)].map((m) => m[1]);

  beforeAll(async () => {
    t = await createMediaTestApp({ DISPATCH_INTERVAL_MS: '0', FEED_CHECK_INTERVAL_MS: '100', PUBLIC_BASE_URL: BASE }, clock);
    stories = new FeedStories(t);
    const kinds: [IntakeKind, string][] = [['complaints', 'category'], ['feedback', 'serviceType'], ['achievements', 'activityType']];
    for (const [kind, field] of kinds) {
      const items: Record<string, unknown>[] = haveFixtures ? fixture(kind) : [complaintFor('POLSEK-KEBAYORAN-BARU')];
      for (const item of items.filter((i) => DEMO_UNITS.has(i.unitCode as string))) {
        const id = await stories.create(kind, item);
        if (!id) continue;
        await stories.approve(id, item.unitCode as string);
        await stories.publish(id, item.unitCode as string);
        published.set(id, { unit: item.unitCode as string, kind, category: item[field] as string });
      }
    }
    // one story with a photo, for Media RSS and the enclosure
    const admin = await t.login('admin');
    const photo = await upload(t, admin, await noisyPhoto(1800, 1200, { noise: 5 }), { fields: { alt: 'Petugas mengatur arus lalu lintas', unitCode: 'POLSEK-KEBAYORAN-BARU' } }).expect(201);
    mediaId = photo.body.id;
    photoStory = await stories.published('complaints', complaintFor('POLSEK-KEBAYORAN-BARU', { category: 'curanmor', mediaIds: [mediaId] }));
    published.set(photoStory, { unit: 'POLSEK-KEBAYORAN-BARU', kind: 'complaints', category: 'curanmor' });
  }, 300_000);
  afterAll(() => t.cleanup());

  it('serves the published stories as RSS 2.0 that feedparser, rss-parser and xmllint accept', async () => {
    expect(published.size).toBeGreaterThanOrEqual(haveFixtures ? 12 : 2);
    const body = await text('/feeds/rss.xml');
    expect(xmllint(body)).toBe('');
    const parsed = feedparser(body);
    expect(parsed.bozo_exception).toBeNull();
    expect(Number(parsed.bozo)).toBe(0);
    expect(parsed.version).toBe('rss20');
    expect(parsed.feed.links).toEqual(expect.arrayContaining([{ rel: 'self', href: `${BASE}/feeds/rss.xml` }]));
    const entries = new Map(parsed.entries.map((e) => [e.id.replace('urn:uuid:', ''), e]));
    for (const [id, story] of published) {
      const entry = entries.get(id)!;
      expect(entry).toBeDefined();
      expect(entry.link).toMatch(new RegExp(`^${BASE}/rilis/[a-z0-9-]+$`));
      // RFC 822 in the unit's own zone: WIB, WITA or WIT
      expect(entry.published).toMatch(/^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} [+]\d{4}$/);
      expect(entry.published.slice(-5)).toBe(OFFSET[story.unit] ?? '+0700');
      expect(entry.author).toMatch(/^Humas (Polda|Polres|Polsek|Polrestabes|Polresta) /);
      expect(entry.tags).toContain(story.category);
      expect(entry.content[0]).toMatch(/^<p>/);
      expect(entry.summary.length).toBeGreaterThan(20);
    }
    const feedback = [...published].find(([, s]) => s.kind === 'feedback');
    if (feedback) expect(entries.get(feedback[0])!.tags).toContain('apresiasi');

    const feed = await rssParser(body);
    expect(feed.items.map((i) => i.guid?.replace('urn:uuid:', ''))).toEqual(expect.arrayContaining([...published.keys()]));
    const dated = feed.items.map((i) => Date.parse(i.isoDate!));
    expect(dated).toEqual([...dated].sort((a, b) => b - a)); // newest first
  });

  it('serves the same content as Atom 1.0 and JSON Feed 1.1', async () => {
    const atom = await text('/feeds/atom.xml');
    expect(xmllint(atom)).toBe('');
    const parsed = feedparser(atom);
    expect(Number(parsed.bozo)).toBe(0);
    expect(parsed.version).toBe('atom10');
    const rssIds = ids(await text('/feeds/rss.xml'));
    expect(parsed.entries.map((e) => e.id.replace('urn:uuid:', ''))).toEqual([...new Set(rssIds)]);
    expect(await rssParser(atom)).toMatchObject({ items: expect.arrayContaining([expect.objectContaining({ id: `urn:uuid:${photoStory}` })]) });

    const response = await get('/feeds/feed.json').expect(200);
    expect(response.headers['content-type']).toBe('application/feed+json; charset=utf-8');
    const json = JSON.parse((response.body as Buffer).toString('utf8'));
    expect(jsonFeedErrors(json)).toEqual([]);
    expect(json.items.map((i: { id: string }) => i.id.replace('urn:uuid:', ''))).toEqual([...new Set(rssIds)]);
    const makassar = [...published].find(([, s]) => s.unit === 'POLRESTABES-MAKASSAR');
    if (makassar) expect(json.items.find((i: { id: string }) => i.id.endsWith(makassar[0])).date_published).toMatch(/\+08:00$/);
    // the schema really checks: a broken document fails it
    expect(jsonFeedErrors({ ...json, items: [{ title: 'no id' }] })).not.toEqual([]);
  });

  it('carries the main photo as Media RSS renditions, a thumbnail and an enclosure with its real size', async () => {
    const parsed = feedparser(await text('/feeds/rss.xml'));
    const entry = parsed.entries.find((e) => e.id === `urn:uuid:${photoStory}`)!;
    const renditions: { name: string; format: string; bytes: number }[] = await t.dataSource.query(
      `SELECT name, format, bytes FROM media_rendition WHERE media_id = $1`, [mediaId]);
    const web = renditions.find((r) => r.name === 'web' && r.format === 'jpeg')!;
    expect(entry.enclosures).toEqual([expect.objectContaining({ href: `${BASE}/media/${mediaId}/web.jpg`, length: String(web.bytes), type: 'image/jpeg' })]);
    expect(entry.media_content.length).toBe(renditions.length);
    expect(entry.media_content[0]).toMatchObject({ url: `${BASE}/media/${mediaId}/web.jpg`, medium: 'image', isdefault: 'true' });
    expect(entry.media_thumbnail[0]).toMatchObject({ url: `${BASE}/media/${mediaId}/thumb.jpg`, width: '400', height: '400' });
    const json = JSON.parse(await text('/feeds/feed.json'));
    const item = json.items.find((i: { id: string }) => i.id === `urn:uuid:${photoStory}`);
    expect(item.attachments).toEqual([{ url: `${BASE}/media/${mediaId}/web.jpg`, mime_type: 'image/jpeg', size_in_bytes: web.bytes, title: 'Petugas mengatur arus lalu lintas' }]);
    // every URL in the feed is one the public can fetch
    await t.http.get(`/media/${mediaId}/web.jpg`).expect(200);
    await t.http.get(`/media/${mediaId}/thumb.jpg`).expect(200);
  });

  it('limits a unit feed to the unit and the units below it', async () => {
    const jaksel = new Set(ids(await text('/feeds/units/POLRES-JAKSEL/rss.xml')));
    const metro = new Set(ids(await text('/feeds/units/POLDA-METRO/rss.xml')));
    const makassar = new Set(ids(await text('/feeds/units/POLRESTABES-MAKASSAR/atom.xml')));
    for (const [id, story] of published) {
      expect(jaksel.has(id)).toBe(['POLRES-JAKSEL', 'POLSEK-KEBAYORAN-BARU', 'POLSEK-CILANDAK'].includes(story.unit));
      expect(metro.has(id)).toBe(['POLDA-METRO', 'POLRES-JAKSEL', 'POLSEK-KEBAYORAN-BARU', 'POLSEK-CILANDAK'].includes(story.unit));
      expect(makassar.has(id)).toBe(story.unit === 'POLRESTABES-MAKASSAR');
    }
    expect(jaksel.size).toBeGreaterThan(0);
    const kebayoran = feedparser(await text('/feeds/units/POLSEK-KEBAYORAN-BARU/rss.xml'));
    expect(kebayoran.feed.title).toBe('Siaran Pers Humas Polsek Kebayoran Baru');

    const unknown = await t.http.get('/feeds/units/POLSEK-ATLANTIS/rss.xml').expect(404);
    expect(unknown.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(unknown.body).toMatchObject({ status: 404, code: 'not_found' });
    await t.http.get('/feeds/units/POLRES-JAKSEL/feed.xml').expect(404);
    // a code typed in lower case names the same unit
    expect(ids(await text('/feeds/units/polres-jaksel/rss.xml'))).toEqual(ids(await text('/feeds/units/POLRES-JAKSEL/rss.xml')));
    await t.http.get('/feeds/rss2.xml').expect(404);
  });

  it('has a feed per category and per kind', async () => {
    const curanmor = new Set(ids(await text('/feeds/categories/curanmor/rss.xml')));
    const apresiasi = new Set(ids(await text('/feeds/categories/apresiasi/feed.json')));
    const prestasi = new Set(ids(await text('/feeds/categories/prestasi/atom.xml')));
    for (const [id, story] of published) {
      expect(curanmor.has(id)).toBe(story.category === 'curanmor');
      expect(apresiasi.has(id)).toBe(story.kind === 'feedback');
      expect(prestasi.has(id)).toBe(story.kind === 'achievements');
    }
    expect(curanmor.has(photoStory)).toBe(true);
    // the press room's dashed slug (?kategori=orang-hilang) names the stored value orang_hilang
    expect(feedparser(await text('/feeds/categories/orang-hilang/rss.xml')).feed.title).toEqual(feedparser(await text('/feeds/categories/orang_hilang/rss.xml')).feed.title);
    const missing = await t.http.get('/feeds/categories/gosip/rss.xml').expect(404);
    expect(missing.body.code).toBe('not_found');
  });

  it('answers 304 to If-None-Match and If-Modified-Since, and serves gzip and brotli of the same body', async () => {
    const first = await get('/feeds/rss.xml').expect(200);
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^"[A-Za-z0-9_-]{43}"$/); // strong: sha-256 of the body
    expect(first.headers['last-modified']).toBeDefined();
    expect(first.headers['cache-control']).toBe('public, max-age=60');
    expect(first.headers.vary).toBe('Accept-Encoding');
    expect(first.headers['x-content-type-options']).toBe('nosniff');
    expect(first.headers['content-type']).toBe('application/rss+xml; charset=utf-8');

    const again = await get('/feeds/rss.xml', { 'If-None-Match': etag }).expect(304);
    expect(again.headers.etag).toBe(etag);
    expect((again.body as Buffer).length).toBe(0);
    await get('/feeds/rss.xml', { 'If-None-Match': '"something-else"' }).expect(200);
    await get('/feeds/rss.xml', { 'If-Modified-Since': first.headers['last-modified'] as string }).expect(304);
    await get('/feeds/rss.xml', { 'If-Modified-Since': new Date(Date.parse(first.headers['last-modified'] as string) - 1000).toUTCString() }).expect(200);
    // If-None-Match wins over If-Modified-Since
    await get('/feeds/rss.xml', { 'If-None-Match': '"other"', 'If-Modified-Since': first.headers['last-modified'] as string }).expect(200);

    const server = await t.app.listen(0, '127.0.0.1');
    const port = (server.address() as AddressInfo).port;
    const gz = await wireGet(port, '/feeds/rss.xml', { 'Accept-Encoding': 'gzip' });
    expect(gz.status).toBe(200);
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.body).equals(first.body)).toBe(true);
    const br = await wireGet(port, '/feeds/rss.xml', { 'Accept-Encoding': 'gzip, deflate, br' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(br.body).equals(first.body)).toBe(true);
    expect(br.body.length).toBeLessThan((first.body as Buffer).length / 3);
    const refused = await wireGet(port, '/feeds/rss.xml', { 'Accept-Encoding': 'br;q=0, gzip' });
    expect(refused.headers['content-encoding']).toBe('gzip');
    const plain = await wireGet(port, '/feeds/rss.xml', {});
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.equals(first.body)).toBe(true);
    // each coding has its own strong tag, and any of them revalidates
    expect(new Set([etag, gz.headers.etag, br.headers.etag]).size).toBe(3);
    await get('/feeds/rss.xml', { 'If-None-Match': br.headers.etag as string, 'Accept-Encoding': 'br' }).expect(304);

    const head = await t.http.head('/feeds/rss.xml').expect(200);
    expect(head.headers['content-length']).toBe(String((first.body as Buffer).length));
  });

  it('refreshes after a change: an edited release shows its new text, a withdrawn one leaves every feed', async () => {
    const id = await stories.published('complaints', complaintFor('POLSEK-CILANDAK', { category: 'tawuran' }));
    const feeds = ['/feeds/rss.xml', '/feeds/atom.xml', '/feeds/feed.json', '/feeds/units/POLRES-JAKSEL/rss.xml', '/feeds/units/POLSEK-CILANDAK/atom.xml', '/feeds/categories/tawuran/feed.json'];
    const { eventually } = await import('../support/feed-stories');
    await eventually(async () => (await Promise.all(feeds.map(text))).every((body) => body.includes(id)));
    const before = await get('/feeds/rss.xml').expect(200);

    // Published releases are locked in the API; a correction written straight to the database
    // (an import, an operator's fix) must still reach the feeds: the triggers see every writer.
    await t.dataSource.query(`UPDATE draft SET body = 'JAKARTA SELATAN - Rilis yang telah dikoreksi.\n\nParagraf kedua.' WHERE story_id = $1 AND channel = 'website'`, [id]);
    await eventually(async () => (await text('/feeds/rss.xml')).includes('telah dikoreksi'));
    const after = await get('/feeds/rss.xml', { 'If-None-Match': before.headers.etag as string }).expect(200);
    expect(after.headers.etag).not.toBe(before.headers.etag);
    // the unit's name is the item's author
    await t.http.patch('/api/v1/units/POLSEK-CILANDAK').set(await stories.as('admin')).send({ name: 'Polsek Metro Cilandak' }).expect(200);
    await eventually(async () => (await text('/feeds/units/POLSEK-CILANDAK/atom.xml')).includes('<name>Humas Polsek Metro Cilandak</name>'));

    await stories.withdraw(id, 'POLSEK-CILANDAK');
    await eventually(async () => (await Promise.all(feeds.map(text))).every((body) => !body.includes(id)));
  });
});
