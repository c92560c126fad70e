import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type AppProcess, freePort, startAppProcess, waitForOutput } from '../../support/app-process';
import { DEMO_PASSWORD, TEST_ADMIN_PASSWORD, TEST_SECRET_KEY } from '../../support/test-app';

/** One running dist/src/main.js with its address. */
export interface Instance {
  name: string;
  url: string;
  proc: AppProcess;
}

/**
 * Several real processes of the service (dist/src/main.js) on one database and one shared media
 * directory, as behind a load balancer. The first one migrates and seeds before the others start
 * (first start is not meant to race with itself).
 */
export class Cluster {
  readonly instances: Instance[] = [];
  readonly dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gaung-cluster-'));

  constructor(private readonly databaseUrl: string, private readonly env: Record<string, string> = {}) {}

  async start(count: number): Promise<this> {
    for (let i = 0; i < count; i++) await this.add();
    return this;
  }

  async add(extra: Record<string, string> = {}): Promise<Instance> {
    const port = await freePort();
    const proc = startAppProcess({
      DATABASE_URL: this.databaseUrl, PORT: String(port), SECRET_KEY: TEST_SECRET_KEY, ADMIN_PASSWORD: TEST_ADMIN_PASSWORD,
      DEMO: '1', DATA_DIR: this.dataDir, LOGIN_RATE_PER_MINUTE: '10000', WEBHOOK_CHANNEL_ALLOW_HOSTS: '127.0.0.1', PUBLIC_BASE_URL: `http://127.0.0.1:${port}`,
      ...this.env, ...extra,
    });
    await waitForOutput(proc, /Gaung is listening/, 120_000);
    const instance = { name: `app${this.instances.length + 1}`, url: `http://127.0.0.1:${port}`, proc };
    this.instances.push(instance);
    return instance;
  }

  /** The instances still running. */
  alive(): Instance[] {
    return this.instances.filter((i) => i.proc.child.exitCode === null && i.proc.child.signalCode === null);
  }

  /** Round-robin over the live instances, as a load balancer would. */
  private next = 0;
  pick(): Instance {
    const live = this.alive();
    return live[this.next++ % live.length];
  }

  async stop(): Promise<void> {
    for (const instance of this.alive()) instance.proc.child.kill('SIGTERM');
    await Promise.race([Promise.all(this.instances.map((i) => i.proc.exited)), new Promise((r) => setTimeout(r, 15_000))]);
    for (const instance of this.alive()) instance.proc.child.kill('SIGKILL');
    fs.rmSync(this.dataDir, { recursive: true, force: true });
  }
}

export interface Answer {
  status: number;
  body: any;
  text: string;
  ms: number;
  headers: Headers;
}

/** A small fetch client: JSON in and out, timing each call; a network error is status 0. */
export async function call(base: string, method: string, route: string, options: { token?: string; body?: unknown; timeoutMs?: number } = {}): Promise<Answer> {
  const started = performance.now();
  try {
    const response = await fetch(`${base}${route}`, {
      method,
      headers: { ...(options.token ? { Authorization: `Bearer ${options.token}` } : {}), ...(options.body !== undefined ? { 'Content-Type': 'application/json' } : {}) },
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: AbortSignal.timeout(options.timeoutMs ?? 30_000),
    });
    const text = await response.text();
    let body: unknown = null;
    try {
      body = text ? JSON.parse(text) : null;
    } catch {
      body = null;
    }
    return { status: response.status, body, text, ms: performance.now() - started, headers: response.headers };
  } catch (error) {
    return { status: 0, body: null, text: String((error as Error).message), ms: performance.now() - started, headers: new Headers() };
  }
}

export async function loginAt(base: string, username: string): Promise<string> {
  const answer = await call(base, 'POST', '/api/v1/auth/login', { body: { username, password: username === 'admin' ? TEST_ADMIN_PASSWORD : DEMO_PASSWORD } });
  if (answer.status !== 200) throw new Error(`login of ${username} at ${base}: ${answer.status} ${answer.text}`);
  return answer.body.token;
}

/** Polls until `check` is true (or throws with `what` after `timeoutMs`). */
export async function eventually(what: string, check: () => Promise<boolean>, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`timed out waiting for ${what}`);
}
