import { localParts, zonaWaktu } from './zona-waktu';

// Our own names rather than Intl's id-ID: output must not depend on the ICU build (small-icu
// Node prints English), and "Jumat" is the spelling press releases use (not "Jum'at").
const HARI = ['Minggu', 'Senin', 'Selasa', 'Rabu', 'Kamis', 'Jumat', 'Sabtu'] as const;
const BULAN = [
  'Januari',
  'Februari',
  'Maret',
  'April',
  'Mei',
  'Juni',
  'Juli',
  'Agustus',
  'September',
  'Oktober',
  'November',
  'Desember',
] as const;

function dua(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** "Selasa (25/10/2026)": the lead's day and date, in the unit's zone, day and month zero-padded. */
export function hariTanggalSingkat(date: unknown, tz: unknown): string {
  const p = localParts(date, tz, 'hariTanggalSingkat');
  return `${HARI[p.weekday]} (${dua(p.day)}/${dua(p.month)}/${p.year})`;
}

/** "Selasa, 25 Oktober 2026". */
export function hariTanggalPanjang(date: unknown, tz: unknown): string {
  const p = localParts(date, tz, 'hariTanggalPanjang');
  return `${HARI[p.weekday]}, ${p.day} ${BULAN[p.month - 1]} ${p.year}`;
}

/** "25 Oktober 2026" (the day is not padded in running text). */
export function tanggal(date: unknown, tz: unknown): string {
  const p = localParts(date, tz, 'tanggal');
  return `${p.day} ${BULAN[p.month - 1]} ${p.year}`;
}

/** "16.40 WIB": Indonesian writes the time with a dot; for a sentence that starts "Pukul ...". */
export function jam(date: unknown, tz: unknown): string {
  const p = localParts(date, tz, 'jam');
  return `${dua(p.hour)}.${dua(p.minute)} ${zonaWaktu(tz)}`;
}

/** "pukul 16.40 WIB" / "pukul 09.40 WITA" / "pukul 21.05 WIT", lower case as it sits mid-sentence. */
export function pukul(date: unknown, tz: unknown): string {
  const p = localParts(date, tz, 'pukul');
  return `pukul ${dua(p.hour)}.${dua(p.minute)} ${zonaWaktu(tz)}`;
}
