'use strict';
// DESIGN.md §13: memory at idle <= 150 MB on PostgreSQL. The real entry point started exactly as
// `npm run start:prod` starts it (its environment and node flags are read from package.json),
// against a throwaway database with the demo organisation, a few requests to warm the routes up,
// then quiet: the resident set size is read from /proc after a settle period. A bare node:http
// process is measured the same way to show Node's own floor.
const fs = require('node:fs');
const { freePort } = require('./lib/free-port');
const path = require('node:path');
const { spawn } = require('node:child_process');
const { randomBytes } = require('node:crypto');
const { createBenchDatabase } = require('./lib/db');
const { login } = require('./lib/http');
const { runBench } = require('./lib/bench');

const ROOT = path.resolve(__dirname, '..');
const MAIN = path.join(ROOT, 'dist', 'src', 'main.js');

/** `VAR=value ... node --flag ... dist/src/main.js` from package.json: the environment and the flags. */
function startProd() {
  const script = require(path.join(ROOT, 'package.json')).scripts['start:prod'];
  const words = script.trim().split(/\s+/);
  const env = {};
  while (/^[A-Z_]+=/.test(words[0])) {
    const [name, value] = words.shift().split('=');
    env[name] = value;
  }
  if (words.shift() !== 'node' || words.pop() !== 'dist/src/main.js') throw new Error(`start:prod is not "node ... dist/src/main.js": ${script}`);
  return { env, flags: words };
}
const SETTLE_MS = Number(process.env.BENCH_SETTLE_MS || 15_000);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));


const rssMiB = (pid) => {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)[1]) / 1024;
};

/** Starts a process, resolves once it printed `ready`; returns { child, stop }. */
function start(args, env, ready) {
  const child = spawn(process.execPath, args, { env: { PATH: process.env.PATH, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`not ready after 120 s:\n${output}`)), 120_000);
    const onData = (chunk) => {
      output += chunk;
      if (ready.test(output)) {
        clearTimeout(timer);
        resolve({ child, stop: () => new Promise((done) => { child.once('exit', done); child.kill('SIGTERM'); setTimeout(() => child.kill('SIGKILL'), 10_000).unref(); }) });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => reject(new Error(`exited with ${code}:\n${output}`)));
  });
}

runBench('memory-idle', async (defer, log) => {
  if (!fs.existsSync(MAIN)) throw new Error(`${MAIN} is missing: run "npx nest build" first`);
  const db = await createBenchDatabase();
  defer(() => db.drop());
  const port = await freePort();
  const prod = startProd();
  log(`started as start:prod: ${JSON.stringify(prod)}`);
  const app = await start([...prod.flags, MAIN], {
    ...prod.env,
    DATABASE_URL: db.url, SECRET_KEY: randomBytes(32).toString('base64url'), PORT: String(port), DEMO: '1',
    ADMIN_PASSWORD: 'bench-admin-password', LOG_LEVEL: 'warn', NODE_ENV: 'production',
  }, /listening on/);
  defer(() => app.stop());
  const base = `http://127.0.0.1:${port}`;
  // Touch the main read paths once so that the figure includes what a working instance has loaded.
  const token = await login(base, 'humas.metro', 'gaung-demo-2026');
  for (const url of ['/health', '/api/v1/units', '/api/v1/stories', '/feeds/rss.xml', '/rilis']) {
    const response = await fetch(base + url, { headers: { authorization: `Bearer ${token}` } });
    await response.arrayBuffer();
  }
  log(`app up on ${base}; settling ${SETTLE_MS / 1000} s`);
  await sleep(SETTLE_MS);
  const ours = rssMiB(app.child.pid);

  const barePort = await freePort();
  const bare = await start(['-e', `require('node:http').createServer((q, s) => s.end('ok')).listen(${barePort}, () => console.log('listening on ${barePort}'))`], {}, /listening on/);
  defer(() => bare.stop());
  await sleep(2_000);
  const floor = rssMiB(bare.child.pid);
  log(`idle RSS: app ${ours.toFixed(1)} MiB, bare node:http ${floor.toFixed(1)} MiB`);

  return [
    {
      figure: `idle memory (RSS) of one instance on PostgreSQL, demo data, ${SETTLE_MS / 1000} s after warm-up`,
      ours: `${ours.toFixed(0)} MiB`,
      baseline: '150 MiB',
      baselineName: 'target',
      ratio: `${(ours / 150).toFixed(2)}x`,
      target: '<= 150 MB',
      pass: ours <= 150,
    },
    {
      figure: 'idle memory (RSS): the floor of a bare node:http process',
      ours: `${ours.toFixed(0)} MiB`,
      baseline: `${floor.toFixed(0)} MiB`,
      baselineName: 'bare node:http',
      ratio: `${(ours / floor).toFixed(2)}x`,
      target: 'report',
      pass: true,
    },
  ];
});
