import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort, killStartedProcesses, startAppProcess, waitForOutput } from '../support/app-process';

/** `npm start` on a fresh machine: the embedded database, demo data, restart with data kept. */
describe('embedded mode as a process', () => {
  // a first start creates a PostgreSQL cluster in WASM and migrates it: slow on a busy machine
  jest.setTimeout(240_000);
  let dataDir: string;

  beforeAll(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gaung-e2e-'));
  });
  afterAll(() => {
    killStartedProcesses();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('starts from an empty DATA_DIR, seeds demo data, stops on SIGTERM and restarts with its data', async () => {
    const port = await freePort();
    const env = { DATA_DIR: dataDir, PORT: String(port) };
    const base = `http://127.0.0.1:${port}`;

    const first = startAppProcess(env);
    const [, adminPassword] = await waitForOutput(first, /Admin login: admin \/ (\S+)/);
    await waitForOutput(first, /listening on/);
    expect(first.output()).toMatch(/humas\.jaksel\s+humas\s+POLRES-JAKSEL/);
    expect(fs.existsSync(path.join(dataDir, 'secret.key'))).toBe(true);
    expect(fs.statSync(path.join(dataDir, 'secret.key')).mode & 0o077).toBe(0);

    const login = await fetch(`${base}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: adminPassword }) });
    expect(login.status).toBe(200);
    const { token } = (await login.json()) as { token: string };
    const created = await fetch(`${base}/api/v1/units`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ code: 'POLSEK-TEBET', name: 'Polsek Tebet', level: 'polsek', parentCode: 'POLRES-JAKSEL', city: 'Jakarta Selatan', timezone: 'Asia/Jakarta' }),
    });
    expect(created.status).toBe(201);

    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);

    const second = startAppProcess(env);
    await waitForOutput(second, /listening on/);
    expect(second.output()).not.toMatch(/Admin login|Demo logins/);
    // the session from before the restart is still valid: sessions live in the database
    const unit = await fetch(`${base}/api/v1/units/POLSEK-TEBET`, { headers: { authorization: `Bearer ${token}` } });
    expect(unit.status).toBe(200);
    const units = (await (await fetch(`${base}/api/v1/units`, { headers: { authorization: `Bearer ${token}` } })).json()) as { total: number };
    expect(units.total).toBe(13);
    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);
  });

  it('refuses to start on a bad variable with one line naming it', async () => {
    const proc = startAppProcess({ DATA_DIR: dataDir, PORT: 'eighty' });
    expect(await proc.exited).toBe(1);
    expect(proc.output().trim()).toBe('Configuration error: PORT must be an integer');
  });

  it('requires SECRET_KEY with DATABASE_URL', async () => {
    const proc = startAppProcess({ DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/postgres' });
    expect(await proc.exited).toBe(1);
    expect(proc.output().trim()).toMatch(/^Configuration error: SECRET_KEY is required when DATABASE_URL is set/);
  });
});
