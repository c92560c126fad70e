import * as fs from 'node:fs';
import * as path from 'node:path';
import { findPersonalData, maskFields, maskPersonalData, PII_PLACEHOLDERS, PiiKind } from './pii-masker';

const masked = (text: string) => maskPersonalData(text).text;
const kindsIn = (text: string) => findPersonalData(text).map((h) => h.kind);

describe('maskPersonalData: what is masked', () => {
  const cases: Array<[PiiKind, string]> = [
    ['phone', '0812-8877-1234'],
    ['phone', '0812 8877 1234'],
    ['phone', '0812.8877.1234'],
    ['phone', '081288771234'],
    ['phone', '0813 4400 5566'],
    ['phone', '+62 813 1122 3344'],
    ['phone', '+62-813-1122-3344'],
    ['phone', '+6281311223344'],
    ['phone', '(+62) 813 1122 3344'],
    ['phone', '+62 (0)813 1122 3344'],
    ['phone', '62 813 1122 3344'],
    ['phone', '6281311223344'],
    ['phone', '(021) 7654321'],
    ['phone', '021-7654321'],
    ['phone', '0361 234567'],
    ['phone', '+62 21 7654321'],
    ['nik', '3174051508850003'],
    ['nik', '3174 0515 0885 0003'],
    ['nik', '3174.0515.0885.0003'],
    ['nik', '3174-0515-0885-0003'],
    ['nik', '317405 150885 0003'],
    ['nik', '9501011508850003'],
    ['email', 'andreas.wibowo@example.com'],
    ['email', 'pelapor_01+humas@mail.polri.go.id'],
    ['plate', 'B 1234 XYZ'],
    ['plate', 'KB 4321 AB'],
    ['plate', 'B1234XYZ'],
    ['plate', 'B-1234-XYZ'],
    ['plate', 'D 12 A'],
    ['plate', 'DK 5 AB'],
    ['plate', 'B 1234'],
    ['address', 'Jl. Melati No. 12'],
    ['address', 'Jalan Kenanga Raya No 5B'],
    ['address', 'jl. cipete raya no.12'],
    ['address', 'Gg. Mawar No. 3'],
    ['address', 'Jl. Cipete Raya No. 12 RT 003/RW 005'],
    ['address', 'Perumahan Griya Asri Blok C2 No. 5'],
    ['address', 'RT 03/RW 07'],
    ['address', 'RT.003 RW.007'],
    ['address', 'RT/RW 003/005'],
  ];

  it.each(cases)('masks a %s: %s', (kind, value) => {
    const result = maskPersonalData(`Pelapor (${value}) meminta tindak lanjut, ${value}. Lalu ${value}`);
    expect(result.text).not.toContain(value);
    expect(result.text).toBe(
      `Pelapor (${PII_PLACEHOLDERS[kind]}) meminta tindak lanjut, ${PII_PLACEHOLDERS[kind]}. Lalu ${PII_PLACEHOLDERS[kind]}`,
    );
    expect(result.findings).toEqual([{ kind, count: 3 }]);
  });

  it('masks a whole street address with its RT/RW as one address', () => {
    expect(masked('Rumah saya di Jl. Cipete Raya No. 12 RT 003/RW 005 sekarang aman.')).toBe(
      'Rumah saya di [alamat disamarkan] sekarang aman.',
    );
  });

  it('does not let a short number (house, RT, plate) cut a phone, NIK or e-mail in two', () => {
    expect(masked('Saat di jalan tolong hubungi nomor 62 813 1122 3344 ya')).toBe(
      'Saat di jalan tolong hubungi nomor [nomor telepon disamarkan] ya',
    );
    expect(masked('Jalan Melati nomor 3174 0515 0885 0003')).toBe('Jalan Melati nomor [NIK disamarkan]');
    expect(masked('RT 62 813 1122 3344')).toBe('RT [nomor telepon disamarkan]');
    // a named alley is an address of its own now (issue 16); the e-mail stays whole
    expect(masked('Gg. Mawar nomor a0.b@x.id')).toBe('[alamat disamarkan] nomor [email disamarkan]');
    expect(masked('motor B 12.ab@x.com')).toBe('motor [email disamarkan]');
  });

  it('reports each kind once with its count, in a fixed order', () => {
    const result = maskPersonalData(
      'Hubungi 0812-8877-1234 atau a@b.co.id; NIK 3174051508850003; motor B 1234 XYZ; HP lain +62 813 1122 3344.',
    );
    expect(result.findings).toEqual([
      { kind: 'email', count: 1 },
      { kind: 'nik', count: 1 },
      { kind: 'phone', count: 2 },
      { kind: 'plate', count: 1 },
    ]);
    expect(result.text).not.toMatch(/\d/);
  });

  it('is idempotent: masked text has nothing left to mask', () => {
    const once = masked('0812-8877-1234 a@b.id 3174051508850003 B 1234 XYZ Jl. Melati No. 12');
    expect(maskPersonalData(once)).toEqual({ text: once, findings: [] });
  });
});

