/** A partner as the API shows it to Humas (feed token included: they hand it to the partner). */
export interface PartnerView {
  id: string;
  unitCode: string;
  name: string;
  kind: string;
  website: string | null;
  contact: string | null;
  active: boolean;
  feedToken: string;
  /** The partner's own feed of our releases (embargoed ones early); served by the feeds module. */
  partnerFeedUrl: string;
  tokenRotatedAt: string;
  feeds: PartnerFeedView[];
  createdAt: string;
  updatedAt: string;
}

/** One of the partner's feeds we watch, with the poller's state. */
export interface PartnerFeedView {
  id: string;
  url: string;
  lastPolledAt: string | null;
  lastSuccessAt: string | null;
  failures: number;
  nextPollAt: string | null;
  lastError: string | null;
}

export interface PartnerRow {
  id: string;
  unit_id: string;
  unit_code: string;
  name: string;
  kind: string;
  website: string | null;
  contact: string | null;
  active: boolean;
  feed_token_sealed: string;
  token_rotated_at: Date;
  created_at: Date;
  updated_at: Date;
  path: string[];
}

export const PARTNER_COLUMNS = `p.id, p.unit_id, u.code AS unit_code, p.name, p.kind, p.website, p.contact, p.active,
  p.feed_token_sealed, p.token_rotated_at, p.created_at, p.updated_at, u.path`;

export interface FeedRow {
  id: string;
  partner_id: string;
  url: string;
  last_polled_at: Date | null;
  last_success_at: Date | null;
  failures: number;
  next_poll_at: Date | null;
  last_error: string | null;
}

export function feedView(row: FeedRow): PartnerFeedView {
  const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);
  return { id: row.id, url: row.url, lastPolledAt: iso(row.last_polled_at), lastSuccessAt: iso(row.last_success_at), failures: row.failures, nextPollAt: iso(row.next_poll_at), lastError: row.last_error };
}
