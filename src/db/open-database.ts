import path from 'node:path';
import type { GaungConfig } from '../config/gaung-config';
import { withSecretKey } from '../config/secret-key';
import { startEmbeddedPostgres } from './embedded-postgres';

/** Where the embedded database keeps its files inside DATA_DIR. */
export const EMBEDDED_DB_DIR = 'pgdata';

export interface OpenDatabase {
  /** The configuration to run with (embedded: with its secret key and a single connection). */
  config: GaungConfig;
  url: string;
  embedded: boolean;
  close(): Promise<void>;
}

/**
 * DATABASE_URL, or the embedded PGlite database in DATA_DIR, for the server and the CLIs alike.
 * Embedded runs on ONE connection: PGlite executes one query at a time anyway, and its socket
 * server was seen to mix up queries of concurrent transactions on several connections.
 */
export async function openDatabase(config: GaungConfig): Promise<OpenDatabase> {
  if (config.databaseUrl) return { config, url: config.databaseUrl, embedded: false, close: async () => undefined };
  const embedded = await startEmbeddedPostgres(path.join(config.dataDir, EMBEDDED_DB_DIR));
  return { config: { ...withSecretKey(config), dbPoolSize: 1 }, url: embedded.url, embedded: true, close: () => embedded.stop() };
}
