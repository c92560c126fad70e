/**
 * A spreadsheet runs a cell that starts with = + - @ (and, in some, a leading tab or carriage
 * return) as a formula: "=HYPERLINK(...)" in a story title would become a live link, "+62..."
 * a sum. Such cells are prefixed with a single quote (OWASP "CSV injection"), which spreadsheets
 * show as text and hide.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function neutraliseCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  return FORMULA_START.test(text) ? `'${text}` : text;
}
