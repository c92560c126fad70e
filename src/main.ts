import 'reflect-metadata';
import path from 'node:path';
import { createApp } from './app.factory';
import { ConfigError, loadConfig } from './config/load-config';
import type { GaungConfig } from './config/gaung-config';
import { surviveConnectionLoss } from './db/connection-loss';
import { EMBEDDED_DB_DIR, openDatabase } from './db/open-database';
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
  // `npm start` also seeds demo stories (tests seed only the organisation).
  printFirstStart(config, await app.get(FirstStartService).run({ demoContent: true }));
  await app.listen(config.port);
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
