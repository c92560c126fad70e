import { consoleLogin, type ConsoleSession } from '../support/console-session';
import type { Response } from 'supertest';
import { bearer, createTestApp, type TestApp } from '../support/test-app';
import { FakeTelegram } from '../support/platforms/fake-telegram';

/** The flash message a form action left for the next page (its cookie, decoded). */
const flashOf = (response: Response) => decodeURIComponent(([] as string[]).concat(response.headers['set-cookie'] ?? []).join(';'));

/** Admin pages (units, users, channel accounts), templates and the anev page through console forms. */
describe('console admin, templates and anev pages', () => {
  let t: TestApp;
  let admin: ConsoleSession;
  let humas: ConsoleSession;
  // pasted API credentials are verified against the platform before they are stored (issue 21)
  const telegram = new FakeTelegram();

  beforeAll(async () => {
    await telegram.start();
    telegram.botToken = 'bot-token-that-must-never-show-1234';
    telegram.channel.id = -100123;
    t = await createTestApp({ env: { TELEGRAM_API_BASE_URL: telegram.url } });
    [admin, humas] = [await consoleLogin(t, 'admin'), await consoleLogin(t, 'humas.jaksel')];
  });
  afterAll(async () => {
    await t.close();
    await telegram.close();
  });

  it('answers the 403 page to roles that may not open admin pages', async () => {
    const operator = await consoleLogin(t, 'operator.kebayoran');
    for (const path of ['/admin', '/admin/satuan', '/admin/pengguna', '/admin/satuan/POLSEK-KEBAYORAN-BARU', '/templat']) {
      const page = await t.http.get(path).set('Cookie', operator.cookie).expect(403);
      expect(page.text).toContain('Akses ditolak');
    }
    await t.http.get('/admin/satuan').set('Cookie', humas.cookie).expect(403);
    await t.http.post('/admin/pengguna').set('Cookie', humas.cookie).type('form')
      .send({ _csrf: humas.csrf, username: 'sneaky', displayName: 'X', role: 'admin', password: 'long-enough-password' }).expect(403);
    expect(await t.dataSource.query(`SELECT 1 FROM app_user WHERE username = 'sneaky'`)).toHaveLength(0);
  });

  it('shows the unit tree and re-renders a refused new unit with field messages', async () => {
    const tree = await t.http.get('/admin/satuan').set('Cookie', admin.cookie).expect(200);
    expect(tree.text).toMatch(/data-unit="POLDA-METRO"[\s\S]*data-unit="POLRES-JAKSEL"[\s\S]*data-unit="POLSEK-KEBAYORAN-BARU"/);
    const refused = await t.http.post('/admin/satuan').set('Cookie', admin.cookie).type('form').send({
      _csrf: admin.csrf, code: 'polsek gandaria', name: 'Polsek Gandaria', level: 'polsek', parentCode: 'POLRES-JAKSEL', city: 'Jakarta Selatan',
      timezone: 'Asia/Jakarta', approvalPolicy: 'self', hashtags: '#PolriPresisi nohash', reviewSlaHours: 'sehari',
    }).expect(400);
    expect(refused.text).toMatch(/id="f-code-error">code must be 2-64 capital letters/);
    expect(refused.text).toMatch(/id="f-hashtags-error">each hashtag must look like #PolriPresisi/);
    expect(refused.text).toMatch(/id="f-reviewSlaHours-error">[^<]*reviewSlaHours must be an integer/);
    expect(refused.text).toContain('value="polsek gandaria"');
    const created = await t.http.post('/admin/satuan').set('Cookie', admin.cookie).type('form').send({
      _csrf: admin.csrf, code: 'POLSEK-GANDARIA', name: 'Polsek Gandaria', level: 'polsek', parentCode: 'POLRES-JAKSEL', city: 'Jakarta Selatan',
      timezone: 'Asia/Jakarta', approvalPolicy: 'self', hashtags: '#PolriPresisi #Gandaria', 'handles.instagram': '@polsek_gandaria', reviewSlaHours: '12',
    }).expect(303);
    expect(created.headers.location).toBe('/admin/satuan/POLSEK-GANDARIA');
    const [unit] = await t.dataSource.query(`SELECT hashtags, handles, review_sla_hours FROM unit WHERE code = 'POLSEK-GANDARIA'`);
    expect(unit).toEqual({ hashtags: ['#PolriPresisi', '#Gandaria'], handles: { instagram: '@polsek_gandaria' }, review_sla_hours: 12 });
  });

  it('sets a unit’s channel account with write-only credentials', async () => {
    const secret = 'bot-token-that-must-never-show-1234';
    await t.http.post('/admin/satuan/POLSEK-KEBAYORAN-BARU/kanal/telegram').set('Cookie', admin.cookie).type('form')
      .send({ _csrf: admin.csrf, mode: 'api', handle: '@kebayoran_info', 'credentials.botToken': secret, 'credentials.chatId': '-100123' }).expect(303);
    const page = await t.http.get('/admin/satuan/POLSEK-KEBAYORAN-BARU').set('Cookie', admin.cookie).expect(200);
    expect(page.text).toMatch(/data-channel-account="telegram"[\s\S]*kredensial tersimpan/);
    expect(page.text).toContain('value="@kebayoran_info"');
    expect(page.text).not.toContain(secret);
    // a mode the channel cannot do is refused by the same service rule as the API
    const refused = await t.http.post('/admin/satuan/POLSEK-KEBAYORAN-BARU/kanal/whatsapp').set('Cookie', admin.cookie).type('form')
      .send({ _csrf: admin.csrf, mode: 'api' }).expect(303);
    expect(flashOf(refused)).toContain('whatsapp cannot be published in api mode');
    await t.http.post('/admin/satuan/POLSEK-KEBAYORAN-BARU/kanal/whatsapp').set('Cookie', admin.cookie).type('form')
      .send({ _csrf: admin.csrf, mode: 'manual' }).expect(303);
    const rows = await t.dataSource.query(`SELECT channel, mode FROM channel_account ORDER BY channel`);
    expect(rows).toEqual([{ channel: 'telegram', mode: 'api' }, { channel: 'whatsapp', mode: 'manual' }]);
  });

  it('creates a user (field messages on refusal, password never echoed) and deactivates one', async () => {
    const refused = await t.http.post('/admin/pengguna').set('Cookie', admin.cookie).type('form')
      .send({ _csrf: admin.csrf, username: 'op.baru', displayName: 'Bripka Sari', role: 'operator', unitCode: 'POLSEK-KEBAYORAN-BARU', password: 'short-pw' }).expect(400);
    expect(refused.text).toMatch(/id="f-password-error">password must be at least 12 characters/);
    expect(refused.text).not.toContain('short-pw');
    expect(refused.text).toContain('value="op.baru"');
    await t.http.post('/admin/pengguna').set('Cookie', admin.cookie).type('form')
      .send({ _csrf: admin.csrf, username: 'op.baru', displayName: 'Bripka Sari', role: 'operator', unitCode: 'POLSEK-KEBAYORAN-BARU', password: 'a-long-enough-password' }).expect(303);
    const [{ id }] = await t.dataSource.query(`SELECT id FROM app_user WHERE username = 'op.baru'`);
    await t.http.post(`/admin/pengguna/${id}/status`).set('Cookie', admin.cookie).type('form').send({ _csrf: admin.csrf, active: 'false' }).expect(303);
    expect((await t.dataSource.query(`SELECT active FROM app_user WHERE id = $1`, [id]))[0].active).toBe(false);
    const list = await t.http.get('/admin/pengguna?unitCode=POLSEK-KEBAYORAN-BARU').set('Cookie', admin.cookie).expect(200);
    expect(list.text).toMatch(/data-user="op.baru"[\s\S]*?nonaktif/);
    expect(list.text).not.toContain('data-user="humas.jaksel"');
  });

  it('edits a template: a broken one is refused with the text kept, a good one becomes a version', async () => {
    const operator = await t.login('operator.kebayoran');
    const { body: complaint } = await t.http.post('/api/v1/complaints').set(bearer(operator)).send({
      externalRef: 'TPL-1', unitCode: 'POLSEK-KEBAYORAN-BARU', category: 'kemacetan', channel: 'call_center_110',
      receivedAt: '2026-11-10T00:45:00Z', resolvedAt: '2026-11-10T01:30:00Z',
      location: { subdistrict: 'Gunung', district: 'Kebayoran Baru', city: 'Jakarta Selatan' },
      summary: 'Kemacetan di persimpangan.', resolution: 'Arus lancar.', complainant: { name: 'Budi' }, consent: { level: 'none', quote: false },
    }).expect(201);
    const editor = await t.http.get('/templat/complaint/x').set('Cookie', humas.cookie).expect(200);
    expect(editor.text).toContain('data-template-editor');
    // the preview can use the officer's own stories, never another scope's
    expect(editor.text).toContain(`<option value="${complaint.storyId}">`);
    const jaktim = await consoleLogin(t, 'humas.jaktim');
    expect((await t.http.get('/templat/complaint/x').set('Cookie', jaktim.cookie).expect(200)).text).not.toContain(complaint.storyId);
    expect(editor.text).toContain('<option value="POLRES-JAKSEL" selected>');
    const broken = await t.http.post('/templat/complaint/x').set('Cookie', humas.cookie).type('form')
      .send({ _csrf: humas.csrf, unitCode: 'POLRES-JAKSEL', body: '{{#if unit.name}}Polres <b>' }).expect(422);
    expect(broken.text).toContain('data-template-error');
    expect(broken.text).toContain('{{#if unit.name}}Polres &lt;b&gt;');
    const body = '{{unit.name}} menuntaskan laporan warga. {{url}}';
    await t.http.post('/templat/complaint/x').set('Cookie', humas.cookie).type('form').send({ _csrf: humas.csrf, unitCode: 'POLRES-JAKSEL', body }).expect(303);
    const [row] = await t.dataSource.query(`SELECT version, active, body FROM template_override WHERE key = 'complaint/x'`);
    expect(row).toEqual({ version: 1, active: true, body });
    const history = await t.http.get('/templat/complaint/x?unitCode=POLRES-JAKSEL').set('Cookie', humas.cookie).expect(200);
    expect(history.text).toContain('data-version="POLRES-JAKSEL-1" data-active');
    // the global template is the admin's
    await t.http.post('/templat/complaint/x').set('Cookie', humas.cookie).type('form').send({ _csrf: humas.csrf, unitCode: '', body }).expect(403);
  });

  it('frames the monthly anev report for the chosen unit and month', async () => {
    const page = await t.http.get('/anev?unitCode=POLSEK-KEBAYORAN-BARU&month=2026-10').set('Cookie', humas.cookie).expect(200);
    expect(page.text).toContain('src="/api/v1/reports/monthly?month&#x3D;2026-10&amp;unitCode&#x3D;POLSEK-KEBAYORAN-BARU"');
    expect(page.text).toContain('data-print-frame="#report-frame"');
    const bad = await t.http.get('/anev?month=2026-13').set('Cookie', humas.cookie).expect(400);
    expect(bad.text).toContain('month must be YYYY-MM');
    const operator = await consoleLogin(t, 'operator.kebayoran');
    await t.http.get('/anev').set('Cookie', operator.cookie).expect(403);
  });
});
