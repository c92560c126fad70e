import { Transform } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';

const toInt = ({ value }: { value: unknown }) =>
  value === undefined || value === '' ? undefined : Number(value);
const toBool = ({ value }: { value: unknown }) => {
  if (value === undefined || value === '') return undefined;
  const text = String(value).toLowerCase();
  if (['1', 'true', 'yes', 'on'].includes(text)) return true;
  if (['0', 'false', 'no', 'off'].includes(text)) return false;
  return value; // left as is so that IsBoolean names the variable
};
const emptyToUndefined = ({ value }: { value: unknown }) => (value === '' ? undefined : value);

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/**
 * The process environment as Gaung reads it. Every variable is documented in README.md
 * (Configuration); this class is the single place that decides what a valid value is.
 */
export class Environment {
  @IsOptional()
  @Transform(emptyToUndefined)
  @Matches(/^postgres(ql)?:\/\/.+/, { message: 'DATABASE_URL must be a postgres:// or postgresql:// URL' })
  DATABASE_URL?: string;

  @IsOptional()
  @Transform(toInt)
  @IsInt({ message: 'PORT must be an integer' })
  @Min(0, { message: 'PORT must be between 0 and 65535' })
  @Max(65535, { message: 'PORT must be between 0 and 65535' })
  PORT?: number;

  @IsOptional()
  @Transform(emptyToUndefined)
  @IsString()
  @MinLength(1)
  DATA_DIR?: string;

  @IsOptional()
  @Transform(emptyToUndefined)
  @IsUrl({ require_tld: false, protocols: ['http', 'https'], require_protocol: true }, {
    message: 'PUBLIC_BASE_URL must be an http(s) URL such as https://humas.example.go.id',
  })
  PUBLIC_BASE_URL?: string;

  @IsOptional()
  @Transform(emptyToUndefined)
  @IsString()
  @MinLength(32, { message: 'SECRET_KEY must be at least 32 characters (e.g. `openssl rand -base64 48`)' })
  SECRET_KEY?: string;

  @IsOptional()
  @Transform(emptyToUndefined)
  @Matches(/^[a-z0-9._-]{3,64}$/i, { message: 'ADMIN_USERNAME must be 3-64 letters, digits, dots, dashes or underscores' })
  ADMIN_USERNAME?: string;

  @IsOptional()
  @Transform(emptyToUndefined)
  @IsString()
  @MinLength(12, { message: 'ADMIN_PASSWORD must be at least 12 characters' })
  @MaxLength(256, { message: 'ADMIN_PASSWORD must be at most 256 characters' })
  ADMIN_PASSWORD?: string;

  @IsOptional()
  @Transform(toBool)
  @IsBoolean({ message: 'DEMO must be 1/0, true/false, yes/no or on/off' })
  DEMO?: boolean;

  @IsOptional()
  @Transform(emptyToUndefined)
  @IsIn(LOG_LEVELS, { message: `LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}` })
  LOG_LEVEL?: (typeof LOG_LEVELS)[number];

  @IsOptional()
  @IsString()
  FEED_FETCH_ALLOW_HOSTS?: string;

  @IsOptional()
  @Transform(toInt)
  @IsInt({ message: 'SESSION_TTL_HOURS must be an integer' })
  @Min(1, { message: 'SESSION_TTL_HOURS must be between 1 and 720' })
  @Max(720, { message: 'SESSION_TTL_HOURS must be between 1 and 720' })
  SESSION_TTL_HOURS?: number;

  @IsOptional()
  @Transform(toInt)
  @IsInt({ message: 'DB_POOL_SIZE must be an integer' })
  @Min(1, { message: 'DB_POOL_SIZE must be between 1 and 200' })
  @Max(200, { message: 'DB_POOL_SIZE must be between 1 and 200' })
  DB_POOL_SIZE?: number;

  @IsOptional()
  @Transform(toBool)
  @IsBoolean({ message: 'TRUST_PROXY must be 1/0, true/false' })
  TRUST_PROXY?: boolean;

  @IsOptional()
  @Transform(toInt)
  @IsInt({ message: 'LOGIN_RATE_PER_MINUTE must be an integer' })
  @Min(1, { message: 'LOGIN_RATE_PER_MINUTE must be between 1 and 10000' })
  @Max(10_000, { message: 'LOGIN_RATE_PER_MINUTE must be between 1 and 10000' })
  LOGIN_RATE_PER_MINUTE?: number;

  @IsOptional()
  @Transform(toInt)
  @IsInt({ message: 'RETENTION_DAYS must be an integer' })
  @Min(1, { message: 'RETENTION_DAYS must be between 1 and 3650' })
  @Max(3650, { message: 'RETENTION_DAYS must be between 1 and 3650' })
  RETENTION_DAYS?: number;

  @IsOptional()
  @Transform(toInt)
  @IsInt({ message: 'MEDIA_MAX_BYTES must be an integer' })
  @Min(1024, { message: 'MEDIA_MAX_BYTES must be between 1024 and 209715200' })
  @Max(200 * 1024 * 1024, { message: 'MEDIA_MAX_BYTES must be between 1024 and 209715200' })
  MEDIA_MAX_BYTES?: number;

