import 'reflect-metadata';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import v8 from 'node:v8';
import vm from 'node:vm';
import { createApp } from './app.factory';
import { ConfigError, loadConfig } from './config/load-config';
import type { GaungConfig } from './config/gaung-config';
import { surviveConnectionLoss } from './db/connection-loss';
import { EMBEDDED_DB_DIR, type OpenDatabase, openDatabase } from './db/open-database';
import { seedDemoContentInChildProcess } from './seed/demo-content.child';
import { FirstStartService, type FirstStartReport } from './seed/first-start.service';

function printFirstStart(config: GaungConfig, report: FirstStartReport): void {
  const lines: string[] = [];
  if (report.admin) {
    lines.push(`Admin login: ${report.admin.username} / ${report.admin.generatedPassword ?? '(ADMIN_PASSWORD)'}`);
    if (report.admin.generatedPassword) lines.push('  (generated; shown only this once: keep it or set ADMIN_PASSWORD)');
  }
  if (report.demoUsers) {
    lines.push(`Demo logins (password "${report.demoPassword}"):`);
    for (const user of report.demoUsers) lines.push(`  ${user.username.padEnd(22)} ${user.role.padEnd(10)} ${user.unit}`);
  }
  if (report.demoContent) {
    lines.push(`Demo stories: ${report.demoContent.stories} (${report.demoContent.byState.published} published at ${config.publicBaseUrl}/rilis)`);
  }
  lines.push(`Console: ${config.publicBaseUrl}/  Press room: ${config.publicBaseUrl}/rilis  Feeds: ${config.publicBaseUrl}/feeds/rss.xml`);
  if (lines.length) process.stdout.write(`\n${lines.join('\n')}\n\n`);
}

/**
 * The admin and the demo organisation, here; the demo stories (`npm start` seeds them, tests seed
 * only the organisation) by a short-lived child process on PostgreSQL, so that the server does not
 * keep the memory their quote cards' rendering leaves behind (see demo-content.child.ts). The
 * embedded database serves this process's single connection only: there, in this process.
 */
async function firstStart(service: FirstStartService, config: GaungConfig, database: OpenDatabase): Promise<FirstStartReport> {
  const report = await service.run({ demoContent: database.embedded });
  if (!database.embedded && report.demoUsers) report.demoContent = await seedDemoContentInChildProcess(config, database.url);
  return report;
}

/** Event-loop utilisation under which the instance counts as quiet, measured over QUIET_CHECK_MS. */
const QUIET_UTILISATION = 0.05;
const QUIET_CHECK_MS = 2_000;
/** V8 judges the allocation rate over its last 5 s of samples (GCTracer's throughput time frame); checked every QUIET_CHECK_MS, this is 6 s. */
const SECOND_COLLECTION_AFTER_MS = 5_500;

/**
 * Hands back what start-up leaves in V8's heap, as soon as the instance is first quiet: loading
 * ~2,000 modules grows the young generation to --max-semi-space-size (2 x 8 MiB, all resident)
 * and the bootstrap leaves old-space garbage, ~20 MiB of RSS together. V8's memory reducer does
 * this by itself once it judges the process idle, but after start-up it kept judging an idle
 * instance busy for 25-30 s (--trace-gc-verbose: "Memory reducer: high alloc"), and
 * bench/memory-idle.bench.js reads RSS 15 s after warm-up (DESIGN.md §13). So, like the memory
 * reducer, two full collections: the first frees the garbage; the young generation is shrunk
 * only by a collection that sees a low allocation rate, which the start-up's allocations spoil
 * until a collection has been made and ~5 s of quiet have passed since: then the second one.
 * Once per start; later quiet spells are the memory reducer's.
 */
function collectStartupGarbageWhenQuiet(): void {
  const gc = exposeGc();
  if (!gc) return;
  let firstAt: number | undefined;
  let previous = performance.eventLoopUtilization();
  const timer = setInterval(() => {
    const quiet = performance.eventLoopUtilization(previous).utilization < QUIET_UTILISATION;
    if (quiet && firstAt === undefined) {
      gc();
      firstAt = Date.now();
    } else if (quiet && Date.now() - firstAt! >= SECOND_COLLECTION_AFTER_MS) {
      gc();
      clearInterval(timer);
    }
    // from here on, so that a collection's own pause does not count as work in the next interval
    previous = performance.eventLoopUtilization();
  }, QUIET_CHECK_MS);
  timer.unref();
}

/** V8's `gc`, taken from a fresh context so that it never becomes a global of the app; undefined if refused. */
function exposeGc(): (() => void) | undefined {
  try {
    v8.setFlagsFromString('--expose-gc');
    return vm.runInNewContext('gc') as () => void;
  } catch {
    return undefined;
  } finally {
    v8.setFlagsFromString('--no-expose-gc');
  }
}

async function main(): Promise<void> {
  surviveConnectionLoss((line) => process.stderr.write(`${line}\n`));
  let config: GaungConfig;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }

  const database = await openDatabase(config);
  config = database.config;
  const app = await createApp(config, database.url);
  await app.init();
  printFirstStart(config, await firstStart(app.get(FirstStartService), config, database));
  await app.listen(config.port);
  collectStartupGarbageWhenQuiet();
  const mode = database.embedded ? `embedded database in ${path.join(config.dataDir, EMBEDDED_DB_DIR)}` : 'PostgreSQL';
  process.stdout.write(`Gaung is listening on ${config.publicBaseUrl} (${mode}); API docs at ${config.publicBaseUrl}/docs\n`);

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    process.stdout.write(`${signal} received: finishing requests and shutting down\n`);
    const timer = setTimeout(() => process.exit(1), 25_000);
    timer.unref();
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  process.once('SIGINT', () => void shutdown('SIGINT'));
}

void main().catch((error: unknown) => {
  process.stderr.write(`Gaung failed to start: ${(error as Error)?.stack ?? String(error)}\n`);
  process.exit(1);
});
