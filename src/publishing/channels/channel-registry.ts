import { Injectable } from '@nestjs/common';
import type { Channel } from '../../drafting/channels';
import type { ChannelMode, ChannelProvider, PublishOutcome } from './channel-provider';
import { FacebookProvider } from './facebook.provider';
import { InstagramProvider } from './instagram.provider';
import { ManualProvider } from './manual.provider';
import { TelegramProvider } from './telegram.provider';
import { TikTokProvider } from './tiktok.provider';
import { WebhookProvider } from './webhook.provider';
import { WebsiteProvider } from './website.provider';
import { XProvider } from './x.provider';

/** A channel and mode no provider serves: every publish is a definite refusal, with the reason. */
export class UnsupportedChannelProvider implements ChannelProvider {
  constructor(readonly reason: string) {}

  async publish(): Promise<PublishOutcome> {
    return { kind: 'refused', reason: this.reason };
  }
}

/**
 * The one place that knows which provider serves a channel account: website is internal,
 * manual and webhook serve any channel, api mode has one provider per network. Everything else
 * asks here, so generic code never branches on a channel.
 */
@Injectable()
export class ChannelRegistry {
  private readonly api: ReadonlyMap<Channel, ChannelProvider>;
  private readonly byMode: Readonly<Record<Exclude<ChannelMode, 'api'>, ChannelProvider>>;

  constructor(
    private readonly website: WebsiteProvider,
    manual: ManualProvider,
    webhook: WebhookProvider,
    x: XProvider,
    facebook: FacebookProvider,
    instagram: InstagramProvider,
    telegram: TelegramProvider,
    tiktok: TikTokProvider,
  ) {
    this.api = new Map<Channel, ChannelProvider>([['x', x], ['facebook', facebook], ['instagram', instagram], ['telegram', telegram], ['tiktok', tiktok]]);
    this.byMode = { manual, webhook };
  }

  /**
   * The provider for a unit's account on a channel (mode null: the unit has no account there).
   * Never throws: an unsupported pair gets a provider that refuses with the reason, which the
   * dispatcher records like any refusal.
   */
  providerFor(channel: Channel, mode: ChannelMode | null): ChannelProvider {
    if (channel === 'website') return this.website;
    if (mode === null) return new UnsupportedChannelProvider(`the unit has no ${channel} account`);
    if (mode !== 'api') return this.byMode[mode];
    return this.api.get(channel) ?? new UnsupportedChannelProvider(`${channel} has no API provider: use the manual or webhook mode`);
  }

  /** Whether a channel account can be published to at all (for checks when scheduling or saving an account). */
  supports(channel: Channel, mode: ChannelMode | null): boolean {
    return !(this.providerFor(channel, mode) instanceof UnsupportedChannelProvider);
  }
}
