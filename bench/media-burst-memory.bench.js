'use strict';
// Issue 17 item 14: memory after a burst of uploads. The real entry point started exactly as
// `npm run start:prod` starts it (environment and node flags from package.json), 40 uploads of a
// 49-megapixel JPEG sent at once (two are processed at a time, 16 wait, the rest are refused as
// busy), then RSS is read every 5 s for a minute. Target: back under the documented alert
// threshold (400 MB, README "Monitoring") within a minute of the burst.
const fs = require('node:fs');
const path = require('node:path');
const { spawn } = require('node:child_process');
const { randomBytes } = require('node:crypto');
const { freePort } = require('./lib/free-port');
const { createBenchDatabase } = require('./lib/db');
const { login } = require('./lib/http');
const { runBench } = require('./lib/bench');

const ROOT = path.resolve(__dirname, '..');
const MAIN = path.join(ROOT, 'dist', 'src', 'main.js');
const UPLOADS = Number(process.env.BENCH_BURST_UPLOADS ?? 40);
const ALERT_MIB = 400 * 1e6 / 2 ** 20; // the README's alert: resident memory > 400 MB
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const rssMiB = (pid) => Number(/VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))[1]) / 1024;

/** `VAR=value ... node --flag ... dist/src/main.js` from package.json. */
function startProd() {
  const words = require(path.join(ROOT, 'package.json')).scripts['start:prod'].trim().split(/\s+/);
  const env = {};
  while (/^[A-Z_]+=/.test(words[0])) {
    const [name, value] = words.shift().split('=');
    env[name] = value;
  }
  words.shift();
  words.pop();
  return { env, flags: words };
}

function start(args, env) {
  const child = spawn(process.execPath, args, { env: { PATH: process.env.PATH, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  return new Promise((resolve, reject) => {
    const onData = (chunk) => {
      output += chunk;
      if (/listening on/.test(output)) resolve({ child, stop: () => new Promise((done) => { child.once('exit', done); child.kill('SIGTERM'); setTimeout(() => child.kill('SIGKILL'), 10_000).unref(); }) });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => reject(new Error(`exited with ${code}:\n${output}`)));
  });
}

/** A 7,000 x 7,000 photo-like JPEG (49 MP): smooth gradients with grain, a few MB like a phone's. */
async function bigPhoto() {
  const sharp = require('sharp');
  const side = 7_000;
  const small = Buffer.alloc(70 * 70 * 3);
  for (let i = 0; i < small.length; i++) small[i] = (i * 37 + (i % 211) * 13) & 0xff;
  return sharp(small, { raw: { width: 70, height: 70, channels: 3 } }).resize(side, side, { kernel: 'cubic' }).jpeg({ quality: 80 }).toBuffer();
}

runBench('media-burst-memory', async (defer, log) => {
  if (!fs.existsSync(MAIN)) throw new Error(`${MAIN} is missing: run "npx nest build" first`);
  const photo = await bigPhoto();
  const db = await createBenchDatabase();
  defer(() => db.drop());
  const dataDir = fs.mkdtempSync(path.join(require('node:os').tmpdir(), 'gaung-bench-burst-'));
  defer(() => fs.rmSync(dataDir, { recursive: true, force: true }));
  const port = await freePort();
  const prod = startProd();
  const app = await start([...prod.flags, MAIN], {
    ...prod.env, DATABASE_URL: db.url, SECRET_KEY: randomBytes(32).toString('base64url'), PORT: String(port), DEMO: '1', DATA_DIR: dataDir,
    ADMIN_PASSWORD: 'bench-admin-password', LOG_LEVEL: 'warn', NODE_ENV: 'production', MEDIA_MAX_BYTES: String(30 * 1024 * 1024),
  });
  defer(() => app.stop());
  const base = `http://127.0.0.1:${port}`;
  const token = await login(base, 'operator.kebayoran', 'gaung-demo-2026');
  const before = rssMiB(app.child.pid);
  log(`photo ${(photo.length / 2 ** 20).toFixed(1)} MiB; RSS before ${before.toFixed(0)} MiB; ${UPLOADS} uploads at once`);
  let peak = before;
  const sampler = setInterval(() => (peak = Math.max(peak, rssMiB(app.child.pid))), 200);
  const upload = async () => {
    const form = new FormData();
    form.append('file', new Blob([photo], { type: 'image/jpeg' }), 'foto.jpg');
    form.append('alt', 'Foto uji beban');
    const response = await fetch(`${base}/api/v1/media`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
    await response.arrayBuffer();
    return response.status;
  };
  const started = Date.now();
  const statuses = await Promise.all(Array.from({ length: UPLOADS }, upload));
  const burstSeconds = (Date.now() - started) / 1000;
  const counts = statuses.reduce((acc, s) => ({ ...acc, [s]: (acc[s] ?? 0) + 1 }), {});
  const series = [];
  for (let t = 0; t <= 60; t += 5) {
    series.push(Math.round(rssMiB(app.child.pid)));
    if (t < 60) await sleep(5_000);
  }
  clearInterval(sampler);
  const after = series[series.length - 1];
  log(`burst ${burstSeconds.toFixed(1)} s, answers ${JSON.stringify(counts)}; RSS peak ${peak.toFixed(0)} MiB; every 5 s after: ${series.join(', ')} MiB`);
  return [
    {
      figure: `RSS 60 s after ${UPLOADS} parallel 49 MP uploads (peak ${peak.toFixed(0)} MiB, answers ${JSON.stringify(counts)})`,
      ours: `${after} MiB`,
      baseline: `${ALERT_MIB.toFixed(0)} MiB`,
      baselineName: 'alert threshold (400 MB)',
      ratio: `${(after / ALERT_MIB).toFixed(2)}x`,
      target: '< 400 MB within a minute',
      pass: after < ALERT_MIB,
    },
  ];
});
