import type { AddressInfo } from 'node:net';
import sharp from 'sharp';
import type { Page } from 'playwright-core';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { FixedClock } from '../../src/common/clock';
import { Dispatcher } from '../../src/publishing/dispatcher.service';
import { chromiumInstalled, collectPageErrors, DESKTOP, launchBrowser, PHONE, saveScreenshot, type TestBrowser } from '../support/browser';
import { bearer, createTestApp, type TestApp } from '../support/test-app';

/** The press room in a real Chromium, on a phone and on a desktop screen. */

// Page code as strings: the tests compile without the DOM library.
const LAYOUT_FACTS = `(() => ({
  scrollWidth: document.documentElement.scrollWidth,
  innerWidth: window.innerWidth,
  lang: document.documentElement.lang,
  landmarks: ['header', 'nav', 'main', 'footer'].filter((tag) => document.querySelector(tag)),
  images: [...document.images].map((img) => ({ src: img.getAttribute('src'), alt: img.getAttribute('alt'), loaded: img.complete && img.naturalWidth > 0 })),
  h1: document.querySelectorAll('h1').length,
}))()`;
const META = `(() => Object.fromEntries([...document.querySelectorAll('meta[property], meta[name]')]
  .map((m) => [m.getAttribute('property') || m.getAttribute('name'), m.getAttribute('content')])))()`;

interface LayoutFacts {
  scrollWidth: number;
  innerWidth: number;
  lang: string;
  landmarks: string[];
  images: { src: string; alt: string | null; loaded: boolean }[];
  h1: number;
}

