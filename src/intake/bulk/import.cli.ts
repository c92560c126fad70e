import 'reflect-metadata';
import fs from 'node:fs';
import path from 'node:path';
import { SingleBar } from 'cli-progress';
import { CsvHeaderError } from './csv-row';
import { exitCodeOf, formatSummary, type ImportProgress } from './import-runner';
import type { ImportRequest } from './import-session';
import { parseIntakeKind } from './intake-kinds';

/**
 * `npm run import -- complaints|feedback|achievements <file.csv|file.ndjson> [--as <username>]`
 * Exit codes: 0 all rows imported; 1 some rows rejected (or the file broke off); 2 usage error
 * (bad kind, missing file, unknown --as user, bad CSV header, bad configuration); 3 unexpected failure.
 * The CSV format is described in csv-row.ts and README.md ("Bulk import").
 */
const USAGE = 'usage: npm run import -- complaints|feedback|achievements <file.csv|file.ndjson> [--as <username>]';
/** Without a terminal (CI, cron, a pipe) a line every this many rows replaces the bar. */
const PROGRESS_LINE_EVERY = 1_000;

class UsageError extends Error {}

function parseArgs(argv: string[]): ImportRequest {
  const positional: string[] = [];
  let as: string | undefined;
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    if (arg === '--as') {
      as = argv[++i];
      if (!as) throw new UsageError('--as needs a username');
    } else if (arg.startsWith('--as=')) as = arg.slice(5);
    else if (arg.startsWith('-')) throw new UsageError(`unknown option ${arg}`);
    else positional.push(arg);
  }
  if (positional.length !== 2) throw new UsageError('expected a kind and a file');
  const kind = parseIntakeKind(positional[0]);
  if (!kind) throw new UsageError(`unknown kind ${positional[0]}`);
  const file = path.resolve(positional[1]);
  const extension = path.extname(file).toLowerCase();
  if (!['.csv', '.ndjson', '.jsonl'].includes(extension)) throw new UsageError('the file must end in .csv or .ndjson');
  if (!fs.statSync(file, { throwIfNoEntry: false })?.isFile()) throw new UsageError(`no such file: ${positional[1]}`);
  return { kind, file, format: extension === '.csv' ? 'csv' : 'ndjson', as };
}

/** A bar on a terminal; otherwise a plain line every 1,000 rows (logs must stay readable). */
function progressReporter(totalBytes: number): { update(p: ImportProgress): void; stop(): void } {
  if (process.stderr.isTTY) {
    const bar = new SingleBar({
      stream: process.stderr,
      format: 'importing [{bar}] {percentage}% | {rows} rows | accepted {accepted}, duplicate {duplicate}, rejected {rejected} | eta {eta_formatted}',
      hideCursor: true,
      // Rows finish in small bursts (several in flight): average the ETA over more of them.
      etaBuffer: 200,
    });
    bar.start(Math.max(totalBytes, 1), 0, { rows: 0, accepted: 0, duplicate: 0, rejected: 0 });
    return { update: (p) => bar.update(Math.min(p.bytes, totalBytes), { ...p }), stop: () => bar.stop() };
  }
  return {
    update(p) {
      if (p.rows % PROGRESS_LINE_EVERY === 0) process.stderr.write(`${p.rows} rows: accepted ${p.accepted}, duplicate ${p.duplicate}, rejected ${p.rejected}\n`);
    },
    stop() {},
  };
}

async function main(argv: string[]): Promise<number> {
  const request = parseArgs(argv);
  // Loaded only now: it brings in the whole application, which takes seconds.
  const { runImport, ImportRefused } = await import('./import-session');
  const progress = progressReporter(fs.statSync(request.file).size);
  try {
    const summary = await runImport(request, (p) => progress.update(p));
    progress.stop();
    process.stdout.write(formatSummary(summary));
    return exitCodeOf(summary);
  } catch (error) {
    progress.stop();
    if (error instanceof ImportRefused || error instanceof CsvHeaderError) throw new UsageError(error.message);
    throw error;
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    const configError = (error as Error)?.name === 'ConfigError';
    if (error instanceof UsageError || configError) {
      process.stderr.write(`${(error as Error).message}\n${configError ? '' : `${USAGE}\n`}`);
      process.exit(2);
    }
    // Not the message: a driver error can quote a row's personal data.
    const { name, code, stack } = (error ?? {}) as { name?: string; code?: string; stack?: string };
    process.stderr.write(`import failed: ${name ?? 'Error'}${code ? ` (${code})` : ''}\n${stack?.split('\n').slice(1, 6).join('\n') ?? ''}\n`);
    process.exit(3);
  },
);
