/** PostgreSQL SQLSTATE of an error thrown through TypeORM or pg, if any. */
export function sqlState(error: unknown): string | undefined {
  const e = error as { code?: string; driverError?: { code?: string } } | null;
  return e?.driverError?.code ?? e?.code;
}

export const isUniqueViolation = (error: unknown) => sqlState(error) === '23505';
