/**
 * What the operator's own words say happened, read once per story so that templates assert only
 * facts the input holds (HOUSE-STYLE: "say only what the input says"). A template says "motor
 * kembali" only when `barangKembali`, "dibubarkan" only when `dibubarkan`, and so on; a fact that
 * is not found is simply not told.
 */
export interface ComplaintFacts {
  /** A suspect was secured: "pelaku diamankan", "mengamankan dua orang". */
  pelakuDiamankan: boolean;
  /** The property went back to its owner. */
  barangKembali: boolean;
  /** Money went back (pungli, fraud). */
  uangKembali: boolean;
  /** A person (or thing) was found. */
  ditemukan: boolean;
  /** Found safe and sound. */
  selamat: boolean;
  /** A crowd was dispersed. */
  dibubarkan: boolean;
  /** Youths were counselled ("dibina", "pembinaan"). */
  dibina: boolean;
  /** Plans not carried out: a brawl that was about to start. */
  rencana: boolean;
  /** Sharp weapons were secured. */
  senjataTajam: boolean;
  /** A letter was issued (surat keterangan kehilangan). */
  suratTerbit: boolean;
  /** Traffic flows again. */
  arusLancar: boolean;
  /** Victims were taken to a clinic or hospital / first aid given. */
  korbanDitolong: boolean;
  /** The road was patched or repaired. */
  jalanDiperbaiki: boolean;
  /** Warning signs were put up. */
  rambu: boolean;
  /** The victim is accompanied (counsellor, UPTD PPA, safe house). */
  pendampingan: boolean;
  /** Someone is being examined (diperiksa, dimintai keterangan). */
  diperiksa: boolean;
  /** Distribution of drugs (peredaran, pengedar, transaksi). */
  peredaran: boolean;
}

const PELAKU = String.raw`(?:pelaku|tersangka|terduga|terlapor|oknum|penjual|pengedar|bandar|kurir|pencuri|penipu|preman|jukir|juru parkir|pemuda|pria|wanita|perempuan|laki-laki|orang|bandar judi|bandar)`;
const AMANKAN = String.raw`(?:diamankan|ditangkap|dibekuk|diringkus|ditahan)`;
const MENGAMANKAN = String.raw`(?:mengamankan|menangkap|membekuk|meringkus|menahan)`;

const RULES: Record<keyof ComplaintFacts, RegExp> = {
  pelakuDiamankan: new RegExp(String.raw`\b${PELAKU}\b[^.;,]{0,60}?\b${AMANKAN}\b|\b${MENGAMANKAN}\b(?:[^.;,]{0,30}?)\b${PELAKU}\b`),
  barangKembali: /\b(?:dikembalikan|diserahkan|kembali)\b[^.;]{0,20}?\b(?:kepada|ke)\s+(?:pemilik|pelapor|korban|warga|keluarga)|\bmengembalikan\b[^.;]{0,40}?\b(?:kepada|ke)\s+(?:pemilik|pelapor|korban|warga)/,
  uangKembali: /\b(?:uang|dana)\b[^.;]{0,30}?\b(?:dikembalikan|kembali)\b|\bmengembalikan (?:uang|dana)\b/,
  ditemukan: /\b(?:ditemukan|menemukan|dipertemukan|mempertemukan)\b/,
  selamat: /\b(?:dalam keadaan (?:selamat|sehat|baik)|selamat dan sehat|sehat dan selamat|ditemukan selamat)\b/,
  dibubarkan: /\b(?:dibubarkan|membubarkan|bubar)\b/,
  dibina: /\b(?:dibina|pembinaan|membina)\b/,
  rencana: /\b(?:hendak|akan|bersiap|rencana|berencana|janjian|persiapan|berkumpul|menantang|ajakan)\b/,
  senjataTajam: /\b(?:senjata tajam|sajam|celurit|clurit|parang|golok|samurai|busur)\b/,
  suratTerbit: /\b(?:surat keterangan|sktlk|surat tanda)\b/,
  arusLancar: /\b(?:lancar|normal|terurai|diurai|mengurai)\b/,
  korbanDitolong: /\b(?:dibawa|dilarikan|dievakuasi|dirujuk)\b[^.;]{0,15}?\b(?:rumah sakit|rs|rsud|puskesmas|klinik)\b|\bpertolongan pertama\b|\bditolong\b/,
  jalanDiperbaiki: /\b(?:ditambal|diperbaiki|perbaikan|diaspal|menambal|memperbaiki|diuruk)\b/,
  rambu: /\brambu\b/,
  pendampingan: /\b(?:pendampingan|didampingi|mendampingi|trauma healing|pemulihan|psikolog|rumah aman|uptd ppa|p2tp2a)\b/,
  diperiksa: /\b(?:diperiksa|pemeriksaan|dimintai keterangan)\b/,
  peredaran: /\b(?:peredaran|mengedarkan|pengedar|diedarkan|transaksi|menjual|dijual|bandar|kurir)\b/,
};