  @IsOptional()
  @Transform(toInt)
  @IsInt({ message: 'MEDIA_MAX_PIXELS must be an integer' })
  @Min(10_000, { message: 'MEDIA_MAX_PIXELS must be between 10000 and 268402689' })
  // sharp's own ceiling (0x3FFF squared)
  @Max(268_402_689, { message: 'MEDIA_MAX_PIXELS must be between 10000 and 268402689' })
  MEDIA_MAX_PIXELS?: number;

  @IsOptional()
  @Transform(emptyToUndefined)
  @IsUrl({ require_tld: false, protocols: ['http', 'https'], require_protocol: true }, {
    message: 'X_API_BASE_URL must be an http(s) URL such as https://api.x.com',
  })
  X_API_BASE_URL?: string;

  @IsOptional()
  @Transform(emptyToUndefined)
  @IsUrl({ require_tld: false, protocols: ['http', 'https'], require_protocol: true }, {
    message: 'GRAPH_API_BASE_URL must be an http(s) URL such as https://graph.facebook.com/v21.0',
  })
  GRAPH_API_BASE_URL?: string;

  @IsOptional()
  @Transform(emptyToUndefined)
  @IsUrl({ require_tld: false, protocols: ['http', 'https'], require_protocol: true }, {
    message: 'TELEGRAM_API_BASE_URL must be an http(s) URL such as https://api.telegram.org',
  })
  TELEGRAM_API_BASE_URL?: string;

  @IsOptional()
  @Transform(toInt)
  @IsInt({ message: 'PUBLISH_TIMEOUT_MS must be an integer' })
  // low values are for tests that point the channels at local fakes
  @Min(100, { message: 'PUBLISH_TIMEOUT_MS must be between 100 and 300000' })
  @Max(300_000, { message: 'PUBLISH_TIMEOUT_MS must be between 100 and 300000' })
  PUBLISH_TIMEOUT_MS?: number;

  @IsOptional()
  @Transform(toInt)
  @IsInt({ message: 'DISPATCH_INTERVAL_MS must be an integer' })
  @Min(0, { message: 'DISPATCH_INTERVAL_MS must be between 0 (off) and 600000' })
  @Max(600_000, { message: 'DISPATCH_INTERVAL_MS must be between 0 (off) and 600000' })
  DISPATCH_INTERVAL_MS?: number;

  @IsOptional()
  @Transform(toInt)
  @IsInt({ message: 'FEED_ITEMS must be an integer' })
  @Min(1, { message: 'FEED_ITEMS must be between 1 and 500' })
  @Max(500, { message: 'FEED_ITEMS must be between 1 and 500' })
  FEED_ITEMS?: number;

  @IsOptional()
  @Transform(toInt)
  @IsInt({ message: 'FEED_CHECK_INTERVAL_MS must be an integer' })
  @Min(100, { message: 'FEED_CHECK_INTERVAL_MS must be between 100 and 60000' })
  @Max(60_000, { message: 'FEED_CHECK_INTERVAL_MS must be between 100 and 60000' })
  FEED_CHECK_INTERVAL_MS?: number;

  @IsOptional()
  @Transform(emptyToUndefined)
  @IsUrl({ require_tld: false, protocols: ['http', 'https'], require_protocol: true }, {
    message: 'WEBSUB_HUB_URL must be an http(s) URL such as https://pubsubhubbub.appspot.com',
  })
  WEBSUB_HUB_URL?: string;

  @IsOptional()
  @Transform(toInt)
  @IsInt({ message: 'FEED_FETCH_TIMEOUT_MS must be an integer' })
  @Min(100, { message: 'FEED_FETCH_TIMEOUT_MS must be between 100 and 120000' })
  @Max(120_000, { message: 'FEED_FETCH_TIMEOUT_MS must be between 100 and 120000' })
  FEED_FETCH_TIMEOUT_MS?: number;

  @IsOptional()
  @Transform(toInt)
  @IsInt({ message: 'FEED_FETCH_MAX_BYTES must be an integer' })
  @Min(1024, { message: 'FEED_FETCH_MAX_BYTES must be between 1024 and 104857600' })
  @Max(100 * 1024 * 1024, { message: 'FEED_FETCH_MAX_BYTES must be between 1024 and 104857600' })
  FEED_FETCH_MAX_BYTES?: number;

  @IsOptional()
  @Transform(toInt)
  @IsInt({ message: 'PARTNER_POLL_MINUTES must be an integer' })
  @Min(0, { message: 'PARTNER_POLL_MINUTES must be between 0 (off) and 1440' })
  @Max(1440, { message: 'PARTNER_POLL_MINUTES must be between 0 (off) and 1440' })
  PARTNER_POLL_MINUTES?: number;
  @IsOptional()
  @Transform(toInt)
  @IsInt({ message: 'TEMPLATE_RENDER_TIMEOUT_MS must be an integer' })
  @Min(100, { message: 'TEMPLATE_RENDER_TIMEOUT_MS must be between 100 and 30000' })
  @Max(30_000, { message: 'TEMPLATE_RENDER_TIMEOUT_MS must be between 100 and 30000' })
  TEMPLATE_RENDER_TIMEOUT_MS?: number;

