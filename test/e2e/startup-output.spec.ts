import { freePort, killStartedProcesses, startAppProcess, waitForOutput } from '../support/app-process';
import { createTestDatabase, describeRealPg, type TestDatabase } from '../support/test-database';
import { TEST_SECRET_KEY } from '../support/test-app';

/**
 * Issue 19 item 21: a first start at LOG_LEVEL info prints the logins and the address, not 230
 * lines of route mapping; the favicon every browser asks for is there.
 */
describeRealPg('start-up output', () => {
  jest.setTimeout(180_000);
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    killStartedProcesses();
    await db.drop();
  });

  it('keeps route mapping out of info logs, shows the logins at once, and serves /favicon.ico', async () => {
    const port = await freePort();
    const app = startAppProcess({
      DATABASE_URL: db.url, SECRET_KEY: TEST_SECRET_KEY, PORT: String(port), DEMO: '1', ADMIN_PASSWORD: 'startup-admin-password',
      DISPATCH_INTERVAL_MS: '0', PARTNER_POLL_MINUTES: '0', LOG_LEVEL: 'info',
    });
    await waitForOutput(app, /listening on/);
    const output = app.output();
    const lines = output.split('\n').filter((l) => l.trim() !== '');
    expect(output).not.toMatch(/Mapped \{/);
    expect(output).not.toMatch(/RoutesResolver|InstanceLoader/);
    expect(output).toMatch(/Admin login: admin/);
    expect(output).toMatch(/Demo logins/);
    // everything before the address fits a screen (demo logins included)
    expect(lines.length).toBeLessThan(60);
    const icon = await fetch(`http://127.0.0.1:${port}/favicon.ico`);
    expect(icon.status).toBe(200);
    expect(icon.headers.get('content-type')).toMatch(/image\/svg\+xml/);
    expect(await icon.text()).toContain('<svg');
    const asset = await fetch(`http://127.0.0.1:${port}/assets/console/favicon.svg`);
    expect(asset.status).toBe(200);
  });
});
