import type { GaungConfig } from '../../config/gaung-config';

/** What the channel providers take from the configuration: where the APIs are, and how long to wait. */
export interface ChannelSettings {
  xApiBaseUrl: string;
  graphApiBaseUrl: string;
  telegramApiBaseUrl: string;
  tiktokApiBaseUrl: string;
  /** The TikTok app is audited: photos are posted directly, else sent to the creator's inbox. */
  tiktokDirectPost: boolean;
  /** Longest one HTTP call may take, connection included. */
  timeoutMs: number;
  /** Longest the connection (TCP and TLS) may take: failing here is safe to retry, nothing was sent. */
  connectTimeoutMs: number;
  /** Hosts or CIDRs a webhook account may post to although the address policy refuses them (WEBHOOK_CHANNEL_ALLOW_HOSTS). */
  webhookAllowHosts?: readonly string[];
}

/** Injection token for ChannelSettings. */
export const CHANNEL_SETTINGS = Symbol('CHANNEL_SETTINGS');

/** Connecting never needs the whole budget; a stuck SYN should fail fast as a plain transient failure. */
const CONNECT_TIMEOUT_CAP_MS = 5_000;

export function channelSettingsFrom(config: GaungConfig): ChannelSettings {
  return {
    xApiBaseUrl: config.xApiBaseUrl,
    graphApiBaseUrl: config.graphApiBaseUrl,
    telegramApiBaseUrl: config.telegramApiBaseUrl,
    tiktokApiBaseUrl: config.connections.tiktokApiBaseUrl,
    tiktokDirectPost: config.connections.tiktokDirectPost,
    timeoutMs: config.publishTimeoutMs,
    connectTimeoutMs: Math.min(CONNECT_TIMEOUT_CAP_MS, config.publishTimeoutMs),
    webhookAllowHosts: config.webhookChannelAllowHosts,
  };
}
