import path from 'node:path';
import type { DataSourceOptions } from 'typeorm';
import { SnakeNamingStrategy } from './snake-naming.strategy';

/** Every entity and migration, found by file name so that feature modules stay self-contained. */
const ROOT = path.resolve(__dirname, '..', '..');
const EXT = __filename.endsWith('.ts') ? 'ts' : 'js';
export const ENTITY_GLOB = path.join(ROOT, 'src', '**', `*.entity.${EXT}`);
export const MIGRATION_GLOB = path.join(ROOT, 'migrations', `*.${EXT}`);

export function dataSourceOptions(url: string, poolSize: number): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: [ENTITY_GLOB],
    migrations: [MIGRATION_GLOB],
    migrationsTableName: 'schema_migration',
    migrationsRun: false, // run explicitly under an advisory lock (see migrate.ts)
    synchronize: false,
    namingStrategy: new SnakeNamingStrategy(),
    // gen_random_uuid() is built into PostgreSQL 13+ and PGlite; uuid-ossp is not available there.
    uuidExtension: 'pgcrypto',
    installExtensions: false,
    extra: {
      max: poolSize,
      connectionTimeoutMillis: 5_000,
      // Keep TCP connections alive so a restarted PostgreSQL is noticed and the pool recovers.
      keepAlive: true,
    },
  };
}
