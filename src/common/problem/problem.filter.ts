import { type ArgumentsHost, Catch, type ExceptionFilter, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { PROBLEM_CONTENT_TYPE } from './problem-body';
import { mapToProblem } from './problem-mapping';

/** Every error leaving the application becomes RFC 9457 problem+json; stacks and SQL stay in the log. */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('Problem');

  catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const response = http.getResponse<Response>();
    const request = http.getRequest<Request>();
    sendProblem(error, request, response, this.logger);
  }
}

export function sendProblem(error: unknown, request: Request, response: Response, logger: Logger): void {
  const { body, headers, unexpected } = mapToProblem(error);
  if (unexpected) {
    const e = error as Error;
    // Name, code and stack only: messages of driver errors can quote the values of a row.
    logger.error({ err: { name: e?.name, code: (e as { code?: string })?.code, stack: e?.stack }, path: request.path }, 'request failed');
  }
  if (response.headersSent) {
    response.end();
    return;
  }
  for (const [name, value] of Object.entries(headers)) response.setHeader(name, value);
  if (body.status === 404 && wantsPage(request)) {
    response.status(404).type('html').setHeader('Cache-Control', 'no-store');
    response.send(NOT_FOUND_PAGE);
    return;
  }
  response.status(body.status).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(body));
}

/** Machine-facing prefixes always answer problem+json, whatever the Accept header says. */
const MACHINE_PATHS = /^\/(api|feeds|media|docs|docs-json|health|metrics|assets)(\/|$)/;

/**
 * A browser (an officer who mistyped a console address, a reader following a stale link) navigating
 * to an address no route serves gets a short page in Indonesian rather than JSON.
 */
function wantsPage(request: Request): boolean {
  return request.method === 'GET' && !MACHINE_PATHS.test(request.path) && /text\/html/.test(request.get('accept') ?? '');
}

// Static: no user data, no inline script or style (the strict Content-Security-Policy holds).
const NOT_FOUND_PAGE = `<!doctype html>
<html lang="id"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Halaman tidak ditemukan - Gaung</title><link rel="stylesheet" href="/assets/console/console.css"></head>
<body><main class="card error-page" id="main"><h1>Halaman tidak ditemukan</h1>
<p>Alamat yang Anda buka tidak ada. Periksa kembali alamatnya.</p>
<p><a href="/">Ke konsol</a> &middot; <a href="/rilis">Ke ruang rilis</a></p></main></body></html>
`;
