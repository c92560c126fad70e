/// <reference lib="dom" />
import sharp from 'sharp';
import { Dispatcher } from '../../src/publishing/dispatcher.service';
import { seriousAccessibilityViolations } from '../support/axe';
import {
  type ConsoleBrowser, type ConsoleServer, chromiumAvailable, horizontalOverflow, launchConsoleBrowser, loginAs, screenshot, startConsoleServer, watchPageProblems,
} from '../support/console-browser';
import { bearer, DEMO_PASSWORD } from '../support/test-app';

const cspOrScriptErrors = (problems: string[]) => problems.filter((p) => /Content Security Policy|Refused to|Uncaught|is not defined/.test(p));
const PHONE = { width: 360, height: 740 };
const DESKTOP = { width: 1280, height: 900 };

let seq = 0;
const complaint = (over: Record<string, unknown> = {}) => ({
  externalRef: `HARIAN-BR-${++seq}`, unitCode: 'POLSEK-KEBAYORAN-BARU', category: 'curanmor', channel: 'whatsapp',
  receivedAt: '2026-11-10T00:45:00Z', resolvedAt: '2026-11-10T09:30:00Z',
  location: { subdistrict: 'Gunung', district: 'Kebayoran Baru', city: 'Jakarta Selatan' },
  summary: `Motor warga hilang di parkiran Pasar Mayestik, laporan ${seq}.`, resolution: 'Motor ditemukan dan dikembalikan kepada pemiliknya.',
  complainant: { name: 'Andreas Wibowo' }, consent: { level: 'initials', quote: true }, quote: 'Terima kasih, motor saya kembali.', ...over,
});

async function photo(): Promise<Buffer> {
  const pixels = Buffer.alloc(640 * 480 * 3);
  for (let i = 0; i < pixels.length; i += 1) pixels[i] = (i * 37 + ((i / 3) % 640) * 11) % 256;
  return sharp(pixels, { raw: { width: 640, height: 480, channels: 3 } }).jpeg({ quality: 90 }).toBuffer();
}

async function noSidewaysScroll(page: import('playwright-core').Page, where: string): Promise<void> {
  const { scrollWidth, innerWidth } = await horizontalOverflow(page);
  expect({ where, overflows: scrollWidth > innerWidth }).toEqual({ where, overflows: false });
}

jest.setTimeout(300_000);

