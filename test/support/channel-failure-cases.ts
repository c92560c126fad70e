import type { ChannelProvider, PublishOutcome, PublishRequest } from '../../src/publishing/channels/channel-provider';
import type { ChannelSettings } from '../../src/publishing/channels/channel-settings';
import { closedPortUrl, FakeChannelApi } from './fake-channel-api';
import { expectNoCredentials, testChannelSettings } from './publish-requests';

export interface FailureCaseSetup {
  /** The irreversible call, e.g. 'POST /2/tweets'. */
  postRoute: string;
  /** Successful answers of the calls before it (uploads, containers). */
  prepare?: (fake: FakeChannelApi) => void;
  provider: (settings: ChannelSettings) => ChannelProvider;
  /** The request; `base` is the fake's address (for providers whose address is a credential). */
  request: (base: string) => PublishRequest;
  /** The API's error body; it echoes a credential, as careless APIs do, to prove it is scrubbed. */
  errorBody: (status: number, message: string) => unknown;
  /** Credential fields that are public identifiers (may appear in a URL). */
  publicFields?: string[];
}

/**
 * The outcome matrix every API provider must honour (DESIGN.md §9), against a local fake of its
 * API: a refusal, a 5xx, 429/503 with Retry-After, no answer after sending, a dropped connection,
 * and nothing listening. Each is sent exactly once and no outcome carries a credential.
 */
export function describeFailureOutcomes(setup: FailureCaseSetup): void {
  describe('failure outcomes', () => {
    let fake: FakeChannelApi;
    let request: PublishRequest;
    const publish = async (settings: ChannelSettings = testChannelSettings(fake.url)): Promise<PublishOutcome> => {
      const outcome = await setup.provider(settings).publish(request, new AbortController().signal);
      expectNoCredentials(outcome, request.account.credentials, setup.publicFields);
      return outcome;
    };
    const leaked = () => Object.values(request.account.credentials).join(' ');

    beforeEach(async () => {
      fake = await FakeChannelApi.start();
      setup.prepare?.(fake);
      request = setup.request(fake.url);
    });
    afterEach(() => fake.close());

    it('a 4xx is a definite refusal carrying the API message, sent once', async () => {
      fake.on(setup.postRoute, { status: 400, body: setup.errorBody(400, `Invalid parameter near ${leaked()}`) });
      const outcome = await publish();
      expect(outcome).toMatchObject({ kind: 'refused', reason: expect.stringContaining('Invalid parameter') });
      expect(fake.to(setup.postRoute)).toHaveLength(1);
    });

    it('a 500 is transient', async () => {
      fake.on(setup.postRoute, { status: 500, body: setup.errorBody(500, 'Internal error') });
      expect(await publish()).toMatchObject({ kind: 'transient', reason: expect.stringContaining('HTTP 500') });
    });

    it('a 429 with Retry-After is transient with retryAfterMs', async () => {
      fake.on(setup.postRoute, { status: 429, headers: { 'retry-after': '7' }, body: setup.errorBody(429, 'Too Many Requests') });
      expect(await publish()).toEqual(expect.objectContaining({ kind: 'transient', retryAfterMs: 7000 }));
    });

    it('a 503 with Retry-After is transient with retryAfterMs', async () => {
      fake.on(setup.postRoute, { status: 503, headers: { 'retry-after': '2' }, body: setup.errorBody(503, 'Service Unavailable') });
      expect(await publish()).toEqual(expect.objectContaining({ kind: 'transient', retryAfterMs: 2000 }));
    });

    it('a request taken but never answered is unknown, and was sent once', async () => {
      fake.on(setup.postRoute, 'hang');
      expect(await publish()).toMatchObject({ kind: 'unknown', reason: expect.stringContaining('after the request was sent') });
      expect(fake.to(setup.postRoute)).toHaveLength(1);
    });

    it('a connection dropped after the request arrived is unknown', async () => {
      fake.on(setup.postRoute, 'reset');
      expect(await publish()).toMatchObject({ kind: 'unknown' });
    });

    it('a closed port is transient: nothing was sent', async () => {
      const closed = await closedPortUrl();
      request = setup.request(closed);
      expect(await publish(testChannelSettings(closed))).toMatchObject({ kind: 'transient', reason: expect.stringContaining('connection refused') });
    });
  });
}
