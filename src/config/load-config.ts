import path from 'node:path';
import { plainToInstance } from 'class-transformer';
import { validateSync, type ValidationError } from 'class-validator';
import { Environment } from './environment';
import type { GaungConfig } from './gaung-config';

/** A configuration problem: its message is one line naming the variable. */
export class ConfigError extends Error {
  constructor(readonly variable: string, message: string) {
    super(`Configuration error: ${message}`);
    this.name = 'ConfigError';
  }
}

/** The variables Gaung reads; nothing else in the environment is looked at. */
const KNOWN = [
  'DATABASE_URL', 'PORT', 'DATA_DIR', 'PUBLIC_BASE_URL', 'SECRET_KEY', 'ADMIN_USERNAME', 'ADMIN_PASSWORD',
  'DEMO', 'LOG_LEVEL', 'FEED_FETCH_ALLOW_HOSTS', 'SESSION_TTL_HOURS', 'DB_POOL_SIZE', 'TRUST_PROXY',
  'LOGIN_RATE_PER_MINUTE', 'RETENTION_DAYS', 'DISPATCH_INTERVAL_MS', 'MEDIA_MAX_BYTES', 'MEDIA_MAX_PIXELS',
  'X_API_BASE_URL', 'GRAPH_API_BASE_URL', 'TELEGRAM_API_BASE_URL', 'PUBLISH_TIMEOUT_MS',
  'FEED_ITEMS', 'FEED_CHECK_INTERVAL_MS', 'WEBSUB_HUB_URL', 'FEED_FETCH_TIMEOUT_MS', 'FEED_FETCH_MAX_BYTES',
  'PARTNER_POLL_MINUTES', 'TEMPLATE_RENDER_TIMEOUT_MS', 'HTTP_KEEP_ALIVE_TIMEOUT_MS', 'HTTP_HEADERS_TIMEOUT_MS',
  'WEBHOOK_CHANNEL_ALLOW_HOSTS',
  'PARTNER_POLL_MINUTES',
  'X_CLIENT_ID', 'X_CLIENT_SECRET', 'X_AUTHORIZE_URL', 'X_TOKEN_URL', 'FACEBOOK_APP_ID', 'FACEBOOK_APP_SECRET', 'FACEBOOK_AUTHORIZE_URL',
  'TIKTOK_CLIENT_KEY', 'TIKTOK_CLIENT_SECRET', 'TIKTOK_AUTHORIZE_URL', 'TIKTOK_API_BASE_URL', 'TIKTOK_DIRECT_POST',
  'TOKEN_HEALTH_MINUTES', 'ENGAGEMENT_POLL_MINUTES',
] as const;

/** Type errors first: "PORT must be an integer" says more than "must be between 0 and 65535" for "eighty". */
const TYPE_CONSTRAINTS = ['isInt', 'isBoolean', 'isString', 'isIn', 'matches', 'isUrl'];

function firstMessage(error: ValidationError): string {
  const constraints = error.constraints ?? {};
  const key = TYPE_CONSTRAINTS.find((name) => name in constraints) ?? Object.keys(constraints)[0];
  return key ? constraints[key] : `${error.property} is invalid`;
}

const hostList = (value: string | undefined) => (value ?? '').split(',').map((h) => h.trim()).filter(Boolean);

const withoutTrailingSlash = (url: string) => url.replace(/\/+$/, '');

