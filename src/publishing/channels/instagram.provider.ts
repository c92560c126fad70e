import { Inject, Injectable } from '@nestjs/common';
import { ApiChannelProvider, idFrom, secretsOf } from './api-channel-provider';
import type { PublishOutcome, PublishRequest } from './channel-provider';
import { ChannelHttp, type HttpCall } from './channel-http';
import { CHANNEL_SETTINGS, type ChannelSettings } from './channel-settings';
import { findRecentByText, graphCall, graphError, LOOKUP_WINDOW } from './graph-api';
import type { HttpAnswer } from './http-outcomes';

/** Look again this long after Instagram's 24-hour publishing limit was found spent. */
const QUOTA_RECHECK_MS = 60 * 60_000;

/** "Media ID is not available": the container was not ready, so nothing was published. */
const CONTAINER_NOT_READY = 9007;

/**
 * Instagram content publishing through the Graph API (credentials.igUserId,
 * credentials.accessToken): POST /{ig-user-id}/media {image_url, caption} creates a container
 * (nothing public yet), POST /{ig-user-id}/media_publish {creation_id} publishes it (the
 * irreversible step), then GET /{ig-media-id}?fields=permalink finds its address. Instagram
 * fetches the image itself, so image_url must be publicly reachable and a JPEG.
 */
@Injectable()
export class InstagramProvider extends ApiChannelProvider {
  protected readonly label = 'instagram';
  protected readonly requiredCredentials = ['igUserId', 'accessToken'] as const;

  constructor(private readonly http: ChannelHttp, @Inject(CHANNEL_SETTINGS) private readonly settings: ChannelSettings) {
    super();
  }

  protected async post(request: PublishRequest, signal: AbortSignal): Promise<PublishOutcome> {
    const photo = request.media[0];
    if (!photo) return { kind: 'refused', reason: 'instagram needs an image' };
    const user = encodeURIComponent(request.account.credentials.igUserId);
    const containerBody = { json: { image_url: photo.url, caption: request.text } };
    const container = await this.http.send(
      this.call(request, `${user}/media`, { step: 'instagram media container', method: 'POST', body: containerBody, irreversible: false }),
      signal,
    );
    if (!container.ok) return container.failure;
    const creationId = idFrom((container.answer.body as { id?: unknown } | null)?.id);
    if (!creationId) return { kind: 'transient', reason: 'instagram media container: the answer carried no container id' };

    const publishBody = { json: { creation_id: creationId } };
    const publishCall = this.call(request, `${user}/media_publish`, { step: 'instagram publish', method: 'POST', body: publishBody, irreversible: true });
    const readError = (answer: HttpAnswer) => ({ ...publishCall.readError?.(answer), ...notReady(answer) });
    const published = await this.http.send({ ...publishCall, readError }, signal);
    if (!published.ok) return published.failure;
    const mediaId = idFrom((published.answer.body as { id?: unknown } | null)?.id);
    if (!mediaId) return { kind: 'unknown', reason: 'instagram publish: accepted, but the answer carried no media id' };
    return { kind: 'published', externalId: mediaId, url: await this.permalink(request, mediaId, signal) };
  }

  /**
   * GET /{ig-user-id}/content_publishing_limit?fields=quota_usage,config: posts published through
   * the API in the moving 24 hours against quota_total. Spent: look again in an hour (the API
   * does not say when the oldest post leaves the window).
   */
  async quota(request: PublishRequest, signal: AbortSignal): Promise<{ until: Date; reason: string } | null> {
    const user = encodeURIComponent(request.account.credentials.igUserId ?? '');
    const call = this.call(request, `${user}/content_publishing_limit`, { step: 'instagram publishing limit', method: 'GET', irreversible: false }, { fields: 'quota_usage,config' });
    const result = await this.http.send(call, signal);
    if (!result.ok) return null;
    const first = ((result.answer.body as { data?: unknown } | null)?.data as { quota_usage?: unknown; config?: { quota_total?: unknown; quota_duration?: unknown } }[] | undefined)?.[0];
    const used = first?.quota_usage;
    const total = first?.config?.quota_total;
    if (typeof used !== 'number' || typeof total !== 'number' || used < total) return null;
    return { until: new Date(Date.now() + QUOTA_RECHECK_MS), reason: `instagram: ${used} of ${total} posts in 24 hours` };
  }

  /** Finds the post among the account's recent media by its exact caption; throws LookupFailedError when they cannot be read. */
  async lookup(request: PublishRequest, signal: AbortSignal): Promise<{ externalId: string; url: string | null } | null> {
    const user = encodeURIComponent(request.account.credentials.igUserId);
    const query = { fields: 'id,caption,permalink,timestamp', limit: String(LOOKUP_WINDOW) };
    const call = this.call(request, `${user}/media`, { step: 'instagram look-up', method: 'GET', irreversible: false }, query);
    const found = await findRecentByText(this.http, call, 'caption', request.text, signal);
    const id = idFrom(found?.id);
    return id ? { externalId: id, url: httpUrl(found?.permalink) } : null;
  }

  /** The post's address; the post exists either way, so a failed look-up only leaves the URL empty. */
  private async permalink(request: PublishRequest, mediaId: string, signal: AbortSignal): Promise<string | null> {
    const call = this.call(request, encodeURIComponent(mediaId), { step: 'instagram permalink', method: 'GET', irreversible: false }, { fields: 'permalink' });
    const result = await this.http.send(call, signal);
    return result.ok ? httpUrl((result.answer.body as { permalink?: unknown } | null)?.permalink) : null;
  }

  private call(request: PublishRequest, path: string, call: Pick<HttpCall, 'step' | 'method' | 'body' | 'irreversible'>, query?: Record<string, string>): HttpCall {
    return graphCall(this.settings.graphApiBaseUrl, path, request.account.credentials.accessToken, { ...call, query, secrets: secretsOf(request) });
  }
}

/** A publish refused because the container was not ready is safe to retry from the start. */
function notReady(answer: HttpAnswer): { transient?: boolean } {
  return graphError(answer)?.code === CONTAINER_NOT_READY ? { transient: true } : {};
}

function httpUrl(value: unknown): string | null {
  return typeof value === 'string' && /^https?:\/\//.test(value) ? value : null;
}