(chromiumInstalled() ? describe : describe.skip)('press room in Chromium', () => {
  const clock = new FixedClock(new Date('2026-11-20T02:00:00Z'));
  let t: TestApp;
  let browser: TestBrowser;
  let baseUrl: string;
  let photoSlug: string;
  let plainSlug: string;

  const publishComplaint = async (operator: string, humas: string, extra: Record<string, unknown>, n: number) => {
    const body = {
      externalRef: `BROWSER-${n}`, unitCode: 'POLSEK-KEBAYORAN-BARU', category: n % 2 ? 'curanmor' : 'kemacetan', channel: 'whatsapp',
      receivedAt: '2026-11-10T00:45:00Z', resolvedAt: '2026-11-10T03:30:00Z',
      location: { subdistrict: 'Gunung', district: 'Kebayoran Baru', city: 'Jakarta Selatan' },
      summary: 'Warga melaporkan sepeda motor miliknya hilang dari halaman rumah kontrakan dengan kunci ganda yang sudah terpasang sejak lama.',
      resolution: 'Unit Reskrim menelusuri rekaman CCTV dan mengembalikan sepeda motor kepada pemiliknya pada hari yang sama.',
      stages: [{ at: '2026-11-10T01:00:00Z', label: 'Piket Reskrim tiba di lokasi dan memeriksa rekaman CCTV lingkungan' }],
      complainant: { name: 'Warga Uji' }, consent: { level: 'initials', quote: true },
      quote: 'Terima kasih, pelayanan sangat cepat dan ramah; motor kembali sebelum sore.', ...extra,
    };
    const created = await t.http.post('/api/v1/complaints').set(bearer(operator)).send(body).expect(201);
    const id = created.body.storyId as string;
    await t.http.post(`/api/v1/stories/${id}/submit`).set(bearer(operator)).expect(200);
    await t.http.post(`/api/v1/stories/${id}/approve`).set(bearer(humas)).send({ channels: ['website'] }).expect(200);
    await t.http.post(`/api/v1/stories/${id}/schedule`).set(bearer(humas)).send({}).expect(200);
    await t.app.get(Dispatcher).tick();
    clock.advance(60_000);
    const [{ slug }] = await t.dataSource.query(`SELECT slug FROM story WHERE id = $1 AND status = 'published'`, [id]);
    return slug as string;
  };

  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gaung-press-room-'));

  beforeAll(async () => {
    t = await createTestApp({ clock, env: { DATA_DIR: dataDir, DISPATCH_INTERVAL_MS: '0' } });
    await t.app.listen(0, '127.0.0.1');
    baseUrl = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
    const [operator, humas] = [await t.login('operator.kebayoran'), await t.login('humas.kebayoran')];
    const jpeg = await sharp({ create: { width: 1600, height: 1000, channels: 3, background: '#2f5d8a' } }).jpeg().toBuffer();
    const media = await t.http.post('/api/v1/media').set(bearer(humas)).field('alt', 'Petugas Polsek Kebayoran Baru menyerahkan sepeda motor kepada pemiliknya')
      .attach('file', jpeg, { filename: 'foto.jpg', contentType: 'image/jpeg' }).expect(201);
    for (let n = 1; n <= 3; n++) plainSlug = await publishComplaint(operator, humas, {}, n);
    photoSlug = await publishComplaint(operator, humas, { mediaIds: [media.body.id] }, 4);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  const open = async (route: string, viewport: typeof PHONE, screenshot: string): Promise<{ page: Page; facts: LayoutFacts; errors: string[] }> => {
    const page = await browser.newPage(viewport);
    const errors = collectPageErrors(page);
    const response = await page.goto(`${baseUrl}${route}`, { waitUntil: 'load' });
    expect(response?.status()).toBeLessThan(500);
    // lazy thumbnails below the fold load once scrolled to
    for (const image of await page.locator('img').all()) await image.scrollIntoViewIfNeeded();
    await page.waitForFunction('[...document.images].every((img) => img.complete)');
    await page.evaluate('window.scrollTo(0, 0)');
    const facts = await page.evaluate<LayoutFacts>(LAYOUT_FACTS);
    await saveScreenshot(page, screenshot);
    return { page, facts, errors };
  };

  const expectSound = (facts: LayoutFacts, errors: string[]) => {
    expect(facts.scrollWidth).toBeLessThanOrEqual(facts.innerWidth); // no horizontal scroll
    expect(facts.lang).toBe('id');
    expect(facts.landmarks).toEqual(['header', 'nav', 'main', 'footer']);
    expect(facts.h1).toBe(1);
    for (const image of facts.images) {
      expect(image.alt?.trim()).toBeTruthy();
      expect(image.loaded).toBe(true);
    }
    expect(errors).toEqual([]); // no CSP violation, no script error, no missing asset
  };

  for (const [name, viewport] of [['phone', PHONE], ['desktop', DESKTOP]] as const) {
    it(`shows the list on a ${name} (${viewport.width}x${viewport.height})`, async () => {
      const { page, facts, errors } = await open('/rilis', viewport, `press-room-list-${name}`);
      expectSound(facts, errors);
      expect(facts.images.map((i) => i.src)).toEqual([expect.stringMatching(/^\/media\/[0-9a-f-]+\/thumb\.jpg$/)]);
      expect(await page.locator('ol.releases > li').count()).toBe(4);
      // the stylesheet applied (served from /assets under the CSP)
      expect(await page.evaluate<string>(`getComputedStyle(document.querySelector('.site-header')).backgroundColor`)).toBe('rgb(11, 37, 69)');
      // keyboard users reach the skip link first
      await page.keyboard.press('Tab');
      expect(await page.evaluate<string>('document.activeElement.className')).toBe('skip-link');
      // the filter form works without JavaScript
      await page.selectOption('#f-kategori', 'curanmor');
      await Promise.all([page.waitForURL(/kategori=curanmor/), page.click('button[type=submit]')]);
      expect(await page.locator('ol.releases > li').count()).toBe(2);
      await page.close();
    });

    it(`shows a release with its photo and Open Graph tags on a ${name}`, async () => {
      const { page, facts, errors } = await open(`/rilis/${photoSlug}`, viewport, `press-room-release-${name}`);
      expectSound(facts, errors);
      expect(facts.images).toHaveLength(1);
      expect(facts.images[0].alt).toBe('Petugas Polsek Kebayoran Baru menyerahkan sepeda motor kepada pemiliknya');
      const meta = await page.evaluate<Record<string, string>>(META);
      expect(meta).toMatchObject({
        'og:type': 'article',
        'og:url': `${t.config.publicBaseUrl}/rilis/${photoSlug}`,
        'og:image:width': '1200',
        'og:image:height': '630',
        'twitter:card': 'summary_large_image',
      });
      expect(meta['og:title']).toBe(await page.locator('h1').innerText());
      expect(meta['og:image']).toMatch(/\/media\/[0-9a-f-]+\/og\.jpg$/);
      expect(meta['article:published_time']).toMatch(/^2026-11-20T/);
      expect(await page.locator('article.release').count()).toBe(1);
      // the unit's feed, the category's feed, everything
      expect(await page.locator('link[rel=alternate][type="application/rss+xml"]').count()).toBe(3);
      await page.close();
    });
  }

  it('shows the withdrawn notice as a page (410)', async () => {
    const [{ id }] = await t.dataSource.query(`SELECT id FROM story WHERE slug = $1`, [plainSlug]);
    await t.http.post(`/api/v1/stories/${id}/withdraw`).set(bearer(await t.login('humas.kebayoran'))).send({ reason: 'Uji penarikan rilis dari ruang rilis' }).expect(200);
    const page = await browser.newPage(PHONE);
    const errors = collectPageErrors(page);
    const response = await page.goto(`${baseUrl}/rilis/${plainSlug}`);
    expect(response?.status()).toBe(410);
    expect(await page.locator('h1').innerText()).toBe('Rilis ini telah ditarik');
    const facts = await page.evaluate<LayoutFacts>(LAYOUT_FACTS);
    expect(facts.scrollWidth).toBeLessThanOrEqual(facts.innerWidth);
    await saveScreenshot(page, 'press-room-withdrawn-phone');
    // the browser logs the 410 itself as a failed resource; nothing else may fail
    expect(errors.filter((e) => !/status of 410/.test(e))).toEqual([]);
    await page.close();
  });
});
