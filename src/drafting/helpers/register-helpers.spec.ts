import Handlebars from 'handlebars';
import { HelperError } from './helper-error';
import { INDONESIAN_HELPER_NAMES, registerIndonesianHelpers } from './register-helpers';

// A fresh instance per test file: the global Handlebars is shared by the whole process.
const hb = Handlebars.create();
registerIndonesianHelpers(hb);

function render(source: string, view: object = {}, data?: Record<string, unknown>, strict = true): string {
  return hb.compile(source, { strict, noEscape: false })(view, data ? { data } : undefined);
}

const view = {
  unit: { name: 'Polsek Kebayoran Baru', timezone: 'Asia/Jakarta', hashtags: ['#PolsekKebayoranBaru', '#PolriPresisi'] },
  parent: { hashtags: ['#PolresJaksel', '#polripresisi'], handles: { instagram: '@polres_jaksel' } },
  story: { resolvedAt: '2026-10-25T09:40:00Z', responseMs: (8 * 60 + 28) * 60_000, loss: 1_250_000 },
  official: { position: 'Kapolsek Kebayoran Baru', rank: 'Kompol', name: 'Hendro Saputra' },
  channels: ['WhatsApp', 'Call Center 110', 'aplikasi Polisi Kita'],
};

describe('registerIndonesianHelpers', () => {
  it('registers every helper on the given instance only, never on the global one', () => {
    expect(INDONESIAN_HELPER_NAMES).toEqual(expect.arrayContaining(['hariTanggalSingkat', 'pukul', 'dalamDurasi', 'rupiah', 'potong']));
    for (const name of INDONESIAN_HELPER_NAMES) {
      expect(typeof hb.helpers[name]).toBe('function');
      expect(Handlebars.helpers[name]).toBeUndefined();
    }
  });

  it('renders a lead and a closing in the house style, in strict mode', () => {
    const lead =
      '{{unit.name}} mengembalikan motor warga {{dalamDurasi story.responseMs}}, {{hariTanggalSingkat story.resolvedAt unit.timezone}} ' +
      '{{pukul story.resolvedAt unit.timezone}}. Kerugian {{rupiah story.loss}}, kata ' +
      '{{jabatanPangkatNama official.position official.rank official.name}}. Lapor lewat {{kalimatDaftar channels}}. ' +
      '{{daftarHashtag unit.hashtags parent.hashtags "PolisiKita"}}';
    expect(render(lead, view)).toBe(
      'Polsek Kebayoran Baru mengembalikan motor warga dalam 8 jam 28 menit, Minggu (25/10/2026) pukul 16.40 WIB. ' +
        'Kerugian Rp 1.250.000, kata Kapolsek Kebayoran Baru Kompol Hendro Saputra. ' +
        'Lapor lewat WhatsApp, Call Center 110, dan aplikasi Polisi Kita. #PolsekKebayoranBaru #PolriPresisi #PolresJaksel #PolisiKita',
    );
  });

  it.each([
    ['hariTanggalPanjang', 'Minggu, 25 Oktober 2026'],
    ['tanggal', '25 Oktober 2026'],
    ['jam', '17.40 WITA'],
    ['pukul', 'pukul 17.40 WITA'],
  ])('%s renders in the zone it is given', (helper, text) => {
    expect(render(`{{${helper} story.resolvedAt "Asia/Makassar"}}`, view)).toBe(text);
  });

  it('takes the zone from @tz when the template leaves it out', () => {
    expect(render('{{pukul story.resolvedAt}} ({{zonaWaktu}})', view, { tz: 'Asia/Jayapura' })).toBe('pukul 18.40 WIT (WIT)');
    expect(render('{{#each channels}}{{#if @first}}{{tanggal ../story.resolvedAt}}{{/if}}{{/each}}', view, { tz: 'Asia/Jayapura' })).toBe(
      '25 Oktober 2026',
    );
    expect(() => render('{{pukul story.resolvedAt}}', view)).toThrow(/^pukul: zona waktu kosong: tulis zona sebagai argumen atau beri data @tz \(baris 1, kolom 1\)$/);
  });

  it('does not fall back to @tz when a zone is written but undefined (a typo must fail)', () => {
    expect(() => render('{{pukul story.resolvedAt unit.zona}}', view, { tz: 'Asia/Jakarta' }, false)).toThrow(
      'pukul: zona kosong (undefined) (baris 1, kolom 1)',
    );
  });

  it('throws, with the line, on a missing required argument instead of printing "undefined"', () => {
    // Handlebars' strict mode passes undefined helper arguments through, so the helper must check.
    for (const strict of [true, false]) {
      expect(() => render('Halo\n  {{pukul story.selesai unit.timezone}}', view, undefined, strict)).toThrow(
        'pukul: tanggal kosong (undefined) (baris 2, kolom 3)',
      );
      expect(() => render('{{pangkatNama official.rank official.nama}}', view, undefined, strict)).toThrow(/pangkatNama: nama kosong/);
      expect(() => render('{{rupiah story.kerugian}}', view, undefined, strict)).toThrow(/rupiah: angka kosong/);
    }
    expect(() => render('{{durasi story.responseMs}}', { story: { responseMs: null } })).toThrow('durasi: durasi kosong (null)');
  });

  it('accepts an empty optional rank or position', () => {
    expect(render('{{pangkatNama rank name}}', { rank: null, name: 'Maria' })).toBe('Maria');
    expect(render('{{jabatanPangkatNama pos rank name}}', { pos: '', rank: 'akp', name: 'Maria' }, undefined, false)).toBe('AKP Maria');
  });

  it('refuses the wrong number of arguments, unknown options and block use', () => {
    expect(() => render('{{pukul}}', view)).toThrow('pukul: jumlah argumen salah, pakai {{pukul tanggal [zona]}}');
    expect(() => render('{{pukul story.resolvedAt unit.timezone "x"}}', view)).toThrow(/jumlah argumen salah/);
    expect(() => render('{{pangkatNama official.name}}', view)).toThrow('pangkatNama: jumlah argumen salah, pakai {{pangkatNama pangkat nama}}');
    expect(() => render('{{rupiah story.loss desimal=2}}', view)).toThrow('rupiah: opsi desimal tidak dikenal');
    expect(() => render('{{#tanggal story.resolvedAt unit.timezone}}x{{/tanggal}}', view)).toThrow(/tanggal bukan helper blok/);
  });

  it('wraps only its own errors and keeps their code', () => {
    try {
      render('{{zonaWaktu "Europe/Paris"}}', view);
      throw new Error('expected a HelperError');
    } catch (error) {
      expect(error).toBeInstanceOf(HelperError);
      expect((error as HelperError).code).toBe('HELPER_UNKNOWN_TIME_ZONE');
      expect((error as HelperError).message).toMatch(/\(baris 1, kolom 1\)$/);
    }
  });

  it('returns plain strings, so {{...}} still escapes hostile input', () => {
    const hostile = { rank: '<b>Kompol</b>', name: '<script>alert(1)</script> {{constructor.constructor}}', items: ['a & b', '"c"'] };
    expect(render('{{pangkatNama rank name}}', hostile)).toBe(
      '&lt;b&gt;Kompol&lt;/b&gt; &lt;script&gt;alert(1)&lt;/script&gt; {{constructor.constructor}}',
    );
    expect(render('{{kalimatDaftar items}}', hostile)).toBe('a &amp; b dan &quot;c&quot;');
    expect(render('{{potong name 9}}', hostile)).toBe('&lt;script&gt;…');
    const options = { hash: {}, data: { tz: 'Asia/Jakarta' }, loc: { start: { line: 1, column: 0 } } };
    const out = hb.helpers.pangkatNama('Kompol', '<i>x</i>', options);
    expect(typeof out).toBe('string');
    expect(out).not.toBeInstanceOf(hb.SafeString);
  });

  it('passes options through: max for lists, desimal for angka, kata for kalimatDaftar, the ellipsis for potong', () => {
    expect(render('{{daftarHashtag unit.hashtags parent.hashtags max=2}}', view)).toBe('#PolsekKebayoranBaru #PolriPresisi');
    expect(render('{{daftarMention parent.handles.instagram parent.handles.x "polri"}}', view, undefined, false)).toBe(
      '@polres_jaksel @polri',
    );
    expect(render('{{angka 1234.5678 desimal=3}} {{angka 1250000}}', view)).toBe('1.234,568 1.250.000');
    expect(render('{{kalimatDaftar "110" "WhatsApp" kata="atau"}}', view)).toBe('110 atau WhatsApp');
    expect(render('{{potong unit.name 10 "..."}}', view)).toBe('Polsek...');
    expect(() => render('{{daftarHashtag unit.hashtags max="3"}}', view)).toThrow('daftarHashtag: max harus bilangan bulat >= 0');
    expect(() => render('{{kalimatDaftar channels kata="serta"}}', view)).toThrow(/kata harus "dan" atau "atau"/);
  });

  it('renders durations, numbers and the short forms with literal arguments', () => {
    expect(render('{{durasi 2700000}} / {{dalamDurasi 600000}} / {{rupiah -5000}}', view)).toBe('45 menit / kurang dari 15 menit / -Rp 5.000');
  });
});
