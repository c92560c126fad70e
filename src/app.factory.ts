import { Logger as NestLogger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import cookieParser from 'cookie-parser';
import type { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import { AppModule, type AppOverrides } from './app.module';
import { applyServerTimeouts } from './common/http/server-timeouts';
import { serveStaticAssets } from './common/http/static-assets';
import { sendProblem } from './common/problem/problem.filter';
import { FeedCache } from './feeds/cache/feed-cache.service';
import type { GaungConfig } from './config/gaung-config';
import { setupOpenApi } from './openapi';
import { QuietFrameworkLogger } from './ops/quiet-framework-logger';

/** Largest JSON or form body accepted anywhere (uploads go through multipart with their own limit). */
export const BODY_LIMIT = '512kb';

/** Builds the whole application (used by main.ts, the tests and the benchmarks alike). */
export async function createApp(config: GaungConfig, databaseUrl: string, overrides: AppOverrides = {}): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config, databaseUrl, overrides), {
    bodyParser: false,
    // Keeps req.rawBody (a Buffer) beside the parsed body: the intake webhook verifies its HMAC on the exact bytes.
    rawBody: true,
    bufferLogs: true,
    abortOnError: false,
  });
  // route mapping and module start-up lines go to debug: at info they buried the first start's logins
  app.useLogger(new QuietFrameworkLogger(app.get(Logger)));
  app.set('trust proxy', config.trustProxy);
  app.disable('x-powered-by');
  applyServerTimeouts(app.getHttpServer(), config);
  // Cached public feeds are answered before Express, helmet and every other layer (a full Nest
  // request costs ~1.2 ms of CPU; bench/feeds.bench.js); a miss goes on to FeedsController, which fills the cache.
  app.get(FeedCache).serveBefore(app.getHttpServer());
  const https = config.publicBaseUrl.startsWith('https://');
  app.use(
    helmet({
      crossOriginEmbedderPolicy: false,
      // Behind plain http (a local install) these two would break every page and asset.
      strictTransportSecurity: https,
      contentSecurityPolicy: { directives: { upgradeInsecureRequests: https ? [] : null } },
    }),
  );
  serveStaticAssets(app);
  app.use(cookieParser());
  app.useBodyParser('json', { limit: BODY_LIMIT, type: ['application/json', 'application/*+json'] });
  app.useBodyParser('urlencoded', { limit: BODY_LIMIT, extended: false, parameterLimit: 500 });
  // Body-parser errors (malformed JSON, too large) happen before any route: answer them as problems too.
  const logger = new NestLogger('Http');
  app.use((error: unknown, request: Request, response: Response, next: NextFunction) => {
    if (!error) return next();
    sendProblem(error, request, response, logger);
  });
  setupOpenApi(app, config);
  return app;
}