/** Reads the facts from the operator's text (summary, resolution, stage labels), lower case. */
export function complaintFacts(text: string): ComplaintFacts {
  const facts = {} as ComplaintFacts;
  for (const key of Object.keys(RULES) as (keyof ComplaintFacts)[]) facts[key] = RULES[key].test(text);
  // a brawl that happened is no plan, whatever else the report says
  if (/\b(?:terjadi tawuran|saling serang|bentrok|korban luka)\b/.test(text)) facts.rencana = false;
  return facts;
}

/** Who took part in a brawl, in the report's own word; null when it names no group. */
const GROUPS = ['geng motor', 'mahasiswa', 'pelajar', 'remaja', 'pemuda', 'siswa'].map((group) => [group, new RegExp(`\\b${group}\\b`)] as const);

export function kelompokTawuran(text: string): string | null {
  for (const [group, pattern] of GROUPS) if (pattern.test(text)) return group;
  return /\bantar ?warga\b/.test(text) ? 'warga' : null;
}

/** The drug the report names ("sabu", "ganja"), or null: "narkoba" is then said. */
export function zatNarkoba(text: string): string | null {
  const m = /\b(sabu-sabu|sabu|ganja|ekstasi|tembakau sintetis|pil koplo|obat keras|tramadol|heroin|kokain)\b/.exec(text);
  return m ? (m[1] === 'sabu-sabu' ? 'sabu' : m[1]) : null;
}

/** Categories that are criminal matters: only these are a "kasus" or "perkara". */
export const PIDANA = new Set([
  'curanmor', 'tawuran', 'narkoba', 'premanisme', 'pungli', 'pencurian', 'penipuan', 'kdrt', 'judi', 'kekerasan_seksual', 'perlindungan_anak',
  'perdagangan_orang',
]);

const JAM = 3_600_000;
/**
 * How long handling may take and still be news, per category: clearing a jam in two hours is
 * fast, returning a stolen motorbike within a day is, a pothole patched within two days is.
 */
const BATAS_CEPAT: Record<string, number> = {
  curanmor: 24 * JAM, pencurian: 24 * JAM, tawuran: 3 * JAM, narkoba: 48 * JAM, premanisme: 24 * JAM, pungli: 24 * JAM,
  kemacetan: 2 * JAM, kecelakaan: 2 * JAM, jalan_rusak: 48 * JAM, kehilangan: 1 * JAM, penipuan: 72 * JAM, judi: 48 * JAM,
  orang_hilang: 24 * JAM, gangguan_ketertiban: 3 * JAM, lainnya: 6 * JAM,
};
/** A first action this soon after the report is worth telling. */
const RESPONS_CEPAT_MS = 30 * 60_000;
/** Headlines carry a duration only under a day (longer ones read as slow, whatever the category). */
const JUDUL_MAKS_MS = 24 * JAM;

export interface SpeedView {
  /** The first action came within 30 minutes. */
  respons: boolean;
  /** The whole handling was fast for its category. */
  penanganan: boolean;
  /** The handling time may go in the headline. */
  judul: boolean;
}

export function speedOf(category: string, responseMs: number | null, resolutionMs: number, sensitive: boolean): SpeedView {
  if (sensitive) return { respons: false, penanganan: false, judul: false };
  const limit = BATAS_CEPAT[category] ?? 0;
  const penanganan = resolutionMs <= limit;
  return {
    respons: responseMs !== null && responseMs <= RESPONS_CEPAT_MS,
    penanganan,
    judul: penanganan && resolutionMs < JUDUL_MAKS_MS,
  };
}
