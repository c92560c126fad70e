import { HelperError, describe } from './helper-error';

/** Thousands with dots, the Indonesian way: "1250000" -> "1.250.000". */
function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

/**
 * Accepts numbers, bigints and strings of plain integer digits (PostgreSQL bigint and numeric
 * columns arrive as strings). Strings with a dot or comma are refused: "1.250" means 1250 to an
 * Indonesian and 1.25 to JavaScript, and guessing wrong would print a false figure.
 */
function toNumeric(value: unknown, fn: string): number | bigint {
  if (typeof value === 'bigint') return value;
  if (typeof value === 'string' && /^-?\d+$/.test(value.trim())) return BigInt(value.trim());
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  // NaN and Infinity too: "NaN" or "Rp Infinity" in a release is worse than a failed draft.
  const why = typeof value === 'number' ? String(value) : describe(value);
  throw new HelperError('HELPER_INVALID_ARGUMENT', `${fn}: butuh angka yang berhingga, bukan ${why}`);
}

function formatInteger(n: bigint): string {
  return n < 0n ? `-${groupThousands((-n).toString())}` : groupThousands(n.toString());
}

/**
 * "1.250.000", "-7", "1.234,5". Integers are exact at any size (through BigInt, so 1e21 does not
 * turn into "1e+21"). Fractions get a decimal comma, at most `maxDesimal` digits (default 2),
 * trailing zeros dropped; a value that rounds to zero prints "0", never "-0".
 */
export function angka(value: unknown, maxDesimal = 2): string {
  const n = toNumeric(value, 'angka');
  if (!Number.isInteger(maxDesimal) || maxDesimal < 0 || maxDesimal > 20) {
    throw new HelperError('HELPER_INVALID_ARGUMENT', 'angka: jumlah desimal harus bilangan bulat 0-20');
  }
  if (typeof n === 'bigint') return formatInteger(n);
  if (Number.isInteger(n)) return formatInteger(BigInt(n));
  // Non-integers are below 2^53, so toFixed gives plain digits, never an exponent.
  const [whole, fraction = ''] = Math.abs(n).toFixed(maxDesimal).split('.');
  const trimmed = fraction.replace(/0+$/, '');
  const body = groupThousands(whole) + (trimmed === '' ? '' : `,${trimmed}`);
  return n < 0 && /[1-9]/.test(body) ? `-${body}` : body;
}

/**
 * "Rp 1.250.000" with a space, as the house style writes it. Rounded to whole rupiah (half away
 * from zero): sen are not used in public figures. A negative amount is "-Rp 1.250.000", the order
 * id-ID formatting uses.
 */
export function rupiah(value: unknown): string {
  const n = toNumeric(value, 'rupiah');
  const whole = typeof n === 'bigint' ? n : BigInt(Math.sign(n) * Math.round(Math.abs(n)));
  return whole < 0n ? `-Rp ${groupThousands((-whole).toString())}` : `Rp ${groupThousands(whole.toString())}`;
}
