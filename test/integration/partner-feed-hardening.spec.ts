import { FeedPoller } from '../../src/tracking/polling/feed-poller.service';
import { FeedServer, rss } from '../support/feed-server';
import { expectHealthyDuring } from '../support/health-probe';
import { bearer, createTestApp, type TestApp } from '../support/test-app';

const ENV = { FEED_FETCH_ALLOW_HOSTS: '127.0.0.1', FEED_FETCH_MAX_BYTES: String(8 * 1024 * 1024), PARTNER_POLL_MINUTES: '60', DISPATCH_INTERVAL_MS: '0' };

/** The attack of issue 17 item 4: a 5 MB feed of 700,000 nested elements (it blocked the event loop for 14 s). */
export const nestedFeed = () => `<?xml version="1.0"?><rss version="2.0"><channel><title>x</title><item><title>Judul</title><description>${'<a>'.repeat(700_000)}${'</a>'.repeat(700_000)}</description></item></channel></rss>`;

describe('hostile partner feeds do not block the instance, and keep only http(s) links', () => {
  const server = new FeedServer();
  let t: TestApp;
  let humas: string;

  beforeAll(async () => {
    await server.start();
    t = await createTestApp({ env: ENV });
    humas = await t.login('humas.kebayoran');
  });
  afterAll(async () => {
    await t?.close();
    await server.stop();
  });

  const addPartner = async (name: string, path: string) =>
    (await t.http.post('/api/v1/partners').set(bearer(humas)).send({ name, kind: 'mainstream', feeds: [`${server.base}${path}`] }).expect(201)).body.id as string;

  it('refuses a feed of 700,000 nested elements in a worker while /health answers in under 100 ms', async () => {
    const xml = nestedFeed();
    expect(xml.length).toBeGreaterThan(4_900_000);
    server.raw.set('/nested.xml', xml);
    const partner = await addPartner('Mitra Bersarang', '/nested.xml');
    await expectHealthyDuring(t.http, async () => {
      const result = (await t.http.post(`/api/v1/partners/${partner}/poll`).set(bearer(humas)).expect(200)).body;
      expect(result.feeds[0]).toMatchObject({ status: 'failed', error: expect.stringMatching(/too_complex/) });
    });
  });

  it('polls a big legitimate feed off the event loop too', async () => {
    server.raw.set('/big.xml', rss(Array.from({ length: 5_000 }, (_, i) => ({ guid: `big-${i}`, title: `Berita ${i}`, link: `https://mitra.example/${i}`, description: 'isi berita '.repeat(80) }))));
    const partner = await addPartner('Mitra Besar', '/big.xml');
    await expectHealthyDuring(t.http, () => t.http.post(`/api/v1/partners/${partner}/poll`).set(bearer(humas)).expect(200));
  });

  it('stores javascript:, data: and relative partner links as no link', async () => {
    server.raw.set('/links.xml', rss([
      { guid: 'l-1', title: 'Tautan skrip', link: 'javascript:alert(document.cookie)' },
      { guid: 'l-2', title: 'Tautan data', link: 'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==' },
      { guid: 'l-3', title: 'Tautan skrip bertopeng', link: ' JaVaScRiPt:alert(1)' },
      { guid: 'l-4', title: 'Tautan relatif', link: '/berita/4' },
      { guid: 'l-5', title: 'Tautan biasa', link: 'https://mitra.example/berita/5' },
    ]));
    const partner = await addPartner('Mitra Tautan', '/links.xml');
    await t.http.post(`/api/v1/partners/${partner}/poll`).set(bearer(humas)).expect(200);
    const rows: { guid: string; link: string | null }[] = await t.dataSource.query(`SELECT guid, link FROM partner_item WHERE partner_id = $1 ORDER BY guid`, [partner]);
    expect(rows).toEqual([
      { guid: 'l-1', link: null }, { guid: 'l-2', link: null }, { guid: 'l-3', link: null }, { guid: 'l-4', link: null },
      { guid: 'l-5', link: 'https://mitra.example/berita/5' },
    ]);
    expect(t.app.get(FeedPoller)).toBeDefined();
  });
});
