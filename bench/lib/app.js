'use strict';
// Boots the real, compiled application in the calling process, configured the way an operator
// would (PostgreSQL, demo organisation), only quieter and without the login rate limit that
// would otherwise throttle benchmarks that log in many times.
const fs = require('node:fs');
const path = require('node:path');
const { randomBytes } = require('node:crypto');

const ROOT = path.resolve(__dirname, '..', '..');
const DIST = path.join(ROOT, 'dist', 'src');

function dist(file) {
  const full = path.join(DIST, file);
  if (!fs.existsSync(full)) throw new Error(`${full} is missing: run "npx nest build" (or "npm run bench") first`);
  return require(full);
}

/** Starts the app on a free port; returns { app, port, baseUrl, close }. `env` overrides any variable. */
async function bootApp(databaseUrl, env = {}) {
  require('reflect-metadata'); // main.ts loads it first; decorators' metadata needs it before any module
  const { createApp } = dist('app.factory.js');
  const { loadConfig } = dist('config/load-config.js');
  const { FirstStartService } = dist('seed/first-start.service.js');
  const config = loadConfig({
    DATABASE_URL: databaseUrl,
    SECRET_KEY: randomBytes(32).toString('base64url'),
    LOG_LEVEL: 'silent',
    DEMO: '1',
    ADMIN_PASSWORD: 'bench-admin-password',
    LOGIN_RATE_PER_MINUTE: '10000',
    PORT: '0',
    ...env,
  });
  const app = await createApp(config, databaseUrl);
  await app.init();
  await app.get(FirstStartService).run();
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address();
  return { app, port, baseUrl: `http://127.0.0.1:${port}`, close: () => app.close() };
}

module.exports = { bootApp, ROOT };
