import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import type TestAgent from 'supertest/lib/agent';
import { DataSource } from 'typeorm';
import { createApp } from '../../src/app.factory';
import type { Clock } from '../../src/common/clock';
import { loadConfig } from '../../src/config/load-config';
import type { GaungConfig } from '../../src/config/gaung-config';
import { DEMO_PASSWORD } from '../../src/seed/demo-organisation';
import { FirstStartService } from '../../src/seed/first-start.service';
import { createTestDatabase, type TestDatabase } from './test-database';

export const TEST_ADMIN_PASSWORD = 'test-admin-password';
export const TEST_SECRET_KEY = 'test-secret-key-that-is-long-enough-0123456789';
export { DEMO_PASSWORD };

export interface TestApp {
  app: NestExpressApplication;
  http: TestAgent;
  config: GaungConfig;
  db: TestDatabase;
  dataSource: DataSource;
  /** Logs in and returns the bearer token. */
  login(username: string, password?: string): Promise<string>;
  close(): Promise<void>;
}

/**
 * The whole application on a fresh throwaway database (real PostgreSQL, or PGlite in the
 * fallback), migrated by the real migrations, with the admin and (by default) the demo
 * organisation seeded.
 */
export async function createTestApp(options: { env?: Record<string, string>; clock?: Clock; shareDatabaseOf?: TestApp } = {}): Promise<TestApp> {
  // A second instance on the same database (multi-instance tests) neither seeds nor drops it.
  const shared = options.shareDatabaseOf?.db;
  const db = shared ?? (await createTestDatabase());
  const config = loadConfig({
    DATABASE_URL: db.url,
    SECRET_KEY: TEST_SECRET_KEY,
    LOG_LEVEL: 'silent',
    DEMO: '1',
    ADMIN_PASSWORD: TEST_ADMIN_PASSWORD,
    LOGIN_RATE_PER_MINUTE: '10000',
    // the embedded fallback runs on one connection, as `npm start` does
    ...(db.embedded ? { DB_POOL_SIZE: '1' } : {}),
    ...options.env,
  });
  const app = await createApp(config, db.url, { clock: options.clock });
  await app.init();
  if (!shared) await app.get(FirstStartService).run();
  const http = request(app.getHttpServer());
  const testApp: TestApp = {
    app,
    http,
    config,
    db,
    dataSource: app.get(DataSource),
    async login(username, password) {
      const response = await http
        .post('/api/v1/auth/login')
        .send({ username, password: password ?? (username === 'admin' ? TEST_ADMIN_PASSWORD : DEMO_PASSWORD) });
      if (response.status !== 200) throw new Error(`login of ${username} failed: ${response.status} ${JSON.stringify(response.body)}`);
      return response.body.token as string;
    },
    async close() {
      await app.close();
      if (!shared) await db.drop();
    },
  };
  return testApp;
}

export const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
