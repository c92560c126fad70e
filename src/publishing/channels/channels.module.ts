import { Module } from '@nestjs/common';
import { GAUNG_CONFIG, type GaungConfig } from '../../config/gaung-config';
import { ChannelHttp } from './channel-http';
import { ChannelRegistry } from './channel-registry';
import { CHANNEL_SETTINGS, channelSettingsFrom } from './channel-settings';
import { FacebookProvider } from './facebook.provider';
import { InstagramProvider } from './instagram.provider';
import { ManualProvider } from './manual.provider';
import { TelegramProvider } from './telegram.provider';
import { TikTokProvider } from './tiktok.provider';
import { WebhookProvider } from './webhook.provider';
import { WebsiteProvider } from './website.provider';
import { XProvider } from './x.provider';

/** The channel providers and their registry; the dispatcher injects ChannelRegistry only. */
@Module({
  providers: [
    { provide: CHANNEL_SETTINGS, useFactory: (config: GaungConfig) => channelSettingsFrom(config), inject: [GAUNG_CONFIG] },
    ChannelHttp,
    WebsiteProvider,
    ManualProvider,
    WebhookProvider,
    XProvider,
    FacebookProvider,
    InstagramProvider,
    TelegramProvider,
    TikTokProvider,
    ChannelRegistry,
  ],
  exports: [ChannelRegistry, ChannelHttp, CHANNEL_SETTINGS],
})
export class PublishingChannelsModule {}
