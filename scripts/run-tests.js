#!/usr/bin/env node
/**
 * `npm test`: finds a real PostgreSQL for the integration tests (TEST_DATABASE_URL, default
 * postgres://postgres@127.0.0.1:5432/postgres). Without one it falls back to the embedded
 * PGlite database and says so; with REQUIRE_REAL_PG=1 (CI) that fallback is a failure.
 */
const { spawnSync } = require('node:child_process');
const path = require('node:path');
const { reachable } = require('./lib/pg-reachable');

const adminUrl = process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
const requireReal = ['1', 'true', 'yes'].includes(String(process.env.REQUIRE_REAL_PG || '').toLowerCase());


/** Type-checks and compiles first: tests that start real processes run dist/, and a type error fails CI. */
function build() {
  const nest = path.join(__dirname, '..', 'node_modules', '@nestjs', 'cli', 'bin', 'nest.js');
  const result = spawnSync(process.execPath, [nest, 'build'], { stdio: 'inherit' });
  if (result.status !== 0) {
    process.stderr.write('The build failed: fix the type errors above.\n');
    process.exit(result.status ?? 1);
  }
}

(async () => {
  if (!process.argv.includes('--no-build')) build();
  const real = await reachable(adminUrl);
  if (!real && requireReal) {
    process.stderr.write('REQUIRE_REAL_PG=1 but no PostgreSQL is reachable: refusing to fall back to the embedded database.\n');
    process.exit(1);
  }
  if (!real) {
    process.stderr.write('Falling back to the embedded database (PGlite); tests that need a real PostgreSQL are skipped and listed at the end.\n');
  }
  const env = { ...process.env, GAUNG_TEST_DB: real ? 'postgres' : 'embedded', TEST_DATABASE_URL: adminUrl };
  const jest = path.join(__dirname, '..', 'node_modules', 'jest', 'bin', 'jest.js');
  const result = spawnSync(process.execPath, ['--experimental-vm-modules', '--no-warnings', jest, ...process.argv.slice(2).filter((a) => a !== '--no-build')], {
    stdio: 'inherit',
    env,
  });
  process.exit(result.status ?? 1);
})();
