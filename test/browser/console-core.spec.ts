import twitterText from 'twitter-text';
import type { Page } from 'playwright-core';
import {
  type ConsoleBrowser, type ConsoleServer, chromiumAvailable, horizontalOverflow, launchConsoleBrowser, loginAs, screenshot, startConsoleServer, watchPageProblems,
} from '../support/console-browser';
import { Dispatcher } from '../../src/publishing/dispatcher.service';
import { bearer } from '../support/test-app';

let seq = 0;
const complaint = () => ({
  externalRef: `BROWSER-${++seq}`, unitCode: 'POLSEK-KEBAYORAN-BARU', category: 'kemacetan', channel: 'call_center_110',
  receivedAt: '2026-11-10T00:45:00Z', resolvedAt: '2026-11-10T01:30:00Z',
  location: { subdistrict: 'Gunung', district: 'Kebayoran Baru', city: 'Jakarta Selatan' },
  summary: `Kemacetan panjang di persimpangan Gunung, laporan ${seq}.`, resolution: 'Petugas mengatur arus hingga lancar.',
  stages: [{ at: '2026-11-10T00:58:00Z', label: 'Petugas tiba' }], complainant: { name: 'Budi' }, consent: { level: 'none', quote: false },
});

/** CSP violations and script errors (a failed fetch is reported by the page itself, not counted here). */
const cspOrScriptErrors = (problems: string[]) => problems.filter((p) => /Content Security Policy|Refused to|Uncaught|is not defined/.test(p));

jest.setTimeout(150_000);

