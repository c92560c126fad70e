import { Inject, Injectable } from '@nestjs/common';
import { GAUNG_CONFIG, type GaungConfig } from '../../config/gaung-config';
import { ChannelHttp } from '../../publishing/channels/channel-http';
import { ConnectionError } from '../connection.errors';
import type { ConnectedAccount, Credentials, HealthReading } from '../connection.types';
import { apiCall, asObject, type Connector, text } from './connector';

/**
 * Telegram: a bot token and a channel (its @username or numeric id). Verified with getMe (the
 * token is valid), getChat (the channel exists) and getChatMember for the bot itself: it must be
 * an administrator with the right to post (can_post_messages in a channel).
 */
@Injectable()
export class TelegramConnector implements Connector {
  readonly channels = ['telegram'] as const;

  constructor(private readonly http: ChannelHttp, @Inject(GAUNG_CONFIG) private readonly config: GaungConfig) {}

  async check(_channel: string, credentials: Credentials): Promise<HealthReading> {
    try {
      await this.verify(credentials);
      return { state: 'connected', reason: null };
    } catch (error) {
      if (!(error instanceof ConnectionError) || error.code === 'provider_unreachable' || error.code === 'provider_error') throw error;
      if (error.detail.includes('getMe')) return { state: 'revoked', reason: 'Token bot ditolak Telegram (dicabut atau diganti).' };
      return { state: 'reconnect_needed', reason: 'Bot bukan lagi admin kanal dengan hak mengirim pesan.' };
    }
  }

  verifyPasted(_channel: string, credentials: Credentials): Promise<ConnectedAccount> {
    return this.verify(credentials);
  }

  private async verify(credentials: Credentials): Promise<ConnectedAccount> {
    const token = credentials.botToken;
    const chat = credentials.chatId;
    if (!token || !chat) throw new ConnectionError('credentials_invalid', 'botToken and chatId (the channel @username or id) are required');
    const me = asObject(await this.method(token, 'getMe', {}, 'credentials_invalid'));
    const botId = typeof me.id === 'number' ? me.id : null;
    if (botId === null || me.is_bot !== true) throw new ConnectionError('credentials_invalid', 'telegram getMe: not a bot');
    const info = asObject(await this.method(token, 'getChat', { chat_id: chat }, 'credentials_invalid'));
    const member = asObject(await this.method(token, 'getChatMember', { chat_id: chat, user_id: botId }, 'bot_not_admin'));
    const isChannel = info.type === 'channel';
    const canPost = member.status === 'creator' || (member.status === 'administrator' && (!isChannel || member.can_post_messages === true));
    if (!canPost) throw new ConnectionError('bot_not_admin', `telegram getChatMember: status ${String(member.status)}`);
    const chatId = text(info.id) ?? chat;
    const username = text(info.username);
    return {
      handle: username ? `@${username}` : null, displayName: text(info.title), externalId: chatId,
      credentials: { botToken: token, chatId }, tokenExpiresAt: null, refreshExpiresAt: null, scopes: [], verified: null,
    };
  }

  /** One Bot API method; `ok: false` answers become the given error code (401 on getMe: the token itself). */
  private async method(token: string, name: string, json: Record<string, unknown>, refused: 'credentials_invalid' | 'bot_not_admin'): Promise<unknown> {
    const answer = await apiCall(this.http, {
      step: `telegram ${name}`, method: 'POST', url: `${this.config.telegramApiBaseUrl}/bot${token}/${name}`, body: { json }, secrets: [token],
    }, this.config.publishTimeoutMs);
    if (answer.status >= 500 || answer.status === 429) throw new ConnectionError('provider_unreachable', `telegram ${name}: HTTP ${answer.status}`);
    if (answer.body.ok !== true) {
      const description = typeof answer.body.description === 'string' ? answer.body.description : `HTTP ${answer.status}`;
      throw new ConnectionError(refused, `telegram ${name}: ${description}`);
    }
    return answer.body.result;
  }
}
