import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { startEmbeddedPostgres } from '../../src/db/embedded-postgres';

/** A throwaway database for one test file: created empty, dropped afterwards. */
export interface TestDatabase {
  url: string;
  embedded: boolean;
  drop(): Promise<void>;
}

export const usingRealPostgres = () => process.env.GAUNG_TEST_DB !== 'embedded';

/** describe() for tests that need a real PostgreSQL server (several processes, restarts...). */
export const describeRealPg: jest.Describe = (usingRealPostgres() ? describe : describe.skip) as jest.Describe;

export async function createTestDatabase(): Promise<TestDatabase> {
  if (!usingRealPostgres()) {
    const embedded = await startEmbeddedPostgres();
    return { url: embedded.url, embedded: true, drop: () => embedded.stop() };
  }
  const adminUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const name = `gaung_test_${randomBytes(6).toString('hex')}`;
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    embedded: false,
    async drop() {
      const client = new Client({ connectionString: adminUrl });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}

/** it() for a single test that needs a real PostgreSQL server. */
export const itRealPg: jest.It = (usingRealPostgres() ? it : it.skip) as jest.It;
