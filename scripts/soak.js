#!/usr/bin/env node
/**
 * `npm run soak -- --minutes N [--instances 2] [--rate 5]` (after `npm run build`; not in CI):
 * the reliability suite's mixed load for longer, against real processes of the service
 * (dist/src/main.js) on a throwaway database of the PostgreSQL at TEST_DATABASE_URL (default
 * postgres://postgres@127.0.0.1:5432/postgres): intake at a fixed rate, readers of story lists
 * and feeds, officers approving and scheduling every 4th story, and every instance dispatching
 * to a local webhook. Every 10 s it samples each instance's RSS and heap (from its /metrics) and
 * the latency percentiles of the last window, prints one line, and at the end a memory table
 * and a verdict: growth is flagged when memory after warm-up keeps rising (the last third of the
 * run is more than 15% above the first third, for RSS or heap). Exits 1 on growth, on any 5xx
 * other than 503 (load shedding when the machine is saturated: counted and shown), or on a post
 * sent twice.
 */
const { spawn } = require('node:child_process');
const { randomBytes } = require('node:crypto');
const fs = require('node:fs');
const http = require('node:http');
const { freePort } = require('../bench/lib/free-port');
const os = require('node:os');
const path = require('node:path');
const { Client } = require('pg');

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && process.argv[i + 1] !== undefined ? Number(process.argv[i + 1]) : fallback;
};
const MINUTES = arg('minutes', 5);
const INSTANCES = arg('instances', 2);
const RATE = arg('rate', 5);
const SAMPLE_MS = 10_000;
const ADMIN_URL = process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
const MAIN = path.join(__dirname, '..', 'dist', 'src', 'main.js');
const SECRET_KEY = 'soak-secret-key-that-is-long-enough-0123456789';
const ADMIN_PASSWORD = 'soak-admin-password';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const percentile = (values, p) => {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
};
const median = (values) => percentile(values, 50);
const mb = (bytes) => (bytes / 1024 / 1024).toFixed(1);


async function call(base, method, route, { token, body } = {}) {
  const started = performance.now();
  try {
    const response = await fetch(`${base}${route}`, {
      method,
      headers: { ...(token ? { Authorization: `Bearer ${token}` } : {}), ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(30_000),
    });
    const text = await response.text();
    let json = null;
    try { json = JSON.parse(text); } catch { /* not JSON (feeds, metrics) */ }
    return { status: response.status, body: json, text, ms: performance.now() - started };
  } catch (error) {
    return { status: 0, body: null, text: error.message, ms: performance.now() - started };
  }
}

async function startInstance(databaseUrl, dataDir) {
  const port = await freePort();
  const child = spawn(process.execPath, [MAIN], {
    env: { PATH: process.env.PATH, DATABASE_URL: databaseUrl, PORT: String(port), SECRET_KEY, ADMIN_PASSWORD, DEMO: '1', DATA_DIR: dataDir, LOG_LEVEL: 'warn', LOGIN_RATE_PER_MINUTE: '10000', DISPATCH_INTERVAL_MS: '500', WEBHOOK_CHANNEL_ALLOW_HOSTS: '127.0.0.1', PUBLIC_BASE_URL: `http://127.0.0.1:${port}` },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (c) => (output += c));
  child.stderr.on('data', (c) => (output += c));
  const deadline = Date.now() + 120_000;
  while (!/Gaung is listening/.test(output)) {
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`instance did not start:\n${output}`);
    await sleep(200);
  }
  return { child, url: `http://127.0.0.1:${port}`, output: () => output };
}

/** A webhook receiver that answers after 100 ms and counts posts per Idempotency-Key. */
function startHook() {
  const keys = new Map();
  const server = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      const key = String(req.headers['idempotency-key'] ?? '');
      keys.set(key, (keys.get(key) ?? 0) + 1);
      setTimeout(() => { res.writeHead(200, { 'content-type': 'application/json' }); res.end('{"id":"soak"}'); }, 100);
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, keys, url: `http://127.0.0.1:${server.address().port}` })));
}

const metric = (text, name) => Number((text.match(new RegExp(`^${name} ([0-9.e+]+)$`, 'm')) ?? [])[1] ?? NaN);

