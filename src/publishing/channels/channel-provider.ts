import type { Channel } from '../../drafting/channels';

/** How a unit's account on a channel is reached. */
export type ChannelMode = 'api' | 'webhook' | 'manual';

/** Everything a provider needs to post one story to one channel. */
export interface PublishRequest {
  /** The publication's id: the idempotency key of the post (never two posts for one id). */
  publicationId: string;
  storyId: string;
  channel: Channel;
  unit: { code: string; name: string };
  title: string | null;
  /** The approved draft text for this channel. */
  text: string;
  /** The release in the press room. */
  url: string;
  /** Photos in their order: public rendition URL, the local file to upload, alt text. */
  media: { url: string; file: string | null; alt: string | null; mimeType: string }[];
  account: {
    mode: ChannelMode;
    handle: string | null;
    /** Decrypted only for this call; never logged, never returned by the API. */
    credentials: Record<string, string>;
  };
}

/**
 * What happened, in the terms the dispatcher acts on (DESIGN.md §9):
 *  - published: the post exists; its id and URL are stored at once;
 *  - awaiting_manual: a person posts it (WhatsApp groups, accounts without API access);
 *  - refused: a definite refusal (4xx): failed, never retried;
 *  - transient: it failed before the request was accepted (connection refused, 5xx, 429):
 *    retried with backoff up to a limit;
 *  - unknown: the request may have been accepted (timeout after sending, connection lost):
 *    never re-sent automatically; it becomes `unconfirmed` for an officer to check;
 *  - reconnect: the platform refused the account's credentials (revoked, expired, a right
 *    withdrawn): nothing was posted; it waits (`awaiting_reconnect`) until the account is
 *    connected again, and is then sent;
 *  - over_quota: the account reached a publishing quota of the platform: nothing was posted;
 *    it is due again when the quota allows, without counting as an attempt.
 */
export type PublishOutcome =
  | { kind: 'published'; externalId: string; url: string | null }
  /** remoteRef: the platform's id of a post a person finishes in its app (TikTok's inbox). */
  | { kind: 'awaiting_manual'; remoteRef?: string; waitingFor?: string }
  | { kind: 'reconnect'; reason: string }
  | { kind: 'over_quota'; reason: string; until: Date }
  | { kind: 'refused'; reason: string }
  | { kind: 'transient'; reason: string; retryAfterMs?: number }
  | { kind: 'unknown'; reason: string };

/** One provider per channel (or mode), behind this interface; generic code never branches on a channel. */
export interface ChannelProvider {
  /** Posts; must resolve (never throw) with an outcome, and honour `signal` (the dispatcher's deadline). */
  publish(request: PublishRequest, signal: AbortSignal): Promise<PublishOutcome>;
  /**
   * Finds an earlier post of this publication (by idempotency key or in recent posts), when the
   * channel allows it: used before a retry after an unknown outcome. null = not found.
   */
  lookup?(request: PublishRequest, signal: AbortSignal): Promise<{ externalId: string; url: string | null } | null>;
  /**
   * Reads the account's publishing quota from the platform before posting (Instagram's 24-hour
   * limit): a time to wait until when it is spent, else null. A quota that cannot be read is no
   * reason to hold the post (null): the platform still refuses over quota, and that is read too.
   */
  quota?(request: PublishRequest, signal: AbortSignal): Promise<{ until: Date; reason: string } | null>;
}
