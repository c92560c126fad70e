import { describeFailureOutcomes } from '../../../test/support/channel-failure-cases';
import { FakeChannelApi } from '../../../test/support/fake-channel-api';
import { expectNoCredentials, PHOTO_URL, publishRequest, testChannelSettings } from '../../../test/support/publish-requests';
import { LookupFailedError } from './api-channel-provider';
import { ChannelHttp } from './channel-http';
import type { ChannelSettings } from './channel-settings';
import { InstagramProvider } from './instagram.provider';

const CREDENTIALS = { igUserId: '17841405822304914', accessToken: 'EAAGigTokenU2VjcmV0VmFsdWU' };
const MEDIA = `POST /v21.0/${CREDENTIALS.igUserId}/media`;
const PUBLISH = `POST /v21.0/${CREDENTIALS.igUserId}/media_publish`;
const provider = (settings: ChannelSettings) => new InstagramProvider(new ChannelHttp(settings), settings);
const signal = () => new AbortController().signal;
const graphError = (message: string, code = 100) => ({ error: { message, type: 'OAuthException', code, fbtrace_id: 'AbC' } });

describe('InstagramProvider (Graph API content publishing)', () => {
  let fake: FakeChannelApi;
  beforeEach(async () => {
    fake = await FakeChannelApi.start();
    fake.on(MEDIA, { status: 200, body: { id: '17889455560051444' } });
  });
  afterEach(() => fake.close());

  it('creates a container from the public image url, publishes it, and reads its permalink', async () => {
    fake
      .on(PUBLISH, { status: 200, body: { id: '17920238422030506' } })
      .on('GET /v21.0/17920238422030506', { status: 200, body: { permalink: 'https://www.instagram.com/p/Cx1AbC/', id: '17920238422030506' } });
    const request = publishRequest('instagram', { credentials: CREDENTIALS }, { withPhoto: true });

    const outcome = await provider(testChannelSettings(fake.url)).publish(request, signal());

    expect(outcome).toEqual({ kind: 'published', externalId: '17920238422030506', url: 'https://www.instagram.com/p/Cx1AbC/' });
    const [container, publish, permalink] = fake.requests;
    expect(container.json()).toEqual({ image_url: PHOTO_URL, caption: request.text });
    expect(publish.json()).toEqual({ creation_id: '17889455560051444' });
    expect(permalink.query.get('fields')).toBe('permalink');
    for (const r of fake.requests) expect(r.query.get('access_token')).toBe(CREDENTIALS.accessToken);
    expectNoCredentials(outcome, CREDENTIALS);
  });

  it('is still published, without a URL, when the permalink cannot be read', async () => {
    fake.on(PUBLISH, { status: 200, body: { id: '1792' } }).on('GET /v21.0/1792', { status: 500, body: graphError('oops', 2) });
    const outcome = await provider(testChannelSettings(fake.url)).publish(publishRequest('instagram', { credentials: CREDENTIALS }, { withPhoto: true }), signal());
    expect(outcome).toEqual({ kind: 'published', externalId: '1792', url: null });
  });

  it('refuses a post without an image, calling nothing', async () => {
    const outcome = await provider(testChannelSettings(fake.url)).publish(publishRequest('instagram', { credentials: CREDENTIALS }), signal());
    expect(outcome).toEqual({ kind: 'refused', reason: 'instagram needs an image' });
    expect(fake.requests).toHaveLength(0);
  });

  it('a container that was not ready (code 9007) is transient: nothing was published', async () => {
    fake.on(PUBLISH, { status: 400, body: graphError('Media ID is not available', 9007) });
    const outcome = await provider(testChannelSettings(fake.url)).publish(publishRequest('instagram', { credentials: CREDENTIALS }, { withPhoto: true }), signal());
    expect(outcome).toMatchObject({ kind: 'transient', reason: expect.stringContaining('Media ID is not available') });
  });

  it('a container call that never answers is transient and publish is never attempted', async () => {
    fake.on(MEDIA, 'hang');
    const outcome = await provider(testChannelSettings(fake.url)).publish(publishRequest('instagram', { credentials: CREDENTIALS }, { withPhoto: true }), signal());
    expect(outcome).toMatchObject({ kind: 'transient' });
    expect(fake.to(PUBLISH)).toHaveLength(0);
  });

  it('lookup finds the media among recent posts by its exact caption', async () => {
    const request = publishRequest('instagram', { credentials: CREDENTIALS }, { withPhoto: true });
    fake.on(`GET /v21.0/${CREDENTIALS.igUserId}/media`, { status: 200, body: { data: [
      { id: '1', caption: 'Another', permalink: 'https://www.instagram.com/p/A/' },
      { id: '2', caption: request.text, permalink: 'https://www.instagram.com/p/B/' },
    ] } });
    expect(await provider(testChannelSettings(fake.url)).lookup(request, signal())).toEqual({ externalId: '2', url: 'https://www.instagram.com/p/B/' });
    expect(fake.requests[0].query.get('fields')).toBe('id,caption,permalink,timestamp');
    expect(fake.requests[0].query.get('access_token')).toBe(CREDENTIALS.accessToken);
  });

  it('lookup throws LookupFailedError when the media cannot be read', async () => {
    const request = publishRequest('instagram', { credentials: CREDENTIALS }, { withPhoto: true });
    fake.on(`GET /v21.0/${CREDENTIALS.igUserId}/media`, 'hang');
    await expect(provider(testChannelSettings(fake.url)).lookup(request, signal())).rejects.toBeInstanceOf(LookupFailedError);
  });

  describeFailureOutcomes({
    postRoute: PUBLISH,
    prepare: (api) => api.on(MEDIA, { status: 200, body: { id: '17889455560051444' } }),
    provider,
    request: () => publishRequest('instagram', { credentials: CREDENTIALS }, { withPhoto: true }),
    errorBody: (_status, message) => graphError(message),
    publicFields: ['igUserId'],
  });
});
