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

/** A pool of one connection (the embedded database) cannot hold the lock on a second one; nor does it need to. */
const singleConnection = (dataSource: DataSource) => (dataSource.options as { extra?: { max?: number } }).extra?.max === 1;

async function withAdvisoryLock<T>(dataSource: DataSource, work: () => Promise<T>): Promise<T> {
  if (singleConnection(dataSource)) return work();
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