(async () => {
  if (!fs.existsSync(MAIN)) throw new Error('dist/src/main.js is missing: run `npm run build` first (npm run soak does)');
  const name = `gaung_soak_${randomBytes(5).toString('hex')}`;
  const admin = new Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gaung-soak-'));
  const instances = [];
  const hook = await startHook();
  const cleanup = async () => {
    for (const i of instances) if (i.child.exitCode === null) i.child.kill('SIGTERM');
    await sleep(3000);
    for (const i of instances) if (i.child.exitCode === null) i.child.kill('SIGKILL');
    hook.server.closeAllConnections();
    hook.server.close();
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => undefined);
    await admin.end();
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
  process.once('SIGINT', () => void cleanup().then(() => process.exit(130)));

  try {
    process.stdout.write(`soak: ${MINUTES} min, ${INSTANCES} instances, intake ${RATE}/s, database ${name}\n`);
    for (let i = 0; i < INSTANCES; i++) instances.push(await startInstance(url.toString(), dataDir));
    const base = instances[0].url;
    const login = async (username, password = 'gaung-demo-2026') => (await call(base, 'POST', '/api/v1/auth/login', { body: { username, password } })).body.token;
    const adminToken = await login('admin', ADMIN_PASSWORD);
    const operator = await login('operator.kebayoran');
    const humas = await login('humas.kebayoran');
    await call(base, 'PUT', '/api/v1/units/POLSEK-KEBAYORAN-BARU/channels/telegram', { token: adminToken, body: { mode: 'webhook', handle: '@soak', credentials: { url: `${hook.url}/hook`, secret: 'soak-webhook-secret-0123456789' } } });
    const feed = (await call(base, 'GET', '/feeds/rss.xml')).status === 200;

    let next = 0;
    const pick = () => instances[next++ % instances.length].url;
    let window = [];
    const errors = [];
    let shed = 0;
    const record = (op, answer) => {
      window.push({ op, ms: answer.ms });
      // 503 with Retry-After is load shedding (no pool connection within 5 s): counted, not a failure
      if (answer.status === 503) shed++;
      else if (answer.status === 0 || answer.status >= 500) errors.push(`${op}: ${answer.status} ${answer.text.slice(0, 120)}`);
      return answer;
    };
    const end = Date.now() + MINUTES * 60_000;
    const queue = [];
    let seq = 0;
    let recent;

    const intake = (async () => {
      const started = Date.now();
      const inFlight = new Set();
      for (let i = 0; Date.now() < end; i++) {
        const wait = started + (i * 1000) / RATE - Date.now();
        if (wait > 0) await sleep(wait);
        if (inFlight.size >= 32) continue;
        const body = {
          externalRef: `SOAK-${++seq}`, unitCode: 'POLSEK-KEBAYORAN-BARU', category: 'kemacetan', channel: 'call_center_110',
          receivedAt: '2026-11-10T00:45:00Z', resolvedAt: '2026-11-10T01:30:00Z', location: { subdistrict: 'Gunung', district: 'Kebayoran Baru', city: 'Jakarta Selatan' },
          summary: `Kemacetan di persimpangan dilaporkan warga, laporan ${seq}.`, resolution: 'Petugas mengatur arus hingga lancar.',
          stages: [{ at: '2026-11-10T00:58:00Z', label: 'Petugas tiba' }], complainant: { name: 'Budi' }, consent: { level: 'none', quote: false },
        };
        const p = call(pick(), 'POST', '/api/v1/complaints', { token: operator, body }).then((a) => {
          record('intake', a);
          if (a.status === 201) queue.push(a.body.storyId);
        });
        inFlight.add(p);
        p.finally(() => inFlight.delete(p));
      }
      await Promise.all(inFlight);
    })();
    const officer = (async () => {
      let n = 0;
      while (Date.now() < end) {
        const id = queue.shift();
        if (!id) { await sleep(100); continue; }
        recent = id;
        if (n++ % 4 !== 0) continue;
        for (const [token, action, body] of [[operator, 'submit'], [humas, 'approve', { channels: ['website', 'telegram'] }], [humas, 'schedule', {}]]) {
          if (record(action, await call(pick(), 'POST', `/api/v1/stories/${id}/${action}`, { token, body })).status !== 200) break;
        }
      }
    })();
    const reader = (async () => {
      while (Date.now() < end) {
        record('story list', await call(pick(), 'GET', '/api/v1/stories?pageSize=20', { token: humas }));
        if (recent) record('story', await call(pick(), 'GET', `/api/v1/stories/${recent}`, { token: humas }));
        if (feed) record('feed', await call(pick(), 'GET', '/feeds/rss.xml'));
        await sleep(50);
      }
    })();

    const samples = [];
    const sampler = (async () => {
      const started = Date.now();
      while (Date.now() < end) {
        await sleep(SAMPLE_MS);
        const at = Math.round((Date.now() - started) / 1000);
        const memory = [];
        for (const instance of instances) {
          const m = await call(instance.url, 'GET', '/metrics');
          memory.push({ rss: metric(m.text, 'gaung_process_resident_memory_bytes'), heap: metric(m.text, 'gaung_nodejs_heap_size_used_bytes') });
        }
        const current = window;
        window = [];
        const byOp = {};
        for (const { op, ms } of current) (byOp[op] ??= []).push(ms);
        const latency = Object.fromEntries(Object.entries(byOp).map(([op, ms]) => [op, { n: ms.length, p50: Math.round(percentile(ms, 50)), p95: Math.round(percentile(ms, 95)), p99: Math.round(percentile(ms, 99)) }]));
        samples.push({ at, memory, latency });
        process.stdout.write(`t=${String(at).padStart(5)}s  ${memory.map((m, i) => `app${i + 1} rss ${mb(m.rss)} MB heap ${mb(m.heap)} MB`).join('  ')}  ` +
          `${Object.entries(latency).map(([op, l]) => `${op} p50/p99 ${l.p50}/${l.p99} ms (${l.n})`).join(', ')}\n`);
      }
    })();
    await Promise.all([intake, officer, reader, sampler]);

    // memory: the first third after a minute of warm-up against the last third
    const warm = samples.filter((s) => s.at >= 60);
    const verdicts = [];
    if (warm.length >= 6) {
      const third = Math.floor(warm.length / 3);
      for (let i = 0; i < instances.length; i++) {
        for (const kind of ['rss', 'heap']) {
          const first = median(warm.slice(0, third).map((s) => s.memory[i][kind]));
          const last = median(warm.slice(-third).map((s) => s.memory[i][kind]));
          const growth = (last - first) / first;
          verdicts.push({ instance: `app${i + 1}`, kind, first: mb(first), last: mb(last), growth: `${(growth * 100).toFixed(1)}%`, flagged: growth > 0.15 });
        }
      }
    }
    const sent = [...hook.keys.values()];
    process.stdout.write(`\nmemory (median MB, first third vs last third after 60 s of warm-up):\n`);
    for (const v of verdicts) process.stdout.write(`  ${v.instance} ${v.kind.padEnd(4)} ${v.first} -> ${v.last} (${v.growth})${v.flagged ? '  GROWTH' : ''}\n`);
    if (verdicts.length === 0) process.stdout.write('  (run at least 2 minutes for a memory verdict)\n');
    process.stdout.write(`posts sent: ${sent.length}, sent twice: ${sent.filter((n) => n > 1).length}; server errors: ${errors.length}; shed with 503 (overloaded): ${shed}\n`);
    for (const e of errors.slice(0, 10)) process.stdout.write(`  ${e}\n`);
    const failed = verdicts.some((v) => v.flagged) || errors.length > 0 || sent.some((n) => n > 1);
    process.stdout.write(`${JSON.stringify({ rows: verdicts, errors: errors.length, shed503: shed, postsSent: sent.length, verdict: failed ? 'FAILED' : 'OK' })}\n`);
    await cleanup();
    process.exit(failed ? 1 : 0);
  } catch (error) {
    process.stderr.write(`soak failed: ${error.stack ?? error}\n`);
    await cleanup();
    process.exit(1);
  }
})();
