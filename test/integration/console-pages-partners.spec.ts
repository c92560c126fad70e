import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { consoleLogin, type ConsoleSession } from '../support/console-session';
import { createTestApp, type TestApp } from '../support/test-app';

/** A partner's own feed, served locally (the poller may reach 127.0.0.1 through FEED_FETCH_ALLOW_HOSTS). */
function partnerFeedServer(): Promise<{ url: string; close(): Promise<void> }> {
  const rss = `<?xml version="1.0"?><rss version="2.0"><channel><title>Warta Kita</title><link>https://warta.example/</link><description>x</description>
    <item><title>Jalan Rusak di Cibubur Diperbaiki Warga</title><link>https://warta.example/jalan-rusak</link><guid>wk-1</guid>
    <pubDate>Mon, 23 Nov 2026 01:00:00 GMT</pubDate><description>Warga bergotong royong memperbaiki jalan.</description></item></channel></rss>`;
  const server = http.createServer((_, res) => {
    res.writeHead(200, { 'content-type': 'application/rss+xml' });
    res.end(rss);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/rss.xml`,
    close: () => new Promise((done) => server.close(() => done())),
  })));
}

describe('console partners and pickups pages', () => {
  let t: TestApp;
  let humas: ConsoleSession;
  let feed: { url: string; close(): Promise<void> };

  beforeAll(async () => {
    feed = await partnerFeedServer();
    t = await createTestApp({ env: { FEED_FETCH_ALLOW_HOSTS: '127.0.0.1', PARTNER_POLL_MINUTES: '0' } });
    humas = await consoleLogin(t, 'humas.jaksel');
  });
  afterAll(async () => {
    await t.close();
    await feed.close();
  });

  it('creates a partner (field messages on refusal), shows its feed URL, rotates the token and polls now', async () => {
    const refused = await t.http.post('/mitra').set('Cookie', humas.cookie).type('form')
      .send({ _csrf: humas.csrf, name: 'Warta Kita', kind: 'online', unitCode: 'POLRES-JAKSEL', feeds: `${feed.url}\nftp://warta.example/feed`, active: 'true' }).expect(400);
    expect(refused.text).toMatch(/id="f-feeds-error">Setiap feed yang dipantau harus berupa alamat web lengkap/);
    expect(refused.text).toContain('ftp://warta.example/feed');
    expect(await t.dataSource.query(`SELECT 1 FROM partner`)).toHaveLength(0);

    const created = await t.http.post('/mitra').set('Cookie', humas.cookie).type('form')
      .send({ _csrf: humas.csrf, name: 'Warta Kita', kind: 'online', unitCode: 'POLRES-JAKSEL', website: 'https://warta.example', feeds: feed.url, active: 'true' }).expect(303);
    const [, id] = /^\/mitra\/([0-9a-f-]{36})$/.exec(created.headers.location)!;
    const page = await t.http.get(`/mitra/${id}`).set('Cookie', humas.cookie).expect(200);
    const token = /id="partner-token" class="token" value="([^"]+)"/.exec(page.text)![1];
    expect(page.text).toContain(`/feeds/partners/${token}/rss.xml`);

    await t.http.post(`/mitra/${id}/token`).set('Cookie', humas.cookie).type('form').send({ _csrf: humas.csrf }).expect(303);
    const rotated = await t.http.get(`/mitra/${id}`).set('Cookie', humas.cookie).expect(200);
    expect(rotated.text).not.toContain(token);

    const polled = await t.http.post(`/mitra/${id}/poll`).set('Cookie', humas.cookie).type('form').send({ _csrf: humas.csrf }).expect(303);
    const flash = decodeURIComponent(([] as string[]).concat(polled.headers['set-cookie'] ?? []).join(';'));
    expect(flash).toContain('1 feed diperiksa: 1 artikel baru');
    const [{ n }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM partner_item`);
    expect(n).toBe(1);

    const list = await t.http.get('/mitra').set('Cookie', humas.cookie).expect(200);
    expect(list.text).toContain(`data-partner="${id}"`);
    await t.http.get('/liputan').set('Cookie', humas.cookie).expect(200);
  });

  it('keeps partners to their scope and to humas', async () => {
    const [{ id }] = await t.dataSource.query(`SELECT id FROM partner`);
    const other = await consoleLogin(t, 'humas.jaktim');
    expect((await t.http.get('/mitra').set('Cookie', other.cookie).expect(200)).text).not.toContain(id);
    await t.http.get(`/mitra/${id}`).set('Cookie', other.cookie).expect(404);
    const operator = await consoleLogin(t, 'operator.kebayoran');
    await t.http.get('/mitra').set('Cookie', operator.cookie).expect(403);
    await t.http.get('/liputan').set('Cookie', operator.cookie).expect(403);
  });
});