describe('maskPersonalData: ordinary text stays as it is', () => {
  const unchanged = [
    'Tahun 2026 menjadi tahun pelayanan.',
    'barang bukti uang tunai Rp 1.250.000.',
    'Rp1.250.000,00 dan Rp 62.813.000.000 serta IDR 1.000.000 dan Rp 1.081.234.567',
    'Polrestabes Medan menyiagakan 65 personel selama 24 jam.',
    'Kejadian pada 25/10/2026 dan 25-10-2026, juga 2026-10-25.',
    'Pukul 09.40, lalu pukul 16.40 WIB dan 08.15-09.30 WITA.',
    'mengamankan satu terduga pelaku berinisial RS (24)',
    'pelaku berinisial AB 24 tahun dan B (17)',
    'Laporan masuk melalui Call Center 110. Hubungi 110 atau 112.',
    'Nomor LP/B/123/X/2026, aduan DUMAS-2026-000117, SPKT-SGU-2026-0412, 110-JKT-88812.',
    'Kombes Pol Rudi Hartono, AKBP Sitti Rahmah, Kompol Hendro Saputra, Brigjen Pol Darmawan Eko.',
    'Polsek Kebayoran Baru, Satlantas, Satreskrim, Densus 88, Unit K9, Polda Metro Jaya.',
    'Parkiran minimarket Jalan Sisingamangaraja dan Jalan HR Rasuna Said arah Mampang.',
    'Operasi Ketupat H-7 Lebaran, KTT G20, kendaraan R2 dan R4, kotak P3K, program P4GN, lulusan S-1.',
    'Sebanyak 120 personel mengamankan 35 gereja; 500 paket sembako; 12 paket sabu.',
    'Bhabinkamtibmas rutin sambang ke RW kami, juga RW 05.',
    'UU 27/2022 tentang Pelindungan Data Pribadi, Pasal 365 KUHP.',
    'Skor 4,5 dari 5; 3S: senyum, sapa, salam; 2026 25-10-2026 09.40.',
    'Pos 11 12 13 14 15 16 17 18 dan 2021 2022 2023 2024.',
  ];

  it.each(unchanged)('%s', (text) => {
    expect(maskPersonalData(text)).toEqual({ text, findings: [] });
  });

  it('skips text without a digit or an @ without scanning', () => {
    expect(maskPersonalData('')).toEqual({ text: '', findings: [] });
    expect(findPersonalData('Jalan Melati nomor sekian')).toEqual([]);
  });
});