/** Issue 19 as officers use the console, in Chromium at 360 px and on a desktop. */
(chromiumAvailable() ? describe : describe.skip)('console in Chromium: daily use', () => {
  let server: ConsoleServer;
  let browser: ConsoleBrowser;
  let operator: string;
  let approver: string;

  beforeAll(async () => {
    server = await startConsoleServer();
    browser = await launchConsoleBrowser();
    [operator, approver] = [await server.t.login('operator.kebayoran'), await server.t.login('humas.jaksel')];
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const storyInReview = async () => {
    const { body } = await server.t.http.post('/api/v1/complaints').set(bearer(operator)).send(complaint()).expect(201);
    await server.t.http.post(`/api/v1/stories/${body.storyId}/submit`).set(bearer(operator)).expect(200);
    return body.storyId as string;
  };

  it('shows every problem at once, says a long paste is too long before saving, and keeps the form (photo too) across an expired session', async () => {
    const context = await browser.newContext(PHONE);
    const page = await loginAs(context, server.baseUrl, 'operator.kebayoran', '/pengaduan/baru');
    const problems = watchPageProblems(page);
    // submitted nearly empty: one answer lists every problem, each next to its field
    await page.getByLabel('Nomor referensi laporan').fill('LP/B/1187/XII/2026/SPKT/Polsek KBY');
    await Promise.all([page.waitForLoadState('load'), page.getByRole('button', { name: /Simpan laporan/ }).click()]);
    const summary = page.locator('[data-error-list]');
    for (const text of ['Pilih kategori dari daftar.', 'Lokasi wajib diisi.', 'Ringkasan laporan wajib diisi.', 'Penyelesaian wajib diisi.', 'Pelapor wajib diisi.']) {
      await summary.getByText(text).waitFor();
    }
    await expect(page.locator('#f-externalRef').inputValue()).resolves.toBe('LP/B/1187/XII/2026/SPKT/Polsek KBY'); // kept, and no error on it
    expect(await page.locator('#f-externalRef-error').isHidden()).toBe(true);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await noSidewaysScroll(page, 'refused form');
    await screenshot(page, 'daily-intake-all-errors-360');

    // a 12,640-character paste is not cut: the field says it is too long and the form is not sent
    const long = 'Warga melapor motor hilang. '.repeat(452).slice(0, 12_640);
    await page.getByLabel('Ringkasan laporan').fill(long);
    await page.locator('[data-char-count="f-summary"].over').waitFor();
    await expect(page.locator('[data-char-count="f-summary"]').textContent()).resolves.toContain('12.640 / 2.000 karakter: kelebihan 10.640 karakter');
    await expect(page.getByLabel('Ringkasan laporan').inputValue()).resolves.toHaveLength(12_640);
    await page.getByRole('button', { name: /Simpan laporan/ }).click();
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('f-summary');
    expect(new URL(page.url()).pathname).toBe('/pengaduan/baru');

    // fill it properly, attach a photo, add a stage row ... and the session ends before "Simpan"
    await page.getByLabel('Ringkasan laporan').fill('Motor warga hilang di parkiran pasar.');
    await page.getByLabel('Kategori').selectOption('curanmor');
    await page.getByLabel('Saluran laporan').selectOption('whatsapp');
    await page.getByLabel('Diterima').fill('2026-11-18T07:45');
    await page.getByLabel('Selesai ditangani').fill('2026-11-18T16:30');
    await page.getByLabel('Kelurahan/desa').fill('Gunung');
    await page.getByLabel('Kecamatan').fill('Kebayoran Baru');
    await page.getByLabel('Kota/kabupaten').fill('Jakarta Selatan');
    await page.getByLabel('Penyelesaian').fill('Motor ditemukan dan dikembalikan.');
    await page.getByLabel('Nama pelapor').fill('Andreas Wibowo');
    await page.getByRole('button', { name: 'Tambah tahap' }).click();
    await page.locator('input[name="stages[3].at"]').fill('2026-11-18T16:00');
    await page.locator('input[name="stages[3].label"]').fill('Motor diserahkan di Polsek');
    await page.locator('#photo-file').setInputFiles({ name: 'motor.jpg', mimeType: 'image/jpeg', buffer: await photo() });
    await page.getByRole('button', { name: 'Unggah foto' }).click();
    const mediaId = await page.locator('[data-photo-item][data-media-id]').getAttribute('data-media-id');
    // the session ends (its row is gone, as after SESSION_TTL_HOURS); the test's own API token stays
    await server.t.dataSource.query(`DELETE FROM api_token WHERE kind = 'session' AND user_id = (SELECT id FROM app_user WHERE username = 'operator.kebayoran')`);
    operator = await server.t.login('operator.kebayoran'); // the test's own API session, for the next tests
    await Promise.all([page.waitForURL(/\/login\?/), page.getByRole('button', { name: /Simpan laporan/ }).click()]);
    await page.locator('[data-session-expired]').waitFor();
    await page.getByLabel('Nama pengguna').fill('operator.kebayoran');
    await page.getByLabel('Kata sandi').fill(DEMO_PASSWORD);
    await Promise.all([page.waitForURL(/\/pengaduan\/baru(\?pulihkan=1)?$/), page.getByRole('button', { name: 'Masuk' }).click()]);
    await page.locator('[data-restored]').waitFor();
    await expect(page.getByLabel('Kelurahan/desa').inputValue()).resolves.toBe('Gunung');
    await expect(page.getByLabel('Ringkasan laporan').inputValue()).resolves.toBe('Motor warga hilang di parkiran pasar.');
    await expect(page.locator('input[name="stages[3].label"]').inputValue()).resolves.toBe('Motor diserahkan di Polsek');
    await page.locator(`[data-photo-item][data-media-id="${mediaId}"] input[name="mediaIds"]`).waitFor({ state: 'attached' });
    await screenshot(page, 'daily-intake-restored-360');
    await Promise.all([page.waitForURL(/\/pengaduan\/[0-9a-f-]{36}$/), page.getByRole('button', { name: /Simpan laporan/ }).click()]);
    await page.getByText('Cerita sudah dikirim ke Humas untuk ditinjau.').waitFor();
    const [row] = await server.t.dataSource.query(
      `SELECT s.status, cardinality(c.media_ids) AS photos, c.external_ref FROM complaint c JOIN story s ON s.source_id = c.id ORDER BY c.created_at DESC LIMIT 1`);
    expect(row).toEqual({ status: 'in_review', photos: 1, external_ref: 'LP/B/1187/XII/2026/SPKT/Polsek KBY' });
    expect(cspOrScriptErrors(problems)).toEqual([]);
    await context.close();
  });

  it('shows one channel at a time on a phone, the publications full width on a desktop, and who must approve', async () => {
    const id = await storyInReview();
    const phone = await browser.newContext(PHONE);
    const page = await loginAs(phone, server.baseUrl, 'humas.kebayoran', `/cerita/${id}`);
    const problems = watchPageProblems(page);
    await page.locator('[data-waiting-for]', { hasText: 'Menunggu persetujuan: Humas Polsek Kebayoran Baru' }).waitFor();
    const tabs = page.getByRole('tab');
    await expect(tabs.count()).resolves.toBe(7);
    expect(await page.locator('#draf-website').isVisible()).toBe(true);
    expect(await page.locator('#draf-instagram').isVisible()).toBe(false);
    await page.getByRole('tab', { name: /^Instagram/ }).click();
    expect(await page.locator('#draf-instagram').isVisible()).toBe(true);
    expect(await page.locator('#draf-website').isVisible()).toBe(false);
    // the tab shows its counter and lint
    await expect(page.getByRole('tab', { name: /^Instagram/ }).textContent()).resolves.toMatch(/\d+\/2200[\s\S]*peringatan/);
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    expect(height).toBeLessThan(6500); // was 7,800 px with every channel below the other
    await noSidewaysScroll(page, 'story 360');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'daily-story-tabs-360');
    await phone.close();

    const desktop = await browser.newContext(DESKTOP);
    const wide = await loginAs(desktop, server.baseUrl, 'humas.kebayoran', `/cerita/${id}`);
    await wide.locator('#publikasi').waitFor();
    const box = (await wide.locator('#publikasi').boundingBox())!;
    expect(box.width).toBeGreaterThan(DESKTOP.width * 0.7); // not squeezed into the sidebar
    // the primary action is approve, the reject is a quiet "return to the author"
    await expect(wide.locator('#form-approve button.primary').textContent()).resolves.toBe('Setujui');
    expect(await wide.locator('button.danger', { hasText: 'Tolak' }).count()).toBe(0);
    await screenshot(wide, 'daily-story-desktop');
    expect(cspOrScriptErrors(problems)).toEqual([]);
    await desktop.close();
  });

  it('adds, blurs and keeps a photo at review, so Instagram is ticked; regenerates drafts and restores a revision', async () => {
    const id = await storyInReview();
    const context = await browser.newContext(DESKTOP);
    const page = await loginAs(context, server.baseUrl, 'humas.jaksel', `/cerita/${id}`);
    const problems = watchPageProblems(page);
    // no picture yet: Instagram is not ticked for approval
    expect(await page.locator('#form-approve input[value="instagram"]').isChecked()).toBe(false);
    const section = page.locator('#foto');
    await section.locator('#photo-file').setInputFiles({ name: 'tkp.jpg', mimeType: 'image/jpeg', buffer: await photo() });
    await section.getByLabel('Teks alternatif foto').fill('Petugas menyerahkan motor');
    await section.getByRole('button', { name: 'Unggah foto' }).click();
    const item = section.locator('[data-photo-item][data-media-id]');
    await item.waitFor();
    const image = item.locator('[data-photo-image]');
    await image.evaluate((img: HTMLImageElement) => (img.complete && img.naturalWidth > 0 ? null : new Promise((done) => img.addEventListener('load', done, { once: true }))));
    await image.scrollIntoViewIfNeeded();
    const box = (await image.boundingBox())!;
    await page.mouse.move(box.x + box.width * 0.2, box.y + box.height * 0.2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.4, box.y + box.height * 0.4, { steps: 4 });
    await page.mouse.up();
    await item.getByRole('button', { name: 'Samarkan area' }).click();
    await section.locator('[data-photo-item][data-blurred="1"]').waitFor();
    await Promise.all([page.waitForURL(`**/cerita/${id}#foto`), section.getByRole('button', { name: 'Simpan foto cerita' }).click()]);
    await page.getByText('Foto cerita disimpan (1); lint draf diperbarui.').waitFor();
    expect(await page.locator('#form-approve input[value="instagram"]').isChecked()).toBe(true);
    // a quote card from the citizen's consented words
    await Promise.all([page.waitForURL(`**/cerita/${id}#foto`), page.getByRole('button', { name: 'Buat kartu kutipan' }).click()]);
    await page.getByText('Kartu kutipan dibuat dan dipasang pada cerita.').waitFor();
    await expect(page.locator('#foto [data-photo-item]').count()).resolves.toBe(2);

    // edit X, then regenerate (keeps the edit), then restore the template's revision from the history
    await page.getByRole('tab', { name: /^X/ }).click();
    await page.locator('#draf-x summary').click();
    await page.getByLabel('Teks X').fill('Teks suntingan petugas untuk X.');
    await Promise.all([page.waitForURL(`**/cerita/${id}#draf-x`), page.locator('#draf-x').getByRole('button', { name: 'Simpan revisi' }).click()]);
    await page.locator('details.regenerate summary').click();
    await Promise.all([page.waitForURL(`**/cerita/${id}`), page.getByRole('button', { name: 'Buat ulang draf' }).click()]);
    await page.getByText(/Tetap seperti disunting: X/).waitFor();
    await page.goto(`${server.baseUrl}/cerita/${id}/draf/x/riwayat?rev=1`);
    await Promise.all([page.waitForURL(`**/cerita/${id}#draf-x`), page.getByRole('button', { name: 'Pulihkan revisi 1 sebagai draf' }).click()]);
    await page.getByText('Draf X dipulihkan dari revisi 1.').waitFor();
    expect(await page.locator('#draf-x [data-preview]').textContent()).not.toContain('Teks suntingan petugas');
    expect(cspOrScriptErrors(problems)).toEqual([]);
    await context.close();
  });

  it('records a WhatsApp post to several groups without a URL and lists them to delete by hand after a withdrawal (360 px)', async () => {
    const id = await storyInReview();
    await server.t.http.post(`/api/v1/stories/${id}/approve`).set(bearer(approver)).send({ channels: ['whatsapp'] }).expect(200);
    await server.t.http.post(`/api/v1/stories/${id}/schedule`).set(bearer(approver)).send({}).expect(200);
    await server.t.app.get(Dispatcher).tick();
    const context = await browser.newContext(PHONE);
    const page = await loginAs(context, server.baseUrl, 'humas.kebayoran', '/posting-manual');
    const card = page.locator(`[data-manual-post="${id}-whatsapp"]`);
    await card.getByLabel('Nama grup WhatsApp').fill('Grup RT 05 Gunung');
    await Promise.all([page.waitForURL(/\/posting-manual$/), card.getByRole('button', { name: 'Catat terkirim ke grup ini' }).click()]);
    const posted = page.locator(`[data-posted="${id}-whatsapp"]`);
    await posted.locator('summary').click();
    await posted.getByLabel('Nama grup WhatsApp').fill('Grup RW 02 Gunung');
    await Promise.all([page.waitForURL(/\/posting-manual$/), posted.getByRole('button', { name: 'Catat' }).click()]);
    await expect(page.locator(`[data-posted="${id}-whatsapp"]`).textContent()).resolves.toContain('Grup RT 05 Gunung, Grup RW 02 Gunung');
    await noSidewaysScroll(page, 'manual posting');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    // the manual-post cards keep their inner padding at 360 px
    const padding = await page.locator('.manual-list > li.card, [data-posted]').first().evaluate((el) => getComputedStyle(el.closest('.card') ?? el).paddingLeft);
    expect(parseFloat(padding)).toBeGreaterThanOrEqual(12);

    await page.goto(`${server.baseUrl}/cerita/${id}`);
    await page.locator('details', { hasText: 'Tarik cerita' }).locator('summary').click();
    await page.getByLabel('Alasan penarikan').fill('Data pelapor keliru, ditarik.');
    page.once('dialog', (dialog) => dialog.accept());
    await Promise.all([page.waitForURL(`**/cerita/${id}`), page.getByRole('button', { name: 'Tarik', exact: true }).click()]);
    const removals = page.locator('#hapus-manual');
    await expect(removals.locator('[data-external-post]').count()).resolves.toBe(2);
    await removals.locator('[data-external-post]').first().getByRole('button', { name: 'Sudah dihapus' }).click();
    await page.locator('#hapus-manual .chip', { hasText: 'sudah dihapus' }).waitFor();
    await noSidewaysScroll(page, 'withdrawn story');
    await screenshot(page, 'daily-withdrawn-removals-360');
    await context.close();
  });

  it('moves a scheduled post from the calendar at 360 px', async () => {
    const id = await storyInReview();
    await server.t.http.post(`/api/v1/stories/${id}/approve`).set(bearer(approver)).send({ channels: ['website'] }).expect(200);
    const due = new Date(Date.now() + 2 * 86_400_000);
    await server.t.http.post(`/api/v1/stories/${id}/schedule`).set(bearer(approver)).send({ at: due.toISOString() }).expect(200);
    const context = await browser.newContext(PHONE);
    const page = await loginAs(context, server.baseUrl, 'humas.kebayoran', '/kalender');
    const item = page.locator(`[data-calendar-item="${id}-website"]`);
    await item.locator('summary').click();
    const next = new Date(due.getTime() + 86_400_000 + 7 * 3_600_000).toISOString().slice(0, 16); // the next day, in WIB
    await item.locator('input[type="datetime-local"]').fill(next);
    await Promise.all([page.waitForURL(/\/kalender\?/), item.getByRole('button', { name: 'Pindah' }).click()]);
    await page.getByText(/Jadwal Situs \(rilis\) dipindah ke/).waitFor();
    const [row] = await server.t.dataSource.query(`SELECT due_at FROM publication WHERE story_id = $1`, [id]);
    expect(row.due_at.toISOString().slice(0, 16)).toBe(new Date(due.getTime() + 86_400_000).toISOString().slice(0, 16));
    await noSidewaysScroll(page, 'calendar');
    await screenshot(page, 'daily-calendar-360');
    await context.close();
  });

  it('offers ranks as a list, removes a participant row and fills a quote\'s speaker from the participants', async () => {
    const context = await browser.newContext(PHONE);
    const page = await loginAs(context, server.baseUrl, 'kapolsek.kebayoran', '/prestasi/baru');
    await expect(page.locator('#pangkat-polri option[value="Kompol"]').count()).resolves.toBe(1);
    await expect(page.getByLabel('Pangkat personel 1').getAttribute('list')).resolves.toBe('pangkat-polri');
    await page.getByLabel('Pangkat personel 1').fill('Kompol');
    await page.getByLabel('Nama personel 1').fill('Doni Saputra');
    await page.getByLabel('Jabatan personel 1').fill('Kapolsek Kebayoran Baru');
    await page.getByLabel('Nama personel 2').fill('Salah Ketik');
    await page.getByRole('button', { name: 'Hapus personel 2' }).click();
    await expect(page.locator('[data-participants] [data-repeat-row]').count()).resolves.toBe(2);
    await page.getByLabel('Pembicara kutipan 1 dari daftar personel').selectOption({ label: 'Kompol Doni Saputra, Kapolsek Kebayoran Baru' });
    await expect(page.getByLabel('Nama pembicara kutipan 1').inputValue()).resolves.toBe('Doni Saputra');
    await expect(page.getByLabel('Pangkat pembicara kutipan 1').inputValue()).resolves.toBe('Kompol');
    await page.getByLabel('Isi kutipan 1').fill('Kami hadir untuk warga.');
    await page.getByLabel('Judul').fill('Patroli Subuh Bersama Warga');
    await page.getByLabel('Jenis kegiatan').selectOption('patroli');
    await page.getByLabel('Waktu kegiatan').fill('2026-11-18T05:00');
    await page.getByLabel('Tempat').fill('Taman Puring');
    await page.getByLabel('Kota/kabupaten').fill('Jakarta Selatan');
    await page.getByLabel('Narasi').fill('Patroli subuh bersama warga.');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await noSidewaysScroll(page, 'achievement');
    await Promise.all([page.waitForURL(/\/prestasi\/[0-9a-f-]{36}$/), page.getByRole('button', { name: /Simpan kegiatan/ }).click()]);
    await page.getByText('Kegiatan satuan tersimpan. Ceritanya sudah dikirim ke Humas untuk ditinjau.').waitFor();
    const [row] = await server.t.dataSource.query(`SELECT participants, quotes FROM achievement ORDER BY created_at DESC LIMIT 1`);
    expect(row.participants).toEqual([{ rank: 'Kompol', name: 'Doni Saputra', position: 'Kapolsek Kebayoran Baru' }]);
    expect(row.quotes).toEqual([{ speaker: { rank: 'Kompol', name: 'Doni Saputra', position: 'Kapolsek Kebayoran Baru' }, text: 'Kami hadir untuk warga.' }]);
    await context.close();
  });
});
