import fc from 'fast-check';
import { findPersonalData, maskPersonalData, PII_PLACEHOLDERS, PiiKind } from './pii-masker';

/**
 * Property tests: personal data generated in every common written form, embedded in random
 * Indonesian text, is always masked; ordinary numbers are never touched. The filler text has no
 * digit and no '@', so "nothing personal is left" can be checked as "no digit is left".
 */

const PLAIN_WORDS = [
  'warga', 'melaporkan', 'kejadian', 'di', 'dekat', 'pasar', 'Polsek', 'Kebayoran', 'Baru', 'petugas',
  'segera', 'datang', 'dan', 'laporan', 'pukul', 'yang', 'untuk', 'Terima', 'kasih', 'cepat', 'Satlantas',
  'Reskrim', 'Bhabinkamtibmas', 'Kompol', 'AKBP', 'Bripka', 'Call', 'Center', 'WIB', 'motor', 'hilang',
  'Jalan', 'Sisingamangaraja', 'tersangka', 'diamankan', 'pelapor', 'Humas', 'Presisi', 'aman',
];
/** Words that sit next to personal data in real reports and could tempt a detector to overreach. */
const TRICKY_WORDS = ['nomor', 'No.', 'Jl.', 'Gg.', 'RT', 'RW', 'HP', 'WA', 'NIK', 'KTP', 'Telp.', 'email', 'B', 'KB', 'D', 'nopol'];

const filler = (words: string[]) => fc.array(fc.constantFrom(...words), { maxLength: 8 }).map((ws) => ws.join(' '));
const digitsOf = (min: number, max: number) =>
  fc.array(fc.integer({ min: 0, max: 9 }), { minLength: min, maxLength: max }).map((ds) => ds.join(''));
const chunk = (s: string, first: number, size: number) => {
  const parts = [s.slice(0, first)];
  for (let i = first; i < s.length; i += size) parts.push(s.slice(i, i + size));
  return parts;
};

const PROVINCES = ['11', '12', '13', '14', '15', '16', '17', '18', '19', '21', '31', '32', '33', '34', '35', '36',
  '51', '52', '53', '61', '62', '63', '64', '65', '71', '72', '73', '74', '75', '76', '81', '82', '91', '92', '93', '94'];

const nik = fc
  .tuple(fc.constantFrom(...PROVINCES), digitsOf(14, 14), fc.constantFrom(' ', '.', '-'), fc.integer({ min: 0, max: 3 }))
  .map(([prov, rest, sep, form]) => {
    const n = prov + rest;
    if (form === 0) return n;
    if (form === 1) return chunk(n, 4, 4).join(sep); // 3174 0515 0885 0003
    if (form === 2) return [n.slice(0, 6), n.slice(6, 12), n.slice(12)].join(sep); // 317405 150885 0003
    return [n.slice(0, 2), n.slice(2, 4), n.slice(4, 6), n.slice(6, 12), n.slice(12)].join('.'); // 31.74.05.150885.0003
  });

/** The national number without its leading 0: 8 + operator digit + 7-10 more digits. */
const mobileNational = fc
  .tuple(fc.integer({ min: 1, max: 9 }), digitsOf(7, 10))
  .map(([op, rest]) => `8${op}${rest}`);
const mobile = fc
  .tuple(mobileNational, fc.constantFrom('-', ' ', '.', ''), fc.integer({ min: 0, max: 5 }))
  .map(([n, sep, form]) => {
    switch (form) {
      case 0: return chunk(`0${n}`, 4, 4).join(sep); // 0812-8877-1234
      case 1: return `+62 ${chunk(n, 3, 4).join(sep || ' ')}`; // +62 813 1122 3344
      case 2: return `+62${n}`; // +6281311223344
      case 3: return `62${n}`; // 6281311223344
      case 4: return `62 ${chunk(n, 3, 4).join(' ')}`; // 62 813 1122 3344
      default: return `(+62) ${chunk(n, 3, 4).join(sep || ' ')}`;
    }
  });
const landline = fc
  .tuple(fc.constantFrom('21', '22', '24', '31', '61', '274', '361', '411', '561'), fc.integer({ min: 1, max: 9 }), digitsOf(5, 7), fc.integer({ min: 0, max: 3 }))
  .map(([area, first, rest, form]) => {
    const sub = `${first}${rest}`;
    return [`(0${area}) ${sub}`, `0${area}-${sub}`, `0${area} ${sub}`, `+62 ${area} ${sub}`][form];
  });

const REGIONS = ['A', 'AA', 'AB', 'AD', 'AE', 'AG', 'B', 'BA', 'BB', 'BD', 'BE', 'BG', 'BH', 'BK', 'BL', 'BM', 'BN', 'BP',
  'D', 'DA', 'DB', 'DC', 'DD', 'DE', 'DG', 'DH', 'DK', 'DL', 'DM', 'DN', 'DR', 'DS', 'DT', 'E', 'EA', 'EB', 'ED', 'F', 'G',
  'H', 'K', 'KB', 'KH', 'KT', 'KU', 'L', 'M', 'N', 'P', 'PA', 'PB', 'R', 'S', 'T', 'W', 'Z'];
