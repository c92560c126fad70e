import { FixedClock } from '../../src/common/clock';
import { Dispatcher } from '../../src/publishing/dispatcher.service';
import { consoleLogin, type ConsoleSession, hiddenValue } from '../support/console-session';
import { bearer, createTestApp, type TestApp } from '../support/test-app';

let seq = 0;
const complaint = (over: Record<string, unknown> = {}) => ({
  externalRef: `HARIAN-${++seq}`, unitCode: 'POLSEK-KEBAYORAN-BARU', category: 'kemacetan', channel: 'call_center_110',
  receivedAt: '2026-11-10T00:45:00Z', resolvedAt: '2026-11-10T01:30:00Z',
  location: { subdistrict: 'Gunung', district: 'Kebayoran Baru', city: 'Jakarta Selatan' },
  summary: `Kemacetan panjang di persimpangan Gunung, laporan ${seq}.`, resolution: 'Petugas mengatur arus hingga lancar.',
  complainant: { name: 'Budi' }, consent: { level: 'none', quote: false }, ...over,
});
const form = (over: Record<string, string> = {}) => ({
  externalRef: `LP/B/${++seq}/XI/2026/SPKT/Polsek KBY`, unitCode: 'POLSEK-KEBAYORAN-BARU', category: 'curanmor', channel: 'whatsapp',
  receivedAt: '2026-11-18T07:45', resolvedAt: '2026-11-18T16:30',
  'location.subdistrict': 'Gunung', 'location.district': 'Kebayoran Baru', 'location.city': 'Jakarta Selatan',
  summary: 'Motor warga hilang di parkiran pasar.', resolution: 'Motor ditemukan dan dikembalikan.',
  'complainant.name': 'Andreas Wibowo', 'consent.level': 'initials', ...over,
});

