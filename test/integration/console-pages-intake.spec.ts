import { consoleLogin, type ConsoleSession } from '../support/console-session';
import { createTestApp, type TestApp } from '../support/test-app';

/** The console's intake forms: the API's DTO messages beside the fields, values kept, the same rules. */
describe('console intake forms', () => {
  let t: TestApp;
  let operator: ConsoleSession;

  const validComplaint = (ref: string) => ({
    externalRef: ref, unitCode: 'POLSEK-KEBAYORAN-BARU', category: 'curanmor', channel: 'whatsapp',
    receivedAt: '2026-11-02T07:45', resolvedAt: '2026-11-02T16:30',
    'location.subdistrict': 'Gunung', 'location.district': 'Kebayoran Baru', 'location.city': 'Jakarta Selatan',
    summary: 'Warga melapor motornya hilang, hubungi 0812-8877-1234 untuk info.', resolution: 'Motor ditemukan dan dikembalikan.',
    'stages[0].at': '2026-11-02T08:00', 'stages[0].label': 'Petugas tiba di lokasi', 'stages[1].at': '', 'stages[1].label': '',
    'complainant.name': 'Andreas Wibowo', 'complainant.phone': '0812-8877-1234', 'consent.level': 'initials', 'consent.quote': 'true',
    quote: 'Terima kasih, motor saya kembali.',
  });

  beforeAll(async () => {
    t = await createTestApp();
    operator = await consoleLogin(t, 'operator.kebayoran');
  });
  afterAll(() => t.close());

  it('shows the complaint form with the operator’s unit chosen and the CSRF field', async () => {
    const page = await t.http.get('/pengaduan/baru').set('Cookie', operator.cookie).expect(200);
    expect(page.text).toContain('name="_csrf"');
    expect(page.text).toMatch(/<option value="POLSEK-KEBAYORAN-BARU" selected>/);
    expect(page.text).toContain('name="location.subdistrict"');
    expect(page.text).toContain('data-photo-upload');
    expect(page.text).toContain('Tahap 1');
    expect(page.text).not.toContain('[object Object]');
  });

  it('re-renders refused input with each field’s message and every value kept (escaped)', async () => {
    const before = await t.dataSource.query(`SELECT count(*)::int AS n FROM complaint`);
    const response = await t.http.post('/pengaduan/baru').set('Cookie', operator.cookie).type('form').send({
      _csrf: operator.csrf, ...validComplaint('<b>REF 1</b>'), summary: '', 'complainant.phone': 'call me', 'location.city': '"Jakarta" <Selatan>',
      mediaIds: '5f0c2a4e-8d2b-4a51-9a57-0d6f1f1c2b3a',
    }).expect(400);
    const html = response.text;
    // the API's rules in Indonesian, naming each field by its label, next to their inputs
    expect(html).toMatch(/id="f-externalRef-error">Nomor referensi laporan hanya boleh berisi huruf, angka, spasi/);
    expect(html).toMatch(/id="f-summary-error">Ringkasan laporan wajib diisi\./);
    expect(html).toMatch(/id="f-complainant_phone-error">Telepon pelapor harus berupa nomor telepon/);
    expect(html).toMatch(/name="summary"[^>]*aria-invalid="true"/);
    // values kept, escaped
    expect(html).toContain('value="&lt;b&gt;REF 1&lt;/b&gt;"');
    expect(html).toContain('value="&quot;Jakarta&quot; &lt;Selatan&gt;"');
    expect(html).toContain('value="2026-11-02T07:45"');
    expect(html).toMatch(/<option value="curanmor" selected>/);
    expect(html).toMatch(/value="initials" checked/);
    expect(html).not.toContain('<b>REF 1</b>');
    // a photo uploaded before the refusal stays attached to the form
    expect(html).toMatch(/data-media-id="5f0c2a4e-8d2b-4a51-9a57-0d6f1f1c2b3a"[\s\S]*?<input type="hidden" name="mediaIds" value="5f0c2a4e-8d2b-4a51-9a57-0d6f1f1c2b3a">/);
    const after = await t.dataSource.query(`SELECT count(*)::int AS n FROM complaint`);
    expect(after[0].n).toBe(before[0].n);
  });

  it('reports service rules on their field too (resolved before received)', async () => {
    const response = await t.http.post('/pengaduan/baru').set('Cookie', operator.cookie).type('form')
      .send({ _csrf: operator.csrf, ...validComplaint('LP-ORDER-1'), resolvedAt: '2026-11-01T07:00' }).expect(400);
    expect(response.text).toMatch(/id="f-resolvedAt-error">Selesai ditangani tidak boleh sebelum waktu Diterima\./);
  });

  it('saves a valid complaint in the unit’s zone and shows what was masked and the consent', async () => {
    const posted = await t.http.post('/pengaduan/baru').set('Cookie', operator.cookie).type('form')
      .send({ _csrf: operator.csrf, ...validComplaint('LP-CONSOLE-1') }).expect(303);
    const [, id] = /^\/pengaduan\/([0-9a-f-]{36})$/.exec(posted.headers.location)!;
    const [row] = await t.dataSource.query(`SELECT received_at, summary, consent_level, consent_quote FROM complaint WHERE id = $1`, [id]);
    expect(new Date(row.received_at).toISOString()).toBe('2026-11-02T00:45:00.000Z'); // 07:45 WIB
    expect(row.summary).not.toContain('0812');
    expect(row).toMatchObject({ consent_level: 'initials', consent_quote: true });
    const result = await t.http.get(posted.headers.location).set('Cookie', operator.cookie).expect(200);
    expect(result.text).toContain('Ringkasan laporan');
    expect(result.text).toContain('data-redaction-kind="nomor telepon"');
    expect(result.text).toContain('Inisial saja');
    expect(result.text).toContain('A.W.');
    expect(result.text).toMatch(/href="\/cerita\/[0-9a-f-]{36}"/);
  });

  it('refuses a form post without the CSRF token', async () => {
    const response = await t.http.post('/pengaduan/baru').set('Cookie', operator.cookie).type('form').send(validComplaint('LP-NOCSRF')).expect(403);
    expect(response.text).toContain('Formulir kedaluwarsa');
    const rows = await t.dataSource.query(`SELECT 1 FROM complaint WHERE external_ref = 'LP-NOCSRF'`);
    expect(rows).toHaveLength(0);
  });

  it('keeps forms to the roles the API allows', async () => {
    const commander = await consoleLogin(t, 'kapolsek.kebayoran');
    await t.http.get('/pengaduan/baru').set('Cookie', commander.cookie).expect(403);
    await t.http.get('/prestasi/baru').set('Cookie', commander.cookie).expect(200);
    await t.http.get('/prestasi/baru').set('Cookie', operator.cookie).expect(403);
    // another unit's operator cannot read the result of this unit's complaint
    const makassar = await consoleLogin(t, 'operator.panakkukang');
    const [{ id }] = await t.dataSource.query(`SELECT id FROM complaint WHERE external_ref = 'LP-CONSOLE-1'`);
    await t.http.get(`/pengaduan/${id}`).set('Cookie', makassar.cookie).expect(404);
  });

  it('turns feedback ratings and achievements rows into the API’s shapes', async () => {
    const feedback = await t.http.post('/umpan-balik/baru').set('Cookie', operator.cookie).type('form').send({
      _csrf: operator.csrf, unitCode: 'POLSEK-KEBAYORAN-BARU', serviceType: 'skck', rating: '5', text: 'Pelayanan cepat, email saya budi@contoh.id',
      source: 'survey', receivedAt: '2026-11-03T09:00', 'author.name': 'Budi Santoso', 'consent.level': 'anonymous', 'consent.quote': 'true',
    }).expect(303);
    const page = await t.http.get(feedback.headers.location).set('Cookie', operator.cookie).expect(200);
    expect(page.text).toContain('data-redaction-kind="alamat email"');
    const commander = await consoleLogin(t, 'kapolsek.kebayoran');
    const achievement = await t.http.post('/prestasi/baru').set('Cookie', commander.cookie).type('form').send({
      _csrf: commander.csrf, unitCode: 'POLSEK-KEBAYORAN-BARU', title: 'Polsek Kebayoran Baru Gelar Patroli Subuh', activityType: 'patroli',
      happenedAt: '2026-11-04T05:00', 'location.place': 'Taman Puring', 'location.city': 'Jakarta Selatan', narrative: 'Patroli subuh bersama warga.',
      'participants[0].rank': 'Kompol', 'participants[0].name': 'Doni Saputra', 'participants[0].position': 'Kapolsek', 'participants[1].name': '',
      'quotes[0].speaker.name': 'Doni Saputra', 'quotes[0].speaker.rank': 'Kompol', 'quotes[0].text': 'Kami hadir untuk warga.',
    }).expect(303);
    const [, id] = /^\/prestasi\/([0-9a-f-]{36})$/.exec(achievement.headers.location)!;
    const [row] = await t.dataSource.query(`SELECT participants, quotes FROM achievement WHERE id = $1`, [id]);
    expect(row.participants).toEqual([{ rank: 'Kompol', name: 'Doni Saputra', position: 'Kapolsek' }]);
    expect(row.quotes).toEqual([{ speaker: { rank: 'Kompol', name: 'Doni Saputra' }, text: 'Kami hadir untuk warga.' }]);
  });
});
