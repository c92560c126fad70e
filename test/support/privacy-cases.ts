/**
 * Intake items for the privacy end-to-end test (issue 16): every class of personal data, in the
 * forms that slipped through before, for citizens whose names collide with nothing in the demo
 * organisation. `secretsOf` lists what must never appear on a public surface.
 */

const ZW = '\u200b';

export interface Citizen {
  name: string;
  phone: string;
  email?: string;
  nik?: string;
}

export const CITIZENS = {
  api: { name: 'Wiratmaja Sulistyo', phone: '0813-7788-2299', email: 'wiratmaja.s77@gmail.com', nik: '3174 0512 0688 0004' },
  console: { name: 'Theresia Manuhutu', phone: '0852-1122-3344', email: 'theresia.manuhutu@yahoo.co.id' },
  csv: { name: 'I Made Suardana', phone: '0819 3344 5566', email: 'made.suardana@outlook.com', nik: '5171 0446 0795 0002' },
  webhook: { name: 'Yohanes Wandikbo', phone: '0821 9900 1122' },
  feedback: { name: 'Agustinus Rumbewas', phone: '0821 4455 6677' },
  sensitive: { name: 'Rosalina Tambunan', phone: '0878 6655 4433' },
} satisfies Record<string, Citizen>;

/** Values of other classes typed into free text: a plate, an address, an account, its holder. */
export const OTHER_SECRETS = [
  'B 4412 KZT', 'B4412KZT', 'Jl Kenari 17', 'Kenari 17', '5271239876', 'Hendra Kusuma', 'PT 2231 AB', 'Griya Asri Blok C-12', 'Blok C-12',
  'DK 3321 AF', 'Gg. Sawo', 'Pasar Manggis', 'berinisial JT', '(32)', '(35)',
];

const base = (ref: string, citizen: Citizen, consent: { level: string; quote: boolean }) => ({
  externalRef: ref, unitCode: 'POLSEK-KEBAYORAN-BARU', category: 'curanmor', channel: 'whatsapp',
  receivedAt: '2026-11-10T00:45:00Z', resolvedAt: '2026-11-10T03:30:00Z',
  location: { subdistrict: 'Cipete Utara', district: 'Kebayoran Baru', city: 'Jakarta Selatan' },
  complainant: { name: citizen.name, phone: citizen.phone, ...(citizen.email && { email: citizen.email }), ...(citizen.nik && { nik: citizen.nik }) },
  consent: { ...consent, method: `balasan WA dari ${citizen.phone}` },
});

/** Through the JSON API: every class at once, in dodging forms. */
export function apiComplaint(mediaIds: string[]) {
  const c = CITIZENS.api;
  return {
    ...base('PRIV-API-1', c, { level: 'initials', quote: true }),
    summary:
      `Pelapor ${c.name} (NIK 3174 05 120688 0004, HP +62 (813) 7788‑2299) melaporkan motor Yamaha R15 B 4412 KZT hilang dari depan rumahnya ` +
      `di Jl Kenari 17 RT 03/RW 05. Pak Wiratmaja bisa dihubungi lewat wiratmaja.s77 @ gmail .com atau nol delapan satu tiga tujuh tujuh ` +
      `delapan delapan dua dua sembilan sembilan.`,
    resolution: `Petugas menemukan motor B4412KZT di Gg. Sawo dan mengembalikannya kepada SULISTYO. Pelaku sempat meminta tebusan ke rekening BCA 5271239876 a.n. Hendra Kusuma.`,
    stages: [
      { at: '2026-11-10T01:00:00Z', label: `Petugas menghubungi pelapor di 0813${ZW}7788${ZW}2299` },
      { at: '2026-11-10T02:10:00Z', label: 'Motor ditemukan di parkiran pasar' },
    ],
    quote: 'Terima kasih, motor saya sudah kembali dengan selamat. Kalau ada perlu, hubungi saya di 0813 7788 2299 ya.',
    mediaIds,
  };
}

/** Through the console form (field names as the form posts them). */
export function consoleComplaint() {
  const c = CITIZENS.console;
  return {
    externalRef: 'PRIV-CONSOLE-1', unitCode: 'POLSEK-KEBAYORAN-BARU', category: 'kehilangan', channel: 'walk_in',
    receivedAt: '2026-11-10T07:45', resolvedAt: '2026-11-10T16:30',
    'location.subdistrict': 'Gandaria Utara', 'location.district': 'Kebayoran Baru', 'location.city': 'Jakarta Selatan',
    summary: `Ibu Theresia kehilangan dompet berisi KTP. Hubungi ０８５２-１１２２-３３４４ atau theresia.manuhutu(at)yahoo(dot)co(dot)id.`,
    resolution: 'Dompet ditemukan warga dan diserahkan ke SPKT, lalu dikembalikan kepada Manuhutu.',
    'stages[0].at': '2026-11-10T08:00', 'stages[0].label': 'Laporan dicatat petugas SPKT',
    'complainant.name': c.name, 'complainant.phone': c.phone, 'complainant.email': c.email!,
    'consent.level': 'anonymous', 'consent.quote': 'false',
  };
}

