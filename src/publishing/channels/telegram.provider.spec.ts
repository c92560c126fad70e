import { describeFailureOutcomes } from '../../../test/support/channel-failure-cases';
import { FakeChannelApi } from '../../../test/support/fake-channel-api';
import { expectNoCredentials, PHOTO_URL, publishRequest, testChannelSettings } from '../../../test/support/publish-requests';
import { ChannelHttp } from './channel-http';
import type { ChannelSettings } from './channel-settings';
import { TelegramProvider } from './telegram.provider';

const CREDENTIALS = { botToken: '123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw', chatId: '-1001234567890' };
const BOT = `/bot${CREDENTIALS.botToken}`;
const provider = (settings: ChannelSettings) => new TelegramProvider(new ChannelHttp(settings), settings);
const signal = () => new AbortController().signal;
const sent = (messageId: number, username?: string) => ({ status: 200, body: { ok: true, result: { message_id: messageId, chat: { id: -1001234567890, type: 'channel', username } } } });
const telegramError = (code: number, description: string, retryAfter?: number) => ({
  ok: false, error_code: code, description, ...(retryAfter !== undefined && { parameters: { retry_after: retryAfter } }),
});

describe('TelegramProvider (Bot API)', () => {
  let fake: FakeChannelApi;
  beforeEach(async () => {
    fake = await FakeChannelApi.start();
  });
  afterEach(() => fake.close());

  it('sends the photo by url with the text as caption, token in the path, and links to the public channel', async () => {
    fake.on(`POST ${BOT}/sendPhoto`, sent(321, 'humaspoldametrojaya'));
    const request = publishRequest('telegram', { handle: '@humaspoldametrojaya', credentials: CREDENTIALS }, { withPhoto: true });

    const outcome = await provider(testChannelSettings(fake.url)).publish(request, signal());

    expect(outcome).toEqual({ kind: 'published', externalId: '321', url: 'https://t.me/humaspoldametrojaya/321' });
    expect(fake.requests).toHaveLength(1);
    expect(fake.requests[0].json()).toEqual({ chat_id: CREDENTIALS.chatId, photo: PHOTO_URL, caption: request.text });
    expectNoCredentials(outcome, CREDENTIALS);
  });

  it('a text over 1024 characters goes as sendPhoto with the title, then sendMessage with the text', async () => {
    fake.on(`POST ${BOT}/sendPhoto`, sent(400, 'humaspoldametrojaya')).on(`POST ${BOT}/sendMessage`, sent(401, 'humaspoldametrojaya'));
    const text = 'Polres Metro Jakarta Selatan. '.repeat(40);
    const request = publishRequest('telegram', { credentials: CREDENTIALS }, { withPhoto: true, text });

    const outcome = await provider(testChannelSettings(fake.url)).publish(request, signal());

    expect(outcome).toEqual({ kind: 'published', externalId: '400', url: 'https://t.me/humaspoldametrojaya/400' });
    expect(fake.requests.map((r) => r.path)).toEqual([`${BOT}/sendPhoto`, `${BOT}/sendMessage`]);
    expect(fake.requests[0].json()).toEqual({ chat_id: CREDENTIALS.chatId, photo: PHOTO_URL, caption: request.title });
    expect(fake.requests[1].json()).toEqual({ chat_id: CREDENTIALS.chatId, text });
  });

  it('when the photo went out but the long text failed, the outcome is unknown (never re-send the photo)', async () => {
    fake.on(`POST ${BOT}/sendPhoto`, sent(500)).on(`POST ${BOT}/sendMessage`, { status: 500, body: telegramError(500, 'Internal Server Error') });
    const request = publishRequest('telegram', { credentials: CREDENTIALS }, { withPhoto: true, text: 'x'.repeat(1500) });
    const outcome = await provider(testChannelSettings(fake.url)).publish(request, signal());
    expect(outcome).toMatchObject({ kind: 'unknown', reason: expect.stringContaining('the photo was posted (message 500)') });
  });

  it('sends text only with sendMessage; a private chat has no public URL', async () => {
    fake.on(`POST ${BOT}/sendMessage`, sent(7));
    const request = publishRequest('telegram', { credentials: CREDENTIALS });
    const outcome = await provider(testChannelSettings(fake.url)).publish(request, signal());
    expect(outcome).toEqual({ kind: 'published', externalId: '7', url: null });
    expect(fake.requests[0].json()).toEqual({ chat_id: CREDENTIALS.chatId, text: request.text });
  });

  it('uses the public @channel handle as chat_id when no chatId is stored', async () => {
    fake.on(`POST ${BOT}/sendMessage`, sent(8));
    const credentials = { botToken: CREDENTIALS.botToken };
    await provider(testChannelSettings(fake.url)).publish(publishRequest('telegram', { handle: '@humaspolri', credentials }), signal());
    expect(fake.requests[0].json()).toMatchObject({ chat_id: '@humaspolri' });
  });

  it('takes the wait from parameters.retry_after on a 429', async () => {
    fake.on(`POST ${BOT}/sendMessage`, { status: 429, body: telegramError(429, 'Too Many Requests: retry after 35', 35) });
    const outcome = await provider(testChannelSettings(fake.url)).publish(publishRequest('telegram', { credentials: CREDENTIALS }), signal());
    expect(outcome).toEqual({ kind: 'transient', reason: 'telegram sendMessage: HTTP 429: Too Many Requests: retry after 35', retryAfterMs: 35_000 });
  });

  describeFailureOutcomes({
    postRoute: `POST ${BOT}/sendPhoto`,
    provider,
    request: () => publishRequest('telegram', { credentials: CREDENTIALS }, { withPhoto: true }),
    errorBody: (status, message) => telegramError(status, message),
    publicFields: ['chatId'],
  });
});