(chromiumAvailable() ? describe : describe.skip)('console in Chromium: the daily review path', () => {
  let server: ConsoleServer;
  let browser: ConsoleBrowser;
  let operatorToken: string;

  beforeAll(async () => {
    server = await startConsoleServer();
    browser = await launchConsoleBrowser();
    operatorToken = await server.t.login('operator.kebayoran');
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** A complaint's story, submitted for review by its operator. */
  const storyInReview = async () => {
    const { body } = await server.t.http.post('/api/v1/complaints').set(bearer(operatorToken)).send(complaint()).expect(201);
    await server.t.http.post(`/api/v1/stories/${body.storyId}/submit`).set(bearer(operatorToken)).expect(200);
    return body.storyId as string;
  };

  it.each(['admin', 'humas.kebayoran', 'kapolsek.kebayoran', 'operator.kebayoran'])('logs in as %s and sees the dashboard', async (username) => {
    const context = await browser.newContext();
    const page = await loginAs(context, server.baseUrl, username);
    const problems = watchPageProblems(page);
    await page.reload();
    await expectHeading(page, 'Beranda');
    await page.getByRole('navigation', { name: 'Navigasi utama' }).getByRole('link', { name: 'Cerita' }).waitFor();
    if (username === 'humas.kebayoran' || username === 'kapolsek.kebayoran') {
      // charts come from the reports API; the status line says whether they could be drawn
      await page.waitForSelector('#chart-status[data-state]');
    }
    await screenshot(page, `dashboard-${username}`);
    expect(cspOrScriptErrors(problems)).toEqual([]);
    await context.close();
  });

  it('a humas officer edits the X draft and sees the counter change; another approves leaving Instagram out and schedules', async () => {
    const id = await storyInReview();
    const context = await browser.newContext();
    const page = await loginAs(context, server.baseUrl, 'humas.kebayoran', `/cerita/${id}`);
    const problems = watchPageProblems(page);
    const card = page.locator('#draf-x');
    // one channel at a time (issue 19): the X tab first
    await page.getByRole('tab', { name: /^X/ }).click();
    await card.locator('summary').click();
    const counter = card.locator('[data-counter] [data-count]');
    const before = Number(await counter.textContent());
    const text = 'Polsek Kebayoran Baru urai kemacetan di Gunung dalam 45 menit 🙏 https://polri.go.id/rilis/kemacetan-gunung-yang-panjang #PolriPresisi';
    await card.getByLabel('Teks X').fill(text);
    // a string: the test code is compiled without the DOM library
    await page.waitForFunction(`document.querySelector('#draf-x [data-counter] [data-count]')?.textContent === '${twitterText.parseTweet(text).weightedLength}'`);
    const after = Number(await counter.textContent());
    expect(after).not.toBe(before);
    expect(after).toBe(twitterText.parseTweet(text).weightedLength);
    expect(await card.locator('[data-preview]').textContent()).toBe(text);
    await screenshot(page, 'story-editing-x');
    await Promise.all([page.waitForURL(`**/cerita/${id}#draf-x`), card.getByRole('button', { name: 'Simpan revisi' }).click()]);
    await page.getByText('Draf X tersimpan.').waitFor();
    // the officer who edited last may not approve (four eyes): no approve button for them
    expect(await page.getByRole('button', { name: 'Setujui', exact: true }).count()).toBe(0);

    const approverContext = await browser.newContext();
    const approver = await loginAs(approverContext, server.baseUrl, 'humas.jaksel', `/cerita/${id}`);
    const approveForm = approver.locator('#form-approve');
    await approveForm.getByLabel('Instagram').uncheck();
    await Promise.all([approver.waitForURL(`**/cerita/${id}`), approveForm.getByRole('button', { name: 'Setujui' }).click()]);
    await approver.getByText('Cerita disetujui.').waitFor();
    const schedule = approver.locator('#form-schedule');
    expect(await schedule.getByLabel('Instagram').count()).toBe(0); // only approved channels can be scheduled
    await schedule.getByLabel(/Tanggal dan jam/).fill('2026-12-01T09:30');
    await Promise.all([approver.waitForURL(`**/cerita/${id}`), schedule.getByRole('button', { name: 'Jadwalkan' }).click()]);
    await approver.getByText('Publikasi dijadwalkan pada 01/12/2026 09.30 WIB.').waitFor();
    await screenshot(approver, 'story-approved-scheduled');

    const [story] = await server.t.dataSource.query(`SELECT status, approved_channels FROM story WHERE id = $1`, [id]);
    expect(story.status).toBe('approved');
    expect(story.approved_channels).not.toContain('instagram');
    const pubs = await server.t.dataSource.query(`SELECT channel, due_at FROM publication WHERE story_id = $1`, [id]);
    expect(pubs.map((p: { channel: string }) => p.channel).sort()).toEqual([...story.approved_channels].sort());
    expect(pubs[0].due_at.toISOString()).toBe('2026-12-01T02:30:00.000Z');
    expect(cspOrScriptErrors(problems)).toEqual([]);
    await context.close();
    await approverContext.close();
  });

  it('the dashboard shows today\'s publications, those awaiting manual posting, and the charts', async () => {
    const id = await storyInReview();
    const approver = await server.t.login('humas.jaksel');
    await server.t.http.post(`/api/v1/stories/${id}/approve`).set(bearer(approver)).send({ channels: ['website', 'whatsapp'] }).expect(200);
    await server.t.http.post(`/api/v1/stories/${id}/schedule`).set(bearer(approver)).send({}).expect(200);
    const dispatcher = server.t.app.get(Dispatcher);
    await dispatcher.tick(); // the website first; WhatsApp has no API: it waits for an officer
    await dispatcher.tick();
    const context = await browser.newContext();
    const page = await loginAs(context, server.baseUrl, 'humas.kebayoran');
    const today = page.locator('section[aria-labelledby="h-today"]');
    await today.getByRole('link').first().waitFor();
    expect(await today.textContent()).toContain('Kebayoran');
    const manual = page.locator('section[aria-labelledby="h-pubs"]');
    expect(await manual.textContent()).toContain('Menunggu posting manual');
    await page.waitForSelector('#chart-status[data-state="ready"]');
    await screenshot(page, 'dashboard-with-data');
    await context.close();
  });

  it('a commander sees the story but no approve, reject or edit controls', async () => {
    const id = await storyInReview();
    const context = await browser.newContext();
    const page = await loginAs(context, server.baseUrl, 'kapolsek.kebayoran', `/cerita/${id}`);
    await page.locator('#h-drafts').waitFor();
    expect(await page.getByRole('button', { name: /Setujui/ }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Tolak' }).count()).toBe(0);
    expect(await page.locator('details.edit').count()).toBe(0);
    await screenshot(page, 'story-commander');
    await context.close();
  });

  it('refuses a form post without the CSRF token with a 403 page', async () => {
    const id = await storyInReview();
    const context = await browser.newContext();
    await loginAs(context, server.baseUrl, 'humas.jaksel');
    const response = await context.request.post(`${server.baseUrl}/cerita/${id}/tolak`, { form: { reason: 'tanpa token keamanan' }, maxRedirects: 0 });
    expect(response.status()).toBe(403);
    expect(await response.text()).toContain('Formulir kedaluwarsa');
    const [story] = await server.t.dataSource.query(`SELECT status FROM story WHERE id = $1`, [id]);
    expect(story.status).toBe('in_review');
    await context.close();
  });

  it('fits a 360 px phone screen without horizontal scroll', async () => {
    const id = await storyInReview();
    const context = await browser.newContext({ width: 360, height: 740 });
    const page = await loginAs(context, server.baseUrl, 'humas.kebayoran', `/cerita/${id}`);
    for (const [path, name] of [[`/cerita/${id}`, 'story-360'], ['/cerita', 'stories-360'], ['/', 'dashboard-360'], ['/notifikasi', 'notifications-360']]) {
      await page.goto(`${server.baseUrl}${path}`);
      await page.waitForLoadState('networkidle');
      await screenshot(page, name);
      const { scrollWidth, innerWidth } = await horizontalOverflow(page);
      expect({ path, scrollWidth }).toEqual({ path, scrollWidth: expect.any(Number) });
      expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
    }
    // the menu is behind a button on a phone and opens with the keyboard
    const toggle = page.getByRole('button', { name: 'Menu', exact: true });
    await toggle.focus();
    await page.keyboard.press('Enter');
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    await page.getByRole('navigation', { name: 'Navigasi utama' }).getByRole('link', { name: 'Cerita' }).waitFor({ state: 'visible' });
    await context.close();
  });
});

async function expectHeading(page: Page, name: string): Promise<void> {
  await page.getByRole('heading', { level: 1, name }).waitFor();
}
