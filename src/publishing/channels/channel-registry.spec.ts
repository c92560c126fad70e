import { Test } from '@nestjs/testing';
import { publishRequest } from '../../../test/support/publish-requests';
import { CommonModule } from '../../common/common.module';
import { ConfigModule } from '../../config/config.module';
import { loadConfig } from '../../config/load-config';
import { CHANNELS, type Channel } from '../../drafting/channels';
import type { ChannelMode } from './channel-provider';
import { ChannelRegistry } from './channel-registry';
import { PublishingChannelsModule } from './channels.module';
import { FacebookProvider } from './facebook.provider';
import { InstagramProvider } from './instagram.provider';
import { ManualProvider } from './manual.provider';
import { TelegramProvider } from './telegram.provider';
import { TikTokProvider } from './tiktok.provider';
import { WebhookProvider } from './webhook.provider';
import { WebsiteProvider } from './website.provider';
import { XProvider } from './x.provider';

describe('ChannelRegistry', () => {
  let registry: ChannelRegistry;

  beforeAll(async () => {
    // The real module, as the app wires it: proves every provider resolves its dependencies.
    const module = await Test.createTestingModule({
      imports: [ConfigModule.forRoot(loadConfig({})), CommonModule.forRoot(), PublishingChannelsModule],
    }).compile();
    registry = module.get(ChannelRegistry);
  });

  const provider = (channel: Channel, mode: ChannelMode | null) => registry.providerFor(channel, mode);

  it('serves the website internally whatever the mode', () => {
    for (const mode of ['api', 'manual', 'webhook', null] as const) expect(provider('website', mode)).toBeInstanceOf(WebsiteProvider);
  });

  it.each([
    ['x', XProvider],
    ['facebook', FacebookProvider],
    ['instagram', InstagramProvider],
    ['telegram', TelegramProvider],
    // issue 21: TikTok's Content Posting API (photo posts)
    ['tiktok', TikTokProvider],
  ] as const)('api mode on %s is its own provider', (channel, type) => {
    expect(provider(channel, 'api')).toBeInstanceOf(type);
  });

  it('manual and webhook serve every channel but the website', () => {
    for (const channel of CHANNELS.filter((c) => c !== 'website')) {
      expect(provider(channel, 'manual')).toBeInstanceOf(ManualProvider);
      expect(provider(channel, 'webhook')).toBeInstanceOf(WebhookProvider);
    }
  });

  it.each(['whatsapp'] as const)('%s in api mode is refused with a clear reason, never thrown', async (channel) => {
    expect(registry.supports(channel, 'api')).toBe(false);
    const outcome = await provider(channel, 'api').publish(publishRequest(channel, { credentials: {} }), new AbortController().signal);
    expect(outcome).toEqual({ kind: 'refused', reason: `${channel} has no API provider: use the manual or webhook mode` });
  });

  it('a channel without an account is refused', async () => {
    expect(registry.supports('x', null)).toBe(false);
    const outcome = await provider('x', null).publish(publishRequest('x', { credentials: {} }), new AbortController().signal);
    expect(outcome).toEqual({ kind: 'refused', reason: 'the unit has no x account' });
  });

  it('manual waits for a person; website is published at the release URL with the story id', async () => {
    const request = publishRequest('website', { credentials: {} });
    const signal = new AbortController().signal;
    expect(await provider('whatsapp', 'manual').publish(request, signal)).toEqual({ kind: 'awaiting_manual' });
    expect(await provider('website', null).publish(request, signal)).toEqual({ kind: 'published', externalId: request.storyId, url: request.url });
  });
});
