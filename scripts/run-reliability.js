#!/usr/bin/env node
/**
 * `npm run test:reliability` (after `npm run build`): the reliability, security and scale suite
 * in test/reliability (load, several instances, faults, hostile input, access control, privacy).
 *
 * It needs a real PostgreSQL (TEST_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/postgres):
 * there is no embedded fallback, several processes share one database. Extra arguments go to Jest
 * (e.g. `npm run test:reliability -- access` runs only the access-control file).
 * RELIABILITY_LOAD_SECONDS (default 60) is the length of the sustained intake phase.
 * The tests' figures (p99 latency, counts) are gathered in a temporary file and printed at the end.
 */
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { reachable } = require('./lib/pg-reachable');

const root = path.join(__dirname, '..');
const adminUrl = process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
const figures = path.join(os.tmpdir(), `gaung-reliability-${process.pid}.json`);


(async () => {
  if (!fs.existsSync(path.join(root, 'dist', 'src', 'main.js'))) {
    process.stderr.write('dist/src/main.js is missing: run `npm run build` first (npm run test:reliability does).\n');
    process.exit(1);
  }
  if (!(await reachable(adminUrl))) {
    process.stderr.write('The reliability suite needs a real PostgreSQL (several processes share one database).\n');
    process.exit(1);
  }
  fs.rmSync(figures, { force: true });
  const started = Date.now();
  const jest = path.join(root, 'node_modules', 'jest', 'bin', 'jest.js');
  const result = spawnSync(process.execPath, ['--experimental-vm-modules', '--no-warnings', jest, '--config', path.join(root, 'test', 'reliability', 'jest.config.js'), ...process.argv.slice(2)], {
    stdio: 'inherit',
    cwd: root,
    env: { ...process.env, GAUNG_TEST_DB: 'postgres', TEST_DATABASE_URL: adminUrl, GAUNG_RELIABILITY_FIGURES: figures },
  });
  const lines = [`reliability suite: ${result.status === 0 ? 'PASSED' : 'FAILED'} in ${Math.round((Date.now() - started) / 1000)} s`];
  if (fs.existsSync(figures)) {
    const recorded = JSON.parse(fs.readFileSync(figures, 'utf8'));
    for (const [name, value] of Object.entries(recorded)) lines.push(`  ${name}: ${JSON.stringify(value)}`);
  }
  fs.rmSync(figures, { force: true });
  process.stdout.write(`\n${lines.join('\n')}\n`);
  process.exit(result.status ?? 1);
})();
