import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import type { Request, Response } from 'express';
import { catchError, type Observable, throwError } from 'rxjs';
import { ProblemException } from '../problem/problem.exception';
import { fieldLabel } from './field-labels';
import { indonesianErrors } from './field-messages';

/**
 * Whether the caller reads Indonesian first: "id", "id-ID" (or the old "in") ranked above any
 * other language in Accept-Language. Machines that send nothing keep the English messages.
 */
export function prefersIndonesian(acceptLanguage: string | undefined): boolean {
  if (!acceptLanguage) return false;
  const ranked = acceptLanguage.split(',').map((part, i) => {
    const [tag, ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)?.[1]).find(Boolean);
    return { lang: tag.split('-')[0], q: q === undefined ? 1 : Number(q), i };
  }).filter((l) => l.lang && l.q > 0).sort((a, b) => b.q - a.q || a.i - b.i);
  return ranked[0]?.lang === 'id' || ranked[0]?.lang === 'in';
}

/**
 * API answers in the caller's language: for Accept-Language id, the field errors of a problem
 * (validation and the services' own field checks) are said in Indonesian with each field's
 * label; `field`, `code` and the limits stay as they are for programs.
 */
@Injectable()
export class LocaliseProblemsInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<Request>();
    const response = context.switchToHttp().getResponse<Response>();
    if (!request?.path?.startsWith('/api/')) return next.handle();
    response.vary?.('Accept-Language');
    if (!prefersIndonesian(request.get('accept-language'))) return next.handle();
    return next.handle().pipe(catchError((error: unknown) => throwError(() => localised(error))));
  }
}

function localised(error: unknown): unknown {
  if (!(error instanceof ProblemException) || !error.problem.errors?.length) return error;
  const errors = indonesianErrors(error.problem.errors);
  const fields = [...new Set(errors.map((e) => fieldLabel(e.field)))].join(', ');
  const detail = error.problem.code === 'validation_failed' ? `Isian belum benar: ${fields}.` : error.problem.detail;
  return new ProblemException({ ...error.problem, detail, errors });
}