/** One CSV row (header + row): stages as JSON in its cell. */
export function csvComplaint(): string {
  const c = CITIZENS.csv;
  const cells: Record<string, string> = {
    externalRef: 'PRIV-CSV-1', unitCode: 'POLSEK-KEBAYORAN-BARU', category: 'curanmor', channel: 'call_center_110',
    receivedAt: '2026-11-10T00:45:00Z', resolvedAt: '2026-11-10T05:30:00Z',
    'location.subdistrict': 'Pulo', 'location.district': 'Kebayoran Baru', 'location.city': 'Jakarta Selatan',
    summary: `Bli Made melapor motor DK 3321 AF hilang. NIK 5171.0446.0795.0002, WA 0819-3344-5566, surel made.suardana@outlook.com.`,
    resolution: 'Motor ditemukan di terminal dan dikembalikan kepada Suardana.',
    stages: JSON.stringify([{ at: '2026-11-10T01:30:00Z', label: 'Patroli menyisir terminal' }]),
    'complainant.name': c.name, 'complainant.phone': c.phone, 'complainant.email': c.email!, 'complainant.nik': c.nik!,
    'consent.level': 'initials', 'consent.quote': 'false',
  };
  const quote = (v: string) => `"${v.replace(/"/g, '""')}"`;
  return `${Object.keys(cells).join(',')}\n${Object.values(cells).map(quote).join(',')}\n`;
}

/** Through the signed webhook. */
export function webhookComplaint() {
  const c = CITIZENS.webhook;
  return {
    ...base('PRIV-WEBHOOK-1', c, { level: 'none', quote: false }),
    category: 'penipuan',
    summary: `Sdr. Yohanes Wandikbo tertipu jual beli motor PT 2231 AB dan mentransfer uang lewat DANA 0821${ZW} 9900 1122 kepada penipu.`,
    resolution: `Pelaku diamankan di Perum Griya Asri Blok C-12 dan uang dikembalikan kepada WANDIKBO.`,
    stages: [{ at: '2026-11-10T01:30:00Z', label: 'Penyidik memeriksa pelaku' }],
  };
}

export function feedbackItem() {
  const c = CITIZENS.feedback;
  return {
    unitCode: 'POLSEK-KEBAYORAN-BARU', serviceType: 'sim', rating: 5, source: 'whatsapp', receivedAt: '2026-11-10T02:00:00Z',
    text: 'Pelayanan perpanjangan SIM cepat sekali dan petugasnya ramah. Saya Agustinus sangat puas. WA saya 0821 4455 6677.',
    author: { name: c.name, phone: c.phone }, consent: { level: 'initials', quote: true },
  };
}

export function sensitiveComplaint() {
  const c = CITIZENS.sensitive;
  return {
    ...base('PRIV-KDRT-1', c, { level: 'anonymous', quote: false }),
    category: 'kdrt',
    location: { subdistrict: 'Pasar Manggis', district: 'Setiabudi', city: 'Jakarta Selatan' },
    summary: `Korban Rosalina Tambunan (32) dianiaya suaminya berinisial JT (35) di rumahnya di Pasar Manggis.`,
    resolution: 'Terlapor diamankan dan diperiksa; korban mendapat pendampingan.',
    stages: [{ at: '2026-11-10T01:30:00Z', label: 'Petugas mendampingi korban ke rumah sakit' }],
  };
}

/** Every form in which a value could leak: as typed, its digits, its national number, its name parts. */
export function secretsOf(citizen: Citizen): string[] {
  const out = [citizen.name, citizen.phone];
  const digits = citizen.phone.replace(/\D/g, '');
  out.push(digits, digits.replace(/^0/, ''));
  if (citizen.email) out.push(citizen.email, citizen.email.split('@')[0]);
  if (citizen.nik) out.push(citizen.nik, citizen.nik.replace(/\D/g, ''));
  for (const part of citizen.name.split(/\s+/)) if (part.length >= 4) out.push(part);
  return out;
}
