import type { FieldError } from '../problem/problem.exception';

/** Keys that reach an object's prototype when copied naively: never accepted from a client. */
const DANGEROUS_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
/** Deeper than any body Gaung takes; stops stack-hungry recursion on crafted input. */
export const MAX_BODY_DEPTH = 16;

/** The first problem with a parsed body's shape (dangerous key or excessive depth), if any. */
export function bodyShapeError(value: unknown, path = '', depth = 0): FieldError | null {
  if (value === null || typeof value !== 'object') return null;
  if (depth > MAX_BODY_DEPTH) return { field: path || '(body)', message: `nested deeper than ${MAX_BODY_DEPTH} levels` };
  const entries = Array.isArray(value) ? value.map((v, i) => [String(i), v] as const) : Object.entries(value);
  for (const [key, child] of entries) {
    const here = Array.isArray(value) ? `${path}[${key}]` : path ? `${path}.${key}` : key;
    if (!Array.isArray(value) && DANGEROUS_KEYS.has(key)) return { field: here, message: `the key "${key}" is not allowed` };
    const error = bodyShapeError(child, here, depth + 1);
    if (error) return error;
  }
  return null;
}
