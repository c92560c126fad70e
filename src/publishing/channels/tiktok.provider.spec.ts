import { FakeChannelApi } from '../../../test/support/fake-channel-api';
import { expectNoCredentials, PHOTO_URL, publishRequest, testChannelSettings } from '../../../test/support/publish-requests';
import { ChannelHttp } from './channel-http';
import type { ChannelSettings } from './channel-settings';
import { TikTokProvider } from './tiktok.provider';

const CREDENTIALS = { accessToken: 'act.tiktok-user-token-0123456789' };
const provider = (settings: ChannelSettings) => new TikTokProvider(new ChannelHttp(settings), settings);
const signal = () => new AbortController().signal;
const ok = (data: unknown) => ({ status: 200, body: { data, error: { code: 'ok', message: '', log_id: '202612' } } });

describe('TikTokProvider (Content Posting API, photo posts)', () => {
  let fake: FakeChannelApi;
  beforeEach(async () => {
    fake = await FakeChannelApi.start();
  });
  afterEach(() => fake.close());

  it('an unaudited app uploads to the creator\'s inbox: the publication waits for the officer, with the publish_id', async () => {
    fake.on('POST /v2/post/publish/content/init/', ok({ publish_id: 'p_pub_url~v2.7300000000000000001' }));
    const request = publishRequest('tiktok', { credentials: CREDENTIALS }, { withPhoto: true });
    const outcome = await provider(testChannelSettings(fake.url)).publish(request, signal());
    expect(outcome).toEqual({ kind: 'awaiting_manual', remoteRef: 'p_pub_url~v2.7300000000000000001', waitingFor: 'tiktok_inbox' });
    expect(fake.requests).toHaveLength(1);
    expect(fake.requests[0].headers.authorization).toBe(`Bearer ${CREDENTIALS.accessToken}`);
    expect(fake.requests[0].json()).toMatchObject({
      media_type: 'PHOTO', post_mode: 'MEDIA_UPLOAD', post_info: { description: request.text },
      source_info: { source: 'PULL_FROM_URL', photo_cover_index: 0, photo_images: [PHOTO_URL] },
    });
    expectNoCredentials(outcome, CREDENTIALS);
  });

  it('an audited app posts directly with the most public privacy level the creator allows', async () => {
    fake
      .on('POST /v2/post/publish/creator_info/query/', ok({ creator_username: 'polsek.kby', privacy_level_options: ['FOLLOWER_OF_CREATOR', 'PUBLIC_TO_EVERYONE', 'SELF_ONLY'] }))
      .on('POST /v2/post/publish/content/init/', ok({ publish_id: 'p_pub_url~v2.7300000000000000002' }));
    const request = publishRequest('tiktok', { handle: '@polsek.kby', credentials: CREDENTIALS }, { withPhoto: true });
    const outcome = await provider(testChannelSettings(fake.url, { tiktokDirectPost: true })).publish(request, signal());
    expect(outcome).toEqual({ kind: 'published', externalId: 'p_pub_url~v2.7300000000000000002', url: 'https://www.tiktok.com/@polsek.kby' });
    expect(fake.requests[1].json()).toMatchObject({ post_mode: 'DIRECT_POST', post_info: { privacy_level: 'PUBLIC_TO_EVERYONE' } });
  });

  it('refuses a post without a photo, without calling TikTok', async () => {
    const outcome = await provider(testChannelSettings(fake.url)).publish(publishRequest('tiktok', { credentials: CREDENTIALS }), signal());
    expect(outcome).toEqual({ kind: 'refused', reason: 'tiktok needs a photo' });
    expect(fake.requests).toHaveLength(0);
  });
});
