import type { Channel } from '../drafting/channels';

/** How healthy a connected account is (README "Channel connections"). */
export const CONNECTION_STATES = ['connected', 'expiring', 'reconnect_needed', 'revoked'] as const;
export type ConnectionState = (typeof CONNECTION_STATES)[number];

/** The platforms connected through OAuth; Telegram is connected with a bot token instead. */
export type OAuthProvider = 'x' | 'facebook' | 'tiktok';

/** The channels whose accounts Gaung connects and checks. */
export const CONNECTABLE_CHANNELS = ['x', 'facebook', 'instagram', 'tiktok', 'telegram'] as const satisfies readonly Channel[];
export type ConnectableChannel = (typeof CONNECTABLE_CHANNELS)[number];

/** Tokens and identifiers, kept sealed in channel_account.credentials_sealed. */
export type Credentials = Record<string, string>;

/** An account a connector found and verified: what is stored when it is connected. */
export interface ConnectedAccount {
  handle: string | null;
  displayName: string | null;
  externalId: string;
  credentials: Credentials;
  tokenExpiresAt: Date | null;
  refreshExpiresAt: Date | null;
  scopes: string[];
  /** The platform's own verified badge; null when its API does not say (an admin marks it). */
  verified: boolean | null;
}

/** A Facebook Page the officer may pick (its token stays sealed on the attempt until then). */
export interface PageChoice {
  id: string;
  name: string;
  /** The Instagram professional account linked to the Page, if any. */
  instagram: { id: string; username: string | null } | null;
}

/** New tokens after a refresh (refresh tokens rotate: the old one is dead once this is returned). */
export interface RefreshedTokens {
  credentials: Credentials;
  tokenExpiresAt: Date | null;
  refreshExpiresAt: Date | null;
}

/** What a health check found. */
export interface HealthReading {
  state: ConnectionState;
  reason: string | null;
  verified?: boolean | null;
  scopes?: string[];
  /** Data access or long-lived token expiry the platform reported (Facebook). */
  tokenExpiresAt?: Date | null;
}
