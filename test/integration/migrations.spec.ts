import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../../src/db/data-source-options';
import { revertLastMigration, runMigrations } from '../../src/db/migrate';
import { createTestDatabase, itRealPg, type TestDatabase } from '../support/test-database';

/** Every migration goes up, comes down and goes up again on an empty database. */
describe('migrations', () => {
  let db: TestDatabase;
  let dataSource: DataSource;

  beforeAll(async () => {
    db = await createTestDatabase();
    dataSource = await new DataSource(dataSourceOptions(db.url, 2)).initialize();
  });
  afterAll(async () => {
    await dataSource.destroy();
    await db.drop();
  });

  const tables = async () =>
    (await dataSource.query(`SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'schema_migration' ORDER BY 1`)).map(
      (r: { tablename: string }) => r.tablename,
    );

  it('applies, reverts and re-applies cleanly, and is idempotent', async () => {
    const applied = await runMigrations(dataSource);
    expect(applied.length).toBeGreaterThan(0);
    const schema = await tables();
    expect(schema).toEqual(expect.arrayContaining(['unit', 'app_user', 'api_token', 'audit_event', 'job_run']));
    expect(await runMigrations(dataSource)).toEqual([]);

    for (let i = 0; i < applied.length; i++) await revertLastMigration(dataSource);
    expect(await tables()).toEqual([]);

    await runMigrations(dataSource);
    expect(await tables()).toEqual(schema);
  });

  // PGlite is a single session, so advisory locks cannot exclude there: a real server is needed.
  itRealPg('runs once when several instances migrate at the same time', async () => {
    for (const _ of await dataSource.query(`SELECT 1 FROM schema_migration`)) await revertLastMigration(dataSource);
    const others = await Promise.all([0, 1, 2].map(() => new DataSource(dataSourceOptions(db.url, 2)).initialize()));
    const results = await Promise.all(others.map((ds) => runMigrations(ds)));
    await Promise.all(others.map((ds) => ds.destroy()));
    expect(results.filter((names) => names.length > 0)).toHaveLength(1);
  });
});
