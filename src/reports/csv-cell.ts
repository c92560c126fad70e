/**
 * A spreadsheet runs a cell that starts with = + - @ (and, in some, a leading tab or carriage
 * return) as a formula: "=HYPERLINK(...)" in a story title would become a live link, "+62..."
 * a sum. Such cells are prefixed with a single quote (OWASP "CSV injection"), which spreadsheets
 * show as text and hide.
 */
/**
 * Spreadsheets also skip leading blanks and line breaks before judging a cell (issue 17:
 * "\n=cmd" and "   =1+1" were not neutralised), and some read the full-width forms of the
 * formula signs as the signs themselves.
 */
const FORMULA_START = /^[\s\u200B-\u200D\u2060\uFEFF]*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]|^[\t\r\n]/;

export function neutraliseCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  return FORMULA_START.test(text) ? `'${text}` : text;
}
