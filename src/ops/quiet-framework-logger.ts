import type { LoggerService } from '@nestjs/common';

/**
 * Nest's start-up chatter: one line per route mapped (about 230), per module initialised and per
 * start. At LOG_LEVEL info it buried the lines that matter at start (the logins of a first start,
 * the address): those lines go to debug, so `LOG_LEVEL=debug` still shows every route.
 */
const STARTUP_CONTEXTS = new Set(['RouterExplorer', 'RoutesResolver', 'InstanceLoader', 'NestFactory', 'NestApplication']);

/** The context Nest passes last to a log call (a string), if any. */
const contextOf = (params: unknown[]): string | undefined => {
  const last = params[params.length - 1];
  return typeof last === 'string' ? last : undefined;
};

export class QuietFrameworkLogger implements LoggerService {
  constructor(private readonly inner: LoggerService) {}

  log(message: unknown, ...params: unknown[]): void {
    if (STARTUP_CONTEXTS.has(contextOf(params) ?? '')) {
      this.inner.debug?.(message, ...params);
      return;
    }
    this.inner.log(message, ...params);
  }

  error(message: unknown, ...params: unknown[]): void {
    this.inner.error(message, ...params);
  }

  warn(message: unknown, ...params: unknown[]): void {
    this.inner.warn(message, ...params);
  }

  debug(message: unknown, ...params: unknown[]): void {
    this.inner.debug?.(message, ...params);
  }

  verbose(message: unknown, ...params: unknown[]): void {
    this.inner.verbose?.(message, ...params);
  }

  fatal(message: unknown, ...params: unknown[]): void {
    (this.inner.fatal ?? this.inner.error).call(this.inner, message, ...params);
  }
}
