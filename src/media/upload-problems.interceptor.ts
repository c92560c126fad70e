import { type CallHandler, type ExecutionContext, HttpException, Inject, Injectable, type NestInterceptor } from '@nestjs/common';
import { catchError, type Observable } from 'rxjs';
import { bodyShapeError } from '../common/http/body-shape';
import { ProblemException } from '../common/problem/problem.exception';
import { GAUNG_CONFIG, type GaungConfig } from '../config/gaung-config';
import { MediaProblems } from './media-problems';

/** The multipart field that carries the photo. */
export const UPLOAD_FIELD = 'file';

/**
 * multer's limits for POST /media: one file, a couple of short text fields, nothing else.
 * Parts = the file plus at most `fields` text fields; nesting ("alt[a][b]") is refused.
 */
export function uploadLimits(maxBytes: number) {
  return {
    fileSize: maxBytes,
    files: 1,
    fields: 4,
    parts: 5,
    fieldNameSize: 64,
    fieldSize: 4096,
    headerPairs: 20,
    fieldNestingDepth: 0,
    fieldArrayIndexLimit: 0,
  };
}

const FIELD_NAME = /^[A-Za-z0-9_.-]{1,64}$/;

/**
 * Turns multer's and busboy's errors (which Nest's FileInterceptor wraps in HttpExceptions,
 * keeping the original as `cause`) into problems with stable codes. Bound before
 * FileInterceptor so that it sees what that one throws.
 */
@Injectable()
export class UploadProblemsInterceptor implements NestInterceptor {
  constructor(@Inject(GAUNG_CONFIG) private readonly config: GaungConfig) {}

  intercept(_context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(
      catchError((error: unknown) => {
        throw this.map(error);
      }),
    );
  }

  private map(error: unknown): unknown {
    if (!(error instanceof HttpException)) return error;
    const cause = error.cause as { code?: string; field?: string; message?: string } | undefined;
    // Only a field name of harmless characters is echoed back.
    const field = cause?.field && FIELD_NAME.test(cause.field) ? cause.field : 'form';
    switch (cause?.code) {
      case 'LIMIT_FILE_SIZE':
        return MediaProblems.tooLarge(this.config.mediaMaxBytes);
      case 'LIMIT_FILE_COUNT':
        return MediaProblems.badUpload('too_many_files', `Send exactly one file, in the field "${UPLOAD_FIELD}".`);
      case 'LIMIT_UNEXPECTED_FILE':
        return MediaProblems.badUpload('unexpected_file_field', `Files are only accepted in the field "${UPLOAD_FIELD}".`, field === 'form' ? UPLOAD_FIELD : field);
      case 'LIMIT_PART_COUNT':
      case 'LIMIT_FIELD_COUNT':
        return MediaProblems.badUpload('too_many_parts', 'The form has too many parts: send the file and at most alt and unitCode.', field);
      case 'LIMIT_FIELD_KEY':
      case 'LIMIT_FIELD_VALUE':
        return MediaProblems.badUpload('field_too_long', 'A form field name or value is too long.', field);
      case 'MISSING_FIELD_NAME':
      case 'LIMIT_FIELD_NESTING':
      case 'LIMIT_FIELD_ARRAY_INDEX':
      case 'INVALID_FIELD_NAME':
        return MediaProblems.badUpload('invalid_field_name', 'Form field names must be plain names such as "alt" (no brackets, not empty).', field);
    }
    if (error.getStatus() === 400 && /multipart|boundary|part header|end of (form|file)/i.test(error.message)) {
      return MediaProblems.badUpload('malformed_multipart', 'The multipart/form-data body is malformed.');
    }
    return error;
  }
}

/**
 * Bound after FileInterceptor: the form fields multer parsed must pass the same checks as a
 * JSON body (no __proto__ or constructor field, no control characters such as NUL, which
 * PostgreSQL refuses in text and which answered 500 before), before validation sees them.
 */
@Injectable()
export class UploadFieldsInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const body = context.switchToHttp().getRequest<{ body?: unknown }>().body;
    const error = body && typeof body === 'object' ? bodyShapeError(body) : null;
    if (error) throw ProblemException.validation([error]);
    return next.handle();
  }
}
