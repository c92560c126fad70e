import 'reflect-metadata';
import { fork } from 'node:child_process';
import { Logger as NestLogger } from '@nestjs/common';
import { ModuleRef, NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { AppModule } from '../app.module';
import type { GaungConfig } from '../config/gaung-config';
import { type DemoContentReport, seedDemoContent } from './demo-content';

/**
 * The demo stories of a first start (main.ts), made by a short-lived child process: the same
 * application, not listening, on the same PostgreSQL database, as a second instance would be.
 *
 * Why not in the server's own process: the demo's quote cards are rendered by libvips (sharp),
 * which stays loaded, and whose threads leave ~20 MiB of freed memory in glibc's per-thread
 * malloc arenas and caches that the process never gives back (malloc_trim would); the server
 * would carry it for its whole life (bench/memory-idle.bench.js: idle RSS 157-173 MiB with the
 * seeding in the server, ~120 MiB without; DESIGN.md §13 allows 150 MB). The child's memory
 * goes back to the system when it exits. Not for the embedded database: it serves the server's
 * single connection only (open-database.ts), so there main.ts seeds in its own process as before.
 */

interface Start {
  config: GaungConfig;
  databaseUrl: string;
}
interface Answer {
  /** null: the stories could not be created (the child logged why). */
  report: DemoContentReport | null;
}

/** Parent side: runs the seeding in a child process; undefined when it failed (logged, as FirstStartService does). */
export function seedDemoContentInChildProcess(config: GaungConfig, databaseUrl: string): Promise<DemoContentReport | undefined> {
  return new Promise((resolve) => {
    const child = fork(__filename, [], {
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      // the server's own node flags, but not its debugger port (the child would fight for it)
      execArgv: process.execArgv.filter((arg) => !arg.startsWith('--inspect')),
    });
    let answer: Answer | undefined;
    let settled = false;
    child.once('message', (message: Answer) => (answer = message));
    const failed = (reason: string) => {
      if (settled) return;
      settled = true;
      // a start must not fail for want of sample stories (FirstStartService)
      new NestLogger('FirstStart').warn({ err: { name: 'DemoContentProcess', message: reason } }, 'demo stories could not be created');
      resolve(undefined);
    };
    child.once('error', (error) => failed(error.message));
    child.once('exit', (code, signal) => {
      if (!answer) return failed(`the seeding process exited with ${signal ?? code} before answering`);
      settled = true;
      resolve(answer.report ?? undefined);
    });
    child.send({ config, databaseUrl } satisfies Start);
  });
}

/** Child side: boots the application context, seeds, answers, closes and exits. */
async function runChild(start: Start): Promise<void> {
  // Silent while booting (the server already logged the same modules); the app's logger from then on.
  const app = await NestFactory.createApplicationContext(AppModule.forRoot(start.config, start.databaseUrl), { logger: false, abortOnError: false });
  app.useLogger(app.get(Logger));
  await app.init();
  let report: DemoContentReport | null = null;
  try {
    report = await seedDemoContent(app.get(ModuleRef), start.config.adminUsername);
  } catch (error) {
    // the organisation and logins are there; a start must not fail for want of sample stories
    const e = error as Error & { code?: string };
    new NestLogger('FirstStart').warn({ err: { name: e?.name, code: e?.code, stack: e?.stack } }, 'demo stories could not be created');
  }
  await app.close();
  process.send!({ report } satisfies Answer, () => process.exit(0));
}

if (require.main === module) {
  // The server that started us is gone (killed mid-start): stop too.
  process.on('disconnect', () => process.exit(1));
  process.once('message', (start: Start) => {
    runChild(start).catch((error: unknown) => {
      process.stderr.write(`demo stories: ${(error as Error)?.stack ?? String(error)}\n`);
      process.exit(1);
    });
  });
}
