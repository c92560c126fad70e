import type { LOG_LEVELS } from './environment';

/** The validated, typed configuration every other module receives (never process.env). */
export interface GaungConfig {
  /** Set when a real PostgreSQL is used; undefined means the embedded PGlite database. */
  databaseUrl?: string;
  port: number;
  dataDir: string;
  publicBaseUrl: string;
  /** Encrypts channel credentials and signs CSRF tokens. Required with DATABASE_URL. */
  secretKey?: string;
  adminUsername: string;
  adminPassword?: string;
  demo: boolean;
  logLevel: (typeof LOG_LEVELS)[number];
  feedFetchAllowHosts: string[];
  sessionTtlHours: number;
  dbPoolSize: number;
  trustProxy: boolean;
  /** Login attempts per minute per client address, across all accounts. */
  loginRatePerMinute: number;
  /** Days after which citizens' contact data is erased (UU 27/2022). */
  retentionDays: number;
  /** How often each instance looks for due publications; 0 turns its dispatcher off. */
  dispatchIntervalMs: number;
  /** Largest photo upload accepted, in bytes. */
  mediaMaxBytes: number;
  /** Largest photo accepted, in pixels (width x height), checked before decoding. */
  mediaMaxPixels: number;
  /** Base URLs of the channel APIs (no trailing slash); tests point them at local fakes. */
  xApiBaseUrl: string;
  /** Includes the Graph API version, e.g. https://graph.facebook.com/v21.0 (Facebook and Instagram). */
  graphApiBaseUrl: string;
  telegramApiBaseUrl: string;
  /** Longest a single call to a channel API may take before its outcome counts as unknown. */
  publishTimeoutMs: number;
  /** Items in each public or partner feed. */
  feedItems: number;
  /** How often each instance checks whether published content changed (feeds cache). */
  feedCheckIntervalMs: number;
  /** A WebSub hub advertised in the feeds and pinged when a feed changes; none when unset. */
  websubHubUrl?: string;
  /** Total time limit of one partner-feed fetch (connect included). */
  feedFetchTimeoutMs: number;
  /** Largest partner-feed body read, in bytes; a larger one is abandoned. */
  feedFetchMaxBytes: number;
  /** Minutes between partner-feed polls; 0 turns the poller off on this instance. */
  partnerPollMinutes: number;
  /** Longest render of an officer-written template (override) in its worker thread before it is stopped. */
  templateRenderTimeoutMs: number;
  /** How long an idle kept-alive HTTP connection stays open (above a load balancer's idle timeout). */
  httpKeepAliveTimeoutMs: number;
  /** Time allowed to receive a request's headers; always above httpKeepAliveTimeoutMs. */
  httpHeadersTimeoutMs: number;
  /** Hosts a webhook channel account may post to although the address policy refuses them (e.g. an intranet relay). */
  webhookChannelAllowHosts: string[];
  /** Channel connections (issue 21): OAuth apps, their endpoints, and the health and engagement schedules. */
  connections: ConnectionsConfig;
}

/** One platform's OAuth app (null when its id or secret is not configured) and endpoints. */
export interface OAuthAppConfig {
  app: { clientId: string; clientSecret: string } | null;
  authorizeUrl: string;
  tokenUrl: string;
}

export interface ConnectionsConfig {
  x: OAuthAppConfig;
  /** Facebook Login, for Facebook Pages and Instagram professional accounts. */
  facebook: OAuthAppConfig;
  tiktok: OAuthAppConfig;
  tiktokApiBaseUrl: string;
  /** The TikTok app passed its audit: photos are posted directly; otherwise they go to the creator's inbox. */
  tiktokDirectPost: boolean;
  /** Minutes between token health checks (0: off on this instance). */
  tokenHealthMinutes: number;
  /** Minutes between engagement collection rounds (0: off on this instance). */
  engagementPollMinutes: number;
}

/** Injection token for GaungConfig. */
export const GAUNG_CONFIG = Symbol('GAUNG_CONFIG');
