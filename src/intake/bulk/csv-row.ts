import type { FieldError } from '../../common/problem/problem.exception';
import type { CsvColumnTypes } from './intake-kinds';

/**
 * CSV rows -> the API's JSON shape. The format (also in README.md, "Bulk import"):
 *
 * - The first row is the header. Each header names a field of the API body; nested fields use
 *   dots: `location.subdistrict`, `complainant.name`, `consent.level`, `consent.quote`.
 * - An empty cell means "field not given" (optional fields may simply be left empty).
 * - `consent.quote` is `true` or `false`; `rating` is an integer.
 * - Array fields hold JSON in the cell: `stages` = `[{"at":"2026-10-25T01:35:00Z","label":"..."}]`,
 *   `mediaIds` = `["<uuid>"]`, `participants`, `quotes` likewise.
 * - Every other cell is text, taken as it is.
 *
 * Which columns are JSON, boolean or integer is fixed per kind (intake-kinds.ts), never guessed
 * from the value: a phone number must stay text, and a summary may start with "[".
 */

/** A header problem makes the whole file unusable: it is reported before any row is imported. */
export class CsvHeaderError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CsvHeaderError';
  }
}

/** Letters and digits per segment: no "__proto__", no array indexes, nothing to pollute objects with. */
const HEADER = /^[A-Za-z][A-Za-z0-9]*(\.[A-Za-z][A-Za-z0-9]*)*$/;

/** Plain names that still reach a prototype through a naive copy: no field of Gaung is called so. */
const PROTOTYPE_KEYS = new Set(['constructor', 'prototype']);

/** Checks the header row and returns it as paths. */
export function parseCsvHeader(cells: string[]): string[][] {
  const headers = cells.map((cell) => cell.trim());
  const seen = new Set<string>();
  for (const [i, header] of headers.entries()) {
    if (!HEADER.test(header) || header.split('.').some((segment) => PROTOTYPE_KEYS.has(segment))) {
      throw new CsvHeaderError(`column ${i + 1} of the header is not a field name such as summary or location.city`);
    }
    if (seen.has(header)) throw new CsvHeaderError(`the column ${header} appears twice in the header`);
    seen.add(header);
  }
  for (const header of headers) {
    const parent = headers.find((other) => header.startsWith(`${other}.`));
    if (parent) throw new CsvHeaderError(`the columns ${parent} and ${header} cannot both be given`);
  }
  return headers.map((header) => header.split('.'));
}

export type CsvConversion = { item: Record<string, unknown> } | { errors: FieldError[] };

/** One data row in the API's shape, or the cells that could not be read (malformed JSON). */
export function csvRowToItem(paths: string[][], cells: string[], types: CsvColumnTypes): CsvConversion {
  if (cells.length !== paths.length) {
    return { errors: [{ field: '(row)', message: `has ${cells.length} cells, the header has ${paths.length}` }] };
  }
  const item: Record<string, unknown> = {};
  const errors: FieldError[] = [];
  paths.forEach((path, i) => {
    const cell = cells[i];
    if (cell.trim() === '') return;
    const field = path.join('.');
    let value: unknown = cell;
    if (types.json.includes(field)) {
      try {
        value = JSON.parse(cell);
      } catch {
        errors.push({ field, message: `${path[path.length - 1]} must be valid JSON` });
        return;
      }
    } else if (types.boolean.includes(field)) {
      const word = cell.trim().toLowerCase();
      // Anything else stays text, so the DTO answers with its own "must be a boolean value".
      value = word === 'true' ? true : word === 'false' ? false : cell;
    } else if (types.integer.includes(field)) {
      value = /^\s*-?\d+\s*$/.test(cell) ? Number(cell) : cell;
    }
    setPath(item, path, value);
  });
  return errors.length ? { errors } : { item };
}

function setPath(target: Record<string, unknown>, path: string[], value: unknown): void {
  let node = target;
  for (const key of path.slice(0, -1)) {
    if (typeof node[key] !== 'object' || node[key] === null) node[key] = {};
    node = node[key] as Record<string, unknown>;
  }
  node[path[path.length - 1]] = value;
}
