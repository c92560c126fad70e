import { describeFailureOutcomes } from '../../../test/support/channel-failure-cases';
import { FakeChannelApi } from '../../../test/support/fake-channel-api';
import { expectNoCredentials, PHOTO_URL, publishRequest, testChannelSettings, TINY_JPEG, tinyJpegFile } from '../../../test/support/publish-requests';
import { LookupFailedError } from './api-channel-provider';
import { ChannelHttp } from './channel-http';
import type { ChannelSettings } from './channel-settings';
import { FacebookProvider } from './facebook.provider';

const CREDENTIALS = { pageId: '104729385610293', pageAccessToken: 'EAAGpageTokenQmFzZTY0U2VjcmV0' };
const provider = (settings: ChannelSettings) => new FacebookProvider(new ChannelHttp(settings), settings);
const signal = () => new AbortController().signal;
const graphError = (message: string, code = 100) => ({ error: { message, type: 'OAuthException', code, fbtrace_id: 'AbC' } });

describe('FacebookProvider (Graph API Page post)', () => {
  let fake: FakeChannelApi;
  beforeEach(async () => {
    fake = await FakeChannelApi.start();
  });
  afterEach(() => fake.close());

  it('posts a photo by uploading the file as `source` to /{page-id}/photos with the caption', async () => {
    fake.on(`POST /v21.0/${CREDENTIALS.pageId}/photos`, { status: 200, body: { id: '987654321', post_id: `${CREDENTIALS.pageId}_555` } });
    const request = publishRequest('facebook', { credentials: CREDENTIALS }, { photoFile: tinyJpegFile() });

    const outcome = await provider(testChannelSettings(fake.url)).publish(request, signal());

    expect(outcome).toEqual({ kind: 'published', externalId: `${CREDENTIALS.pageId}_555`, url: `https://www.facebook.com/${CREDENTIALS.pageId}_555` });
    const [call] = fake.requests;
    expect(fake.requests).toHaveLength(1);
    expect(call.query.get('access_token')).toBe(CREDENTIALS.pageAccessToken);
    const form = await call.form();
    expect(Buffer.from(await (form.get('source') as File).arrayBuffer())).toEqual(TINY_JPEG);
    expect(form.get('caption')).toBe(request.text);
    expect(form.get('published')).toBe('true');
    expectNoCredentials(outcome, CREDENTIALS, ['pageId']);
  });

  it('posts a photo by its public url when there is no local file', async () => {
    fake.on(`POST /v21.0/${CREDENTIALS.pageId}/photos`, { status: 200, body: { id: '987', post_id: `${CREDENTIALS.pageId}_556` } });
    const request = publishRequest('facebook', { credentials: CREDENTIALS }, { withPhoto: true });
    await provider(testChannelSettings(fake.url)).publish(request, signal());
    expect(fake.requests[0].json()).toEqual({ url: PHOTO_URL, caption: request.text, published: true });
  });

  it('posts text with the release link to /{page-id}/feed without a photo', async () => {
    fake.on(`POST /v21.0/${CREDENTIALS.pageId}/feed`, { status: 200, body: { id: `${CREDENTIALS.pageId}_777` } });
    const request = publishRequest('facebook', { credentials: CREDENTIALS });
    const outcome = await provider(testChannelSettings(fake.url)).publish(request, signal());
    expect(outcome).toEqual({ kind: 'published', externalId: `${CREDENTIALS.pageId}_777`, url: `https://www.facebook.com/${CREDENTIALS.pageId}_777` });
    expect(fake.requests[0].query.get('access_token')).toBe(CREDENTIALS.pageAccessToken);
    expect(fake.requests[0].json()).toEqual({ message: request.text, link: request.url });
  });

  it('a Graph rate limit sent as 400 (code 32) is transient, not a refusal', async () => {
    fake.on(`POST /v21.0/${CREDENTIALS.pageId}/feed`, { status: 400, body: graphError('(#32) Page request limit reached', 32) });
    const outcome = await provider(testChannelSettings(fake.url)).publish(publishRequest('facebook', { credentials: CREDENTIALS }), signal());
    expect(outcome).toMatchObject({ kind: 'transient', reason: expect.stringContaining('Page request limit reached (code 32)') });
  });

  it('an expired token (code 190) waits for a reconnection (issue 21), with the Graph message and no token', async () => {
    fake.on(`POST /v21.0/${CREDENTIALS.pageId}/feed`, { status: 400, body: graphError(`Error validating access token ${CREDENTIALS.pageAccessToken}`, 190) });
    const outcome = await provider(testChannelSettings(fake.url)).publish(publishRequest('facebook', { credentials: CREDENTIALS }), signal());
    expect(outcome).toMatchObject({ kind: 'reconnect', reason: expect.stringContaining('Error validating access token [redacted]') });
    expectNoCredentials(outcome, CREDENTIALS, ['pageId']);
  });

  describe('lookup (before any retry of an unconfirmed post)', () => {
    const POSTS = `GET /v21.0/${CREDENTIALS.pageId}/posts`;
    const request = publishRequest('facebook', { credentials: CREDENTIALS });

    it("finds the post among the Page's recent posts by its exact text", async () => {
      fake.on(POSTS, { status: 200, body: { data: [
        { id: `${CREDENTIALS.pageId}_1`, message: 'Another release', created_time: '2025-11-20T02:00:00+0000' },
        { id: `${CREDENTIALS.pageId}_2`, message: `${request.text}\n`, created_time: '2025-11-20T03:00:00+0000' },
      ] } });
      const found = await provider(testChannelSettings(fake.url)).lookup(request, signal());
      expect(found).toEqual({ externalId: `${CREDENTIALS.pageId}_2`, url: `https://www.facebook.com/${CREDENTIALS.pageId}_2` });
      const [call] = fake.requests;
      expect(call.query.get('access_token')).toBe(CREDENTIALS.pageAccessToken);
      expect(call.query.get('fields')).toBe('id,message,created_time');
      expect(call.query.get('limit')).toBe('25');
    });

    it('is null when no recent post has the text', async () => {
      fake.on(POSTS, { status: 200, body: { data: [{ id: 'p_1', message: 'Another release' }] } });
      expect(await provider(testChannelSettings(fake.url)).lookup(request, signal())).toBeNull();
    });

    it('throws LookupFailedError (never "not found") when the Page cannot be read, without the token', async () => {
      fake.on(POSTS, { status: 500, body: graphError(`boom ${CREDENTIALS.pageAccessToken}`, 2) });
      const failure = provider(testChannelSettings(fake.url)).lookup(request, signal());
      await expect(failure).rejects.toBeInstanceOf(LookupFailedError);
      await expect(failure).rejects.toThrow(/facebook look-up: HTTP 500: boom \[redacted\]/);
    });
  });

  describeFailureOutcomes({
    postRoute: `POST /v21.0/${CREDENTIALS.pageId}/photos`,
    provider,
    request: () => publishRequest('facebook', { credentials: CREDENTIALS }, { photoFile: tinyJpegFile() }),
    errorBody: (_status, message) => graphError(message),
    publicFields: ['pageId'],
  });
});
