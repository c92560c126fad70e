import { Dispatcher } from '../../src/publishing/dispatcher.service';
import { consoleLogin, type ConsoleSession } from '../support/console-session';
import type { Response } from 'supertest';
import { bearer, createTestApp, type TestApp } from '../support/test-app';

/** The flash message a form action left for the next page (its cookie, decoded). */
const flashOf = (response: Response) => decodeURIComponent(([] as string[]).concat(response.headers['set-cookie'] ?? []).join(';'));

/** What a browser reads from an attribute or text escaped by Handlebars. */
const unescapeHtml = (value: string) =>
  value.replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))
    .replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

/** Manual posting, the publications page and the pause switch, driven through console forms. */
describe('console publishing pages', () => {
  let t: TestApp;
  let humas: ConsoleSession;
  let seq = 0;

  const complaint = () => ({
    externalRef: `CPUB-${++seq}`, unitCode: 'POLSEK-KEBAYORAN-BARU', category: 'kemacetan', channel: 'call_center_110',
    receivedAt: '2026-11-10T00:45:00Z', resolvedAt: '2026-11-10T01:30:00Z',
    location: { subdistrict: 'Gunung', district: 'Kebayoran Baru', city: 'Jakarta Selatan' },
    summary: `Kemacetan di persimpangan, laporan ${seq}.`, resolution: 'Petugas mengatur arus hingga lancar.',
    complainant: { name: 'Budi' }, consent: { level: 'none', quote: false },
  });

  /** A story approved and scheduled for the website and WhatsApp (no account: manual), dispatched. */
  const manualStory = async () => {
    const [operator, approver] = [await t.login('operator.kebayoran'), await t.login('humas.kebayoran')];
    const { body } = await t.http.post('/api/v1/complaints').set(bearer(operator)).send(complaint()).expect(201);
    await t.http.post(`/api/v1/stories/${body.storyId}/submit`).set(bearer(operator)).expect(200);
    await t.http.post(`/api/v1/stories/${body.storyId}/approve`).set(bearer(approver)).send({ channels: ['website', 'whatsapp'] }).expect(200);
    await t.http.post(`/api/v1/stories/${body.storyId}/schedule`).set(bearer(approver)).send({}).expect(200);
    const dispatcher = t.app.get(Dispatcher);
    await dispatcher.tick();
    await dispatcher.tick();
    return body.storyId as string;
  };

  beforeAll(async () => {
    t = await createTestApp({ env: { DISPATCH_INTERVAL_MS: '0' } });
    humas = await consoleLogin(t, 'humas.jaksel');
  });
  afterAll(() => t.close());

  it('lists a manual WhatsApp post with its text, share link and download, and confirms its URL', async () => {
    const id = await manualStory();
    const [draft] = await t.dataSource.query(`SELECT body FROM draft WHERE story_id = $1 AND channel = 'whatsapp'`, [id]);
    const page = await t.http.get('/posting-manual').set('Cookie', humas.cookie).expect(200);
    expect(page.text).toContain(`data-manual-post="${id}-whatsapp"`);
    const share = /href="(https:\/\/wa\.me\/[^"]*)"/.exec(page.text)![1];
    expect(unescapeHtml(share)).toBe(`https://wa.me/?text=${encodeURIComponent(draft.body)}`);
    expect(page.text).toContain('data-copy-target="#teks-0"');
    const text = /<textarea id="teks-0"[^>]*>([^<]*)<\/textarea>/.exec(page.text)![1];
    expect(unescapeHtml(text)).toBe(draft.body);

    // a wrong URL is refused with the API's message, nothing changes
    const refused = await t.http.post(`/posting-manual/${id}/whatsapp/konfirmasi`).set('Cookie', humas.cookie).type('form')
      .send({ _csrf: humas.csrf, url: 'grup RT 05' }).expect(303);
    // the field by its label, in Indonesian (issue 19)
    expect(flashOf(refused)).toContain('URL posting harus berupa alamat web lengkap');
    expect((await t.dataSource.query(`SELECT status FROM publication WHERE story_id = $1 AND channel = 'whatsapp'`, [id]))[0].status).toBe('awaiting_manual');

    await t.http.post(`/posting-manual/${id}/whatsapp/konfirmasi`).set('Cookie', humas.cookie).type('form')
      .send({ _csrf: humas.csrf, url: 'https://chat.whatsapp.com/grup-rt05' }).expect(303);
    const [row] = await t.dataSource.query(`SELECT status, url FROM publication WHERE story_id = $1 AND channel = 'whatsapp'`, [id]);
    expect(row).toEqual({ status: 'published', url: 'https://chat.whatsapp.com/grup-rt05' });
    const after = await t.http.get('/posting-manual').set('Cookie', humas.cookie).expect(200);
    expect(after.text).not.toContain(`data-manual-post="${id}-whatsapp"`);
  });

  it('keeps manual posts to the officer’s scope', async () => {
    const id = await manualStory();
    const other = await consoleLogin(t, 'humas.jaktim');
    const page = await t.http.get('/posting-manual').set('Cookie', other.cookie).expect(200);
    expect(page.text).not.toContain(id);
    await t.http.post(`/posting-manual/${id}/whatsapp/konfirmasi`).set('Cookie', other.cookie).type('form')
      .send({ _csrf: other.csrf, url: 'https://chat.whatsapp.com/x' }).expect(404);
  });

  it('pauses and resumes publishing with a reason, for the officer’s own scope only', async () => {
    const short = await t.http.post('/publikasi/jeda').set('Cookie', humas.cookie).type('form').send({ _csrf: humas.csrf, unitCode: 'POLRES-JAKSEL', reason: 'x' }).expect(303);
    expect(flashOf(short)).toContain('Alasan terlalu pendek: paling sedikit 5 karakter.');
    await t.http.post('/publikasi/jeda').set('Cookie', humas.cookie).type('form')
      .send({ _csrf: humas.csrf, unitCode: 'POLRES-JAKSEL', reason: 'Akun X diretas <script>' }).expect(303);
    const page = await t.http.get('/publikasi').set('Cookie', humas.cookie).expect(200);
    expect(page.text).toContain('data-pause="POLRES-JAKSEL"');
    expect(page.text).toContain('Akun X diretas &lt;script&gt;');
    // only an admin pauses everything: the humas form offers no "all units" choice and the service refuses it
    expect(page.text).not.toContain('<option value="">Semua satuan</option>');
    await t.http.post('/publikasi/jeda').set('Cookie', humas.cookie).type('form').send({ _csrf: humas.csrf, reason: 'semua berhenti' }).expect(403);
    await t.http.post('/publikasi/lanjut').set('Cookie', humas.cookie).type('form').send({ _csrf: humas.csrf, unitCode: 'POLRES-JAKSEL' }).expect(303);
    const [{ n }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM publishing_pause WHERE resumed_at IS NULL`);
    expect(n).toBe(0);
  });

  it('shows counts per channel and resolves an unconfirmed publication', async () => {
    const id = await manualStory();
    // an API channel whose outcome was unknown (the dispatcher's timeout path), set directly
    await t.dataSource.query(`UPDATE publication SET status = 'unconfirmed', last_error = 'timeout after send' WHERE story_id = $1 AND channel = 'whatsapp'`, [id]);
    const page = await t.http.get('/publikasi').set('Cookie', humas.cookie).expect(200);
    expect(page.text).toContain(`data-publication="${id}-whatsapp"`);
    expect(page.text).toContain('timeout after send');
    expect(page.text).toMatch(/data-channel="website"[\s\S]*?data-status="published"/);
    await t.http.post(`/publikasi/${id}/whatsapp/coba-lagi`).set('Cookie', humas.cookie).type('form').send({ _csrf: humas.csrf }).expect(303);
    expect((await t.dataSource.query(`SELECT status FROM publication WHERE story_id = $1 AND channel = 'whatsapp'`, [id]))[0].status).toBe('scheduled');
    await t.http.post(`/publikasi/${id}/whatsapp/batal`).set('Cookie', humas.cookie).type('form').send({ _csrf: humas.csrf }).expect(303);
    expect((await t.dataSource.query(`SELECT status FROM publication WHERE story_id = $1 AND channel = 'whatsapp'`, [id]))[0].status).toBe('cancelled');
  });

  it('is humas work: an operator gets the 403 page, a form post without CSRF is refused', async () => {
    const operator = await consoleLogin(t, 'operator.kebayoran');
    const denied = await t.http.get('/publikasi').set('Cookie', operator.cookie).expect(403);
    expect(denied.text).toContain('Akses ditolak');
    await t.http.get('/posting-manual').set('Cookie', operator.cookie).expect(403);
    await t.http.post('/publikasi/jeda').set('Cookie', humas.cookie).type('form').send({ unitCode: 'POLRES-JAKSEL', reason: 'tanpa token' }).expect(403);
    const [{ n }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM publishing_pause WHERE reason = 'tanpa token'`);
    expect(n).toBe(0);
  });
});
