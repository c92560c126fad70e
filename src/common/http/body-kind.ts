import { type CanActivate, type ExecutionContext, Injectable, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { ProblemException } from '../problem/problem.exception';
import { bodyShapeError } from './body-shape';

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });
function isValidUtf8(bytes: Buffer): boolean {
  try {
    strictUtf8.decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/**
 * The first path parameter or query value holding U+0000, as "path.code" or "query.q": PostgreSQL
 * refuses NUL in text, so such a value reached the database as a 500 (issue 17).
 */
export function nulParameter(request: Pick<Request, 'params' | 'query'>): string | null {
  for (const [name, value] of Object.entries(request.params ?? {})) if (containsNul(value)) return `path.${name}`;
  for (const [name, value] of Object.entries(request.query ?? {})) if (containsNul(value)) return `query.${name}`;
  return null;
}

function containsNul(value: unknown, depth = 0): boolean {
  if (typeof value === 'string') return value.includes('\u0000');
  if (depth > 5 || !value || typeof value !== 'object') return false;
  return Object.entries(value).some(([key, inner]) => key.includes('\u0000') || containsNul(inner, depth + 1));
}

export const BODY_KINDS = 'gaung:body-kinds';
export type BodyKind = 'json' | 'form' | 'multipart';

const MEDIA_TYPES: Record<BodyKind, RegExp> = {
  json: /^application\/(.+\+)?json$/,
  form: /^application\/x-www-form-urlencoded$/,
  multipart: /^multipart\/form-data$/,
};

/** Which request bodies a route accepts; JSON only unless a route says otherwise. */
export const AcceptsBody = (...kinds: BodyKind[]) => SetMetadata(BODY_KINDS, kinds);

/**
 * Refuses a request body of a type the route does not take with 415, instead of letting an
 * unparsed body reach validation as "every field missing"; and a body with prototype-pollution
 * keys or absurd nesting with 400 naming where.
 */
@Injectable()
export class BodyKindGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    if (context.getType() !== 'http') return true;
    const request = context.switchToHttp().getRequest<Request>();
    const nul = nulParameter(request);
    if (nul) throw ProblemException.validation([{ field: nul, message: `${nul} must not contain a NUL character` }]);
    const hasBody = Number(request.headers['content-length'] ?? 0) > 0 || request.headers['transfer-encoding'] !== undefined;
    if (!hasBody) return true;
    const kinds = this.reflector.getAllAndOverride<BodyKind[]>(BODY_KINDS, [context.getHandler(), context.getClass()]) ?? ['json'];
    const type = (request.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
    if (!kinds.some((kind) => MEDIA_TYPES[kind].test(type))) throw this.unsupported(kinds, type);
    // body-parser turns invalid UTF-8 into U+FFFD silently: the bytes themselves are checked
    const raw = (request as Request & { rawBody?: Buffer }).rawBody;
    if (raw && !MEDIA_TYPES.multipart.test(type) && !isValidUtf8(raw)) {
      throw ProblemException.validation([{ field: '(body)', message: 'the body is not valid UTF-8' }]);
    }
    const shape = bodyShapeError(request.body);
    if (shape) throw ProblemException.validation([shape]);
    return true;
  }

  private unsupported(kinds: BodyKind[], type: string): ProblemException {
    return new ProblemException({
      status: 415,
      code: 'unsupported_media_type',
      title: 'Unsupported media type',
      detail: `This endpoint takes ${kinds.map((k) => (k === 'json' ? 'application/json' : k === 'form' ? 'application/x-www-form-urlencoded' : 'multipart/form-data')).join(' or ')}, not ${type || 'a body without Content-Type'}.`,
    });
  }
}