  @IsOptional()
  @Transform(toInt)
  @IsInt({ message: 'HTTP_KEEP_ALIVE_TIMEOUT_MS must be an integer' })
  @Min(1000, { message: 'HTTP_KEEP_ALIVE_TIMEOUT_MS must be between 1000 and 600000' })
  @Max(600_000, { message: 'HTTP_KEEP_ALIVE_TIMEOUT_MS must be between 1000 and 600000' })
  HTTP_KEEP_ALIVE_TIMEOUT_MS?: number;

  @IsOptional()
  @Transform(toInt)
  @IsInt({ message: 'HTTP_HEADERS_TIMEOUT_MS must be an integer' })
  @Min(1000, { message: 'HTTP_HEADERS_TIMEOUT_MS must be between 1000 and 600000' })
  @Max(600_000, { message: 'HTTP_HEADERS_TIMEOUT_MS must be between 1000 and 600000' })
  HTTP_HEADERS_TIMEOUT_MS?: number;

  @IsOptional()
  @IsString()
  WEBHOOK_CHANNEL_ALLOW_HOSTS?: string;

  // Channel connections (issue 21): OAuth apps and endpoints, README "Channel connections".
  @IsOptional() @Transform(emptyToUndefined) @IsString() @MaxLength(200)
  X_CLIENT_ID?: string;

  @IsOptional() @Transform(emptyToUndefined) @IsString() @MaxLength(500)
  X_CLIENT_SECRET?: string;

  @IsOptional() @Transform(emptyToUndefined)
  @IsUrl({ require_tld: false, protocols: ['http', 'https'], require_protocol: true }, { message: 'X_AUTHORIZE_URL must be an http(s) URL such as https://x.com/i/oauth2/authorize' })
  X_AUTHORIZE_URL?: string;

  @IsOptional() @Transform(emptyToUndefined)
  @IsUrl({ require_tld: false, protocols: ['http', 'https'], require_protocol: true }, { message: 'X_TOKEN_URL must be an http(s) URL such as https://api.x.com/2/oauth2/token' })
  X_TOKEN_URL?: string;

  @IsOptional() @Transform(emptyToUndefined) @IsString() @MaxLength(200)
  FACEBOOK_APP_ID?: string;

  @IsOptional() @Transform(emptyToUndefined) @IsString() @MaxLength(500)
  FACEBOOK_APP_SECRET?: string;

  @IsOptional() @Transform(emptyToUndefined)
  @IsUrl({ require_tld: false, protocols: ['http', 'https'], require_protocol: true }, { message: 'FACEBOOK_AUTHORIZE_URL must be an http(s) URL such as https://www.facebook.com/v21.0/dialog/oauth' })
  FACEBOOK_AUTHORIZE_URL?: string;

  @IsOptional() @Transform(emptyToUndefined) @IsString() @MaxLength(200)
  TIKTOK_CLIENT_KEY?: string;

  @IsOptional() @Transform(emptyToUndefined) @IsString() @MaxLength(500)
  TIKTOK_CLIENT_SECRET?: string;

  @IsOptional() @Transform(emptyToUndefined)
  @IsUrl({ require_tld: false, protocols: ['http', 'https'], require_protocol: true }, { message: 'TIKTOK_AUTHORIZE_URL must be an http(s) URL such as https://www.tiktok.com/v2/auth/authorize/' })
  TIKTOK_AUTHORIZE_URL?: string;

  @IsOptional() @Transform(emptyToUndefined)
  @IsUrl({ require_tld: false, protocols: ['http', 'https'], require_protocol: true }, { message: 'TIKTOK_API_BASE_URL must be an http(s) URL such as https://open.tiktokapis.com' })
  TIKTOK_API_BASE_URL?: string;

  @IsOptional()
  @Transform(toBool)
  @IsBoolean({ message: 'TIKTOK_DIRECT_POST must be 1/0, true/false, yes/no or on/off' })
  TIKTOK_DIRECT_POST?: boolean;

  @IsOptional()
  @Transform(toInt)
  @IsInt({ message: 'TOKEN_HEALTH_MINUTES must be an integer' })
  @Min(0, { message: 'TOKEN_HEALTH_MINUTES must be between 0 (off) and 1440' })
  @Max(1440, { message: 'TOKEN_HEALTH_MINUTES must be between 0 (off) and 1440' })
  TOKEN_HEALTH_MINUTES?: number;

  @IsOptional()
  @Transform(toInt)
  @IsInt({ message: 'ENGAGEMENT_POLL_MINUTES must be an integer' })
  @Min(0, { message: 'ENGAGEMENT_POLL_MINUTES must be between 0 (off) and 1440' })
  @Max(1440, { message: 'ENGAGEMENT_POLL_MINUTES must be between 0 (off) and 1440' })
  ENGAGEMENT_POLL_MINUTES?: number;
}
