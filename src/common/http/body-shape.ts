import type { FieldError } from '../problem/problem.exception';

/** Keys that reach an object's prototype when copied naively: never accepted from a client. */
const DANGEROUS_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
/** Deeper than any body Gaung takes; stops stack-hungry recursion on crafted input. */
export const MAX_BODY_DEPTH = 16;

/**
 * C0 control characters other than tab, line feed and carriage return, DEL, and UTF-16 halves
 * without their other half: no field of Gaung holds them, PostgreSQL refuses NUL in text (a 500
 * instead of a 400), and escape sequences would reach logs, feeds and the officers' screens.
 */
const FORBIDDEN_TEXT = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Why a string cannot be accepted as text, or null. */
export function textError(value: string): string | null {
  return FORBIDDEN_TEXT.test(value) ? 'must not contain control characters or broken Unicode' : null;
}

/**
 * The first problem with a parsed body's shape (dangerous key, excessive depth, or a string
 * with control characters or broken Unicode), if any.
 */
export function bodyShapeError(value: unknown, path = '', depth = 0): FieldError | null {
  if (typeof value === 'string') {
    const message = textError(value);
    return message ? { field: path || '(body)', message } : null;
  }
  if (value === null || typeof value !== 'object') return null;
  if (depth > MAX_BODY_DEPTH) return { field: path || '(body)', message: `nested deeper than ${MAX_BODY_DEPTH} levels` };
  const entries = Array.isArray(value) ? value.map((v, i) => [String(i), v] as const) : Object.entries(value);
  for (const [key, child] of entries) {
    const here = Array.isArray(value) ? `${path}[${key}]` : path ? `${path}.${key}` : key;
    if (!Array.isArray(value) && DANGEROUS_KEYS.has(key)) return { field: here, message: `the key "${key}" is not allowed` };
    if (!Array.isArray(value) && textError(key)) return { field: path || '(body)', message: 'a key contains control characters or broken Unicode' };
    const error = bodyShapeError(child, here, depth + 1);
    if (error) return error;
  }
  return null;
}
