/// <reference lib="dom" />
import sharp from 'sharp';
import { Dispatcher } from '../../src/publishing/dispatcher.service';
import {
  type ConsoleBrowser, type ConsoleServer, chromiumAvailable, horizontalOverflow, launchConsoleBrowser, loginAs, screenshot, startConsoleServer, watchPageProblems,
} from '../support/console-browser';
import { bearer } from '../support/test-app';

/** CSP violations and script errors. */
const cspOrScriptErrors = (problems: string[]) => problems.filter((p) => /Content Security Policy|Refused to|Uncaught|is not defined/.test(p));

/** A photo with texture (so a blur visibly changes it), as a phone would send. */
async function photo(): Promise<Buffer> {
  const width = 640;
  const height = 480;
  const pixels = Buffer.alloc(width * height * 3);
  for (let i = 0; i < pixels.length; i += 1) pixels[i] = (i * 37 + ((i / 3) % width) * 11) % 256;
  return sharp(pixels, { raw: { width, height, channels: 3 } }).jpeg({ quality: 90 }).toBuffer();
}

(chromiumAvailable() ? describe : describe.skip)('console pages in Chromium: intake and manual publishing', () => {
  let server: ConsoleServer;
  let browser: ConsoleBrowser;

  beforeAll(async () => {
    server = await startConsoleServer();
    browser = await launchConsoleBrowser();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('an operator submits a complaint with a photo on a phone and sees what was masked', async () => {
    const context = await browser.newContext({ width: 360, height: 740 });
    const page = await loginAs(context, server.baseUrl, 'operator.kebayoran', '/pengaduan/baru');
    const problems = watchPageProblems(page);
    expect(page.url()).toContain('/pengaduan/baru');
    const { scrollWidth, innerWidth } = await horizontalOverflow(page);
    if (scrollWidth > innerWidth) {
      console.log(await page.evaluate(() => [...document.querySelectorAll('*')].filter((el) => el.getBoundingClientRect().right > window.innerWidth).map((el) => `${el.tagName}.${el.className}#${el.id} ${Math.round(el.getBoundingClientRect().right)}`).slice(0, 30).join('\n')));
    }
    expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
    await screenshot(page, 'intake-complaint-360');

    await page.getByLabel('Nomor referensi laporan').fill('LP/WA/2026/0777');
    await page.getByLabel('Kategori').selectOption('curanmor');
    await page.getByLabel('Saluran laporan').selectOption('whatsapp');
    await page.getByLabel('Diterima').fill('2026-11-02T07:45');
    await page.getByLabel('Selesai ditangani').fill('2026-11-02T16:30');
    await page.getByLabel('Kelurahan/desa').fill('Gunung');
    await page.getByLabel('Kecamatan').fill('Kebayoran Baru');
    await page.getByLabel('Kota/kabupaten').fill('Jakarta Selatan');
    await page.getByLabel('Ringkasan laporan').fill('Motor warga hilang di parkiran, pelapor bisa dihubungi di 0812-8877-1234 atau andre@contoh.id.');
    await page.getByLabel('Penyelesaian').fill('Motor ditemukan dalam 9 jam dan dikembalikan kepada pemiliknya.');
    await page.locator('#f-complainant_name').fill('Andreas Wibowo');
    await page.getByLabel('Inisial saja (mis. A.W.)').check();
    await page.getByLabel('Kata-katanya boleh dikutip').check();
    await page.getByLabel('Kutipan pelapor').fill('Terima kasih, motor saya kembali utuh.');
    // a fourth stage row added by the script, numbered and named like the server's rows
    await page.getByRole('button', { name: 'Tambah tahap' }).click();
    const added = page.locator('[data-repeat="stages"] [data-repeat-row]').nth(3);
    await expect(added.locator('.row-number').textContent()).resolves.toBe('Tahap 4');
    await added.locator('input[name="stages[3].at"]').fill('2026-11-02T09:10');
    await added.locator('input[name="stages[3].label"]').fill('Motor ditemukan di Pasar Mayestik');

    await page.locator('#photo-file').setInputFiles({ name: 'motor.jpg', mimeType: 'image/jpeg', buffer: await photo() });
    await page.locator('[data-photo-preview]:not([hidden]) img').waitFor();
    await page.getByLabel('Teks alternatif foto').fill('Petugas menyerahkan motor kepada pemiliknya');
    await page.getByRole('button', { name: 'Unggah foto' }).click();
    await page.locator('[data-photo-item][data-media-id] input[name="mediaIds"]').waitFor({ state: 'attached' });
    await expect(page.locator('[data-photo-status]').textContent()).resolves.toContain('Foto terunggah');
    // operators upload; blurring is Humas's: no blur tools for them
    expect(await page.locator('[data-photo-item] [data-blur-tools]').isHidden()).toBe(true);
    await screenshot(page, 'intake-complaint-photo-360');

    await Promise.all([page.waitForURL(/\/pengaduan\/[0-9a-f-]{36}$/), page.getByRole('button', { name: 'Simpan laporan' }).click()]);
    const masked = page.locator('table.redactions');
    await expect(masked.textContent()).resolves.toContain('nomor telepon');
    await expect(masked.textContent()).resolves.toContain('alamat email');
    await expect(page.locator('[data-consent-level]').textContent()).resolves.toContain('Inisial saja');
    await expect(page.locator('[data-consent-quote]').textContent()).resolves.toBe('Boleh dikutip');
    await screenshot(page, 'intake-complaint-result-360');
    const after = await horizontalOverflow(page);
    expect(after.scrollWidth).toBeLessThanOrEqual(after.innerWidth);

    const [row] = await server.t.dataSource.query(`SELECT summary, stages, cardinality(media_ids) AS photos FROM complaint WHERE external_ref = 'LP/WA/2026/0777'`);
    expect(row.photos).toBe(1);
    expect(row.stages).toEqual([{ at: '2026-11-02T02:10:00.000Z', label: 'Motor ditemukan di Pasar Mayestik' }]);
    expect(row.summary).not.toMatch(/0812|andre@/);
    expect(cspOrScriptErrors(problems)).toEqual([]);
    await context.close();
  }, 120_000);

  it('a humas officer draws a blur rectangle over an uploaded photo and the API blurs it', async () => {
    const context = await browser.newContext({ width: 1280, height: 900 });
    const page = await loginAs(context, server.baseUrl, 'humas.kebayoran', '/pengaduan/baru');
    const problems = watchPageProblems(page);
    await page.locator('#photo-file').setInputFiles({ name: 'wajah.jpg', mimeType: 'image/jpeg', buffer: await photo() });
    await page.getByRole('button', { name: 'Unggah foto' }).click();
    const item = page.locator('[data-photo-item][data-media-id]');
    await item.waitFor();
    const image = item.locator('[data-photo-image]');
    await image.evaluate((img: HTMLImageElement) => (img.complete && img.naturalWidth > 0 ? null : new Promise((done) => img.addEventListener('load', done, { once: true }))));
    const box = (await image.boundingBox())!;
    await page.mouse.move(box.x + box.width * 0.2, box.y + box.height * 0.2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.4, box.y + box.height * 0.35, { steps: 5 });
    await page.mouse.up();
    await expect(item.locator('[data-blur-rect]').count()).resolves.toBe(1);
    // and one from the keyboard: Enter adds a centred box (40%..60%), two ArrowRight move it by 2% each
    await item.locator('[data-blur-stage]').focus();
    await page.keyboard.press('Enter');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect(item.locator('[data-blur-rect]').count()).resolves.toBe(2);
    await item.getByRole('button', { name: 'Samarkan area' }).click();
    await page.locator('[data-photo-item][data-blurred="2"]').waitFor();
    const id = await item.getAttribute('data-media-id');
    const [media] = await server.t.dataSource.query(`SELECT width, blur_rects FROM media WHERE id = $1`, [id]);
    expect(media.blur_rects).toHaveLength(2);
    // the rectangles arrive in the original's pixels
    const [drawn, typed] = media.blur_rects as { x: number; w: number }[];
    expect(drawn.x / media.width).toBeCloseTo(0.2, 1);
    expect((drawn.x + drawn.w) / media.width).toBeCloseTo(0.4, 1);
    expect(typed.x / media.width).toBeCloseTo(0.44, 2);
    expect(typed.w / media.width).toBeCloseTo(0.2, 2);
    await screenshot(page, 'intake-blur-desktop');
    expect(cspOrScriptErrors(problems)).toEqual([]);
    await context.close();
  }, 120_000);

  it('a second humas officer confirms a manual WhatsApp post and the dashboard shows it published', async () => {
    const { t } = server;
    const [admin, operator, approver] = [await t.login('admin'), await t.login('operator.kebayoran'), await t.login('humas.kebayoran')];
    await t.http.put('/api/v1/units/POLSEK-KEBAYORAN-BARU/channels/whatsapp').set(bearer(admin)).send({ mode: 'manual', handle: '@kebayoran_rt' }).expect(200);
    const { body } = await t.http.post('/api/v1/complaints').set(bearer(operator)).send({
      externalRef: 'WA-MANUAL-1', unitCode: 'POLSEK-KEBAYORAN-BARU', category: 'kemacetan', channel: 'call_center_110',
      receivedAt: '2026-11-10T00:45:00Z', resolvedAt: '2026-11-10T01:30:00Z',
      location: { subdistrict: 'Gunung', district: 'Kebayoran Baru', city: 'Jakarta Selatan' },
      summary: 'Kemacetan panjang di persimpangan Gunung.', resolution: 'Petugas mengatur arus hingga lancar.',
      complainant: { name: 'Budi' }, consent: { level: 'none', quote: false },
    }).expect(201);
    const id = body.storyId as string;
    await t.http.post(`/api/v1/stories/${id}/submit`).set(bearer(operator)).expect(200);
    // WhatsApp only: the story is published by the officer's confirmation, not by the website
    await t.http.post(`/api/v1/stories/${id}/approve`).set(bearer(approver)).send({ channels: ['whatsapp'] }).expect(200);
    await t.http.post(`/api/v1/stories/${id}/schedule`).set(bearer(approver)).send({}).expect(200);
    await t.app.get(Dispatcher).tick();
    const [{ status, title }] = await t.dataSource.query(
      `SELECT p.status, s.title FROM publication p JOIN story s ON s.id = p.story_id WHERE p.story_id = $1 AND p.channel = 'whatsapp'`, [id]);
    expect(status).toBe('awaiting_manual');

    const context = await browser.newContext({ width: 360, height: 740 });
    const page = await loginAs(context, server.baseUrl, 'humas.jaksel', '/');
    const problems = watchPageProblems(page);
    const today = page.locator('section[aria-labelledby="h-today"]');
    await expect(today.textContent()).resolves.not.toContain(title);

    await page.goto(`${server.baseUrl}/posting-manual`);
    const card = page.locator(`[data-manual-post="${id}-whatsapp"]`);
    const text = await card.locator('textarea.ready-text').inputValue();
    expect(text).toContain('/rilis/');
    await expect(card.locator('[data-whatsapp-share]').getAttribute('href')).resolves.toBe(`https://wa.me/?text=${encodeURIComponent(text)}`);
    await card.getByRole('button', { name: 'Salin teks' }).click();
    await card.locator('[data-copy-status]').filter({ hasText: /\S/ }).waitFor();
    const overflow = await horizontalOverflow(page);
    expect(overflow.scrollWidth).toBeLessThanOrEqual(overflow.innerWidth);
    await screenshot(page, 'manual-posting-360');
    // a WhatsApp group message is recorded by the group's name; its URL only when there is one (issue 19)
    await card.getByLabel('Nama grup WhatsApp').fill('Grup RT 05 Gunung');
    await card.getByLabel(/^URL/).fill('https://chat.whatsapp.com/grup-rt05-gunung');
    await Promise.all([page.waitForURL(/\/posting-manual$/), card.getByRole('button', { name: 'Catat terkirim ke grup ini' }).click()]);
    await expect(page.locator('.flash-success').textContent()).resolves.toContain('terkirim');
    expect(await page.locator(`[data-manual-post="${id}-whatsapp"]`).count()).toBe(0);

    await page.goto(`${server.baseUrl}/`);
    await expect(page.locator('section[aria-labelledby="h-today"]').textContent()).resolves.toContain(title);
    await screenshot(page, 'dashboard-after-manual-360');
    const [row] = await t.dataSource.query(`SELECT p.status, p.url, s.status AS story FROM publication p JOIN story s ON s.id = p.story_id WHERE p.story_id = $1`, [id]);
    expect(row).toEqual({ status: 'published', url: 'https://chat.whatsapp.com/grup-rt05-gunung', story: 'published' });
    expect(cspOrScriptErrors(problems)).toEqual([]);
    await context.close();
  }, 120_000);

  it('refuses console form posts without the CSRF token', async () => {
    const context = await browser.newContext();
    const page = await loginAs(context, server.baseUrl, 'humas.jaksel', '/publikasi');
    // the same form as the page's, posted by a page that does not know the token
    const status = await page.evaluate(async () => {
      const response = await fetch('/publikasi/jeda', {
        method: 'POST', credentials: 'same-origin', headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ unitCode: 'POLRES-JAKSEL', reason: 'tanpa token keamanan' }).toString(),
      });
      return response.status;
    });
    expect(status).toBe(403);
    const [{ n }] = await server.t.dataSource.query(`SELECT count(*)::int AS n FROM publishing_pause`);
    expect(n).toBe(0);
    await screenshot(page, 'publications-desktop');
    await context.close();
  }, 60_000);

  it('every console page of this set fits a 360 px phone, loads without CSP errors, and the template preview renders live', async () => {
    const context = await browser.newContext({ width: 360, height: 740 });
    const pages: [string, string, string][] = [
      ['humas.jaksel', '/publikasi', 'publications-360'],
      ['humas.jaksel', '/posting-manual', 'manual-posting-empty-360'],
      ['humas.jaksel', '/mitra', 'partners-360'],
      ['humas.jaksel', '/liputan', 'pickups-360'],
      ['humas.jaksel', '/templat', 'templates-360'],
      ['humas.jaksel', '/anev', 'anev-360'],
      ['kapolsek.kebayoran', '/prestasi/baru', 'intake-achievement-360'],
      ['operator.kebayoran', '/umpan-balik/baru', 'intake-feedback-360'],
      ['admin', '/admin/satuan', 'admin-units-360'],
      ['admin', '/admin/satuan/POLSEK-KEBAYORAN-BARU', 'admin-unit-360'],
      ['admin', '/admin/pengguna', 'admin-users-360'],
    ];
    let signedIn = '';
    let page = await context.newPage();
    for (const [username, path, name] of pages) {
      if (username !== signedIn) {
        await context.clearCookies();
        await page.close();
        page = await loginAs(context, server.baseUrl, username, path);
        signedIn = username;
      } else {
        await page.goto(`${server.baseUrl}${path}`);
      }
      const problems = watchPageProblems(page);
      await page.reload();
      expect(new URL(page.url()).pathname).toBe(path);
      const { scrollWidth, innerWidth } = await horizontalOverflow(page);
      // the path in the comparison names the page that overflows
      expect({ path, overflows: scrollWidth > innerWidth }).toEqual({ path, overflows: false });
      await screenshot(page, name);
      expect(cspOrScriptErrors(problems)).toEqual([]);
    }

    // the template editor renders the body being typed, against the samples, through the preview API
    await context.clearCookies();
    await page.close();
    page = await loginAs(context, server.baseUrl, 'humas.jaksel', '/templat/complaint/whatsapp');
    const problems = watchPageProblems(page);
    const output = page.locator('[data-preview-output]');
    await output.locator('.preview-card').first().waitFor();
    await page.getByLabel('Isi templat (Handlebars)').fill('Cek pratinjau: {{unit.name}}');
    await output.locator('.preview-body', { hasText: 'Cek pratinjau: Polsek' }).first().waitFor();
    await page.getByLabel('Isi templat (Handlebars)').fill('{{#if unit.name}}tanpa penutup');
    await page.locator('form[data-template-editor][data-preview-state="error"]').waitFor();
    await expect(page.locator('[data-preview-status]').textContent()).resolves.toContain('tidak dapat dirender');
    await screenshot(page, 'template-editor-360');
    expect(cspOrScriptErrors(problems)).toEqual([]);
    await context.close();
  }, 180_000);
});
