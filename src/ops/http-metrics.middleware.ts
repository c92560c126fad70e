import { Injectable, type NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { Metrics } from './metrics';

/** Times every request; the label is the matched route pattern (e.g. /api/v1/units/:code). */
@Injectable()
export class HttpMetricsMiddleware implements NestMiddleware {
  constructor(private readonly metrics: Metrics) {}

  use(request: Request, response: Response, next: NextFunction): void {
    const end = this.metrics.httpDuration.startTimer();
    response.on('finish', () => {
      const route = (request.route as { path?: string } | undefined)?.path;
      const label = route ? `${request.baseUrl}${route}` : 'unmatched';
      const status = String(response.statusCode);
      end({ method: request.method, route: label, status });
      if (response.statusCode >= 500) this.metrics.httpErrors.inc({ route: label, status });
    });
    next();
  }
}
