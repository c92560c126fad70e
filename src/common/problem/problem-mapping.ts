import { HttpException } from '@nestjs/common';
import { isConnectionLoss } from '../../db/connection-loss';
import { problemBody, type ProblemBody } from './problem-body';
import { ProblemException } from './problem.exception';

const STATUS_CODES: Record<number, [code: string, title: string]> = {
  400: ['bad_request', 'Bad request'],
  401: ['unauthenticated', 'Not authenticated'],
  403: ['forbidden', 'Forbidden'],
  404: ['not_found', 'Not found'],
  405: ['method_not_allowed', 'Method not allowed'],
  406: ['not_acceptable', 'Not acceptable'],
  409: ['conflict', 'Conflict'],
  413: ['payload_too_large', 'Payload too large'],
  415: ['unsupported_media_type', 'Unsupported media type'],
  422: ['unprocessable', 'Unprocessable content'],
  429: ['too_many_requests', 'Too many requests'],
  503: ['service_unavailable', 'Service unavailable'],
};

/** Errors raised by body-parser before any route runs (they carry `type` and `status`). */
const BODY_PARSER_ERRORS: Record<string, [status: number, code: string, detail: string]> = {
  'entity.parse.failed': [400, 'malformed_json', 'The request body is not valid JSON.'],
  'entity.too.large': [413, 'payload_too_large', 'The request body is larger than allowed.'],
  'encoding.unsupported': [415, 'unsupported_encoding', 'The request body encoding is not supported.'],
  'charset.unsupported': [415, 'unsupported_charset', 'The request body charset is not supported.'],
  'request.aborted': [400, 'request_aborted', 'The request was aborted by the client.'],
  'request.size.invalid': [400, 'bad_request', 'The request body length does not match Content-Length.'],
  'parameters.too.many': [413, 'payload_too_large', 'The request has too many parameters.'],
};

/** An http-errors 4xx (body-parser's), whose own message is not copied out. */
function isClientHttpError(error: { status?: number; expose?: boolean } | null): error is { status: number; expose: true; code?: string } {
  return !!error && !(error instanceof HttpException) && error.expose === true && typeof error.status === 'number' && error.status >= 400 && error.status < 500;
}

export interface MappedProblem {
  body: ProblemBody;
  headers: Record<string, string>;
  /** True when the error was not expected: it is logged with its stack. */
  unexpected: boolean;
}

/** Maps anything thrown to a problem body. Never copies an unexpected error's message out. */
export function mapToProblem(error: unknown): MappedProblem {
  if (error instanceof ProblemException) {
    const p = error.problem;
    return {
      body: problemBody(p.status, p.code, p.title, p.detail, p.errors, p.extensions),
      headers: p.headers ?? {},
      unexpected: false,
    };
  }
  const parserError = error as { type?: string; status?: number; expose?: boolean; code?: string } | null;
  if (parserError?.type && BODY_PARSER_ERRORS[parserError.type]) {
    const [status, code, detail] = BODY_PARSER_ERRORS[parserError.type];
    return { body: problemBody(status, code, STATUS_CODES[status][1], detail), headers: {}, unexpected: false };
  }
  // body-parser wraps a stream error (a gzip or br body that does not decode) as a 400 without a type
  if (isClientHttpError(parserError)) {
    // zlib's codes start Z_, brotli's ERR__ERROR_ (e.g. ERR__ERROR_FORMAT_PADDING_2)
    const encoding = /^(Z_|ERR__ERROR_)|BROTLI|ZLIB/i.test(parserError.code ?? '');
    const detail = encoding ? 'The request body does not decode with its Content-Encoding.' : 'The request body could not be read.';
    return { body: problemBody(parserError.status, encoding ? 'body_encoding_invalid' : 'bad_request', STATUS_CODES[parserError.status]?.[1] ?? 'Bad request', detail), headers: {}, unexpected: false };
  }
  if (error instanceof HttpException) {
    const status = error.getStatus();
    const [code, title] = STATUS_CODES[status] ?? (status >= 500 ? ['internal_error', 'Internal error'] : ['bad_request', 'Bad request']);
    const response = error.getResponse();
    const message = typeof response === 'string' ? response : (response as { message?: unknown }).message;
    const detail = status < 500 && typeof message === 'string' ? message : undefined;
    return { body: problemBody(status, code, title, detail), headers: {}, unexpected: status >= 500 };
  }
  if (isConnectionLoss(error)) {
    return {
      body: problemBody(503, 'database_unavailable', 'Service unavailable', 'The database is not reachable; try again shortly.'),
      headers: { 'Retry-After': '5' },
      unexpected: true,
    };
  }
  return {
    body: problemBody(500, 'internal_error', 'Internal error', 'An unexpected error occurred; it has been logged.'),
    headers: {},
    unexpected: true,
  };
}
