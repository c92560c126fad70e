import { Inject, Injectable } from '@nestjs/common';
import { GAUNG_CONFIG, type GaungConfig } from '../config/gaung-config';
import { ChannelHttp } from '../publishing/channels/channel-http';
import { EMPTY_METRICS, type PostMetrics, sumKnown } from './engagement.types';

/** A read that failed: `reconnect` when the platform refused the credentials (the post is read again later). */
export class MetricsReadError extends Error {
  constructor(readonly reason: string, readonly reconnect = false) {
    super(reason);
    this.name = 'MetricsReadError';
  }
}

const num = (value: unknown): number | null => (typeof value === 'number' && Number.isFinite(value) ? value : null);
const obj = (value: unknown): Record<string, unknown> => (value && typeof value === 'object' ? (value as Record<string, unknown>) : {});

/**
 * Reads one post's figures from each platform's API (README "Engagement"):
 *  - X: GET /2/tweets?ids=&tweet.fields=public_metrics: impressions, likes, replies, reposts +
 *    quotes, bookmarks; reach is not offered;
 *  - Facebook: GET /{post-id}/insights?metric=post_impressions,post_impressions_unique (reach)
 *    and the post's shares, comments and reactions counts; views are not offered;
 *  - Instagram: GET /{media-id}/insights?metric=reach,views,likes,comments,shares,saved,total_interactions;
 *  - TikTok: POST /v2/video/query/ (video.list scope): views, likes, comments, shares;
 *  - Telegram: the Bot API gives no view counts of channel posts: nothing is read.
 */
@Injectable()
export class MetricReaders {
  constructor(private readonly http: ChannelHttp, @Inject(GAUNG_CONFIG) private readonly config: GaungConfig) {}

  async read(channel: string, postId: string, credentials: Record<string, string>): Promise<PostMetrics> {
    switch (channel) {
      case 'x':
        return this.x(postId, credentials.accessToken);
      case 'facebook':
        return this.facebook(postId, credentials.pageAccessToken);
      case 'instagram':
        return this.instagram(postId, credentials.accessToken);
      case 'tiktok':
        return this.tiktok(postId, credentials.accessToken);
      default:
        return EMPTY_METRICS;
    }
  }

  private async x(id: string, token: string): Promise<PostMetrics> {
    const body = await this.get('x metrics', `${this.config.xApiBaseUrl}/2/tweets?${new URLSearchParams({ ids: id, 'tweet.fields': 'public_metrics' })}`, token, { authorization: `Bearer ${token}` });
    const tweet = (Array.isArray(body.data) ? body.data : []).map(obj).find((d) => d.id === id);
    if (!tweet) throw new MetricsReadError('x metrics: the post is not in the answer (deleted?)');
    const m = obj(tweet.public_metrics);
    const likes = num(m.like_count);
    const comments = num(m.reply_count);
    const shares = sumKnown(num(m.retweet_count), num(m.quote_count));
    const saves = num(m.bookmark_count);
    return { ...EMPTY_METRICS, impressions: num(m.impression_count), likes, comments, shares, saves, engagements: sumKnown(likes, comments, shares, saves) };
  }

  private async facebook(id: string, token: string): Promise<PostMetrics> {
    const base = this.config.graphApiBaseUrl;
    const insights = await this.get('facebook insights', `${base}/${encodeURIComponent(id)}/insights?${new URLSearchParams({ metric: 'post_impressions,post_impressions_unique', access_token: token })}`, token);
    const post = await this.get('facebook post counts', `${base}/${encodeURIComponent(id)}?${new URLSearchParams({ fields: 'shares,comments.summary(true).limit(0),reactions.summary(true).limit(0)', access_token: token })}`, token);
    const values = insightValues(insights);
    const likes = num(obj(obj(post.reactions).summary).total_count);
    const comments = num(obj(obj(post.comments).summary).total_count);
    const shares = num(obj(post.shares).count) ?? 0;
    return { ...EMPTY_METRICS, impressions: values.post_impressions ?? null, reach: values.post_impressions_unique ?? null, likes, comments, shares, engagements: sumKnown(likes, comments, shares) };
  }

  private async instagram(id: string, token: string): Promise<PostMetrics> {
    const metric = 'reach,views,likes,comments,shares,saved,total_interactions';
    const body = await this.get('instagram insights', `${this.config.graphApiBaseUrl}/${encodeURIComponent(id)}/insights?${new URLSearchParams({ metric, access_token: token })}`, token);
    const v = insightValues(body);
    return {
      ...EMPTY_METRICS, reach: v.reach ?? null, views: v.views ?? null, likes: v.likes ?? null, comments: v.comments ?? null, shares: v.shares ?? null,
      saves: v.saved ?? null, engagements: v.total_interactions ?? sumKnown(v.likes ?? null, v.comments ?? null, v.shares ?? null, v.saved ?? null),
    };
  }

  private async tiktok(id: string, token: string): Promise<PostMetrics> {
    const url = `${this.config.connections.tiktokApiBaseUrl}/v2/video/query/?fields=id,view_count,like_count,comment_count,share_count`;
    const result = await this.http.read({ step: 'tiktok metrics', method: 'POST', url, headers: { authorization: `Bearer ${token}` }, body: { json: { filters: { video_ids: [id] } } }, secrets: [token] }, AbortSignal.timeout(this.config.publishTimeoutMs));
    const body = this.check('tiktok metrics', result);
    const video = (Array.isArray(obj(body.data).videos) ? (obj(body.data).videos as unknown[]) : []).map(obj).find((v) => String(v.id) === id);
    if (!video) throw new MetricsReadError('tiktok metrics: the post is not in the answer');
    const likes = num(video.like_count);
    const comments = num(video.comment_count);
    const shares = num(video.share_count);
    return { ...EMPTY_METRICS, views: num(video.view_count), likes, comments, shares, engagements: sumKnown(likes, comments, shares) };
  }

  private async get(step: string, url: string, token: string, headers?: Record<string, string>): Promise<Record<string, unknown>> {
    const result = await this.http.read({ step, method: 'GET', url, headers, secrets: [token] }, AbortSignal.timeout(this.config.publishTimeoutMs));
    return this.check(step, result);
  }

  private check(step: string, result: Awaited<ReturnType<ChannelHttp['read']>>): Record<string, unknown> {
    if (!result.ok) throw new MetricsReadError(result.reason);
    const { status, body } = result.answer;
    if (status >= 200 && status < 300) return obj(body);
    const error = obj(obj(body).error);
    const reconnect = status === 401 || error.code === 190 || error.code === 'access_token_invalid';
    throw new MetricsReadError(`${step}: HTTP ${status}`, reconnect);
  }
}

/** Graph insights {data: [{name, values: [{value}]}]} as name -> value. */
function insightValues(body: Record<string, unknown>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const item of Array.isArray(body.data) ? body.data.map(obj) : []) {
    const value = num(obj((item.values as unknown[] | undefined)?.[0]).value);
    if (typeof item.name === 'string' && value !== null) out[item.name] = value;
  }
  return out;
}
