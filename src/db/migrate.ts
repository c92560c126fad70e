import type { DataSource } from 'typeorm';

/** Any constant shared by all instances: only one of them migrates at a time. */
const MIGRATION_LOCK = 7_414_201;

/**
 * Runs pending migrations under a PostgreSQL advisory lock, so several instances starting
 * together against one database migrate it once (the others wait, then find nothing to do).
 */
export async function runMigrations(dataSource: DataSource): Promise<string[]> {
  return withAdvisoryLock(dataSource, async () => {
    const done = await dataSource.runMigrations({ transaction: 'each' });
    return done.map((m) => m.name);
  });
}

export async function revertLastMigration(dataSource: DataSource): Promise<void> {
  await withAdvisoryLock(dataSource, () => dataSource.undoLastMigration({ transaction: 'each' }));
}

async function withAdvisoryLock<T>(dataSource: DataSource, work: () => Promise<T>): Promise<T> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    try {
      return await work();
    } finally {
      await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]);
    }
  } finally {
    await runner.release();
  }
}
