import { createHash } from 'node:crypto';

/** JSON with object keys sorted, so that the same content always hashes the same. */
function canonical(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .filter((key) => (value as Record<string, unknown>)[key] !== undefined)
        .sort()
        .map((key) => [key, canonical((value as Record<string, unknown>)[key])]),
    );
  }
  return value;
}

/** Fingerprint of an intake payload: decides "same request again" (200) from "other content" (409). */
export function contentHash(payload: object): Buffer {
  return createHash('sha256').update(JSON.stringify(canonical(payload))).digest();
}
