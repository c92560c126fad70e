import fs from 'node:fs';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { AppModule } from '../../app.module';
import type { GaungConfig } from '../../config/gaung-config';
import { loadConfig } from '../../config/load-config';
import { openDatabase } from '../../db/open-database';
import { findActingUser } from './acting-user';
import { DEFAULT_CONCURRENCY, ImportRunner, type ImportProgress, type ImportSummary } from './import-runner';
import { IntakeDispatcher } from './intake-dispatcher.service';
import { INTAKE_KIND_SPECS, mayCreate, type IntakeKind } from './intake-kinds';
import { readCsvRows, readNdjsonRows, type SourceRow } from './row-sources';

export interface ImportRequest {
  kind: IntakeKind;
  file: string;
  format: 'csv' | 'ndjson';
  /** Username to act as; the configured admin when absent. */
  as?: string;
}

/** Refusals before any row is read (the CLI exits 2 on them). */
export class ImportRefused extends Error {}

/**
 * Rows in flight for this database: never more than connections (waiting for the pool times
 * out), and one on PGlite, which runs one statement at a time anyway and whose socket multiplexer
 * was seen answering concurrent transactions with other connections' results (STACK.md). Asked
 * of the server, since the embedded database can also be reached through DATABASE_URL.
 */
export async function importConcurrency(db: DataSource, poolSize: number): Promise<number> {
  const [{ version }] = await db.query('SELECT version() AS version');
  return /PGlite/i.test(version) ? 1 : Math.max(1, Math.min(DEFAULT_CONCURRENCY, poolSize));
}

/**
 * Boots Gaung's application context (no HTTP server, no logs) on the configured database, as
 * `npm start` would find it, acts as the requested user, and runs the import. Loaded by the CLI
 * only once its arguments are valid, because booting takes seconds.
 */
export async function runImport(request: ImportRequest, onProgress: (p: ImportProgress) => void): Promise<ImportSummary> {
  // The same data as `npm start`; PGlite is single-process, so the server must be stopped meanwhile.
  const database = await openDatabase({ ...loadConfig(), logLevel: 'silent' });
  const config = database.config;
  try {
    const app = await NestFactory.createApplicationContext(AppModule.forRoot(config, database.url), {
      logger: false,
      abortOnError: false,
    });
    try {
      const username = request.as ?? config.adminUsername;
      const user = await findActingUser(app.get(DataSource), username, `import:${process.pid}`);
      if (!user) throw new ImportRefused(`no active user ${username}`);
      if (!mayCreate(user.role, request.kind)) throw new ImportRefused(`${username} (${user.role}) may not submit ${request.kind} items`);

      const input = fs.createReadStream(request.file);
      const rows: AsyncIterable<SourceRow> =
        request.format === 'csv' ? readCsvRows(input, INTAKE_KIND_SPECS[request.kind].csv) : readNdjsonRows(input);
      const runner = new ImportRunner(app.get(IntakeDispatcher), user, request.kind, {
        concurrency: await importConcurrency(app.get(DataSource), config.dbPoolSize),
        onProgress,
      });
      return await runner.run(rows);
    } finally {
      await app.close();
    }
  } finally {
    await database.close();
  }
}