const letters = (min: number, max: number) =>
  fc.array(fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'), { minLength: min, maxLength: max }).map((cs) => cs.join(''));
const plate = fc
  .tuple(fc.constantFrom(...REGIONS), fc.integer({ min: 1, max: 9999 }), letters(0, 3), fc.integer({ min: 0, max: 2 }))
  .map(([region, num, suffix, form]) => {
    if (suffix && form === 1 && num >= 10) return `${region}${num}${suffix}`; // B1234XYZ
    if (suffix && form === 2) return `${region}-${num}-${suffix}`; // B-1234-XYZ
    // without a series only 3-4 digits: "PS 5", "G 20" are not plates (issue 16)
    return suffix ? `${region} ${num} ${suffix}` : `${region} ${Math.max(num, 100)}`; // B 1234 XYZ, B 1234
  });

const label = fc.stringMatching(/^[a-z][a-z0-9_]{0,10}$/);
const email = fc
  .tuple(fc.array(label, { minLength: 1, maxLength: 3 }), fc.array(fc.stringMatching(/^[a-z][a-z0-9-]{0,8}[a-z0-9]$/), { minLength: 1, maxLength: 2 }), fc.constantFrom('com', 'id', 'co.id', 'go.id', 'org', 'net'))
  .map(([local, domain, tld]) => `${local.join('.')}@${domain.join('.')}.${tld}`);

const PERSONAL: Array<[PiiKind, fc.Arbitrary<string>]> = [
  ['nik', nik], ['phone', mobile], ['phone', landline], ['plate', plate], ['email', email],
];

/** Text, the value, text: with the punctuation that surrounds contact details in real reports. */
function embedded(value: fc.Arbitrary<string>) {
  return fc
    .tuple(filler([...PLAIN_WORDS, ...TRICKY_WORDS]), fc.constantFrom(' ', ': ', ' (', '\n'), value, fc.constantFrom('', '.', ',', ')', ';', ' ', '\n'), filler(PLAIN_WORDS))
    .map(([before, open, v, close, after]) => ({ value: v, text: `${before}${open}${v}${close} ${after}`.trim() }));
}

describe('masker properties: personal data is always masked', () => {
  for (const [kind, value] of PERSONAL) {
    it(`${kind} (${value === landline ? 'landline' : 'all forms'})`, () => {
      fc.assert(
        fc.property(embedded(value), ({ value: v, text }) => {
          const result = maskPersonalData(text);
          expect(result.text).not.toContain(v);
          expect(result.text).not.toMatch(/[\d@]/);
          // After "Jl. .. No." a plate-like "A10A" is a house number: masked as an address, rightly.
          const kinds = result.findings.map((f) => f.kind);
          expect(kinds.includes(kind) || (/\b(Jl\.|Gg\.|Jalan\s)/.test(text) && kinds.includes('address'))).toBe(true);
        }),
        { numRuns: 500 },
      );
    });
  }

  it('several values in one text are each masked, and masking is idempotent', () => {
    const values = fc.array(fc.oneof(...PERSONAL.map(([, v]) => v)), { minLength: 1, maxLength: 5 });
    fc.assert(
      fc.property(values, filler(PLAIN_WORDS), (vs, words) => {
        const text = vs.map((v) => `${words} ${v}`).join(', ');
        const once = maskPersonalData(text);
        expect(once.text).not.toMatch(/[\d@]/);
        expect(once.findings.reduce((n, f) => n + f.count, 0)).toBe(vs.length);
        expect(maskPersonalData(once.text)).toEqual({ text: once.text, findings: [] });
      }),
      { numRuns: 300 },
    );
  });

  it('findPersonalData points at exactly what maskPersonalData replaces', () => {
    const text = fc.array(fc.oneof(filler(PLAIN_WORDS), ...PERSONAL.map(([, v]) => v)), { maxLength: 6 }).map((p) => p.join(' ; '));
    fc.assert(
      fc.property(text, (t) => {
        let rebuilt = t;
        for (const hit of findPersonalData(t).reverse()) {
          rebuilt = rebuilt.slice(0, hit.start) + PII_PLACEHOLDERS[hit.kind] + rebuilt.slice(hit.end);
        }
        expect(rebuilt).toBe(maskPersonalData(t).text);
      }),
      { numRuns: 300 },
    );
  });
});

describe('masker properties: ordinary numbers are never changed', () => {
  const pad = (n: number) => String(n).padStart(2, '0');
  const thousands = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  const year = fc.integer({ min: 1900, max: 2099 }).map(String);
  const money = fc
    .tuple(fc.constantFrom('Rp ', 'Rp', 'Rp. '), fc.integer({ min: 1, max: 999_999_999_999 }), fc.boolean())
    .map(([rp, n, cents]) => `${rp}${thousands(n)}${cents ? ',00' : ''}`);
  const count = fc
    .tuple(fc.integer({ min: 1, max: 99_999 }), fc.constantFrom('personel', 'orang', 'kendaraan', 'paket', 'unit', 'gereja', 'menit', 'jam', 'hari', 'kali'))
    .map(([n, noun]) => `${thousands(n)} ${noun}`);
  const date = fc
    .tuple(fc.integer({ min: 1, max: 31 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1990, max: 2099 }), fc.constantFrom('/', '-'))
    .map(([d, m, y, sep]) => `${pad(d)}${sep}${pad(m)}${sep}${y}`);
  const time = fc
    .tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }), fc.constantFrom('', ' WIB', ' WITA', ' WIT'))
    .map(([h, m, zone]) => `${pad(h)}.${pad(m)}${zone}`);
  const age = fc.integer({ min: 1, max: 99 }).map((n) => `berinisial RS (${n})`);
  const ordinary = fc.oneof(year, money, count, date, time, age);

  it('years, Rp amounts, counts, dd/mm/yyyy dates, hh.mm times and ages in text', () => {
    const text = fc
      .array(fc.tuple(ordinary, filler(PLAIN_WORDS).filter((w) => w.length > 0)), { minLength: 1, maxLength: 6 })
      .map((parts) => parts.map(([n, words]) => `${n} ${words}`).join(', '));
    fc.assert(
      fc.property(text, (t) => {
        expect(maskPersonalData(t)).toEqual({ text: t, findings: [] });
      }),
      { numRuns: 1_000 },
    );
  });
});
