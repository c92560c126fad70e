import { Injectable } from '@nestjs/common';
import { Counter, collectDefaultMetrics, Histogram, Registry } from 'prom-client';

/** The Prometheus registry of this process: default Node metrics plus HTTP request figures. */
@Injectable()
export class Metrics {
  readonly registry = new Registry();
  readonly httpDuration: Histogram<'method' | 'route' | 'status'>;
  readonly httpErrors: Counter<'route' | 'status'>;

  constructor() {
    collectDefaultMetrics({ register: this.registry, prefix: 'gaung_' });
    this.httpDuration = new Histogram({
      name: 'gaung_http_request_duration_seconds',
      help: 'HTTP request duration by route pattern (never the raw URL, which may hold tokens)',
      labelNames: ['method', 'route', 'status'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers: [this.registry],
    });
    this.httpErrors = new Counter({
      name: 'gaung_http_errors_total',
      help: 'HTTP answers with status >= 500',
      labelNames: ['route', 'status'],
      registers: [this.registry],
    });
  }
}
