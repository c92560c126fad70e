import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Params } from 'nestjs-pino';
import type { GaungConfig } from '../config/gaung-config';

/**
 * Paths pino blanks out wherever they appear in a log object: credentials, and every field
 * that holds a citizen's personal data (UU 27/2022). Logs are for operators, not for PII.
 */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-csrf-token"]',
  'req.headers["x-gaung-signature"]',
  'res.headers["set-cookie"]',
  '*.password',
  '*.token',
  '*.secret',
  '*.credentials',
  // channel connection tokens (issue 21), in our names and in the platforms' own
  '*.accessToken',
  '*.refreshToken',
  '*.pageAccessToken',
  '*.botToken',
  '*.clientSecret',
  '*.codeVerifier',
  '*.access_token',
  '*.refresh_token',
  '*.client_secret',
  '*.code_verifier',
  '*.nik',
  '*.phone',
  '*.email',
  '*.complainant',
  '*.author',
  '*.name',
  '*.plate',
  '*.address',
];

/** Strips the query string and masks feed tokens: URLs in logs must not carry secrets or search text. */
export function safeUrl(url: string | undefined): string {
  const path = (url ?? '').split('?')[0];
  return path.replace(/(\/feeds\/partners\/)[^/]+/, '$1[token]');
}

export function loggerParams(config: GaungConfig): Params {
  return {
    pinoHttp: {
      level: config.logLevel,
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
      genReqId: (request: IncomingMessage) => {
        const given = request.headers['x-request-id'];
        return typeof given === 'string' && /^[A-Za-z0-9-]{8,64}$/.test(given) ? given : randomUUID();
      },
      autoLogging: { ignore: (request) => request.url === '/health' || request.url === '/metrics' },
      serializers: {
        req: (request: { id: string; method: string; url: string }) => ({ id: request.id, method: request.method, url: safeUrl(request.url) }),
        res: (response: { statusCode: number }) => ({ statusCode: response.statusCode }),
      },
      customLogLevel: (_request, response, error) =>
        error || response.statusCode >= 500 ? 'error' : response.statusCode >= 400 ? 'warn' : 'info',
    },
  };
}
