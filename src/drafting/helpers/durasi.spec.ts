import { HelperError } from './helper-error';
import { dalamDurasi, dalamDurasiJudul, durasi } from './durasi';

const DETIK = 1000;
const MENIT = 60 * DETIK;
const JAM = 60 * MENIT;
const HARI = 24 * JAM;

describe('durasi', () => {
  it.each([
    [8 * JAM + 28 * MENIT, '8 jam 28 menit'], // the curanmor fixture: 01.12 to 09.40 UTC
    [45 * MENIT, '45 menit'],
    [2 * HARI + 3 * JAM, '2 hari 3 jam'],
    [0, 'kurang dari 1 menit'],
    [59 * DETIK, 'kurang dari 1 menit'],
    [MENIT, '1 menit'],
    [JAM, '1 jam'],
    [3 * JAM, '3 jam'],
    [HARI, '1 hari'],
    [2 * HARI, '2 hari'],
  ])('%p ms is "%s"', (ms, text) => {
    expect(durasi(ms)).toBe(text);
  });

  it('rounds to the nearest minute under a day, half up', () => {
    expect(durasi(14 * MENIT + 29 * DETIK)).toBe('14 menit');
    expect(durasi(14 * MENIT + 30 * DETIK)).toBe('15 menit');
    expect(durasi(59 * MENIT + 40 * DETIK)).toBe('1 jam'); // not "60 menit", not "0 jam 60 menit"
    expect(durasi(2 * JAM + 20 * DETIK)).toBe('2 jam'); // not "2 jam 0 menit"
  });

  it('rounds to the nearest hour from a day on, dropping minutes', () => {
    expect(durasi(HARI + 29 * MENIT)).toBe('1 hari');
    expect(durasi(HARI + 31 * MENIT)).toBe('1 hari 1 jam');
    expect(durasi(2 * HARI + 23 * JAM + 40 * MENIT)).toBe('3 hari'); // not "2 hari 24 jam"
  });

  it('chooses the unit after rounding, so just under a day reads "1 hari"', () => {
    expect(durasi(HARI - 20 * DETIK)).toBe('1 hari');
    expect(durasi(HARI - 31 * DETIK)).toBe('23 jam 59 menit');
  });

  it.each([[-1], [Number.NaN], [Number.POSITIVE_INFINITY], ['3600000'], [undefined], [null]])('refuses %p', (value) => {
    expect(() => durasi(value)).toThrow(HelperError);
    expect(() => durasi(value)).toThrow(/^durasi: durasi/);
  });

  it('says a negative duration is out of order rather than printing it', () => {
    expect(() => durasi(-MENIT)).toThrow('durasi: durasi tidak boleh negatif');
  });
});

describe('dalamDurasi', () => {
  it('puts "dalam" before the duration', () => {
    expect(dalamDurasi(8 * JAM + 28 * MENIT)).toBe('dalam 8 jam 28 menit');
    expect(dalamDurasi(15 * MENIT)).toBe('dalam 15 menit');
    expect(dalamDurasi(2 * HARI + 3 * JAM)).toBe('dalam 2 hari 3 jam');
  });

  it('says "kurang dari 15 menit" for a fast response, decided on the exact time', () => {
    expect(dalamDurasi(0)).toBe('kurang dari 15 menit');
    expect(dalamDurasi(14 * MENIT)).toBe('kurang dari 15 menit'); // the tawuran fixture: 16.05 to 16.19
    expect(dalamDurasi(15 * MENIT - 1)).toBe('kurang dari 15 menit');
  });

  it('refuses what durasi refuses, naming itself', () => {
    expect(() => dalamDurasi(-5)).toThrow(/^dalamDurasi: /);
    expect(() => dalamDurasi(undefined)).toThrow(HelperError);
  });
});

describe('dalamDurasiJudul', () => {
  it('is short and true: minutes under an hour, whole hours rounded up above', () => {
    expect(dalamDurasiJudul(10 * 60_000)).toBe('kurang dari 15 menit');
    expect(dalamDurasiJudul(25 * 60_000)).toBe('dalam 25 menit');
    expect(dalamDurasiJudul((8 * 60 + 28) * 60_000)).toBe('dalam 9 jam');
    expect(dalamDurasiJudul(2 * 3_600_000)).toBe('dalam 2 jam');
  });
});
