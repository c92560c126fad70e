import { createHmac, timingSafeEqual } from 'node:crypto';
import { describeFailureOutcomes } from '../../../test/support/channel-failure-cases';
import { FakeChannelApi } from '../../../test/support/fake-channel-api';
import { expectNoCredentials, PHOTO_URL, publishRequest, testChannelSettings } from '../../../test/support/publish-requests';
import { FixedClock } from '../../common/clock';
import { ChannelHttp } from './channel-http';
import type { ChannelSettings } from './channel-settings';
import { WebhookProvider } from './webhook.provider';

const SECRET = 'whsec-shared-secret-0123456789abcdef';
const credentialsFor = (base: string) => ({ url: `${base}/hooks/gaung?key=receiver-key-98765`, secret: SECRET });
const NOW = new Date('2025-11-20T03:00:00Z');
const provider = (settings: ChannelSettings) => new WebhookProvider(new ChannelHttp(settings), new FixedClock(NOW));
const signal = () => new AbortController().signal;

/** What a receiver does: HMAC-SHA256 of the exact body bytes with the shared secret, compared in constant time. */
function verifies(body: Buffer, header: string, secret: string): boolean {
  const expected = Buffer.from(`sha256=${createHmac('sha256', secret).update(body).digest('hex')}`);
  const given = Buffer.from(header);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

describe('WebhookProvider (signed JSON POST)', () => {
  let fake: FakeChannelApi;
  beforeEach(async () => {
    fake = await FakeChannelApi.start();
  });
  afterEach(() => fake.close());

  it('refuses a webhook account on loopback, private or IPv4-compatible addresses unless WEBHOOK_CHANNEL_ALLOW_HOSTS allows it (issue 17)', async () => {
    fake.on('POST /hooks/gaung', { status: 201, body: { id: 'cms-1' } });
    const port = new URL(fake.url).port;
    const strict = provider(testChannelSettings(fake.url, { webhookAllowHosts: [] }));
    for (const base of [fake.url, `http://localhost:${port}`, `http://[::127.0.0.1]:${port}`, `http://[::7f00:1]:${port}`, `http://[::ffff:127.0.0.1]:${port}`, 'http://169.254.169.254', 'http://10.1.2.3:8080']) {
      const outcome = await strict.publish(publishRequest('whatsapp', { mode: 'webhook', credentials: credentialsFor(base) }), signal());
      expect({ base, kind: outcome.kind }).toEqual({ base, kind: 'refused' });
      expect(outcome.kind === 'refused' && outcome.reason).toMatch(/WEBHOOK_CHANNEL_ALLOW_HOSTS/);
    }
    expect(fake.requests).toHaveLength(0);
    const allowed = provider(testChannelSettings(fake.url, { webhookAllowHosts: ['127.0.0.1'] }));
    expect((await allowed.publish(publishRequest('whatsapp', { mode: 'webhook', credentials: credentialsFor(fake.url) }), signal())).kind).toBe('published');
  });

  it('posts the document, signed with the shared secret, with the publication id as Idempotency-Key', async () => {
    fake.on('POST /hooks/gaung', { status: 201, body: { id: 'cms-4711', url: 'https://portal.example.go.id/berita/4711' } });
    const credentials = credentialsFor(fake.url);
    const request = publishRequest('whatsapp', { mode: 'webhook', credentials }, { withPhoto: true });

    const outcome = await provider(testChannelSettings(fake.url)).publish(request, signal());

    expect(outcome).toEqual({ kind: 'published', externalId: 'cms-4711', url: 'https://portal.example.go.id/berita/4711' });
    const [received] = fake.requests;
    expect(received.query.get('key')).toBe('receiver-key-98765');
    expect(received.headers['content-type']).toBe('application/json');
    expect(received.headers['idempotency-key']).toBe(request.publicationId);
    expect(received.headers['x-gaung-timestamp']).toBe(String(NOW.getTime() / 1000));
    expect(verifies(received.raw, String(received.headers['x-gaung-signature']), SECRET)).toBe(true);
    expect(verifies(received.raw, String(received.headers['x-gaung-signature']), 'another-secret-value')).toBe(false);
    expect(received.json()).toEqual({
      publicationId: request.publicationId, storyId: request.storyId, channel: 'whatsapp', unit: request.unit,
      title: request.title, text: request.text, url: request.url, media: [{ url: PHOTO_URL, alt: 'Petugas menyerahkan kunci motor' }],
    });
    expect(received.text).not.toContain(SECRET);
    expectNoCredentials(outcome, credentials);
  });

  it('without {id, url} in the answer, the external id is the publication id', async () => {
    fake.on('POST /hooks/gaung', { status: 204 });
    const request = publishRequest('facebook', { mode: 'webhook', credentials: credentialsFor(fake.url) });
    const outcome = await provider(testChannelSettings(fake.url)).publish(request, signal());
    expect(outcome).toEqual({ kind: 'published', externalId: request.publicationId, url: null });
  });

  it('refuses an account url that is not http(s), sending nothing', async () => {
    const outcome = await provider(testChannelSettings(fake.url)).publish(
      publishRequest('x', { mode: 'webhook', credentials: { url: 'file:///etc/passwd', secret: SECRET } }), signal());
    expect(outcome).toEqual({ kind: 'refused', reason: 'webhook: the account url is not an http(s) URL' });
  });

  describeFailureOutcomes({
    postRoute: 'POST /hooks/gaung',
    provider,
    request: (base) => publishRequest('telegram', { mode: 'webhook', credentials: credentialsFor(base) }, { withPhoto: true }),
    errorBody: (_status, message) => ({ error: message }),
  });
});
