/**
 * The one error type of the Indonesian formatting helpers. Messages are in Indonesian because a
 * template author (a Humas officer editing a unit override) reads them in the template preview;
 * the code is stable so callers can tell a bad argument from a bug without parsing text.
 */
export type HelperErrorCode = 'HELPER_MISSING_ARGUMENT' | 'HELPER_INVALID_ARGUMENT' | 'HELPER_UNKNOWN_TIME_ZONE';

export class HelperError extends Error {
  override readonly name = 'HelperError';

  constructor(
    readonly code: HelperErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/** Short, safe description of a bad value for an error message (never the whole value: it may be personal data). */
export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'undefined';
  if (Array.isArray(value)) return 'array';
  if (value instanceof Date) return 'Date tidak valid';
  return typeof value;
}

/** A required text argument: a string (numbers allowed, e.g. a unit number) that is not blank. */
export function requireText(value: unknown, fn: string, label: string): string {
  const text = optionalText(value, fn, label);
  if (text === '') {
    throw new HelperError('HELPER_MISSING_ARGUMENT', `${fn}: ${label} kosong`);
  }
  return text;
}

/**
 * An optional text argument: null, undefined and blank all mean "absent" and give ''. Whitespace
 * is trimmed and collapsed because names and positions come from forms typed by hand.
 * Objects are refused: printing them would leave "[object Object]" in a press release.
 */
export function optionalText(value: unknown, fn: string, label: string): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value !== 'string') {
    throw new HelperError('HELPER_INVALID_ARGUMENT', `${fn}: ${label} harus teks, bukan ${describe(value)}`);
  }
  return collapseWhitespace(value);
}

export function collapseWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