/**
 * Reads and validates the environment. The only function in Gaung that looks at process.env
 * (main.ts passes it in); throws ConfigError with one clear line on the first bad variable.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): GaungConfig {
  const picked: Record<string, string | undefined> = {};
  for (const key of KNOWN) picked[key] = env[key];
  const parsed = plainToInstance(Environment, picked);
  const errors = validateSync(parsed, { whitelist: true });
  if (errors.length > 0) throw new ConfigError(errors[0].property, firstMessage(errors[0]));

  if (parsed.DATABASE_URL && !parsed.SECRET_KEY) {
    throw new ConfigError('SECRET_KEY', 'SECRET_KEY is required when DATABASE_URL is set (at least 32 characters)');
  }
  const port = parsed.PORT ?? 3000;
  const keepAlive = parsed.HTTP_KEEP_ALIVE_TIMEOUT_MS ?? 65_000;
  const publicBaseUrl = withoutTrailingSlash(parsed.PUBLIC_BASE_URL ?? `http://localhost:${port}`);
  return {
    databaseUrl: parsed.DATABASE_URL,
    port,
    dataDir: path.resolve(parsed.DATA_DIR ?? './data'),
    publicBaseUrl,
    secretKey: parsed.SECRET_KEY,
    adminUsername: parsed.ADMIN_USERNAME ?? 'admin',
    adminPassword: parsed.ADMIN_PASSWORD,
    // Demo data is seeded by default in embedded mode (the newcomer's first start), opt-in otherwise.
    demo: parsed.DEMO ?? !parsed.DATABASE_URL,
    logLevel: parsed.LOG_LEVEL ?? 'info',
    feedFetchAllowHosts: hostList(parsed.FEED_FETCH_ALLOW_HOSTS),
    sessionTtlHours: parsed.SESSION_TTL_HOURS ?? 12,
    dbPoolSize: parsed.DB_POOL_SIZE ?? 10,
    trustProxy: parsed.TRUST_PROXY ?? false,
    loginRatePerMinute: parsed.LOGIN_RATE_PER_MINUTE ?? 20,
    retentionDays: parsed.RETENTION_DAYS ?? 90,
    dispatchIntervalMs: parsed.DISPATCH_INTERVAL_MS ?? 1000,
    mediaMaxBytes: parsed.MEDIA_MAX_BYTES ?? 20 * 1024 * 1024,
    mediaMaxPixels: parsed.MEDIA_MAX_PIXELS ?? 50_000_000,
    // Without a trailing slash, so that providers append '/2/tweets' and the like as documented.
    xApiBaseUrl: withoutTrailingSlash(parsed.X_API_BASE_URL ?? 'https://api.x.com'),
    graphApiBaseUrl: withoutTrailingSlash(parsed.GRAPH_API_BASE_URL ?? 'https://graph.facebook.com/v21.0'),
    telegramApiBaseUrl: withoutTrailingSlash(parsed.TELEGRAM_API_BASE_URL ?? 'https://api.telegram.org'),
    publishTimeoutMs: parsed.PUBLISH_TIMEOUT_MS ?? 15_000,
    feedItems: parsed.FEED_ITEMS ?? 50,
    feedCheckIntervalMs: parsed.FEED_CHECK_INTERVAL_MS ?? 2_000,
    websubHubUrl: parsed.WEBSUB_HUB_URL,
    feedFetchTimeoutMs: parsed.FEED_FETCH_TIMEOUT_MS ?? 10_000,
    feedFetchMaxBytes: parsed.FEED_FETCH_MAX_BYTES ?? 5 * 1024 * 1024,
    partnerPollMinutes: parsed.PARTNER_POLL_MINUTES ?? 15,
    templateRenderTimeoutMs: parsed.TEMPLATE_RENDER_TIMEOUT_MS ?? 2_000,
    // Longer than the 60 s idle timeout of common load balancers, so that the balancer, not
    // Gaung, closes an idle connection (a server closing first gives intermittent 502s).
    httpKeepAliveTimeoutMs: keepAlive,
    // Node requires headersTimeout > keepAliveTimeout, or a kept-alive socket may be cut mid-request.
    httpHeadersTimeoutMs: Math.max(parsed.HTTP_HEADERS_TIMEOUT_MS ?? keepAlive + 1_000, keepAlive + 1_000),
    webhookChannelAllowHosts: hostList(parsed.WEBHOOK_CHANNEL_ALLOW_HOSTS),
    connections: connectionsConfig(parsed),
  };
}

/** The OAuth apps and endpoints of the channel connections; an app without its id and secret is off. */
function connectionsConfig(parsed: Environment): GaungConfig['connections'] {
  const xApi = withoutTrailingSlash(parsed.X_API_BASE_URL ?? 'https://api.x.com');
  const graph = withoutTrailingSlash(parsed.GRAPH_API_BASE_URL ?? 'https://graph.facebook.com/v21.0');
  const tiktokApi = withoutTrailingSlash(parsed.TIKTOK_API_BASE_URL ?? 'https://open.tiktokapis.com');
  // The Login dialog carries the same Graph API version as the API base, as Meta documents it.
  const graphVersion = /\/(v\d+\.\d+)$/.exec(graph)?.[1] ?? 'v21.0';
  const app = (id?: string, secret?: string) => (id && secret ? { clientId: id, clientSecret: secret } : null);
  return {
    x: { app: app(parsed.X_CLIENT_ID, parsed.X_CLIENT_SECRET), authorizeUrl: parsed.X_AUTHORIZE_URL ?? 'https://x.com/i/oauth2/authorize', tokenUrl: parsed.X_TOKEN_URL ?? `${xApi}/2/oauth2/token` },
    facebook: {
      app: app(parsed.FACEBOOK_APP_ID, parsed.FACEBOOK_APP_SECRET),
      authorizeUrl: parsed.FACEBOOK_AUTHORIZE_URL ?? `https://www.facebook.com/${graphVersion}/dialog/oauth`,
      tokenUrl: `${graph}/oauth/access_token`,
    },
    tiktok: {
      app: app(parsed.TIKTOK_CLIENT_KEY, parsed.TIKTOK_CLIENT_SECRET),
      authorizeUrl: parsed.TIKTOK_AUTHORIZE_URL ?? 'https://www.tiktok.com/v2/auth/authorize/',
      tokenUrl: `${tiktokApi}/v2/oauth/token/`,
    },
    tiktokApiBaseUrl: tiktokApi,
    tiktokDirectPost: parsed.TIKTOK_DIRECT_POST ?? false,
    tokenHealthMinutes: parsed.TOKEN_HEALTH_MINUTES ?? 15,
    engagementPollMinutes: parsed.ENGAGEMENT_POLL_MINUTES ?? 5,
  };
}
