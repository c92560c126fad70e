import { Inject, Injectable } from '@nestjs/common';
import { ApiChannelProvider, bareHandle, idFrom, secretsOf } from './api-channel-provider';
import type { PublishOutcome, PublishRequest } from './channel-provider';
import { ChannelHttp, type HttpCall } from './channel-http';
import { CHANNEL_SETTINGS, type ChannelSettings } from './channel-settings';
import type { ErrorReading, HttpAnswer } from './http-outcomes';

type Photo = PublishRequest['media'][number];
type Prepared = { ok: true; mediaIds: string[] } | { ok: false; outcome: PublishOutcome };

/** X's alt text limit (POST /2/media/metadata). */
const MAX_ALT_TEXT = 1000;

/**
 * X API v2 with the account's OAuth 2.0 user access token (credentials.accessToken):
 * POST /2/media/upload (multipart: media, media_category) for the first photo, its alt text via
 * POST /2/media/metadata, then POST /2/tweets {text, media: {media_ids}}. Only the last call is
 * irreversible; an uploaded photo that is never used expires on X's side.
 */
@Injectable()
export class XProvider extends ApiChannelProvider {
  protected readonly label = 'x';
  protected readonly requiredCredentials = ['accessToken'] as const;

  constructor(private readonly http: ChannelHttp, @Inject(CHANNEL_SETTINGS) private readonly settings: ChannelSettings) {
    super();
  }

  protected async post(request: PublishRequest, signal: AbortSignal): Promise<PublishOutcome> {
    const prepared = request.media[0] ? await this.upload(request, request.media[0], signal) : { ok: true as const, mediaIds: [] };
    if (!prepared.ok) return prepared.outcome;
    const body = { text: request.text, ...(prepared.mediaIds.length > 0 && { media: { media_ids: prepared.mediaIds } }) };
    const result = await this.http.send({ ...this.call(request, 'x create post', '/2/tweets', { json: body }), irreversible: true }, signal);
    if (!result.ok) return result.failure;
    const id = idFrom((result.answer.body as { data?: { id?: unknown } } | null)?.data?.id);
    if (!id) return { kind: 'unknown', reason: 'x create post: accepted, but the answer carried no post id' };
    const handle = bareHandle(request.account.handle);
    // x.com/i/web/status/<id> opens any post when the handle is not known.
    return { kind: 'published', externalId: id, url: `https://x.com/${handle ?? 'i/web'}/status/${id}` };
  }

  private async upload(request: PublishRequest, photo: Photo, signal: AbortSignal): Promise<Prepared> {
    if (!photo.file) return { ok: false, outcome: { kind: 'refused', reason: 'x media upload: the photo has no local file to upload' } };
    let blob: Blob;
    try {
      blob = await this.http.fileBlob(photo.file, photo.mimeType);
    } catch {
      return { ok: false, outcome: { kind: 'transient', reason: 'x media upload: the photo file could not be read' } };
    }
    const form = new FormData();
    form.append('media', blob, `photo.${photo.mimeType.split('/')[1] ?? 'jpg'}`);
    form.append('media_category', 'tweet_image');
    form.append('media_type', photo.mimeType);
    const uploaded = await this.http.send({ ...this.call(request, 'x media upload', '/2/media/upload', { form }), irreversible: false }, signal);
    if (!uploaded.ok) return { ok: false, outcome: uploaded.failure };
    const mediaId = idFrom((uploaded.answer.body as { data?: { id?: unknown } } | null)?.data?.id);
    if (!mediaId) return { ok: false, outcome: { kind: 'transient', reason: 'x media upload: the answer carried no media id' } };
    if (photo.alt) {
      const metadata = { id: mediaId, metadata: { alt_text: { text: photo.alt.slice(0, MAX_ALT_TEXT) } } };
      const described = await this.http.send({ ...this.call(request, 'x media alt text', '/2/media/metadata', { json: metadata }), irreversible: false }, signal);
      // A refused alt text does not stop the post; a transient failure retries the whole (nothing is public yet).
      if (!described.ok && described.failure.kind !== 'refused') return { ok: false, outcome: { kind: 'transient', reason: described.failure.reason } };
    }
    return { ok: true, mediaIds: [mediaId] };
  }

  private call(request: PublishRequest, step: string, path: string, body: HttpCall['body']): Omit<HttpCall, 'irreversible'> {
    return {
      step,
      method: 'POST',
      url: `${this.settings.xApiBaseUrl}${path}`,
      headers: { authorization: `Bearer ${request.account.credentials.accessToken}` },
      body,
      secrets: secretsOf(request),
      readError: rateLimitReset,
    };
  }
}

/**
 * X answers 429 with x-rate-limit-reset (epoch seconds) rather than Retry-After. When the
 * headers say the user's quota is spent (x-user-limit-24hour-remaining or x-rate-limit-remaining
 * at 0), the post is delayed until the reset rather than retried and failed. A 401 is a token
 * X no longer accepts (access revoked): the post waits for a reconnection.
 */
export function rateLimitReset(answer: HttpAnswer): ErrorReading {
  if (answer.status === 401) return { reconnect: true };
  if (answer.status !== 429) return {};
  const header = (name: string) => {
    const value = answer.headers[name];
    return typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
  };
  const epoch = (seconds: number) => (Number.isFinite(seconds) && seconds > 0 ? new Date(seconds * 1000) : undefined);
  const daily = epoch(header('x-user-limit-24hour-reset'));
  if (header('x-user-limit-24hour-remaining') === 0 && daily) return { quotaUntil: daily };
  const reset = header('x-rate-limit-reset');
  if (header('x-rate-limit-remaining') === 0 && epoch(reset)) return { quotaUntil: epoch(reset) };
  if (!Number.isFinite(reset) || reset <= 0) return {};
  return { retryAfterMs: Math.max(0, reset * 1000 - Date.now()) };
}
