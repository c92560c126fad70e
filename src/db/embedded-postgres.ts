import fs from 'node:fs';
import type { AddressInfo } from 'node:net';

/** A running embedded PostgreSQL (PGlite) reachable through the ordinary pg wire protocol. */
export interface EmbeddedPostgres {
  url: string;
  stop(): Promise<void>;
}

/**
 * Starts PGlite (PostgreSQL compiled to WASM) in this process and serves it on a loopback port
 * through pglite-socket, so TypeORM and `pg` talk to it exactly as to a real server and the same
 * migrations run. `dataDir` undefined keeps the database in memory (tests).
 *
 * The socket server multiplexes connections but runs one query at a time; STACK.md explains why
 * code must always use a transaction's own manager.
 */
export async function startEmbeddedPostgres(dataDir?: string): Promise<EmbeddedPostgres> {
  // Both packages are ESM-only; a dynamic import keeps them out of the way when DATABASE_URL is set.
  const { PGlite } = await import('@electric-sql/pglite');
  const { PGLiteSocketServer } = await import('@electric-sql/pglite-socket');
  if (dataDir) fs.mkdirSync(dataDir, { recursive: true });
  const db = await PGlite.create(dataDir ? { dataDir } : undefined);
  const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0, maxConnections: 16 });
  await server.start();
  const address = (server as unknown as { server: { address(): AddressInfo } }).server.address();
  return {
    url: `postgres://postgres@127.0.0.1:${address.port}/postgres`,
    async stop() {
      await server.stop();
      await db.close();
    },
  };
}
