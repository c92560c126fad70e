import { describeFailureOutcomes } from '../../../test/support/channel-failure-cases';
import { FakeChannelApi } from '../../../test/support/fake-channel-api';
import { expectNoCredentials, publishRequest, testChannelSettings, TINY_JPEG, tinyJpegFile } from '../../../test/support/publish-requests';
import type { ChannelSettings } from './channel-settings';
import { ChannelHttp } from './channel-http';
import { XProvider } from './x.provider';

const CREDENTIALS = { accessToken: 'x-user-token-Zm9vYmFyYmF6cXV4' };
const provider = (settings: ChannelSettings) => new XProvider(new ChannelHttp(settings), settings);
const signal = () => new AbortController().signal;

describe('XProvider (X API v2)', () => {
  let fake: FakeChannelApi;
  beforeEach(async () => {
    fake = await FakeChannelApi.start();
  });
  afterEach(() => fake.close());

  it('uploads the photo (multipart), sets its alt text, then creates the post with its media id', async () => {
    fake
      .on('POST /2/media/upload', { status: 200, body: { data: { id: '1880028106020515840', media_key: '3_1880028106020515840' } } })
      .on('POST /2/media/metadata', { status: 200, body: { data: { associated_metadata: {} } } })
      .on('POST /2/tweets', { status: 201, body: { data: { id: '1445880548472328192', text: '...' } } });
    const request = publishRequest('x', { handle: '@PolresJaksel', credentials: CREDENTIALS }, { photoFile: tinyJpegFile() });

    const outcome = await provider(testChannelSettings(fake.url)).publish(request, signal());

    expect(outcome).toEqual({ kind: 'published', externalId: '1445880548472328192', url: 'https://x.com/PolresJaksel/status/1445880548472328192' });
    expect(fake.requests.map((r) => `${r.method} ${r.path}`)).toEqual(['POST /2/media/upload', 'POST /2/media/metadata', 'POST /2/tweets']);
    for (const r of fake.requests) expect(r.headers.authorization).toBe(`Bearer ${CREDENTIALS.accessToken}`);

    const [upload, metadata, post] = fake.requests;
    expect(upload.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
    const form = await upload.form();
    const media = form.get('media') as File;
    expect(Buffer.from(await media.arrayBuffer())).toEqual(TINY_JPEG);
    expect(media.type).toBe('image/jpeg');
    expect(form.get('media_category')).toBe('tweet_image');
    expect(metadata.json()).toEqual({ id: '1880028106020515840', metadata: { alt_text: { text: 'Petugas menyerahkan kunci motor' } } });
    expect(post.headers['content-type']).toBe('application/json');
    expect(post.json()).toEqual({ text: request.text, media: { media_ids: ['1880028106020515840'] } });
    expectNoCredentials(outcome, CREDENTIALS);
  });

  it('posts text only without a photo, and links through x.com/i/web without a handle', async () => {
    fake.on('POST /2/tweets', { status: 201, body: { data: { id: '42', text: '...' } } });
    const request = publishRequest('x', { credentials: CREDENTIALS });
    const outcome = await provider(testChannelSettings(fake.url)).publish(request, signal());
    expect(outcome).toEqual({ kind: 'published', externalId: '42', url: 'https://x.com/i/web/status/42' });
    expect(fake.to('POST /2/tweets')[0].json()).toEqual({ text: request.text });
    expect(fake.requests).toHaveLength(1);
  });

  it('a failed upload is transient even after sending (nothing is public yet), and the post is never attempted', async () => {
    fake.on('POST /2/media/upload', 'hang');
    const outcome = await provider(testChannelSettings(fake.url)).publish(publishRequest('x', { credentials: CREDENTIALS }, { photoFile: tinyJpegFile() }), signal());
    expect(outcome).toMatchObject({ kind: 'transient', reason: expect.stringContaining('x media upload') });
    expect(fake.to('POST /2/tweets')).toHaveLength(0);
  });

  it('a 429 waits until x-rate-limit-reset', async () => {
    const reset = Math.floor(Date.now() / 1000) + 60;
    fake.on('POST /2/tweets', { status: 429, headers: { 'x-rate-limit-reset': String(reset) }, body: { title: 'Too Many Requests', status: 429 } });
    const outcome = await provider(testChannelSettings(fake.url)).publish(publishRequest('x', { credentials: CREDENTIALS }), signal());
    expect(outcome).toMatchObject({ kind: 'transient' });
    expect((outcome as { retryAfterMs: number }).retryAfterMs).toBeGreaterThan(55_000);
  });

  it('a post accepted without an id is unknown (it may exist)', async () => {
    fake.on('POST /2/tweets', { status: 201, body: {} });
    const outcome = await provider(testChannelSettings(fake.url)).publish(publishRequest('x', { credentials: CREDENTIALS }), signal());
    expect(outcome).toMatchObject({ kind: 'unknown' });
  });

  it('refuses without an access token, naming the field and not calling X', async () => {
    const outcome = await provider(testChannelSettings(fake.url)).publish(publishRequest('x', { credentials: {} }), signal());
    expect(outcome).toEqual({ kind: 'refused', reason: 'x: the account has no accessToken in its credentials' });
    expect(fake.requests).toHaveLength(0);
  });

  describeFailureOutcomes({
    postRoute: 'POST /2/tweets',
    prepare: (api) => api.on('POST /2/media/upload', { status: 200, body: { data: { id: '77' } } }).on('POST /2/media/metadata', { status: 200, body: {} }),
    provider,
    request: () => publishRequest('x', { handle: '@PolresJaksel', credentials: CREDENTIALS }, { photoFile: tinyJpegFile() }),
    errorBody: (status, message) => ({ title: 'Error', detail: message, type: 'about:blank', status }),
  });
});
