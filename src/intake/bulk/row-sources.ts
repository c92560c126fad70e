import readline from 'node:readline';
import type { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import type { FieldError } from '../../common/problem/problem.exception';
import { csvRowToItem, parseCsvHeader } from './csv-row';
import type { CsvColumnTypes } from './intake-kinds';

/** One item read from a file, or why it could not be read. */
export interface SourceRow {
  /** CSV: the n-th data row (the header is not counted). NDJSON: the line number. */
  row: number;
  /** How far into the file this row ends, for the progress bar. */
  bytes: number;
  item?: unknown;
  errors?: FieldError[];
}

/** The file itself is unreadable past some point (broken CSV quoting, an oversized record). */
export class SourceError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SourceError';
  }
}

/** No single record may make the parser buffer more than this (an unclosed quote would swallow the file). */
const MAX_RECORD_BYTES = 1_000_000;

/**
 * Rows of a CSV stream, one at a time: the parser is pulled by the consumer, so only a chunk of
 * the file is in memory however large it is.
 */
export async function* readCsvRows(input: Readable, types: CsvColumnTypes): AsyncGenerator<SourceRow> {
  const parser = input.pipe(
    // info: the byte offset of each record, so the progress bar moves row by row rather than per chunk.
    parse({ bom: true, relax_column_count: true, skip_empty_lines: true, max_record_size: MAX_RECORD_BYTES, info: true }),
  );
  input.on('error', (error) => parser.destroy(error));
  let paths: string[][] | null = null;
  let row = 0;
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { bytes: number } }>) {
      if (!paths) {
        paths = parseCsvHeader(record);
        continue;
      }
      row += 1;
      yield { row, bytes: info.bytes, ...csvRowToItem(paths, record, types) };
    }
  } catch (error) {
    const { code, lines } = error as { code?: string; lines?: number };
    // csv-parse messages may quote file content: only its code and line number are repeated.
    if (code?.startsWith('CSV_')) throw new SourceError(`the CSV is malformed near line ${lines ?? '?'} (${code})`);
    throw error;
  } finally {
    // pipe() does not close the file when the parser stops early (an error, a bad header).
    input.destroy();
  }
  if (!paths) throw new SourceError('the CSV has no header row');
}

/**
 * Rows of an NDJSON stream (one JSON object per line; blank lines are skipped), read line by
 * line: readline pauses the file once 1,024 lines wait unconsumed, so memory is bounded by that.
 */
export async function* readNdjsonRows(input: Readable): AsyncGenerator<SourceRow> {
  const lines = readline.createInterface({ input, crlfDelay: Infinity });
  let row = 0;
  let bytes = 0;
  try {
    for await (const line of lines) {
      row += 1;
      bytes += Buffer.byteLength(line) + 1;
      if (line.trim() === '') continue;
      let item: unknown;
      try {
        item = JSON.parse(line);
      } catch {
        yield { row, bytes, errors: [{ field: '(row)', message: 'the line is not valid JSON' }] };
        continue;
      }
      yield { row, bytes, item };
    }
  } finally {
    // Also when the consumer stops early: readline leaves its input open.
    lines.close();
    input.destroy();
  }
}
