import { HelperError, describe } from './helper-error';

const MENIT = 60_000;
const JAM = 60 * MENIT;
const HARI = 24 * JAM;
/** Under this, dalamDurasi says "kurang dari 15 menit": the phrase leadership uses for a fast response. */
export const BATAS_CEPAT_MS = 15 * MENIT;

function assertDuration(ms: unknown, fn: string): number {
  if (typeof ms !== 'number' || !Number.isFinite(ms)) {
    throw new HelperError('HELPER_INVALID_ARGUMENT', `${fn}: durasi harus angka milidetik, bukan ${describe(ms)}`);
  }
  if (ms < 0) {
    // A negative response time means the stages are out of order: a data error to surface, not print.
    throw new HelperError('HELPER_INVALID_ARGUMENT', `${fn}: durasi tidak boleh negatif`);
  }
  return ms;
}

function gabung(besar: number, satuanBesar: string, kecil: number, satuanKecil: string): string {
  // Zero parts are left out: "2 hari", "45 menit", never "0 jam 45 menit" or "8 jam 0 menit".
  const parts: string[] = [];
  if (besar > 0) parts.push(`${besar} ${satuanBesar}`);
  if (kecil > 0) parts.push(`${kecil} ${satuanKecil}`);
  return parts.join(' ');
}

/**
 * "8 jam 28 menit", "45 menit", "2 hari 3 jam", "kurang dari 1 menit".
 * Rounded to the nearest minute under a day and to the nearest hour from a day on (minutes are
 * noise in "2 hari 3 jam"); the unit is chosen after rounding, so 23 h 59 min 40 s is "1 hari".
 */
export function durasi(ms: unknown): string {
  const value = assertDuration(ms, 'durasi');
  if (value < MENIT) return 'kurang dari 1 menit';
  const minutes = Math.round(value / MENIT);
  if (minutes * MENIT < HARI) return gabung(Math.floor(minutes / 60), 'jam', minutes % 60, 'menit');
  const hours = Math.round(value / JAM);
  return gabung(Math.floor(hours / 24), 'hari', hours % 24, 'jam');
}

/**
 * "dalam 8 jam 28 menit", or "kurang dari 15 menit" below 15 minutes. We chose the concrete
 * phrase over "dalam hitungan menit": it is what the seeds and leadership use, and it is
 * checkable. The threshold is on the exact duration, so "kurang dari" is always literally true.
 */
export function dalamDurasi(ms: unknown): string {
  const value = assertDuration(ms, 'dalamDurasi');
  if (value < BATAS_CEPAT_MS) return 'kurang dari 15 menit';
  return `dalam ${durasi(value)}`;
}

/**
 * The duration for a headline, short and true: "kurang dari 15 menit", "dalam 25 menit", or whole
 * hours rounded up ("dalam 9 jam" for 8 h 28 min: within nine hours, as the house style writes it).
 * Headlines carry a duration only when it is under a day; longer ones are for the body.
 */
export function dalamDurasiJudul(ms: unknown): string {
  const value = assertDuration(ms, 'dalamDurasiJudul');
  if (value < BATAS_CEPAT_MS) return 'kurang dari 15 menit';
  if (value < JAM) return `dalam ${Math.ceil(value / MENIT)} menit`;
  return `dalam ${Math.ceil(value / JAM - 1e-9)} jam`;
}