describe('findPersonalData', () => {
  it('points at each hit with kind and offsets, not the value', () => {
    const text = 'Telp 0812-8877-1234, surel x@y.id.';
    const hits = findPersonalData(text);
    expect(hits).toEqual([
      { kind: 'phone', start: 5, end: 19 },
      { kind: 'email', start: 27, end: 33 },
    ]);
    expect(hits.map((h) => text.slice(h.start, h.end))).toEqual(['0812-8877-1234', 'x@y.id']);
  });

  it('gives the same answer on repeated calls (no shared regex state)', () => {
    const text = 'B 1234 XYZ dan 081288771234';
    expect(findPersonalData(text)).toEqual(findPersonalData(text));
    expect(kindsIn(text)).toEqual(['plate', 'phone']);
  });

  it('finds each kind on its own, and only that kind', () => {
    const sample: Partial<Record<PiiKind, string>> = {
      email: 'x a@b.id', nik: 'x 3174051508850003', phone: 'x 0812-8877-1234', address: 'x Jl. Melati No. 12', plate: 'x B 1234 XYZ',
      bank: 'x rekening BCA 5271234567',
    };
    for (const [kind, text] of Object.entries(sample)) expect(kindsIn(text!)).toEqual([kind]);
  });
});

describe('maskFields', () => {
  const complaint = {
    summary: 'Pelapor bisa dihubungi di +62 813 1122 3344.',
    resolution: 'Selesai.',
    stages: [
      { at: '2026-10-25T01:12:00Z', label: 'Laporan diterima' },
      { at: '2026-10-25T01:35:00Z', label: 'Kendaraan B 1234 XYZ dan HP 0812-8877-1234 0813 4400 5566' },
    ],
    quote: null,
    complainant: { name: 'Andreas Wibowo', phone: '0812-8877-1234' },
  };

  it('masks the named fields, arrays included, and reports field paths without values', () => {
    const { value, findings } = maskFields(complaint, ['summary', 'resolution', 'stages[].label', 'quote', 'missing']);
    expect(value.summary).toBe('Pelapor bisa dihubungi di [nomor telepon disamarkan].');
    expect(value.stages[1].label).toBe('Kendaraan [nomor polisi disamarkan] dan HP [nomor telepon disamarkan] [nomor telepon disamarkan]');
    expect(findings).toEqual([
      { field: 'summary', kind: 'phone', count: 1 },
      { field: 'stages[1].label', kind: 'phone', count: 2 },
      { field: 'stages[1].label', kind: 'plate', count: 1 },
    ]);
    expect(JSON.stringify(findings)).not.toMatch(/\d{4}/);
  });

  it('does not change the input and shares what it did not touch', () => {
    const before = JSON.stringify(complaint);
    const { value } = maskFields(complaint, ['summary', 'stages[].label']);
    expect(JSON.stringify(complaint)).toBe(before);
    expect(value.complainant).toBe(complaint.complainant); // not a named field: left alone
    expect(value.stages[0]).toBe(complaint.stages[0]);
    expect(maskFields(complaint, ['resolution']).value).toBe(complaint);
  });

  it('handles nested objects, arrays of strings and non-strings', () => {
    const record = { quotes: [{ text: 'Hubungi 081288771234' }, { text: 42 }], tags: ['a@b.id', 'ok'], loc: { note: 'RT 03' } };
    const { value, findings } = maskFields(record, ['quotes[].text', 'tags[]', 'loc.note']);
    expect(value).toEqual({
      quotes: [{ text: 'Hubungi [nomor telepon disamarkan]' }, { text: 42 }],
      tags: ['[email disamarkan]', 'ok'],
      loc: { note: '[alamat disamarkan]' },
    });
    expect(findings.map((f) => f.field)).toEqual(['quotes[0].text', 'tags[0]', 'loc.note']);
  });
});

describe('performance', () => {
  it('scans long and hostile input in linear time', () => {
    const hostile = [
      '1'.repeat(50_000),
      '1 '.repeat(25_000),
      'a.'.repeat(25_000) + '@',
      'Jalan '.repeat(10_000),
      'RT '.repeat(10_000),
      'B 1'.repeat(10_000),
      '0812 '.repeat(10_000),
      '+62 8'.repeat(10_000),
      'x@'.repeat(10_000),
      'Jl. A '.repeat(10_000) + 'No',
      '31 '.repeat(20_000),
      ('Warga di Jl. Melati No. 12 menelepon 0812-8877-1234, Rp 1.250.000 pada 25/10/2026. ').repeat(1_000),
    ];
    // CPU time, not wall time: on a shared machine the wall clock also counts other processes (it flaked at 1,520 ms)
    const started = process.cpuUsage();
    for (const text of hostile) maskPersonalData(text);
    const used = process.cpuUsage(started);
    expect((used.user + used.system) / 1000).toBeLessThan(1_500);
  });
});

