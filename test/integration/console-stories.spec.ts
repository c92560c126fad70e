import { FixedClock } from '../../src/common/clock';
import { StoriesService } from '../../src/stories/stories.service';
import { consoleLogin, type ConsoleSession } from '../support/console-session';
import { bearer, createTestApp, type TestApp } from '../support/test-app';

const HOSTILE = '<script>alert("x")</script><img src=x onerror=alert(1)>';
let seq = 0;
const complaint = (summary = `Kemacetan di persimpangan, laporan ${seq}.`) => ({
  externalRef: `CONSOLE-${++seq}`, unitCode: 'POLSEK-KEBAYORAN-BARU', category: 'kemacetan', channel: 'call_center_110',
  receivedAt: '2026-11-10T00:45:00Z', resolvedAt: '2026-11-10T01:30:00Z',
  location: { subdistrict: 'Gunung', district: 'Kebayoran Baru', city: 'Jakarta Selatan' },
  summary, resolution: 'Petugas mengatur arus hingga lancar.',
  stages: [{ at: '2026-11-10T00:58:00Z', label: 'Petugas tiba' }], complainant: { name: 'Budi' }, consent: { level: 'none', quote: false },
});

describe('console: story list, story page and its actions', () => {
  const clock = new FixedClock(new Date('2026-11-20T02:00:00Z'));
  let t: TestApp;
  let operatorToken: string;
  let operator: ConsoleSession;
  let humas: ConsoleSession;
  let parentHumas: ConsoleSession;
  let commander: ConsoleSession;

  beforeAll(async () => {
    t = await createTestApp({ clock, env: { DISPATCH_INTERVAL_MS: '0' } });
    operatorToken = await t.login('operator.kebayoran');
    [operator, humas, parentHumas, commander] = [
      await consoleLogin(t, 'operator.kebayoran'), await consoleLogin(t, 'humas.kebayoran'),
      await consoleLogin(t, 'humas.jaksel'), await consoleLogin(t, 'kapolsek.kebayoran'),
    ];
  });
  afterAll(() => t.close());

  const newStory = async (summary?: string) => {
    const { body } = await t.http.post('/api/v1/complaints').set(bearer(operatorToken)).send(complaint(summary)).expect(201);
    return body.storyId as string;
  };
  const get = (s: ConsoleSession, url: string) => t.http.get(url).set('Cookie', s.cookie);
  const post = (s: ConsoleSession, url: string, form: Record<string, string | string[]>, csrf = true) =>
    t.http.post(url).set('Cookie', s.cookie).type('form').send({ ...(csrf ? { _csrf: s.csrf } : {}), ...form });
  const flashOf = (response: { headers: Record<string, unknown> }) => {
    const cookie = String(response.headers['set-cookie'] ?? '');
    const raw = /gaung_flash=([^;]+)/.exec(cookie)?.[1];
    return raw ? JSON.parse(decodeURIComponent(raw)) as { kind: string; text: string } : null;
  };

  it('escapes hostile story text everywhere it is shown', async () => {
    const id = await newStory(`Laporan ${HOSTILE} selesai.`);
    const page = await get(humas, `/cerita/${id}`).expect(200);
    expect(page.text).not.toContain('<script>alert');
    expect(page.text).not.toContain('<img src=x');
    expect(page.text).toContain('&lt;script&gt;alert');
    await post(humas, `/cerita/${id}/komentar`, { body: HOSTILE }).expect(303);
    const again = await get(humas, `/cerita/${id}`).expect(200);
    expect(again.text).not.toContain('<script>alert');
    expect((again.text.match(/&lt;script&gt;alert/g) ?? []).length).toBeGreaterThanOrEqual(2);
    // a script tag in the page is only ever one of ours, loaded from a file (strict CSP)
    for (const tag of again.text.match(/<script[^>]*>/g) ?? []) expect(tag).toMatch(/^<script src="\/(assets|konsol)\/[^"]+" defer>$/);
    const list = await get(humas, '/cerita?q=selesai').expect(200);
    expect(list.text).not.toContain('<script>alert');
  });

  it('shows each role only the actions it may take', async () => {
    const id = await newStory();
    // a draft: the operator (its author) may submit; a commander of the unit sees it but may do nothing
    const asOperator = await get(operator, `/cerita/${id}`).expect(200);
    expect(asOperator.text).toContain(`action="/cerita/${id}/ajukan"`);
    expect(asOperator.text).not.toContain(`/cerita/${id}/setujui`);
    await post(operator, `/cerita/${id}/ajukan`, {}).expect(303);

    const asCommander = await get(commander, `/cerita/${id}`).expect(200);
    expect(asCommander.text).toContain('Menunggu tinjauan');
    expect(asCommander.text).not.toContain(`/cerita/${id}/setujui`);
    expect(asCommander.text).not.toContain(`/cerita/${id}/tolak`);
    expect(asCommander.text).not.toContain(`/cerita/${id}/draf/x"`);
    // and posting the form by hand is refused as the API refuses it
    const refused = await post(commander, `/cerita/${id}/setujui`, { channels: ['website'] }).expect(403);
    expect(refused.headers['content-type']).toMatch(/text\/html/);
    expect(refused.text).toContain('Akses ditolak');

    const asHumas = await get(humas, `/cerita/${id}`).expect(200);
    expect(asHumas.text).toContain(`action="/cerita/${id}/setujui"`);
    expect(asHumas.text).toContain(`action="/cerita/${id}/tolak"`);
    expect(asHumas.text).toContain(`action="/cerita/${id}/draf/x"`);
  });

  it('edits a draft, approves with a channel left out (four eyes), and schedules in the unit\'s zone', async () => {
    const id = await newStory();
    await post(operator, `/cerita/${id}/ajukan`, {}).expect(303);
    const { body: before } = await t.http.get(`/api/v1/stories/${id}`).set(bearer(operatorToken)).expect(200);
    const x = before.drafts.find((d: { channel: string }) => d.channel === 'x');

    const edited = await post(humas, `/cerita/${id}/draf/x`, { revision: String(x.revision), body: 'Polsek Kebayoran Baru urai kemacetan dalam 45 menit. https://polri.go.id/rilis #PolriPresisi' }).expect(303);
    expect(edited.headers.location).toBe(`/cerita/${id}#draf-x`);
    expect(flashOf(edited)).toEqual({ kind: 'success', text: 'Draf X tersimpan.' });
    // the same revision again is stale: a message, nothing written
    const stale = await post(humas, `/cerita/${id}/draf/x`, { revision: String(x.revision), body: 'lagi' }).expect(303);
    expect(flashOf(stale)?.kind).toBe('error');
    const history = await get(humas, `/cerita/${id}/draf/x/riwayat`).expect(200);
    expect(history.text).toContain('<ins>');

    // the editor cannot approve (four eyes): the page hides the button and the service refuses
    expect((await get(humas, `/cerita/${id}`)).text).not.toContain(`action="/cerita/${id}/setujui"`);
    const fourEyes = await post(humas, `/cerita/${id}/setujui`, { channels: ['website', 'x'] }).expect(303);
    expect(flashOf(fourEyes)?.text).toMatch(/empat mata/);

    const channels = ['website', 'x', 'facebook', 'whatsapp', 'telegram', 'tiktok'];
    const approved = await post(parentHumas, `/cerita/${id}/setujui`, { channels }).expect(303);
    expect(flashOf(approved)).toEqual({ kind: 'success', text: 'Cerita disetujui.' });
    const [row] = await t.dataSource.query(`SELECT status, approved_channels FROM story WHERE id = $1`, [id]);
    expect(row.status).toBe('approved');
    expect(row.approved_channels).not.toContain('instagram');

    // 09:30 in Jakarta (WIB, UTC+7) is 02:30 UTC
    const scheduled = await post(parentHumas, `/cerita/${id}/jadwalkan`, { channels: ['website', 'x'], at: '2026-11-21T09:30' }).expect(303);
    // the message names what was scheduled (issue 19: never report a change that did not happen)
    expect(flashOf(scheduled)?.text).toBe('Publikasi dijadwalkan pada 21/11/2026 09.30 WIB. Kanal: Situs (rilis), X.');
    const pubs = await t.dataSource.query(`SELECT channel, due_at FROM publication WHERE story_id = $1 ORDER BY channel`, [id]);
    expect(pubs.map((p: { channel: string }) => p.channel)).toEqual(['website', 'x']);
    expect(pubs[0].due_at.toISOString()).toBe('2026-11-21T02:30:00.000Z');
    const badTime = await post(parentHumas, `/cerita/${id}/jadwalkan`, { at: '2026-13-40T99:00' }).expect(303);
    expect(flashOf(badTime)?.kind).toBe('error');
  });

  it('approves with an embargo typed in the unit\'s zone', async () => {
    const id = await newStory();
    await post(operator, `/cerita/${id}/ajukan`, {}).expect(303);
    const bad = await post(humas, `/cerita/${id}/setujui`, { channels: ['website'], embargoUntil: '2026-02-30T08:00' }).expect(303);
    expect(flashOf(bad)?.text).toMatch(/Embargo sampai/);
    const ok = await post(humas, `/cerita/${id}/setujui`, { channels: ['website'], embargoUntil: '2026-11-25T08:00' }).expect(303);
    expect(flashOf(ok)?.kind).toBe('success');
    const [row] = await t.dataSource.query(`SELECT status, embargo_until FROM story WHERE id = $1`, [id]);
    expect(row.status).toBe('approved');
    expect(row.embargo_until.toISOString()).toBe('2026-11-25T01:00:00.000Z'); // 08:00 WIB
  });

  it('shows a capped total as "at least" and still offers the next page', async () => {
    // more than one full page (25), so that the service counts, and a cap below that
    const existing = (await t.dataSource.query(`SELECT count(*)::int AS n FROM story`))[0].n;
    for (let i = existing; i < 30; i++) await newStory();
    const stories = t.app.get(StoriesService);
    const cap = stories.countCap;
    stories.countCap = 26;
    try {
      const page = await get(humas, '/cerita').expect(200);
      expect(page.text).toContain('<h2 id="h-results">26+ cerita</h2>');
      // Handlebars escapes "=" in attributes as &#x3D; (the browser reads it back as "=")
      expect(page.text).toMatch(/href="\/cerita\?halaman(=|&#x3D;)2" rel="next"/);
      const second = await get(humas, '/cerita?halaman=2').expect(200);
      expect(second.text).toContain('rel="prev"');
    } finally {
      stories.countCap = cap;
    }
  });

  it('refuses form posts without the CSRF token', async () => {
    const id = await newStory();
    const refused = await post(operator, `/cerita/${id}/ajukan`, {}, false).expect(403);
    expect(refused.text).toContain('Formulir kedaluwarsa');
    const [row] = await t.dataSource.query(`SELECT status FROM story WHERE id = $1`, [id]);
    expect(row.status).toBe('draft');
  });

  it('lists stories with filters and paging, and reports a bad filter instead of failing', async () => {
    const all = await get(humas, '/cerita').expect(200);
    expect(all.text).toMatch(/<h2 id="h-results">\d+ cerita<\/h2>/);
    const drafts = await get(humas, '/cerita?status=draft&jenis=complaint&satuan=POLSEK-KEBAYORAN-BARU').expect(200);
    expect(drafts.text).toContain('chip-draft');
    expect(drafts.text).not.toMatch(/class="chip chip-approved"/);
    const bad = await get(humas, '/cerita?status=bogus').expect(200);
    expect(bad.text).toContain('Isian belum benar.');
    const outside = await get(humas, '/cerita?satuan=POLRES-JAKTIM').expect(200);
    expect(outside.text).toContain('di luar wilayah tugas Anda');
    // another Polres's officer does not see this unit's stories at all
    const jaktim = await consoleLogin(t, 'humas.jaktim');
    expect((await get(jaktim, '/cerita')).text).toContain('<h2 id="h-results">0 cerita</h2>');
    const id = await newStory();
    await get(jaktim, `/cerita/${id}`).expect(404);
  });

  it('shows the dashboard per role and the notification badge, list and mark-read', async () => {
    const id = await newStory();
    await post(operator, `/cerita/${id}/ajukan`, {}).expect(303);
    const dash = await get(humas, '/').expect(200);
    expect(dash.text).toContain('Menunggu persetujuan Anda');
    expect(dash.text).toContain(`/cerita/${id}`);
    expect(dash.text).toContain('/assets/vendor/chart.js/chart.umd.min.js');
    const opDash = await get(operator, '/').expect(200);
    expect(opDash.text).toContain('Laporan dan cerita saya');
    // an operator cannot open manual posting: Beranda does not count it for them (issue 19 item 12)
    expect(opDash.text).not.toContain('data-count="publication-problems"');
    expect(opDash.text).not.toContain('chart.umd.min.js');

    const badge = /<span class="badge" data-unread="(\d+)">/.exec(dash.text);
    expect(Number(badge?.[1])).toBeGreaterThan(0);
    const list = await get(humas, '/notifikasi').expect(200);
    const [notification] = await t.dataSource.query(
      `SELECT n.id FROM notification n JOIN app_user u ON u.id = n.user_id WHERE u.username = 'humas.kebayoran' AND n.story_id = $1`, [id]);
    expect(list.text).toContain(`/notifikasi/${notification.id}/buka`);
    const open = await post(humas, `/notifikasi/${notification.id}/buka`, {}).expect(303);
    expect(open.headers.location).toBe(`/cerita/${id}`);
    const [row] = await t.dataSource.query(`SELECT read_at FROM notification WHERE id = $1`, [notification.id]);
    expect(row.read_at).not.toBeNull();
    // someone else's notification is not found
    await post(operator, `/notifikasi/${notification.id}/buka`, {}).expect(404);
    await post(humas, '/notifikasi/baca-semua', {}).expect(303);
    expect((await get(humas, '/')).text).not.toContain('class="badge"');
  });
});
