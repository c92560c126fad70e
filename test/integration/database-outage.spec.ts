import request from 'supertest';
import { createApp } from '../../src/app.factory';
import { loadConfig } from '../../src/config/load-config';
import { startEmbeddedPostgres } from '../../src/db/embedded-postgres';
import { FirstStartService } from '../../src/seed/first-start.service';
import { TEST_ADMIN_PASSWORD, TEST_SECRET_KEY } from '../support/test-app';

/** With the database gone the API answers 503 problem+json, and health says unhealthy. */
describe('database outage', () => {
  it('answers 503 while the database is away', async () => {
    const embedded = await startEmbeddedPostgres();
    const config = loadConfig({ DATABASE_URL: embedded.url, SECRET_KEY: TEST_SECRET_KEY, LOG_LEVEL: 'silent', DEMO: '0', ADMIN_PASSWORD: TEST_ADMIN_PASSWORD });
    const app = await createApp(config, embedded.url);
    await app.init();
    await app.get(FirstStartService).run();
    const http = request(app.getHttpServer());
    const { body } = await http.post('/api/v1/auth/login').send({ username: 'admin', password: TEST_ADMIN_PASSWORD }).expect(200);

    await embedded.stop();

    const health = await http.get('/health').expect(503);
    expect(health.headers['content-type']).toMatch(/problem\+json/);
    expect(health.body).toMatchObject({ code: 'unhealthy', checks: { status: 'error' } });
    const units = await http.get('/api/v1/units').set('Authorization', `Bearer ${body.token}`).expect(503);
    expect(units.body.code).toBe('database_unavailable');
    expect(units.headers['retry-after']).toBe('5');
    await app.close();
  });
});
