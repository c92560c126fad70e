import { createHmac } from 'node:crypto';
import { lookup } from 'node:dns/promises';
import { AddressPolicy, policyLookup, urlRefusal } from '../../tracking/fetch/address-policy';
import { Injectable } from '@nestjs/common';
import { Clock } from '../../common/clock';
import { ApiChannelProvider, idFrom, secretsOf } from './api-channel-provider';
import type { PublishOutcome, PublishRequest } from './channel-provider';
import { ChannelHttp } from './channel-http';

/** The document a webhook receives, byte for byte what the signature covers. */
export interface WebhookDocument {
  publicationId: string;
  storyId: string;
  channel: string;
  unit: { code: string; name: string };
  title: string | null;
  text: string;
  url: string;
  media: { url: string; alt: string | null }[];
}

/** `sha256=<hex>` of HMAC-SHA256 over the exact body bytes: what a receiver recomputes to verify. */
export function webhookSignature(body: string, secret: string): string {
  return `sha256=${createHmac('sha256', secret).update(body, 'utf8').digest('hex')}`;
}

/**
 * A signed JSON POST to the unit's own system (credentials.url, credentials.secret). The
 * Idempotency-Key is the publication id, so a receiver that honours it turns a re-send after an
 * unknown outcome into a no-op. A 2xx answer may name the created item: {id?, url?}.
 */
@Injectable()
export class WebhookProvider extends ApiChannelProvider {
  protected readonly label = 'webhook';
  protected readonly requiredCredentials = ['url', 'secret'] as const;

  /** The partner-feed SSRF policy (issue 17: webhook accounts posted to loopback), widened by WEBHOOK_CHANNEL_ALLOW_HOSTS. */
  private readonly policy: AddressPolicy;

  constructor(private readonly http: ChannelHttp, private readonly clock: Clock) {
    super();
    this.policy = new AddressPolicy(http.settings.webhookAllowHosts ?? []);
  }

  protected async post(request: PublishRequest, signal: AbortSignal): Promise<PublishOutcome> {
    const { url, secret } = request.account.credentials;
    if (!/^https?:\/\//i.test(url)) return { kind: 'refused', reason: 'webhook: the account url is not an http(s) URL' };
    const refusal = await urlRefusal(this.policy, url, async (host) => (await lookup(host, { all: true })).map((a) => a.address));
    if (refusal) return { kind: 'refused', reason: `webhook: the account url is refused (${refusal}); allow its host with WEBHOOK_CHANNEL_ALLOW_HOSTS` };
    const body = JSON.stringify(webhookDocument(request));
    const headers = {
      'x-gaung-signature': webhookSignature(body, secret),
      'x-gaung-timestamp': String(Math.floor(this.clock.now().getTime() / 1000)),
      'idempotency-key': request.publicationId,
      'user-agent': 'Gaung-Webhook/1',
    };
    const result = await this.http.send(
      { step: 'webhook', method: 'POST', url, headers, body: { raw: body, contentType: 'application/json' }, secrets: secretsOf(request), irreversible: true, lookup: policyLookup(this.policy) },
      signal,
    );
    if (!result.ok) return result.failure;
    const answer = result.answer.body as { id?: unknown; url?: unknown } | null;
    const link = typeof answer?.url === 'string' && /^https?:\/\//i.test(answer.url) ? answer.url : null;
    return { kind: 'published', externalId: idFrom(answer?.id) ?? request.publicationId, url: link };
  }
}

function webhookDocument(request: PublishRequest): WebhookDocument {
  return {
    publicationId: request.publicationId,
    storyId: request.storyId,
    channel: request.channel,
    unit: { code: request.unit.code, name: request.unit.name },
    title: request.title,
    text: request.text,
    url: request.url,
    media: request.media.map((m) => ({ url: m.url, alt: m.alt })),
  };
}
