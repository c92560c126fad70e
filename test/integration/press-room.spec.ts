import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { FixedClock } from '../../src/common/clock';
import { Dispatcher } from '../../src/publishing/dispatcher.service';
import { bearer, createTestApp, type TestApp } from '../support/test-app';

/** The public press room: /rilis and /rilis/:slug (server-rendered HTML, no login). */

let seq = 0;
const complaint = (unitCode: string, category: string, subdistrict = 'Gunung') => ({
  externalRef: `RILIS-${++seq}`, unitCode, category, channel: 'whatsapp',
  receivedAt: '2026-11-10T00:45:00Z', resolvedAt: '2026-11-10T03:30:00Z',
  location: { subdistrict, district: 'Kebayoran Baru', city: 'Jakarta Selatan' },
  summary: `Warga melaporkan gangguan di lingkungannya, laporan nomor ${seq}.`, resolution: 'Petugas menindaklanjuti laporan hingga tuntas.',
  stages: [{ at: '2026-11-10T01:00:00Z', label: 'Petugas tiba di lokasi' }], complainant: { name: 'Warga Demo' }, consent: { level: 'none', quote: false },
});

/** Every <meta property|name=... content=...> of a page, as a map (the last one wins). */
function metaTags(html: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of html.matchAll(/<meta (?:property|name)="([^"]+)" content="([^"]*)">/g)) out[m[1]] = m[2];
  return out;
}
const decode = (text: string) => text.replace(/&quot;/g, '"').replace(/&#x27;/g, "'").replace(/&#x3D;/g, '=').replace(/&#x60;/g, '`').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
const slugsIn = (html: string) => [...html.matchAll(/<h2 class="card-title"><a href="\/rilis\/([^"]+)">/g)].map((m) => m[1]);

describe('press room', () => {
  const clock = new FixedClock(new Date('2026-11-20T02:00:00Z'));
  let t: TestApp;
  let dispatcher: Dispatcher;
  const tokens: Record<string, string> = {};
  /** story id -> slug, in publication order */
  const published: { id: string; slug: string; unit: string; category: string }[] = [];

  const story = async (unitCode: string, category: string, subdistrict?: string) => {
    const { body } = await t.http.post('/api/v1/complaints').set(bearer(tokens.admin)).send(complaint(unitCode, category, subdistrict)).expect(201);
    return body.storyId as string;
  };
  const approve = async (id: string, approver: string) => {
    await t.http.post(`/api/v1/stories/${id}/submit`).set(bearer(tokens.admin)).expect(200);
    await t.http.post(`/api/v1/stories/${id}/approve`).set(bearer(tokens[approver])).send({ channels: ['website'] }).expect(200);
  };
  const publish = async (id: string, approver: string) => {
    await approve(id, approver);
    await t.http.post(`/api/v1/stories/${id}/schedule`).set(bearer(tokens[approver])).send({}).expect(200);
    await dispatcher.tick();
    clock.advance(60_000); // distinct publication times: the list is newest first
    const { body } = await t.http.get(`/api/v1/stories/${id}`).set(bearer(tokens.admin)).expect(200);
    expect(body.status).toBe('published');
    return body.slug as string;
  };

  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gaung-press-room-'));

  beforeAll(async () => {
    t = await createTestApp({ clock, env: { DATA_DIR: dataDir, DISPATCH_INTERVAL_MS: '0', PUBLIC_BASE_URL: 'https://humas.example.go.id' } });
    dispatcher = t.app.get(Dispatcher);
    for (const user of ['admin', 'humas.kebayoran', 'humas.jaksel', 'humas.makassar']) tokens[user] = await t.login(user);
    // 14 releases: 8 in Polsek Kebayoran Baru (below Polres Jaksel, below Polda Metro), 3 in Polres Jaksel, 3 in Makassar
    const plan: [string, string, string][] = [
      ...Array.from({ length: 8 }, (_, i) => ['POLSEK-KEBAYORAN-BARU', i % 2 ? 'curanmor' : 'kemacetan', 'humas.kebayoran'] as [string, string, string]),
      ...Array.from({ length: 3 }, () => ['POLRES-JAKSEL', 'jalan_rusak', 'humas.jaksel'] as [string, string, string]),
      ...Array.from({ length: 3 }, () => ['POLRESTABES-MAKASSAR', 'kemacetan', 'humas.makassar'] as [string, string, string]),
    ];
    for (const [unit, category, approver] of plan) {
      const id = await story(unit, category);
      published.push({ id, slug: await publish(id, approver), unit, category });
    }
  });
  afterAll(async () => {
    await t?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('lists published releases newest first, 12 a page, with prev/next links', async () => {
    const first = await t.http.get('/rilis').expect(200).expect('Content-Type', /text\/html/);
    const newest = [...published].reverse().map((p) => p.slug);
    expect(slugsIn(first.text)).toEqual(newest.slice(0, 12));
    expect(first.text).toContain('<html lang="id">');
    expect(decode(first.text)).toMatch(/<a rel="next" href="\/rilis\?page=2">/);
    expect(first.text).not.toContain('rel="prev"');
    const second = await t.http.get('/rilis?page=2').expect(200);
    expect(slugsIn(second.text)).toEqual(newest.slice(12));
    expect(decode(second.text)).toMatch(/<a rel="prev" href="\/rilis">/);
    expect(second.text).not.toContain('rel="next"');
    // past the end, and nonsense pages
    await t.http.get('/rilis?page=3').expect(404).expect('Content-Type', /text\/html/);
    for (const bad of ['0', '-1', 'abc', '1.5', '99999999']) {
      const response = await t.http.get(`/rilis?page=${bad}`).expect(400).expect('Content-Type', /text\/html/);
      expect(response.text).toContain('Permintaan tidak valid');
    }
    await t.http.get('/rilis?page=1&page=2').expect(400);
  });

  it('shows each entry with its unit, Indonesian date, lead and no personal data', async () => {
    const { text } = await t.http.get('/rilis').expect(200);
    // published 2026-11-20 from 02:00Z on: Friday in Jakarta (WIB) and Makassar (WITA)
    expect(text).toContain('<time datetime="2026-11-20T02:13:00.000Z">Jumat, 20 November 2026</time>');
    expect(text).toContain('<span class="unit">Polrestabes Makassar</span>');
    expect(text).toContain('<span class="unit">Polsek Kebayoran Baru</span>');
    expect(text).toMatch(/<p class="card-lead">Polsek Kebayoran Baru [^<]+<\/p>/);
    expect(text).not.toContain('Warga Demo');
  });

  it('filters by unit, including every unit below it, and by category', async () => {
    const slugs = (unit: string) => published.filter((p) => p.unit === unit).map((p) => p.slug).reverse();
    const jaksel = await t.http.get('/rilis?unit=POLRES-JAKSEL').expect(200);
    // Polres Jaksel's own 3 and Kebayoran Baru's 8 (below it): 11, all on one page, nothing from Makassar
    expect(slugsIn(jaksel.text).sort()).toEqual([...slugs('POLRES-JAKSEL'), ...slugs('POLSEK-KEBAYORAN-BARU')].sort());
    expect(jaksel.text).toContain('<option value="POLRES-JAKSEL" selected>');
    expect(jaksel.text).toContain('href="https://humas.example.go.id/feeds/units/POLRES-JAKSEL/rss.xml"');
    const polsek = await t.http.get('/rilis?unit=polsek-kebayoran-baru').expect(200);
    expect(slugsIn(polsek.text)).toEqual(slugs('POLSEK-KEBAYORAN-BARU'));
    const makassar = await t.http.get('/rilis?unit=POLDA-SULSEL').expect(200);
    expect(slugsIn(makassar.text)).toEqual(slugs('POLRESTABES-MAKASSAR'));
    const papua = await t.http.get('/rilis?unit=POLDA-PAPUA').expect(200);
    expect(slugsIn(papua.text)).toEqual([]);
    expect(papua.text).toContain('Belum ada rilis untuk saringan ini.');

    const macet = await t.http.get('/rilis?kategori=kemacetan').expect(200);
    expect(slugsIn(macet.text).sort()).toEqual(published.filter((p) => p.category === 'kemacetan').map((p) => p.slug).sort());
    expect(macet.text).toContain('href="https://humas.example.go.id/feeds/categories/kemacetan/rss.xml"');
    // kind-wide slugs, as the category feeds have them: no feedback or achievement was published here
    expect(slugsIn((await t.http.get('/rilis?kategori=apresiasi').expect(200)).text)).toEqual([]);
    const jalan = await t.http.get('/rilis?kategori=jalan-rusak').expect(200);
    expect(slugsIn(jalan.text)).toEqual(slugs('POLRES-JAKSEL'));
    const both = await t.http.get('/rilis?unit=POLSEK-KEBAYORAN-BARU&kategori=curanmor').expect(200);
    expect(slugsIn(both.text)).toEqual(published.filter((p) => p.unit === 'POLSEK-KEBAYORAN-BARU' && p.category === 'curanmor').map((p) => p.slug).reverse());
    // the filter form's "all" choice sends empty values
    expect(slugsIn((await t.http.get('/rilis?unit=&kategori=').expect(200)).text)).toHaveLength(12);

    await t.http.get('/rilis?unit=POLSEK-ATLANTIS').expect(404).expect('Content-Type', /text\/html/);
    await t.http.get('/rilis?kategori=sulap').expect(404).expect('Content-Type', /text\/html/);
  });

  it('renders a release with its dateline, Open Graph, Twitter card, canonical and feed links', async () => {
    const target = published.find((p) => p.unit === 'POLSEK-KEBAYORAN-BARU')!;
    const response = await t.http.get(`/rilis/${target.slug}`).expect(200).expect('Content-Type', /text\/html; charset=utf-8/);
    const html = response.text;
    const meta = metaTags(html);
    const [draft] = await t.dataSource.query(`SELECT title, body FROM draft WHERE story_id = $1 AND channel = 'website'`, [target.id]);
    expect(decode(meta['og:title'])).toBe(draft.title);
    expect(meta['og:type']).toBe('article');
    expect(meta['og:url']).toBe(`https://humas.example.go.id/rilis/${target.slug}`);
    expect(meta['og:description'].length).toBeGreaterThan(40);
    expect(meta['article:published_time']).toBe('2026-11-20T02:00:00.000Z');
    expect(meta['twitter:card']).toBe('summary'); // no photo: no large image card
    expect(html).toContain(`<link rel="canonical" href="https://humas.example.go.id/rilis/${target.slug}">`);
    expect(html).toContain('<link rel="alternate" type="application/rss+xml" title="Ruang Rilis Humas: semua rilis (RSS)" href="https://humas.example.go.id/feeds/rss.xml">');
    expect(html).toContain('href="https://humas.example.go.id/feeds/units/POLSEK-KEBAYORAN-BARU/rss.xml"');
    expect(html).toContain(`href="https://humas.example.go.id/feeds/categories/${target.category}/rss.xml"`);
    expect(html).toContain('<strong class="dateline">JAKARTA SELATAN</strong>');
    expect(html).toContain('<time datetime="2026-11-20T02:00:00.000Z">Jumat, 20 November 2026, 09.00 WIB</time>');
    // every paragraph of the website draft is on the page
    for (const paragraph of (draft.body as string).split('\n\n').slice(1)) expect(decode(html)).toContain(paragraph.trim());
    for (const landmark of ['<header', '<nav', '<main', '<article', '<footer']) expect(html).toContain(landmark);
    expect(html).toContain('<a class="skip-link" href="#konten">');
    const ld = JSON.parse(/<script type="application\/ld\+json">([^<]*)<\/script>/.exec(html)![1]);
    expect(ld).toMatchObject({ '@type': 'NewsArticle', headline: draft.title, datePublished: '2026-11-20T02:00:00.000Z' });
    // caching: an ETag that revalidates to 304
    expect(response.headers['cache-control']).toMatch(/max-age=\d+/);
    const etag = response.headers.etag;
    expect(etag).toBeTruthy();
    await t.http.get(`/rilis/${target.slug}`).set('If-None-Match', etag).expect(304);
    // and it is not an API route: nothing about it in OpenAPI
    const { body: openapi } = await t.http.get('/docs-json').expect(200);
    expect(Object.keys(openapi.paths).filter((p) => p.startsWith('/rilis'))).toEqual([]);
  });

  it('shows the photo with alt text and a large Twitter card when the release has one', async () => {
    const sharp = (await import('sharp')).default;
    const jpeg = await sharp({ create: { width: 1600, height: 1000, channels: 3, background: '#3060a0' } }).jpeg().toBuffer();
    const uploaded = await t.http.post('/api/v1/media').set(bearer(tokens['humas.kebayoran'])).field('alt', 'Petugas "Polsek" <mengatur> lalu lintas')
      .field('unitCode', 'POLSEK-KEBAYORAN-BARU').attach('file', jpeg, { filename: 'foto.jpg', contentType: 'image/jpeg' }).expect(201);
    const payload = { ...complaint('POLSEK-KEBAYORAN-BARU', 'kemacetan'), mediaIds: [uploaded.body.id] };
    const { body } = await t.http.post('/api/v1/complaints').set(bearer(tokens.admin)).send(payload).expect(201);
    const slug = await publish(body.storyId, 'humas.kebayoran');
    published.push({ id: body.storyId, slug, unit: 'POLSEK-KEBAYORAN-BARU', category: 'kemacetan' });

    const { text: html } = await t.http.get(`/rilis/${slug}`).expect(200);
    const meta = metaTags(html);
    const id = uploaded.body.id;
    expect(meta['og:image']).toBe(`https://humas.example.go.id/media/${id}/og.jpg`);
    expect([meta['og:image:width'], meta['og:image:height']]).toEqual(['1200', '630']);
    expect(meta['twitter:card']).toBe('summary_large_image');
    expect(meta['twitter:image']).toBe(meta['og:image']);
    expect(html).toContain(`<img src="/media/${id}/web.jpg" alt="Petugas &quot;Polsek&quot; &lt;mengatur&gt; lalu lintas" width="1600" height="1000"`);
    expect(html).toContain(`<source type="image/webp" srcset="/media/${id}/web.webp">`);
    await t.http.get(`/media/${id}/web.jpg`).expect(200).expect('Content-Type', 'image/jpeg');
    await t.http.get(`/media/${id}/og.jpg`).expect(200);
    const list = await t.http.get('/rilis').expect(200);
    expect(list.text).toContain(`<img class="thumb" src="/media/${id}/thumb.jpg" alt="Petugas &quot;Polsek&quot; &lt;mengatur&gt; lalu lintas"`);
  });

  it('answers 410 with a notice for a withdrawn release, and 404 for what is not public', async () => {
    const withdrawn = published.find((p) => p.unit === 'POLRESTABES-MAKASSAR')!;
    await t.http.post(`/api/v1/stories/${withdrawn.id}/withdraw`).set(bearer(tokens['humas.makassar'])).send({ reason: 'Data kronologi perlu diperbaiki' }).expect(200);
    const gone = await t.http.get(`/rilis/${withdrawn.slug}`).expect(410).expect('Content-Type', /text\/html/);
    expect(gone.text).toContain('Rilis ini telah ditarik');
    expect(gone.text).not.toContain('Data kronologi'); // the internal reason stays internal
    expect(gone.text).toContain('<meta name="robots" content="noindex">');
    expect(slugsIn((await t.http.get('/rilis?unit=POLRESTABES-MAKASSAR').expect(200)).text)).not.toContain(withdrawn.slug);

    // approved but not yet published; a draft; withdrawn before it was ever published
    const approved = await story('POLSEK-KEBAYORAN-BARU', 'curanmor');
    await approve(approved, 'humas.kebayoran');
    const draft = await story('POLSEK-KEBAYORAN-BARU', 'curanmor');
    const never = await story('POLSEK-KEBAYORAN-BARU', 'curanmor');
    await t.http.post(`/api/v1/stories/${never}/withdraw`).set(bearer(tokens['humas.kebayoran'])).send({ reason: 'duplikat' }).expect(200);
    for (const id of [approved, draft, never]) {
      const [{ slug }] = await t.dataSource.query(`SELECT slug FROM story WHERE id = $1`, [id]);
      const response = await t.http.get(`/rilis/${slug}`).expect(404).expect('Content-Type', /text\/html/);
      expect(response.text).toContain('Rilis tidak ditemukan');
      expect(slugsIn((await t.http.get('/rilis?unit=POLSEK-KEBAYORAN-BARU').expect(200)).text)).not.toContain(slug);
    }

    // a published story under an embargo that has not passed is neither listed nor shown
    const embargoed = published.find((p) => p.unit === 'POLRES-JAKSEL')!;
    await t.dataSource.query(`UPDATE story SET embargo_until = $2 WHERE id = $1`, [embargoed.id, new Date(clock.now().getTime() + 3_600_000)]);
    await t.http.get(`/rilis/${embargoed.slug}`).expect(404);
    expect(slugsIn((await t.http.get('/rilis?unit=POLRES-JAKSEL').expect(200)).text)).not.toContain(embargoed.slug);
    clock.advance(2 * 3_600_000);
    await t.http.get(`/rilis/${embargoed.slug}`).expect(200);

    for (const route of ['/rilis/tidak-ada-12345678', '/rilis/BUKAN%20slug', '/rilis/%3Cscript%3E']) {
      const response = await t.http.get(route).expect(404).expect('Content-Type', /text\/html/);
      expect(response.text).not.toContain('<script>');
    }
  });

  it('escapes hostile story text: script tags, quotes and right-to-left marks stay inert', async () => {
    const hostileTitle = 'Polsek <script>alert("x")</script> "Kutip" \'tunggal\' \u202Egnalretab\u202C & </title><b>';
    const hostileBody = 'JAKARTA SELATAN - <img src=x onerror=alert(1)> Paragraf "pertama" \u202Eteks\u202C.\n\n</p><script>alert(2)</script> ]]> --> paragraf kedua';
    const id = await story('POLSEK-KEBAYORAN-BARU', 'curanmor');
    const current = (await t.http.get(`/api/v1/stories/${id}`).set(bearer(tokens.admin)).expect(200)).body;
    const revision = current.drafts.find((d: { channel: string }) => d.channel === 'website').revision;
    await t.http.put(`/api/v1/stories/${id}/drafts/website`).set(bearer(tokens['humas.jaksel'])).send({ title: hostileTitle, body: hostileBody, revision }).expect(200);
    const [{ slug }] = await t.dataSource.query(`SELECT slug FROM story WHERE id = $1`, [id]);
    await t.http.post(`/api/v1/stories/${id}/submit`).set(bearer(tokens.admin)).expect(200);
    await t.http.post(`/api/v1/stories/${id}/approve`).set(bearer(tokens['humas.kebayoran'])).send({ channels: ['website'] }).expect(200);
    await t.http.post(`/api/v1/stories/${id}/schedule`).set(bearer(tokens['humas.kebayoran'])).send({}).expect(200);
    await dispatcher.tick();

    for (const route of [`/rilis/${slug}`, '/rilis']) {
      const { text: html } = await t.http.get(route).expect(200);
      // the only elements are ours: one <script> (JSON-LD) at most, no injected img/b/title
      expect(html.match(/<script/g)?.length ?? 0).toBeLessThanOrEqual(1);
      const markup = html.replace(/<script type="application\/ld\+json">[^<]*<\/script>/, '');
      expect(markup).not.toMatch(/<img src=x|<b>|<\/title><b>|onerror=alert/);
      expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &quot;Kutip&quot; &#x27;tunggal&#x27;');
      // issue 17: the letters are kept as text, the bidi override that reversed them on screen is not
      expect(html).toContain('gnalretab');
      expect(html).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/);
      expect(html.match(/<title>/g)).toHaveLength(1);
    }
    const { text: html } = await t.http.get(`/rilis/${slug}`).expect(200);
    expect(html).toContain('&lt;/p&gt;&lt;script&gt;alert(2)&lt;/script&gt; ]]&gt; --&gt; paragraf kedua');
    const ldText = /<script type="application\/ld\+json">([^<]*)<\/script>/.exec(html)![1];
    expect(ldText).not.toMatch(/<\/script|<!--/i);
    // issue 17: what is public carries no bidi controls, Open Graph and JSON-LD included
    const shown = hostileTitle.replace(/[\u202A-\u202E]/g, '');
    expect(JSON.parse(ldText).headline).toBe(shown);
    expect(decode(metaTags(html)['og:title'])).toBe(shown);
  });

  it('keeps the unit menu short for a national organisation, and still filters by any Polsek', async () => {
    // 320 extra Polsek under Polres Jaksel (a real Polda has hundreds)
    await t.dataSource.query(
      `INSERT INTO unit (id, code, name, level, parent_id, path, city, timezone, handles, hashtags, approval_policy)
       SELECT x.id, 'POLSEK-UJI-' || n, 'Polsek Uji ' || n, 'polsek', p.id, p.path || x.id, 'Jakarta Selatan', 'Asia/Jakarta', '{}', '{}', 'self'
         FROM generate_series(1, 320) AS n, LATERAL (SELECT gen_random_uuid() AS id, n AS k) AS x,
              (SELECT id, path FROM unit WHERE code = 'POLRES-JAKSEL') AS p`);
    const { text } = await t.http.get('/rilis').expect(200);
    const options = [...text.matchAll(/<option value="([A-Z0-9-]+)"/g)].map((m) => m[1]);
    expect(options).toContain('POLRES-JAKSEL');
    expect(options).toContain('POLDA-PAPUA');
    expect(options.filter((code) => code.startsWith('POLSEK-'))).toEqual([]);
    const polsek = await t.http.get('/rilis?unit=POLSEK-KEBAYORAN-BARU').expect(200);
    const chosen = [...polsek.text.matchAll(/<option value="([A-Z0-9-]+)"( selected)?/g)];
    expect(chosen.filter((m) => m[2]).map((m) => m[1])).toEqual(['POLSEK-KEBAYORAN-BARU']);
    // listed under its Polres
    const codes = chosen.map((m) => m[1]);
    expect(codes.indexOf('POLSEK-KEBAYORAN-BARU')).toBe(codes.indexOf('POLRES-JAKSEL') + 1);
    expect(slugsIn(polsek.text).length).toBeGreaterThan(0);
  });
});