// The shared fixtures sit beside the repository; the check runs when they are there.
const fixturesDir = path.resolve(__dirname, '../../../../shared/fixtures');
const describeFixtures = fs.existsSync(fixturesDir) ? describe : describe.skip;

describeFixtures('shared fixtures', () => {
  const read = (file: string): Array<Record<string, any>> =>
    fs.existsSync(path.join(fixturesDir, file)) ? JSON.parse(fs.readFileSync(path.join(fixturesDir, file), 'utf8')) : [];
  const FREE_TEXT: Record<string, string[]> = {
    'complaints.json': ['summary', 'resolution', 'stages[].label', 'quote'],
    'feedback.json': ['text'],
    'achievements.json': ['title', 'narrative', 'quotes[].text'],
  };
  /** Personal data written into the fixtures' free text, checked where present. */
  const EMBEDDED = [
    '+62 813 1122 3344', '1271 0245 0390 0002', 'pelapor.maccini@example.com', 'KB 4321 AB',
    '0812 3456 7890', 'Cipete Raya No. 12', 'RT 003/RW 005',
  ];
  const digits = (s: string) => s.replace(/\D/g, '');
  /** Numbers as written in text (with separators), as bare digits: to find a contact value again. */
  const numbersIn = (s: string) => (s.match(/\+?\d[\d .\-()]*\d/g) ?? []).map(digits);

  for (const [file, fields] of Object.entries(FREE_TEXT)) {
    it(`${file}: no phone, NIK, e-mail, plate or address survives in the free text`, () => {
      for (const record of read(file)) {
        const { value } = maskFields(record, fields);
        const text = fields.map((f) => JSON.stringify(pick(value, f))).join('\n');
        const raw = fields.map((f) => JSON.stringify(pick(record, f))).join('\n');
        for (const literal of EMBEDDED) if (raw.includes(literal)) expect(text).not.toContain(literal);
        const person = record.complainant ?? record.author ?? {};
        for (const contact of [person.phone, person.nik].filter(Boolean)) {
          const significant = digits(contact).slice(-9); // without 0 / 62 / +62
          for (const n of numbersIn(text)) expect(n).not.toContain(significant);
        }
        if (person.email) expect(text).not.toContain(person.email);
        expect(text).not.toContain('@');
        for (const n of numbersIn(text)) expect(n.length).toBeLessThan(9);
      }
    });
  }

  it('complaints.json: ordinary numbers and places are kept', () => {
    const all = read('complaints.json').map((r) => maskFields(r, FREE_TEXT['complaints.json']).value);
    const text = JSON.stringify(all);
    for (const kept of ['Rp 1.250.000', 'Jalan Sisingamangaraja', 'RS (24)', 'Call Center 110', '40 menit']) {
      if (JSON.stringify(read('complaints.json')).includes(kept)) expect(text).toContain(kept);
    }
  });

  it('achievements.json: police-written text has nothing to mask', () => {
    for (const record of read('achievements.json')) {
      expect(maskFields(record, FREE_TEXT['achievements.json']).findings).toEqual([]);
    }
  });
});

/** The value(s) at a field path, arrays flattened into arrays: for reading fixtures back. */
function pick(node: unknown, field: string): unknown {
  const [head, ...rest] = field.split('.');
  if (node === null || typeof node !== 'object') return undefined;
  const next = (node as Record<string, unknown>)[head.replace('[]', '')];
  if (rest.length === 0) return next;
  return Array.isArray(next) ? next.map((item) => pick(item, rest.join('.'))) : pick(next, rest.join('.'));
}
