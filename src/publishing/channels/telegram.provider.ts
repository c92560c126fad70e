import { Inject, Injectable } from '@nestjs/common';
import { ApiChannelProvider, bareHandle, idFrom, secretsOf } from './api-channel-provider';
import type { PublishOutcome, PublishRequest } from './channel-provider';
import { ChannelHttp, type HttpResult } from './channel-http';
import { CHANNEL_SETTINGS, type ChannelSettings } from './channel-settings';
import type { ErrorReading, HttpAnswer } from './http-outcomes';

/** sendPhoto's caption limit (after entity parsing; counted here in UTF-16 units, never more than Telegram's count). */
const MAX_CAPTION = 1024;

interface SentMessage {
  message_id?: unknown;
  chat?: { username?: unknown };
}

/**
 * Telegram Bot API (credentials.botToken, in the path /bot<token>/ as the API demands;
 * credentials.chatId, or the public @channel handle). A photo goes out with sendPhoto (photo =
 * its public URL) and the text as caption; a text over 1024 characters goes as sendPhoto with the
 * title as caption, then sendMessage with the text. Without a photo: sendMessage.
 */
@Injectable()
export class TelegramProvider extends ApiChannelProvider {
  protected readonly label = 'telegram';
  protected readonly requiredCredentials = ['botToken'] as const;

  constructor(private readonly http: ChannelHttp, @Inject(CHANNEL_SETTINGS) private readonly settings: ChannelSettings) {
    super();
  }

  protected async post(request: PublishRequest, signal: AbortSignal): Promise<PublishOutcome> {
    const handle = bareHandle(request.account.handle);
    const chatId = request.account.credentials.chatId || (handle && `@${handle}`);
    if (!chatId) return { kind: 'refused', reason: 'telegram: the account has neither a chatId nor a public @channel handle' };
    const photo = request.media[0];
    if (!photo) return this.outcome(request, await this.send(request, 'sendMessage', { chat_id: chatId, text: request.text }, signal));

    const fits = request.text.length <= MAX_CAPTION;
    const caption = fits ? request.text : (request.title ?? '').slice(0, MAX_CAPTION);
    const first = await this.send(request, 'sendPhoto', { chat_id: chatId, photo: photo.url, ...(caption && { caption }) }, signal);
    const photoOutcome = this.outcome(request, first);
    if (fits || photoOutcome.kind !== 'published') return photoOutcome;
    // The photo is out: whatever happens to the text now, re-running both would post the photo twice.
    const text = this.outcome(request, await this.send(request, 'sendMessage', { chat_id: chatId, text: request.text }, signal));
    if (text.kind === 'published') return photoOutcome;
    const why = 'reason' in text ? text.reason : text.kind;
    return { kind: 'unknown', reason: `telegram: the photo was posted (message ${photoOutcome.externalId}) but its text was not: ${why}` };
  }

  private send(request: PublishRequest, method: string, json: Record<string, unknown>, signal: AbortSignal): Promise<HttpResult> {
    const url = `${this.settings.telegramApiBaseUrl}/bot${request.account.credentials.botToken}/${method}`;
    return this.http.send({ step: `telegram ${method}`, method: 'POST', url, body: { json }, secrets: secretsOf(request), irreversible: true, readError: retryAfter }, signal);
  }

  private outcome(request: PublishRequest, result: HttpResult): PublishOutcome {
    if (!result.ok) return result.failure;
    const message = (result.answer.body as { result?: SentMessage } | null)?.result;
    const id = idFrom(message?.message_id);
    if (!id) return { kind: 'unknown', reason: 'telegram: accepted, but the answer carried no message_id' };
    // t.me/<username>/<id> only exists for public channels and groups: the chat's own username says so.
    const fromChat = typeof message?.chat?.username === 'string' && message.chat.username ? message.chat.username : null;
    const username = fromChat ?? (request.account.handle?.trim().startsWith('@') ? bareHandle(request.account.handle) : null);
    return { kind: 'published', externalId: id, url: username ? `https://t.me/${username}/${id}` : null };
  }
}

/**
 * Telegram puts its wait in the body: {parameters: {retry_after: seconds}}. 401 (the bot token
 * was revoked) and 403 (the bot was removed from the channel) wait for a reconnection, as does
 * a 400 saying the bot lost its right to post.
 */
function retryAfter(answer: HttpAnswer): ErrorReading {
  const description = (answer.body as { description?: unknown } | null)?.description;
  if (answer.status === 401 || answer.status === 403) return { reconnect: true };
  if (answer.status === 400 && typeof description === 'string' && /not enough rights|need administrator rights/i.test(description)) return { reconnect: true };
  const seconds = (answer.body as { parameters?: { retry_after?: unknown } } | null)?.parameters?.retry_after;
  return typeof seconds === 'number' && seconds >= 0 ? { retryAfterMs: seconds * 1000 } : {};
}
