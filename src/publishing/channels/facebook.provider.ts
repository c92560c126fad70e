import { Inject, Injectable } from '@nestjs/common';
import { ApiChannelProvider, idFrom, secretsOf } from './api-channel-provider';
import type { PublishOutcome, PublishRequest } from './channel-provider';
import { ChannelHttp, type HttpBody } from './channel-http';
import { CHANNEL_SETTINGS, type ChannelSettings } from './channel-settings';
import { findRecentByText, graphCall, LOOKUP_WINDOW } from './graph-api';

type Photo = PublishRequest['media'][number];

/**
 * A Facebook Page post through the Graph API with the Page access token
 * (credentials.pageId, credentials.pageAccessToken). With a photo: POST /{page-id}/photos
 * (the local file as `source`, else the public `url`; caption = the text; published = true),
 * one call that creates the post. Without: POST /{page-id}/feed {message, link}.
 */
@Injectable()
export class FacebookProvider extends ApiChannelProvider {
  protected readonly label = 'facebook';
  protected readonly requiredCredentials = ['pageId', 'pageAccessToken'] as const;

  constructor(private readonly http: ChannelHttp, @Inject(CHANNEL_SETTINGS) private readonly settings: ChannelSettings) {
    super();
  }

  protected async post(request: PublishRequest, signal: AbortSignal): Promise<PublishOutcome> {
    const { pageId, pageAccessToken } = request.account.credentials;
    const photo = request.media[0];
    let body: HttpBody;
    try {
      body = photo ? await this.photoBody(photo, request.text) : { json: { message: request.text, link: request.url } };
    } catch {
      return { kind: 'transient', reason: 'facebook photo: the photo file could not be read' };
    }
    const step = photo ? 'facebook photo post' : 'facebook feed post';
    const path = `${encodeURIComponent(pageId)}/${photo ? 'photos' : 'feed'}`;
    const call = graphCall(this.settings.graphApiBaseUrl, path, pageAccessToken, { step, method: 'POST', body, secrets: secretsOf(request), irreversible: true });
    const result = await this.http.send(call, signal);
    if (!result.ok) return result.failure;
    // /photos answers {id (the photo), post_id (the Page post)}; /feed answers {id (the post)}.
    const answer = result.answer.body as { id?: unknown; post_id?: unknown } | null;
    const id = idFrom(answer?.post_id) ?? idFrom(answer?.id);
    if (!id) return { kind: 'unknown', reason: `${step}: accepted, but the answer carried no post id` };
    return { kind: 'published', externalId: id, url: `https://www.facebook.com/${id}` };
  }

  /**
   * Finds the post among the Page's recent posts by its exact text (a photo post's caption is its
   * message). Throws LookupFailedError when the Page cannot be read.
   */
  async lookup(request: PublishRequest, signal: AbortSignal): Promise<{ externalId: string; url: string | null } | null> {
    const { pageId, pageAccessToken } = request.account.credentials;
    const call = graphCall(this.settings.graphApiBaseUrl, `${encodeURIComponent(pageId)}/posts`, pageAccessToken, {
      step: 'facebook look-up', method: 'GET', secrets: secretsOf(request), irreversible: false,
      query: { fields: 'id,message,created_time', limit: String(LOOKUP_WINDOW) },
    });
    const found = await findRecentByText(this.http, call, 'message', request.text, signal);
    const id = idFrom(found?.id);
    return id ? { externalId: id, url: `https://www.facebook.com/${id}` } : null;
  }

  /** Uploading the file spares Facebook a fetch of our public URL (which must then be reachable). */
  private async photoBody(photo: Photo, caption: string): Promise<HttpBody> {
    if (!photo.file) return { json: { url: photo.url, caption, published: true } };
    const form = new FormData();
    form.append('source', await this.http.fileBlob(photo.file, photo.mimeType), `photo.${photo.mimeType.split('/')[1] ?? 'jpg'}`);
    form.append('caption', caption);
    form.append('published', 'true');
    return { form };
  }
}
