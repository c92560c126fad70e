/** One entry per bad field in a validation problem. */
export interface FieldError {
  field: string;
  message: string;
  /** A machine-readable reason for this field, where the caller needs one (e.g. the privacy class). */
  code?: string;
}

export interface ProblemInit {
  status: number;
  code: string;
  title: string;
  detail?: string;
  errors?: FieldError[];
  headers?: Record<string, string>;
  /** Extension members (RFC 9457 §3.2), e.g. the current state of a story on a 409. */
  extensions?: Record<string, unknown>;
}

/**
 * The one exception type services throw for an expected failure. The problem filter turns it
 * into RFC 9457 application/problem+json with its stable `code`.
 */
export class ProblemException extends Error {
  constructor(readonly problem: ProblemInit) {
    super(problem.detail ?? problem.title);
    this.name = 'ProblemException';
  }

  static badRequest(code: string, detail: string, errors?: FieldError[]) {
    return new ProblemException({ status: 400, code, title: 'Bad request', detail, errors });
  }

  static validation(errors: FieldError[]) {
    const fields = [...new Set(errors.map((e) => e.field))].join(', ');
    return new ProblemException({
      status: 400,
      code: 'validation_failed',
      title: 'The request has invalid fields',
      detail: `Invalid field(s): ${fields}`,
      errors,
    });
  }

  static unauthorized(code = 'unauthenticated', detail = 'Sign in or send a valid bearer token.') {
    return new ProblemException({ status: 401, code, title: 'Not authenticated', detail });
  }

  static forbidden(code: string, detail: string) {
    return new ProblemException({ status: 403, code, title: 'Forbidden', detail });
  }

  static notFound(what: string) {
    return new ProblemException({ status: 404, code: 'not_found', title: 'Not found', detail: `${what} was not found.` });
  }

  static conflict(code: string, detail: string, extensions?: Record<string, unknown>) {
    return new ProblemException({ status: 409, code, title: 'Conflict', detail, extensions });
  }

  static unprocessable(code: string, detail: string, extensions?: Record<string, unknown>) {
    return new ProblemException({ status: 422, code, title: 'Unprocessable content', detail, extensions });
  }

  static tooManyRequests(code: string, detail: string, retryAfterSeconds: number) {
    return new ProblemException({
      status: 429,
      code,
      title: 'Too many requests',
      detail,
      headers: { 'Retry-After': String(Math.max(1, Math.ceil(retryAfterSeconds))) },
    });
  }
}
