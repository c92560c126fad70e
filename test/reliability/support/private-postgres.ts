import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '../../support/app-process';

/** Where Debian/Ubuntu put PostgreSQL 15's server binaries (PG_BIN overrides). */
const BIN = process.env.PG_BIN ?? '/usr/lib/postgresql/15/bin';
const asRoot = process.getuid?.() === 0;

/**
 * A PostgreSQL server of this test's own (initdb into a temporary directory, a free port,
 * trust authentication on 127.0.0.1), so that a test may stop and restart it without touching
 * the machine's shared cluster, which other engineers and CI use. initdb refuses to run as
 * root: as root, the server runs as the `postgres` user.
 */
export class PrivatePostgres {
  private constructor(readonly dir: string, readonly port: number) {}

  static available(): boolean {
    return fs.existsSync(path.join(BIN, 'initdb')) && fs.existsSync(path.join(BIN, 'pg_ctl'));
  }

  static async create(): Promise<PrivatePostgres> {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gaung-pg-'));
    if (asRoot) execFileSync('chown', ['postgres:postgres', dir]);
    const pg = new PrivatePostgres(dir, await freePort());
    pg.run('initdb', ['-D', pg.data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-instructions']);
    fs.appendFileSync(path.join(pg.data, 'postgresql.conf'), `\nport = ${pg.port}\nlisten_addresses = '127.0.0.1'\nunix_socket_directories = '${dir}'\nfsync = off\nmax_connections = 60\n`);
    if (asRoot) execFileSync('chown', ['postgres:postgres', path.join(pg.data, 'postgresql.conf')]);
    pg.start();
    return pg;
  }

  get data(): string {
    return path.join(this.dir, 'data');
  }

  url(database = 'postgres'): string {
    return `postgres://postgres@127.0.0.1:${this.port}/${database}`;
  }

  start(): void {
    this.run('pg_ctl', ['-D', this.data, '-l', path.join(this.dir, 'server.log'), '-w', '-t', '60', 'start']);
  }

  /** Fast shutdown: clients are disconnected at once, as in a failover or a restart for an upgrade. */
  stop(mode: 'fast' | 'immediate' = 'fast'): void {
    this.run('pg_ctl', ['-D', this.data, '-m', mode, '-w', '-t', '60', 'stop']);
  }

  destroy(): void {
    try {
      this.stop('immediate');
    } catch {
      // already stopped
    }
    fs.rmSync(this.dir, { recursive: true, force: true });
  }

  private run(tool: string, args: string[]): void {
    const command = path.join(BIN, tool);
    if (asRoot) {
      const quoted = [command, ...args].map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
      execFileSync('su', ['postgres', '-c', quoted], { stdio: 'pipe', cwd: '/' });
    } else {
      execFileSync(command, args, { stdio: 'pipe' });
    }
  }
}
