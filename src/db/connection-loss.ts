/**
 * node-pg emits an `error` event on a client whose connection dies while it is checked out but
 * between queries (pg-pool only guards idle clients). Unhandled, that event kills the process:
 * a PostgreSQL restart would take every instance down with it. The operation that held the
 * client still fails on its next query and rolls back, so here such errors are only logged.
 */
// TypeORM releases a transaction's query runner when its connection dies; the transaction's next
// query then throws QueryRunnerProviderAlreadyReleasedError (seen as 500s while PostgreSQL restarted).
const CONNECTION_LOST = /query runner was already released|Connection terminated|terminating connection due to administrator command|server closed the connection|ECONNRESET|Client has encountered a connection error|timeout exceeded when trying to connect/i;
/** Socket errors, PostgreSQL shutdown (57P0x) and connection exceptions (08xxx). */
const CONNECTION_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', '57P01', '57P02', '57P03', '08000', '08001', '08003', '08006']);

/** The database cannot be reached or the connection was lost (also answered 503 by the API). */
export function isConnectionLoss(error: unknown): boolean {
  const e = error as { message?: string; code?: string; driverError?: { code?: string } } | null;
  if (!e) return false;
  const code = e.driverError?.code ?? e.code ?? '';
  return CONNECTION_CODES.has(code) || CONNECTION_LOST.test(e.message ?? '');
}

/** Keeps the process alive through lost database connections; anything else is still fatal. */
export function surviveConnectionLoss(log: (line: string) => void): void {
  process.on('uncaughtException', (error) => {
    if (isConnectionLoss(error)) {
      log(`database connection lost (${(error as { code?: string }).code ?? error.name}); the pool reconnects`);
      return;
    }
    log(`fatal: ${error.stack ?? error.message}`);
    process.exit(1);
  });
}
