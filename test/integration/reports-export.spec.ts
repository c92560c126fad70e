import { parse } from 'csv-parse/sync';
import { FixedClock } from '../../src/common/clock';
import { CSV_PAGE_SIZE } from '../../src/reports/stories-csv.service';
import { CONTACT, EXPECTED_JAKSEL_NOVEMBER as E, EXPECTED_JAKSEL_OCTOBER, EXPECTED_WEEKS, NOW, PAPUA_STORIES, STORIES } from '../data/reports/november-2026';
import { insertStories, type SeedIds, seedNovember } from '../data/reports/seed';
import { bearer, createTestApp, type TestApp } from '../support/test-app';

const HEADER = ['ID Cerita', 'Kode Satuan', 'Satuan', 'Jenis', 'Kategori', 'Judul', 'Slug', 'Status', 'Dibuat', 'Diajukan', 'Disetujui', 'Terbit', 'Kanal Terbit', 'Jumlah Pickup'];

/** The stories CSV and the monthly anev page, on the data set of test/data/reports/november-2026.ts. */
describe('report exports', () => {
  const clock = new FixedClock(new Date(NOW));
  let t: TestApp;
  let ids: SeedIds;
  const tokens: Record<string, string> = {};
  const get = (user: string, path: string) => t.http.get(`/api/v1/reports/${path}`).set(bearer(tokens[user])).buffer(true);

  beforeAll(async () => {
    t = await createTestApp({ clock });
    ids = await seedNovember(t.dataSource);
    await insertStories(t.dataSource, PAPUA_STORIES, ids);
    for (const user of ['admin', 'humas.jaksel', 'humas.kebayoran', 'kapolsek.kebayoran', 'operator.kebayoran', 'humas.papua']) tokens[user] = await t.login(user);
  });
  afterAll(() => t.close());

  describe('stories.csv', () => {
    const download = async (user: string, query: string) => {
      const response = await get(user, `stories.csv?${query}`).parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      });
      return { response, bytes: response.body as Buffer };
    };

    it('is UTF-8 with BOM, every cell quoted, CRLF, an attachment, and parses back to the stories', async () => {
      const { response, bytes } = await download('humas.jaksel', 'from=2026-11-01&to=2026-11-30&unitCode=POLRES-JAKSEL');
      expect(response.status).toBe(200);
      expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(response.headers['content-disposition']).toBe('attachment; filename="cerita-polres-jaksel-2026-11-01-2026-11-30.csv"');
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const text = bytes.toString('utf8').slice(1);
      const lines = text.split('\r\n');
      expect(lines.at(-1)).toBe(''); // ends with CRLF
      expect(text.replace(/\r\n/g, '')).not.toMatch(/\n/); // no bare LF anywhere
      expect(lines[0]).toBe(HEADER.map((h) => `"${h}"`).join(','));
      // every cell of every line is quoted (quotes inside doubled; no cell here holds a line break)
      const cell = '"(?:[^"]|"")*"';
      for (const line of lines.slice(0, -1)) expect(line).toMatch(new RegExp(`^${cell}(,${cell}){${HEADER.length - 1}}$`));

      const rows: Record<string, string>[] = parse(bytes, { bom: true, columns: true, record_delimiter: '\r\n' });
      expect(Object.keys(rows[0])).toEqual(HEADER);
      // the 9 November stories of the subtree, oldest first (see the data set)
      const november = ['S1', 'S6', 'S2', 'S8', 'S4', 'S13', 'S5', 'S7', 'S12'];
      expect(rows.map((r) => r['ID Cerita'])).toEqual(november.map((k) => ids[k]));
      expect(rows).toHaveLength(E.stories.total);

      const s1 = rows[0];
      expect(s1).toEqual({
        'ID Cerita': ids.S1, 'Kode Satuan': 'POLSEK-KEBAYORAN-BARU', Satuan: 'Polsek Kebayoran Baru', Jenis: 'complaint', Kategori: 'kemacetan',
        Judul: STORIES[0].title, Slug: expect.stringMatching(/^laporan-s1-/), Status: 'published',
        Dibuat: '2026-11-02T08:00:00+07:00', Diajukan: '2026-11-02T09:00:00+07:00', Disetujui: '2026-11-02T11:00:00+07:00', Terbit: '2026-11-02T12:00:00+07:00',
        'Kanal Terbit': 'website, x', 'Jumlah Pickup': '3',
      });
      const s4 = rows[4];
      expect(s4['Kanal Terbit']).toBe('website, whatsapp, telegram'); // every published channel, in channel order
      expect(s4['Jumlah Pickup']).toBe('2'); // all pickups so far, December's too
      const s8 = rows[3];
      expect([s8.Kategori, s8.Disetujui, s8.Terbit]).toEqual(['', '', '']);
    });

    it('neutralises cells that a spreadsheet would run as formulas', async () => {
      const { bytes } = await download('humas.jaksel', 'from=2026-11-01&to=2026-11-30&unitCode=POLRES-JAKSEL');
      const rows: Record<string, string>[] = parse(bytes, { bom: true, columns: true });
      const title = (key: string) => rows.find((r) => r['ID Cerita'] === ids[key])!.Judul;
      expect(title('S7')).toBe(`'=HYPERLINK("http://evil.example/x","klik")`);
      expect(title('S5')).toBe(`'+62 812 Layanan SPKT Cepat`);
      expect(title('S8')).toBe(`'@SUM(A1:A9)`);
      expect(title('S13')).toBe(`'-1 Antrean SIM Keliling`);
      expect(title('S12')).toBe(`'\tTab di Awal Judul`);
      expect(title('S2')).toBe('Polsek Cilandak Urai Kemacetan Fatmawati'); // ordinary cells untouched
      // no cell at all starts with a formula character
      for (const row of rows) for (const cell of Object.values(row)) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    });

    it('carries no personal data', async () => {
      const { bytes } = await download('humas.jaksel', 'from=2026-11-01&to=2026-11-30&unitCode=POLRES-JAKSEL');
      const text = bytes.toString('utf8');
      expect(text).not.toContain(CONTACT.name);
      expect(text).not.toContain(CONTACT.phone);
      expect(text.split('\r\n')[0]).not.toMatch(/nama|telepon|phone|email|nik|alamat|pelapor|author|penulis/i);
    });

    it('pages through more stories than one query holds, without gaps or repeats', async () => {
      // 2,5 pages of stories on one Polsek day, several sharing the same created_at instant
      const n = Math.floor(CSV_PAGE_SIZE * 2.5);
      await t.dataSource.query(
        `INSERT INTO story (id, kind, source_id, unit_id, title, slug, status, created_at)
         SELECT gen_random_uuid(), 'achievement', gen_random_uuid(), u.id, 'Kegiatan ' || g, 'massal-' || g, 'draft',
                '2026-09-10T03:00:00Z'::timestamptz + (g / 7) * interval '1 millisecond' + (g % 3) * interval '1 microsecond'
           FROM unit u, generate_series(1, $1) g WHERE u.code = 'POLSEK-CILANDAK'`,
        [n],
      );
      const { bytes } = await download('humas.jaksel', 'from=2026-09-10&to=2026-09-10&unitCode=POLRES-JAKSEL');
      const rows: Record<string, string>[] = parse(bytes, { bom: true, columns: true });
      expect(rows).toHaveLength(n);
      expect(new Set(rows.map((r) => r['ID Cerita'])).size).toBe(n);
    });

    it('checks scope, role and parameters like the summary', async () => {
      await get('humas.kebayoran', 'stories.csv?unitCode=POLRES-JAKSEL').expect(403);
      await get('operator.kebayoran', 'stories.csv').expect(403);
      const { body } = await get('humas.jaksel', 'stories.csv?from=2026-11-31').expect(400);
      expect(body.errors[0].field).toBe('from');
      const commander = await download('kapolsek.kebayoran', 'from=2026-11-01&to=2026-11-30');
      expect(commander.response.status).toBe(200);
      // a Polsek's file holds only its own stories: S1, S6, S4, S7, S12
      expect(parse(commander.bytes, { bom: true, columns: true })).toHaveLength(5);
    });
  });

  describe('monthly page', () => {
    it('is a printable Indonesian HTML page with the figures, inline SVG charts and escaped titles', async () => {
      const response = await get('humas.jaksel', 'monthly?unitCode=POLRES-JAKSEL&month=2026-11').expect(200);
      expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(response.headers['content-security-policy']).toMatch(/script-src 'self'/);
      const html = response.text;
      expect(html).toContain('<title>Laporan Bulanan Humas — Polres Metro Jakarta Selatan — November 2026</title>');
      expect(html).toContain('<h1>Laporan Bulanan Humas — Polres Metro Jakarta Selatan — November 2026</h1>');
      expect(html).toContain('1–30 November 2026 (WIB)');
      expect(html).toContain('Oktober 2026'); // the comparison month
      expect(html).toContain('<link rel="stylesheet" href="/assets/reports/monthly.css">');
      // four charts, each an accessible inline SVG with a data table behind it
      expect(html.match(/<svg [^>]*role="img"/g)).toHaveLength(4);
      for (const id of ['chart-weekly', 'chart-channels', 'chart-partners', 'chart-delay']) {
        expect(html).toContain(`aria-labelledby="${id}-title ${id}-desc"`);
      }
      expect(html.match(/<table class="chart-data">/g)).toHaveLength(4);
      // no script at all, no inline style; hostile text escaped wherever it appears
      expect(html).not.toMatch(/<script|style=|javascript:/i);
      expect(html).toContain('Polsek Kebayoran Baru Bantu Warga &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;Kawan&quot;');
      expect(html).toContain('Warta &lt;Kota&gt;');
      expect(html).not.toContain('Warta <Kota>');
      // figures: stories created 9 in November against 2 in October
      expect(html).toMatch(/<th scope="row">Cerita dibuat<\/th><td>9<\/td><td>2<\/td><td>\+7<\/td>/);
      expect(html).toMatch(/<th scope="row">Median selesai → terbit<\/th><td>5 jam 45 menit<\/td>/); // 20700 s
      // in the officer's words (no "review", "persentil", "pickup"), and a narrative above the figures
      expect(html).toMatch(/<th scope="row">Tinjauan melewati batas waktu<\/th><td>2<\/td>/);
      expect(html).not.toMatch(/Persentil|Pickup|Item feed|Review/);
      expect(html).toMatch(/<div class="narrative" data-narrative>\s*<p>Pada November 2026, Polres Metro Jakarta Selatan dan jajarannya membuat 9 cerita \(naik 7 dari Oktober 2026\)/);
      // the weekly chart's table: week 4 (22-28) had 1 complaint, 2 feedback, 0 achievements
      expect(html).toMatch(/<th scope="row">Minggu 4 \(22–28\)<\/th><td>1<\/td><td>2<\/td><td>0<\/td>/);
      // the stylesheet it links is served
      const css = await t.http.get('/assets/reports/monthly.css').expect(200);
      expect(css.headers['content-type']).toMatch(/^text\/css/);
      expect(css.text).toMatch(/@page\s*\{\s*size: A4/);
    });

    it('answers the same figures as JSON, with the previous month and stories per week', async () => {
      const { body } = await get('kapolsek.kebayoran', 'monthly?unitCode=POLSEK-KEBAYORAN-BARU&month=2026-11&format=json').expect(200);
      expect(body.month).toBe('2026-11');
      expect(body.previousMonth).toBe('2026-10');
      expect(body.current.stories.total).toBe(5);
      expect(body.previous.stories.total).toBe(1); // S10

      const { body: jaksel } = await get('humas.jaksel', 'monthly?month=2026-11&format=json').expect(200);
      expect(jaksel.storiesPerWeek).toEqual(EXPECTED_WEEKS);
      expect(jaksel.current.timeInReview).toEqual(E.timeInReview);
      expect(jaksel.current.resolutionToPublication).toEqual(E.resolutionToPublication);
      expect(jaksel.previous.stories.total).toBe(EXPECTED_JAKSEL_OCTOBER.stories);
      expect(jaksel.previous.timeInReview.count).toBe(EXPECTED_JAKSEL_OCTOBER.reviews);
    });

    it('takes the month in the unit\'s zone (Papua, WIT)', async () => {
      const { body } = await get('humas.papua', 'monthly?month=2026-11&format=json').expect(200);
      expect(body.current.period).toMatchObject({ start: '2026-10-31T15:00:00.000Z', end: '2026-11-30T15:00:00.000Z', timezone: 'Asia/Jayapura' });
      expect(body.current.stories.total).toBe(1);
      const html = (await get('humas.papua', 'monthly?month=2026-11').expect(200)).text;
      expect(html).toContain('Laporan Bulanan Humas — Polda Papua — November 2026');
      expect(html).toContain('(WIT)');
    });

    it('refuses a bad month (400 naming month), other units and operators', async () => {
      for (const month of ['2026-13', '2026-1', 'november', '']) {
        const response = await get('humas.jaksel', `monthly?month=${month}`).expect(400);
        expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
        expect(response.body.errors.map((e: { field: string }) => e.field)).toEqual(['month']);
      }
      const missing = await get('humas.jaksel', 'monthly').expect(400);
      expect(missing.body.errors.map((e: { field: string }) => e.field)).toEqual(['month']);
      await get('humas.jaksel', 'monthly?month=2026-11&format=pdf').expect(400);
      await get('humas.kebayoran', 'monthly?unitCode=POLRES-JAKSEL&month=2026-11').expect(403);
      await get('operator.kebayoran', 'monthly?month=2026-11').expect(403);
    });
  });
});
