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
  response.status(body.status).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(body));
}
