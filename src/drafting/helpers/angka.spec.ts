import fc from 'fast-check';
import { angka, rupiah } from './angka';
import { HelperError } from './helper-error';

describe('angka', () => {
  it.each([
    [0, '0'],
    [7, '7'],
    [65, '65'],
    [999, '999'],
    [1000, '1.000'],
    [1_250_000, '1.250.000'],
    [-1_250_000, '-1.250.000'],
    [-0, '0'],
    [1e21, '1.000.000.000.000.000.000.000'],
    [Number.MAX_SAFE_INTEGER, '9.007.199.254.740.991'],
  ])('%p is "%s"', (n, text) => {
    expect(angka(n)).toBe(text);
  });

  it('takes bigints and integer strings (PostgreSQL bigint and numeric arrive as strings)', () => {
    expect(angka(123456789012345678901234567890n)).toBe('123.456.789.012.345.678.901.234.567.890');
    expect(angka('1250000')).toBe('1.250.000');
    expect(angka(' -42 ')).toBe('-42');
  });

  it('writes fractions with a decimal comma, at most two digits, trailing zeros dropped', () => {
    expect(angka(1234.5)).toBe('1.234,5');
    expect(angka(1234.567)).toBe('1.234,57');
    expect(angka(0.25)).toBe('0,25');
    expect(angka(-1234.5)).toBe('-1.234,5');
    expect(angka(2.999)).toBe('3');
    expect(angka(-0.001)).toBe('0'); // never "-0"
    expect(angka(3.14159, 4)).toBe('3,1416');
    expect(angka(3.7, 0)).toBe('4');
  });

  it.each([[Number.NaN], [Number.POSITIVE_INFINITY], [Number.NEGATIVE_INFINITY], [undefined], [null], ['1.250'], ['1,5'], ['12a'], [{}]])(
    'refuses %p instead of printing it',
    (value) => {
      expect(() => angka(value)).toThrow(HelperError);
      expect(() => angka(value)).toThrow(/^angka: butuh angka yang berhingga/);
    },
  );

  it('refuses a silly number of decimals', () => {
    expect(() => angka(1.5, -1)).toThrow('angka: jumlah desimal harus bilangan bulat 0-20');
    expect(() => angka(1.5, 1.5)).toThrow(HelperError);
  });

  it('round-trips any safe integer by removing the dots', () => {
    fc.assert(
      fc.property(fc.maxSafeInteger(), (n) => {
        const text = angka(n);
        expect(text).toMatch(/^-?\d{1,3}(\.\d{3})*$/);
        expect(Number(text.replace(/\./g, ''))).toBe(n === 0 ? 0 : n);
      }),
      { numRuns: 2000 },
    );
  });

  it('round-trips any bigint by removing the dots', () => {
    fc.assert(
      fc.property(fc.bigInt(), (n) => {
        expect(BigInt(angka(n).replace(/\./g, ''))).toBe(n);
      }),
    );
  });
});

describe('rupiah', () => {
  it('writes "Rp", a space and the amount with thousands dots', () => {
    expect(rupiah(1_250_000)).toBe('Rp 1.250.000');
    expect(rupiah(0)).toBe('Rp 0');
    expect(rupiah(500)).toBe('Rp 500');
    expect(rupiah('1250000')).toBe('Rp 1.250.000');
    expect(rupiah(10n ** 15n)).toBe('Rp 1.000.000.000.000.000');
  });

  it('rounds to whole rupiah, half away from zero', () => {
    expect(rupiah(1_250_000.4)).toBe('Rp 1.250.000');
    expect(rupiah(1_250_000.5)).toBe('Rp 1.250.001');
    expect(rupiah(-2.5)).toBe('-Rp 3');
    expect(rupiah(-0.4)).toBe('Rp 0');
  });

  it('puts the minus before "Rp"', () => {
    expect(rupiah(-1_250_000)).toBe('-Rp 1.250.000');
  });

  it.each([[Number.NaN], [Number.POSITIVE_INFINITY], [undefined], ['Rp 5']])('refuses %p', (value) => {
    expect(() => rupiah(value)).toThrow(/^rupiah: butuh angka yang berhingga/);
  });
});
