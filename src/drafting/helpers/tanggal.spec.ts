import { HelperError } from './helper-error';
import { hariTanggalPanjang, hariTanggalSingkat, jam, pukul, tanggal } from './tanggal';

// Fixed instants only: nothing here reads the clock or the machine's zone.
const SORE = '2026-10-25T09:40:00Z'; // the curanmor fixture's resolvedAt
const TENGAH_MALAM_WIB = '2026-10-25T16:30:00Z'; // 23.30 WIB, but already the 26th further east
const LEWAT_TENGAH_MALAM = '2026-10-25T17:30:00Z'; // the 26th in all three zones

describe('Indonesian dates and times in the unit zone', () => {
  it.each([
    ['Asia/Jakarta', 'Minggu (25/10/2026)', 'Minggu, 25 Oktober 2026', 'pukul 16.40 WIB'],
    ['Asia/Makassar', 'Minggu (25/10/2026)', 'Minggu, 25 Oktober 2026', 'pukul 17.40 WITA'],
    ['Asia/Jayapura', 'Minggu (25/10/2026)', 'Minggu, 25 Oktober 2026', 'pukul 18.40 WIT'],
  ])('2026-10-25T09:40Z in %s', (tz, singkat, panjang, jamPukul) => {
    expect(hariTanggalSingkat(SORE, tz)).toBe(singkat);
    expect(hariTanggalPanjang(SORE, tz)).toBe(panjang);
    expect(tanggal(SORE, tz)).toBe('25 Oktober 2026');
    expect(pukul(SORE, tz)).toBe(jamPukul);
    expect(jam(SORE, tz)).toBe(jamPukul.replace('pukul ', ''));
  });

  it.each([
    ['Asia/Jakarta', 'Minggu (25/10/2026)', 'pukul 23.30 WIB'],
    ['Asia/Makassar', 'Senin (26/10/2026)', 'pukul 00.30 WITA'],
    ['Asia/Jayapura', 'Senin (26/10/2026)', 'pukul 01.30 WIT'],
  ])('2026-10-25T16:30Z lands on the local day in %s', (tz, singkat, jamPukul) => {
    expect(hariTanggalSingkat(TENGAH_MALAM_WIB, tz)).toBe(singkat);
    expect(pukul(TENGAH_MALAM_WIB, tz)).toBe(jamPukul);
  });

  it.each([
    ['Asia/Jakarta', 'pukul 00.30 WIB'],
    ['Asia/Makassar', 'pukul 01.30 WITA'],
    ['Asia/Jayapura', 'pukul 02.30 WIT'],
  ])('2026-10-25T17:30Z is Monday the 26th in %s', (tz, jamPukul) => {
    expect(hariTanggalSingkat(LEWAT_TENGAH_MALAM, tz)).toBe('Senin (26/10/2026)');
    expect(hariTanggalPanjang(LEWAT_TENGAH_MALAM, tz)).toBe('Senin, 26 Oktober 2026');
    expect(tanggal(LEWAT_TENGAH_MALAM, tz)).toBe('26 Oktober 2026');
    expect(pukul(LEWAT_TENGAH_MALAM, tz)).toBe(jamPukul);
  });

  it('turns over at exactly local midnight, never at UTC midnight', () => {
    expect(pukul('2026-10-25T16:59:00Z', 'Asia/Jakarta')).toBe('pukul 23.59 WIB');
    expect(tanggal('2026-10-25T16:59:59.999Z', 'Asia/Jakarta')).toBe('25 Oktober 2026');
    expect(tanggal('2026-10-25T17:00:00Z', 'Asia/Jakarta')).toBe('26 Oktober 2026');
    expect(pukul('2026-10-25T17:00:00Z', 'Asia/Jakarta')).toBe('pukul 00.00 WIB');
    expect(tanggal('2026-10-25T15:59:59Z', 'Asia/Jayapura')).toBe('26 Oktober 2026');
  });

  it('crosses months and years on the local side', () => {
    expect(hariTanggalPanjang('2026-12-31T16:30:00Z', 'Asia/Makassar')).toBe('Jumat, 1 Januari 2027');
    expect(hariTanggalSingkat('2026-12-31T16:30:00Z', 'Asia/Jakarta')).toBe('Kamis (31/12/2026)');
    expect(hariTanggalSingkat('2028-02-28T20:00:00Z', 'Asia/Jayapura')).toBe('Selasa (29/02/2028)');
  });

  it('names every day of the week, Minggu to Sabtu', () => {
    const week = [25, 26, 27, 28, 29, 30, 31].map((d) => hariTanggalPanjang(`2026-10-${d}T05:00:00Z`, 'Asia/Jakarta'));
    expect(week.map((s) => s.split(',')[0])).toEqual(['Minggu', 'Senin', 'Selasa', 'Rabu', 'Kamis', 'Jumat', 'Sabtu']);
  });

  it('names every month', () => {
    const months = Array.from({ length: 12 }, (_, m) => tanggal(Date.UTC(2026, m, 15, 5), 'Asia/Jakarta').split(' ')[1]);
    expect(months).toEqual([
      'Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni',
      'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember',
    ]);
  });

  it('pads day, month, hour and minute where the format has two digits, and only there', () => {
    const at = '2026-03-04T23:05:00Z'; // 06.05 WIB on the 5th of March
    expect(hariTanggalSingkat(at, 'Asia/Jakarta')).toBe('Kamis (05/03/2026)');
    expect(hariTanggalPanjang(at, 'Asia/Jakarta')).toBe('Kamis, 5 Maret 2026');
    expect(tanggal(at, 'Asia/Jakarta')).toBe('5 Maret 2026');
    expect(pukul(at, 'Asia/Jakarta')).toBe('pukul 06.05 WIB');
  });

  it('takes a Date, epoch milliseconds or an ISO string with an offset alike', () => {
    const ms = Date.parse(SORE);
    for (const input of [new Date(ms), ms, SORE, '2026-10-25T17:40:00+08:00']) {
      expect(pukul(input, 'Asia/Makassar')).toBe('pukul 17.40 WITA');
    }
  });

  it('refuses an unknown zone and a bad date with errors naming the helper', () => {
    expect(() => pukul(SORE, 'Europe/Amsterdam')).toThrow(/^pukul: zona waktu "Europe\/Amsterdam" tidak dikenal/);
    expect(() => tanggal(SORE, undefined)).toThrow(HelperError);
    expect(() => hariTanggalSingkat(undefined, 'Asia/Jakarta')).toThrow(/^hariTanggalSingkat: tanggal harus/);
    expect(() => hariTanggalPanjang('2026-10-25 09:40', 'Asia/Jakarta')).toThrow(/ISO 8601 dengan zona/);
  });
});
