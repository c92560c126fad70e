import { Injectable } from '@nestjs/common';
import type { Channel } from '../drafting/channels';
import type { OAuthProvider } from './connection.types';
import type { Connector } from './connectors/connector';
import { MetaConnector } from './connectors/meta.connector';
import { TelegramConnector } from './connectors/telegram.connector';
import { TikTokConnector } from './connectors/tiktok.connector';
import { XConnector } from './connectors/x.connector';

/** Which connector serves a channel, and which OAuth provider a channel logs in with. */
@Injectable()
export class ConnectorRegistry {
  private readonly byChannel: ReadonlyMap<string, Connector>;
  private readonly byProvider: ReadonlyMap<OAuthProvider, Connector>;

  constructor(x: XConnector, meta: MetaConnector, tiktok: TikTokConnector, telegram: TelegramConnector) {
    this.byChannel = new Map<string, Connector>([['x', x], ['facebook', meta], ['instagram', meta], ['tiktok', tiktok], ['telegram', telegram]]);
    this.byProvider = new Map<OAuthProvider, Connector>([['x', x], ['facebook', meta], ['tiktok', tiktok]]);
  }

  forChannel(channel: Channel | string): Connector | null {
    return this.byChannel.get(channel) ?? null;
  }

  forProvider(provider: OAuthProvider): Connector {
    const connector = this.byProvider.get(provider);
    if (!connector) throw new Error(`no connector for ${provider}`);
    return connector;
  }

  /** The OAuth provider of a channel; null for Telegram (bot token) and channels without one. */
  providerOf(channel: string): OAuthProvider | null {
    if (channel === 'x' || channel === 'tiktok') return channel;
    if (channel === 'facebook' || channel === 'instagram') return 'facebook';
    return null;
  }
}