/** Issue 19 in the console, page by page (the browser tests drive the same pages in Chromium). */
describe('console: daily use', () => {
  const clock = new FixedClock(new Date('2026-11-20T02:00:00Z'));
  let t: TestApp;
  let operator: ConsoleSession;
  let humas: ConsoleSession;
  let parent: ConsoleSession;
  let admin: ConsoleSession;

  beforeAll(async () => {
    t = await createTestApp({ clock, env: { DISPATCH_INTERVAL_MS: '0' } });
    [operator, humas, parent, admin] = [
      await consoleLogin(t, 'operator.kebayoran'), await consoleLogin(t, 'humas.kebayoran'), await consoleLogin(t, 'humas.jaksel'), await consoleLogin(t, 'admin'),
    ];
  });
  afterAll(() => t.close());

  const get = (s: ConsoleSession, url: string) => t.http.get(url).set('Cookie', s.cookie);
  const post = (s: ConsoleSession, url: string, body: Record<string, string | string[]>) =>
    t.http.post(url).set('Cookie', s.cookie).type('form').send({ _csrf: s.csrf, ...body });
  const flashOf = (response: { headers: Record<string, unknown> }) => {
    const raw = /gaung_flash=([^;]+)/.exec(String(response.headers['set-cookie'] ?? ''))?.[1];
    return raw ? (JSON.parse(decodeURIComponent(raw)) as { kind: string; text: string }) : null;
  };
  const storyOf = async (externalRef: string) =>
    (await t.dataSource.query(`SELECT s.id, s.status FROM complaint c JOIN story s ON s.source_id = c.id WHERE c.external_ref = $1`, [externalRef]))[0];

  it('shows every problem of an intake form at once, in Indonesian with the field labels, keeping every value and photo', async () => {
    const before = await t.dataSource.query(`SELECT count(*)::int AS n FROM complaint`);
    const response = await post(operator, '/pengaduan/baru', {
      ...form({ 'location.subdistrict': '', 'location.district': '', 'location.city': '', 'complainant.name': '', resolvedAt: '2026-11-18T06:00', category: '' }),
      summary: 'x'.repeat(2001), mediaIds: '5f0c2a4e-8d2b-4a51-9a57-0d6f1f1c2b3a',
    }).expect(400);
    const html = response.text;
    const list = /<ul data-error-list>([\s\S]*?)<\/ul>/.exec(html)?.[1] ?? '';
    // the DTO's problems and the time rule's, in one answer, each linked to its input
    for (const text of ['Pilih kategori dari daftar.', 'Selesai ditangani tidak boleh sebelum waktu Diterima.', 'Lokasi wajib diisi.',
      'Ringkasan laporan terlalu panjang: paling banyak 2.000 karakter.', 'Pelapor wajib diisi.']) {
      expect(list).toContain(text);
    }
    expect(list).toContain('href="#f-resolvedAt"');
    expect(list).toContain('href="#f-location"');
    expect(html).toMatch(/id="f-resolvedAt-error">Selesai ditangani tidak boleh sebelum waktu Diterima\./);
    expect(html).not.toMatch(/must be|is required|should not/);
    expect(html).toContain('value="2026-11-18T06:00"');
    expect(html).toContain('x'.repeat(2001)); // nothing cut
    expect(html).toMatch(/data-media-id="5f0c2a4e-8d2b-4a51-9a57-0d6f1f1c2b3a"/);
    expect((await t.dataSource.query(`SELECT count(*)::int AS n FROM complaint`))[0].n).toBe(before[0].n);
    // limits are shown, not enforced by cutting (no maxlength on the fields)
    expect(html).toMatch(/<textarea id="f-summary"[^>]*data-max-chars="2000"/);
    expect(html).not.toMatch(/<textarea id="f-summary"[^>]*maxlength=/);
  });

  it('sends a complaint entered by an operator straight to review, names who approves, and shows each role what waits for them', async () => {
    const values = form();
    const saved = await post(operator, '/pengaduan/baru', values).expect(303);
    expect(flashOf(saved)?.text).toBe('Laporan pengaduan tersimpan. Ceritanya sudah dikirim ke Humas untuk ditinjau.');
    const story = await storyOf(values.externalRef);
    expect(story.status).toBe('in_review');
    const result = await get(operator, saved.headers.location).expect(200);
    expect(result.text).toContain('Cerita sudah dikirim ke Humas untuk ditinjau.');
    expect(result.text).toContain('Menunggu persetujuan: Humas Polsek Kebayoran Baru (atau satuan di atasnya)');
    const notified = await t.dataSource.query(
      `SELECT u.username FROM notification n JOIN app_user u ON u.id = n.user_id WHERE n.story_id = $1 AND n.kind = 'submitted'`, [story.id]);
    expect(notified.map((n: { username: string }) => n.username)).toContain('humas.kebayoran');

    const humasHome = await get(humas, '/').expect(200);
    expect(humasHome.text).toMatch(new RegExp(`data-waiting-list>[\\s\\S]*?/cerita/${story.id}`));
    expect(humasHome.text).toMatch(/<strong data-count="new">[1-9]/);
    const operatorHome = await get(operator, '/').expect(200);
    expect(operatorHome.text).toMatch(new RegExp(`data-mine-list>[\\s\\S]*?/cerita/${story.id}[\\s\\S]*?Menunggu persetujuan: Humas Polsek Kebayoran Baru`));
    // no panel the operator cannot open (manual posting is Humas's)
    expect(operatorHome.text).not.toContain('/posting-manual');
    expect(operatorHome.text).not.toContain('data-count="publication-problems"');

    // the story page says who approves and under which policy; the author gets no "reject"
    const page = await get(operator, `/cerita/${story.id}`).expect(200);
    expect(page.text).toContain('data-waiting-for>Menunggu persetujuan: Humas Polsek Kebayoran Baru');
    expect(page.text).toContain('Kebijakan satuan: disetujui satu Humas dari satuan ini atau satuan di atasnya.');
    expect(page.text).not.toContain(`/cerita/${story.id}/tolak`);
    const approverPage = await get(humas, `/cerita/${story.id}`).expect(200);
    expect(approverPage.text).toMatch(/<button type="submit" class="primary">Setujui<\/button>/);
    expect(approverPage.text).toContain('<summary>Kembalikan ke penulis</summary>');
  });

  it('closes the loop of a rejected story: the operator corrects the report and it goes back to review with new drafts', async () => {
    const values = form({ summary: 'Motor hilang di parkiran.' });
    await post(operator, '/pengaduan/baru', values).expect(303);
    const story = await storyOf(values.externalRef);
    await post(humas, `/cerita/${story.id}/tolak`, { reason: 'Lokasi kejadian kurang jelas, sebut nama pasarnya.' }).expect(303);
    const home = await get(operator, '/').expect(200);
    expect(home.text).toContain('Dikembalikan kepada Anda: Lokasi kejadian kurang jelas');
    const page = await get(operator, `/cerita/${story.id}`).expect(200);
    const [{ id: complaintId }] = await t.dataSource.query(`SELECT id FROM complaint WHERE external_ref = $1`, [values.externalRef]);
    expect(page.text).toContain(`href="/pengaduan/${complaintId}/koreksi"`);
    expect(page.text).toMatch(/class="button primary" href="\/pengaduan\/[0-9a-f-]+\/koreksi" data-correct/);

    const correction = await get(operator, `/pengaduan/${complaintId}/koreksi`).expect(200);
    expect(correction.text).toContain('Motor hilang di parkiran.');
    expect(correction.text).toContain('value="2026-11-18T07:45"'); // stored instants back in WIB
    const refused = await post(operator, `/pengaduan/${complaintId}/koreksi`, { ...correctionForm(correction.text), summary: '' }).expect(400);
    expect(refused.text).toContain('Ringkasan laporan wajib diisi.');
    const done = await post(operator, `/pengaduan/${complaintId}/koreksi`, {
      ...correctionForm(correction.text), summary: 'Motor hilang di parkiran Pasar Mayestik, ditemukan dalam 9 jam.',
    }).expect(303);
    expect(done.headers.location).toBe(`/cerita/${story.id}`);
    expect(flashOf(done)?.text).toMatch(/^Koreksi tersimpan; 7 draf dibuat ulang dari data yang dikoreksi\. Cerita dikirim lagi ke Humas untuk ditinjau\.$/);
    const [after] = await t.dataSource.query(`SELECT s.status, c.summary FROM story s JOIN complaint c ON c.id = s.source_id WHERE s.id = $1`, [story.id]);
    expect(after).toEqual({ status: 'in_review', summary: 'Motor hilang di parkiran Pasar Mayestik, ditemukan dalam 9 jam.' });
    const trail = await t.dataSource.query(`SELECT action FROM audit_event WHERE subject_id = $1 ORDER BY at, action`, [story.id]);
    expect(trail.map((e: { action: string }) => e.action)).toEqual(expect.arrayContaining(['story.reject', 'complaint.correct', 'story.submit']));
    // another operator may not correct it, and a story in review is not corrected
    await get(await consoleLogin(t, 'operator.panakkukang'), `/pengaduan/${complaintId}/koreksi`).expect(404);
    await get(operator, `/pengaduan/${complaintId}/koreksi`).expect(409);
  });

  it('keeps a form posted after the session ended: the login explains and sends the officer back to put it in again', async () => {
    const expired = await t.http.post('/pengaduan/baru').set('Cookie', 'gaung_session=expired-session-token')
      .set('Host', 'gaung.test').set('Referer', 'http://gaung.test/pengaduan/baru')
      .type('form').send({ _csrf: 'old', summary: 'x' }).expect(303);
    expect(expired.headers.location).toBe('/login?next=%2Fpengaduan%2Fbaru&sesi=habis');
    const login = await t.http.get(expired.headers.location).expect(200);
    expect(login.text).toContain('data-session-expired');
    expect(login.text).toContain('name="restore" value="1"');
    const cookie = /gaung_login_csrf=([^;]+)/.exec(String(login.headers['set-cookie']))![1];
    const back = await t.http.post('/login').set('Cookie', `gaung_login_csrf=${cookie}`).type('form')
      .send({ _csrf: hiddenValue(login.text, '_csrf'), username: 'operator.kebayoran', password: 'gaung-demo-2026', next: '/pengaduan/baru', restore: '1' }).expect(303);
    expect(back.headers.location).toBe('/pengaduan/baru?pulihkan=1');
    // an ordinary login goes to the page as it was
    const plain = await t.http.get('/login?next=%2Fcerita').expect(200);
    expect(plain.text).not.toContain('data-session-expired');
  });

  it('shows a pause on every page of the paused unit, with its name and the reason, and nowhere else', async () => {
    await post(parent, '/publikasi/jeda', { unitCode: 'POLSEK-KEBAYORAN-BARU', reason: 'Akun Instagram diretas, periksa dulu.' }).expect(303);
    for (const path of ['/', '/cerita', '/notifikasi']) {
      const page = await get(operator, path).expect(200);
      expect(page.text).toMatch(/data-pause-banner>\s*<p><strong>Penerbitan dijeda: Polsek Kebayoran Baru<\/strong>[^<]*Alasan: Akun Instagram diretas, periksa dulu\./);
    }
    expect((await get(parent, '/cerita').expect(200)).text).toContain('Penerbitan dijeda di satuan bawahan: Polsek Kebayoran Baru');
    expect((await get(await consoleLogin(t, 'humas.jaktim'), '/cerita').expect(200)).text).not.toContain('data-pause-banner');
    await post(parent, '/publikasi/lanjut', { unitCode: 'POLSEK-KEBAYORAN-BARU' }).expect(303);
    expect((await get(operator, '/').expect(200)).text).not.toContain('data-pause-banner');
  });

  /** A complaint's story approved for these channels and scheduled at `at`. */
  const scheduled = async (channels: string[], at: string) => {
    const operatorToken = await t.login('operator.kebayoran');
    const { body } = await t.http.post('/api/v1/complaints').set(bearer(operatorToken)).send(complaint()).expect(201);
    await t.http.post(`/api/v1/stories/${body.storyId}/submit`).set(bearer(operatorToken)).expect(200);
    const approver = await t.login('humas.jaksel');
    await t.http.post(`/api/v1/stories/${body.storyId}/approve`).set(bearer(approver)).send({ channels }).expect(200);
    await t.http.post(`/api/v1/stories/${body.storyId}/schedule`).set(bearer(approver)).send({ at }).expect(200);
    return body.storyId as string;
  };

  it('reschedules and cancels per channel on the story page, offers only what applies, and says only what happened', async () => {
    const id = await scheduled(['website', 'x'], '2026-11-21T02:00:00Z');
    const page = await get(humas, `/cerita/${id}`).expect(200);
    // both channels already scheduled: no schedule form, a reschedule form per channel
    expect(page.text).not.toContain('id="form-schedule"');
    expect(page.text).toContain(`action="/cerita/${id}/publikasi/x/ubah-jadwal"`);
    const moved = await post(humas, `/cerita/${id}/publikasi/x/ubah-jadwal`, { at: '2026-11-22T10:15' }).expect(303);
    expect(flashOf(moved)?.text).toBe('Jadwal X dipindah ke 22/11/2026 10.15 WIB.');
    const rows = await t.dataSource.query(`SELECT channel, due_at FROM publication WHERE story_id = $1 ORDER BY channel`, [id]);
    expect(rows.map((r: { channel: string; due_at: Date }) => [r.channel, r.due_at.toISOString()])).toEqual([
      ['website', '2026-11-21T02:00:00.000Z'], ['x', '2026-11-22T03:15:00.000Z'],
    ]);
    // scheduling channels that already have a publication changes nothing, and says so
    const again = await post(parent, `/cerita/${id}/jadwalkan`, { channels: ['x'], at: '2026-11-25T09:00' }).expect(303);
    expect(flashOf(again)?.text).toMatch(/^Tidak ada kanal baru yang dijadwalkan\. Sudah punya publikasi, tidak diubah: X/);
    await post(humas, `/cerita/${id}/publikasi/x/batal`, {}).expect(303);
    const after = await get(humas, `/cerita/${id}`).expect(200);
    expect(after.text).not.toContain(`action="/cerita/${id}/publikasi/x/ubah-jadwal"`);
    expect(after.text).toContain('id="form-schedule"'); // X can be scheduled again
  });

  it('shows the week\'s publications in the calendar in the unit\'s zone, filtered, and moves one from there', async () => {
    const id = await scheduled(['website', 'x'], '2026-11-24T23:30:00Z'); // Wednesday 25 November, 06.30 WIB
    const week = await get(humas, '/kalender?tampilan=minggu&tanggal=2026-11-25').expect(200);
    expect(week.text).toMatch(new RegExp(`data-day="2026-11-25"[\\s\\S]*?data-calendar-item="${id}-x"[\\s\\S]*?</li>`));
    expect(week.text).toMatch(new RegExp(`data-calendar-item="${id}-website">\\s*<span class="cal-time">06.30 WIB</span>`));
    const onlyX = await get(humas, '/kalender?tampilan=minggu&tanggal=2026-11-25&kanal=x').expect(200);
    expect(onlyX.text).toContain(`data-calendar-item="${id}-x"`);
    expect(onlyX.text).not.toContain(`data-calendar-item="${id}-website"`);
    const month = await get(humas, '/kalender?tampilan=bulan&tanggal=2026-11-01').expect(200);
    expect(month.text).toContain('November 2026');
    expect(month.text).toContain(`data-calendar-item="${id}-x"`);
    const moved = await post(humas, `/cerita/${id}/publikasi/x/ubah-jadwal`, {
      at: '2026-11-26T08:00', back: '/kalender', view: 'tampilan=minggu&tanggal=2026-11-25',
    }).expect(303);
    expect(moved.headers.location).toBe('/kalender?tampilan=minggu&tanggal=2026-11-25');
    const after = await get(humas, '/kalender?tampilan=minggu&tanggal=2026-11-25').expect(200);
    expect(after.text).toMatch(new RegExp(`data-day="2026-11-26"[\\s\\S]*?data-calendar-item="${id}-x"`));
    // another Polres sees none of it
    expect((await get(await consoleLogin(t, 'humas.jaktim'), '/kalender?tanggal=2026-11-25').expect(200)).text).not.toContain(id);
  });

  it('lists every publication in the log and exports it as CSV in Indonesian words', async () => {
    const id = await scheduled(['website', 'whatsapp'], '2026-11-19T02:00:00Z');
    await t.dataSource.query(`UPDATE story SET title = '=HYPERLINK("http://evil.example")' WHERE id = $1`, [id]);
    await t.app.get(Dispatcher).tick();
    await t.app.get(Dispatcher).tick();
    await post(humas, `/cerita/${id}/publikasi/whatsapp/konfirmasi`, { target: 'Grup RT 05 Gunung' }).expect(303);
    const page = await get(humas, '/publikasi/log?dari=2026-11-01&sampai=2026-11-30').expect(200);
    expect(page.text).toMatch(new RegExp(`data-log-row="${id}-whatsapp"[\\s\\S]*?Grup RT 05 Gunung[\\s\\S]*?humas.kebayoran`));
    const csv = await get(humas, '/publikasi/log.csv?dari=2026-11-01&sampai=2026-11-30&kanal=whatsapp').expect(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.text.charCodeAt(0)).toBe(0xfeff);
    const lines = csv.text.slice(1).split('\r\n');
    expect(lines[0]).toBe('"Waktu","Zona","Satuan","Kode Satuan","Judul Cerita","Kanal","Akun","Cara","Status","URL","Grup/Akun Tujuan","Dikonfirmasi Oleh","ID Cerita"');
    const row = lines.find((l) => l.includes(id))!;
    expect(row).toContain('"WhatsApp","","Manual","Terbit","","Grup RT 05 Gunung","humas.kebayoran"');
    expect(row).toContain(`"'=HYPERLINK(""http://evil.example"")"`);
    expect(csv.text).not.toMatch(/"published"|"whatsapp"|"complaint"/);
    await get(operator, '/publikasi/log').expect(403);
  });

  it('lets the admin see and end a lockout, reset a password and change a role and unit', async () => {
    await t.dataSource.query(`UPDATE app_user SET failed_logins = 5, locked_until = $1 WHERE username = 'humas.jaktim'`, [new Date('2026-11-20T02:15:00Z')]);
    const [{ id }] = await t.dataSource.query(`SELECT id FROM app_user WHERE username = 'humas.jaktim'`);
    const list = await get(admin, '/admin/pengguna?unitCode=POLRES-JAKTIM').expect(200);
    expect(list.text).toMatch(/data-user="humas.jaktim"[\s\S]*?data-user-state="locked">terkunci/);
    const page = await get(admin, `/admin/pengguna/${id}`).expect(200);
    expect(page.text).toContain('data-user-state="locked"');
    await post(admin, `/admin/pengguna/${id}/buka-kunci`, {}).expect(303);
    const [row] = await t.dataSource.query(`SELECT failed_logins, locked_until FROM app_user WHERE id = $1`, [id]);
    expect(row).toEqual({ failed_logins: 0, locked_until: null });
    const adminToken = await t.login('admin');
    expect((await t.http.post(`/api/v1/users/${id}/unlock`).set(bearer(adminToken)).expect(409)).body.code).toBe('not_locked');
    await t.http.post(`/api/v1/users/${id}/unlock`).set(bearer(await t.login('humas.jaksel'))).expect(403);

    const session = await consoleLogin(t, 'humas.jaktim');
    const short = await post(admin, `/admin/pengguna/${id}/kata-sandi`, { password: 'pendek' }).expect(303);
    expect(flashOf(short)?.text).toMatch(/Kata sandi paling sedikit 12 karakter/);
    await post(admin, `/admin/pengguna/${id}/kata-sandi`, { password: 'kata-sandi-baru-2026' }).expect(303);
    await get(session, '/notifikasi').expect(303); // signed out everywhere
    await consoleLogin(t, 'humas.jaktim', 'kata-sandi-baru-2026');

    const changed = await post(admin, `/admin/pengguna/${id}`, { displayName: 'Bripka Sari', rank: 'Bripka', role: 'commander', unitCode: 'POLRES-JAKSEL' }).expect(303);
    expect(flashOf(changed)?.kind).toBe('success');
    const [user] = await t.dataSource.query(`SELECT u.role, n.code FROM app_user u JOIN unit n ON n.id = u.unit_id WHERE u.id = $1`, [id]);
    expect(user).toEqual({ role: 'commander', code: 'POLRES-JAKSEL' });
    const refused = await post(admin, `/admin/pengguna/${id}`, { displayName: '', role: 'humas', unitCode: '' }).expect(400);
    expect(refused.text).toContain('Nama tampilan wajib diisi.');
  });

  it('serves a favicon at /favicon.ico (browsers ask for it on every page)', async () => {
    const icon = await t.http.get('/favicon.ico').buffer(true).parse((res, done) => {
      let text = '';
      res.on('data', (chunk: Buffer) => (text += chunk.toString()));
      res.on('end', () => done(null, text));
    }).expect(200);
    expect(icon.headers['content-type']).toMatch(/image\/svg\+xml/);
    expect(icon.body as string).toMatch(/^<svg /);
  });
});

/** The correction form's own values (inputs and textareas), as a browser would send them back. */
function correctionForm(html: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of html.matchAll(/<input id="[^"]*" name="([^"]+)" type="(?:text|datetime-local)" value="([^"]*)"/g)) out[m[1]] = decode(m[2]);
  for (const m of html.matchAll(/<textarea id="[^"]*" name="([^"]+)"[^>]*>([^<]*)<\/textarea>/g)) out[m[1]] = decode(m[2]);
  for (const m of html.matchAll(/<select id="[^"]*" name="([^"]+)"[\s\S]*?<option value="([^"]*)" selected>/g)) out[m[1]] = m[2];
  return out;
}

const decode = (text: string) => text.replace(/&#x3D;/g, '=').replace(/&quot;/g, '"').replace(/&#x27;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
