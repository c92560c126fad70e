import { FakePlatform, type PlatformReply } from './fake-platform';

const refused = (status: number, description: string): PlatformReply => ({ status, body: { ok: false, error_code: status, description } });

/**
 * The Telegram Bot API as documented (core.telegram.org/bots/api): POST /bot<token>/<method>
 * with JSON; {ok: true, result} or {ok: false, error_code, description}. getMe (401
 * Unauthorized for a revoked token), getChat (400 chat not found), getChatMember (the bot's
 * status and can_post_messages in a channel), sendMessage, sendPhoto.
 */
export class FakeTelegram extends FakePlatform {
  readonly bot = { id: 7012345678, is_bot: true, first_name: 'Humas Bot', username: 'humas_kby_bot' };
  botToken = '7012345678:AAHfakeTokenForTheKebayoranBot0123456';
  readonly channel = { id: -1001234567890, title: 'Info Polsek Kebayoran Baru', username: 'infopolsekkby', type: 'channel' };
  member: { status: string; can_post_messages?: boolean } = { status: 'administrator', can_post_messages: true };
  private messages = 100;

  constructor() {
    super();
    this.route('POST', '/bot:token/:method', (r, p) => {
      if (p.token !== this.botToken) return refused(401, 'Unauthorized');
      const chat = String(r.json.chat_id ?? '');
      const known = chat === String(this.channel.id) || chat === `@${this.channel.username}`;
      switch (p.method) {
        case 'getMe':
          return { status: 200, body: { ok: true, result: this.bot } };
        case 'getChat':
          return known ? { status: 200, body: { ok: true, result: this.channel } } : refused(400, 'Bad Request: chat not found');
        case 'getChatMember':
          if (!known) return refused(400, 'Bad Request: chat not found');
          return { status: 200, body: { ok: true, result: { user: this.bot, ...this.member } } };
        case 'sendMessage':
        case 'sendPhoto':
          if (!known) return refused(400, 'Bad Request: chat not found');
          if (this.member.status !== 'administrator') return refused(403, 'Forbidden: bot is not a member of the channel chat');
          return { status: 200, body: { ok: true, result: { message_id: ++this.messages, chat: this.channel, date: Math.floor(Date.now() / 1000) } } };
        default:
          return refused(404, 'Not Found');
      }
    });
  }
}
