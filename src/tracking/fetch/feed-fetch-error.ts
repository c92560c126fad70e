/** Why a partner feed could not be fetched; `code` is stable, the message short and secret-free. */
export type FeedFetchFailure =
  | 'bad_url'
  | 'scheme_not_allowed'
  | 'address_refused'
  | 'dns_failed'
  | 'connect_timeout'
  | 'timeout'
  | 'too_large'
  | 'too_many_redirects'
  | 'http_status'
  | 'bad_encoding'
  | 'network';

export class FeedFetchError extends Error {
  constructor(readonly code: FeedFetchFailure, message: string) {
    super(message);
    this.name = 'FeedFetchError';
  }
}
