import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { ConfigError, loadConfig } from '../config/load-config';
import { dataSourceOptions } from './data-source-options';
import { openDatabase } from './open-database';
import { revertLastMigration, runMigrations } from './migrate';

/** `npm run migration:run` / `migration:revert`, against DATABASE_URL or the embedded database. */
async function main(command: string | undefined): Promise<void> {
  if (command !== 'run' && command !== 'revert') throw new Error('usage: migrate.cli (run|revert)');
  const database = await openDatabase(loadConfig());
  const dataSource = await new DataSource(dataSourceOptions(database.url, database.embedded ? 1 : 2)).initialize();
  try {
    if (command === 'run') {
      const done = await runMigrations(dataSource);
      process.stdout.write(done.length ? `Applied: ${done.join(', ')}\n` : 'Nothing to migrate.\n');
    } else {
      await revertLastMigration(dataSource);
      process.stdout.write('Reverted the last migration.\n');
    }
  } finally {
    await dataSource.destroy();
    await database.close();
  }
}

main(process.argv[2]).catch((error: unknown) => {
  process.stderr.write(`${error instanceof ConfigError ? error.message : (error as Error).stack}\n`);
  process.exit(1);
});
