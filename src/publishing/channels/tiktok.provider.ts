import { Inject, Injectable } from '@nestjs/common';
import { ApiChannelProvider, bareHandle, idFrom, secretsOf } from './api-channel-provider';
import type { PublishOutcome, PublishRequest } from './channel-provider';
import { ChannelHttp, type HttpCall } from './channel-http';
import { CHANNEL_SETTINGS, type ChannelSettings } from './channel-settings';
import type { ErrorReading, HttpAnswer } from './http-outcomes';

/** TikTok's photo post title limit (characters); the description carries the whole text. */
const MAX_TITLE = 90;
/** rate_limit_exceeded: each user token may call content/init six times a minute. */
const RATE_WINDOW_MS = 60_000;
/** spam_risk_too_many_posts: the creator's daily cap; look again in an hour. */
const DAILY_CAP_RECHECK_MS = 60 * 60_000;

/**
 * TikTok Content Posting API, photo posts (credentials.accessToken, the creator's user token):
 * POST /v2/post/publish/content/init/ {media_type: PHOTO, post_mode, post_info, source_info:
 * {source: PULL_FROM_URL, photo_images}}. TikTok pulls the photos from our public URLs (the
 * domain must be verified in the app). An audited app posts directly (DIRECT_POST, with a privacy
 * level the creator allows, read from creator_info/query first); an unaudited one uploads to the
 * creator's inbox (MEDIA_UPLOAD): the officer finishes the post in the TikTok app, and the
 * publication waits for that (`awaiting_manual`, with TikTok's publish_id).
 */
@Injectable()
export class TikTokProvider extends ApiChannelProvider {
  protected readonly label = 'tiktok';
  protected readonly requiredCredentials = ['accessToken'] as const;

  constructor(private readonly http: ChannelHttp, @Inject(CHANNEL_SETTINGS) private readonly settings: ChannelSettings) {
    super();
  }

  protected async post(request: PublishRequest, signal: AbortSignal): Promise<PublishOutcome> {
    if (request.media.length === 0) return { kind: 'refused', reason: 'tiktok needs a photo' };
    const direct = this.settings.tiktokDirectPost;
    let privacy: string | null = null;
    if (direct) {
      const info = await this.http.send(this.call(request, 'tiktok creator info', '/v2/post/publish/creator_info/query/', {}, false), signal);
      if (!info.ok) return info.failure;
      const options = (info.answer.body as { data?: { privacy_level_options?: unknown } } | null)?.data?.privacy_level_options;
      const allowed = Array.isArray(options) ? options.filter((o): o is string => typeof o === 'string') : [];
      privacy = allowed.includes('PUBLIC_TO_EVERYONE') ? 'PUBLIC_TO_EVERYONE' : (allowed[0] ?? null);
      if (!privacy) return { kind: 'refused', reason: 'tiktok creator info: no privacy level offered' };
    }
    const body = {
      media_type: 'PHOTO',
      post_mode: direct ? 'DIRECT_POST' : 'MEDIA_UPLOAD',
      post_info: { title: (request.title ?? '').slice(0, MAX_TITLE), description: request.text, ...(direct && { privacy_level: privacy, disable_comment: false, auto_add_music: true }) },
      source_info: { source: 'PULL_FROM_URL', photo_cover_index: 0, photo_images: request.media.slice(0, 35).map((m) => m.url) },
    };
    const result = await this.http.send(this.call(request, 'tiktok content init', '/v2/post/publish/content/init/', body, true), signal);
    if (!result.ok) return result.failure;
    const publishId = idFrom((result.answer.body as { data?: { publish_id?: unknown } } | null)?.data?.publish_id);
    if (!publishId) return { kind: 'unknown', reason: 'tiktok content init: accepted, but the answer carried no publish_id' };
    if (!direct) return { kind: 'awaiting_manual', remoteRef: publishId, waitingFor: 'tiktok_inbox' };
    const handle = bareHandle(request.account.handle);
    // the public post id comes later (status/fetch); the publish_id identifies the post until then
    return { kind: 'published', externalId: publishId, url: handle ? `https://www.tiktok.com/@${handle}` : null };
  }

  private call(request: PublishRequest, step: string, path: string, json: unknown, irreversible: boolean): HttpCall {
    return {
      step, method: 'POST', url: `${this.settings.tiktokApiBaseUrl}${path}`, body: { json }, irreversible,
      headers: { authorization: `Bearer ${request.account.credentials.accessToken}` }, secrets: secretsOf(request), readError: readTikTokError,
    };
  }
}

/** TikTok's error body: {error: {code, message, log_id}}; its codes decide reconnect, quota or refusal. */
export function readTikTokError(answer: HttpAnswer): ErrorReading {
  const error = (answer.body as { error?: { code?: unknown; message?: unknown } } | null)?.error;
  const code = typeof error?.code === 'string' ? error.code : '';
  const message = typeof error?.message === 'string' && error.message ? `${code}: ${error.message}` : code || undefined;
  if (answer.status === 401 || code === 'access_token_invalid' || code === 'scope_not_authorized' || code === 'scope_permission_missed') return { message, reconnect: true };
  if (code === 'rate_limit_exceeded') return { message, quotaUntil: new Date(Date.now() + RATE_WINDOW_MS) };
  if (code === 'spam_risk_too_many_posts' || code === 'reached_active_user_cap') return { message, quotaUntil: new Date(Date.now() + DAILY_CAP_RECHECK_MS) };
  return { message };
}
