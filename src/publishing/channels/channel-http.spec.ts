import net, { type AddressInfo } from 'node:net';
import { FakeChannelApi } from '../../../test/support/fake-channel-api';
import { testChannelSettings } from '../../../test/support/publish-requests';
import { ChannelHttp, type HttpCall } from './channel-http';

const TOKEN = 'secret-token-abcdef123456';

describe('ChannelHttp', () => {
  let fake: FakeChannelApi;
  let http: ChannelHttp;
  const call = (overrides: Partial<HttpCall> = {}): HttpCall => ({
    step: 'test post', method: 'POST', url: `${fake.url}/post`, headers: { authorization: `Bearer ${TOKEN}` },
    body: { json: { text: 'halo' } }, secrets: [TOKEN], irreversible: true, ...overrides,
  });
  const send = (overrides: Partial<HttpCall> = {}, signal = new AbortController().signal) => http.send(call(overrides), signal);

  beforeEach(async () => {
    fake = await FakeChannelApi.start();
    http = new ChannelHttp(testChannelSettings(fake.url));
  });
  afterEach(() => fake.close());

  it('returns a 2xx answer with its parsed JSON body', async () => {
    fake.on('POST /post', { status: 201, body: { id: 'abc' } });
    expect(await send()).toMatchObject({ ok: true, answer: { status: 201, body: { id: 'abc' } } });
    expect(fake.requests[0].json()).toEqual({ text: 'halo' });
  });

  it('encodes FormData as multipart with the file part and its type', async () => {
    fake.on('POST /post', { status: 200, body: {} });
    const form = new FormData();
    form.append('media', new Blob([Buffer.from('JPEGBYTES')], { type: 'image/jpeg' }), 'a.jpg');
    form.append('caption', 'Halo');
    await send({ body: { form } });
    const received = await fake.requests[0].form();
    expect(await (received.get('media') as File).text()).toBe('JPEGBYTES');
    expect(received.get('caption')).toBe('Halo');
  });

  it.each([
    [408, 'transient'],
    [409, 'refused'],
    [422, 'refused'],
    [502, 'transient'],
  ])('HTTP %i is %s', async (status, kind) => {
    fake.on('POST /post', { status, body: { message: 'nope' } });
    expect(await send()).toEqual({ ok: false, failure: expect.objectContaining({ kind, reason: `test post: HTTP ${status}: nope` }) });
  });

  it('a 504 on the irreversible call is unknown (the gateway gave up; the API may have posted), transient on a preparatory one', async () => {
    fake.on('POST /post', { status: 504 });
    expect(await send()).toMatchObject({ ok: false, failure: { kind: 'unknown' } });
    expect(await send({ irreversible: false })).toMatchObject({ ok: false, failure: { kind: 'transient' } });
  });

  it('reads Retry-After given as an HTTP date', async () => {
    fake.on('POST /post', { status: 503, headers: { 'retry-after': new Date(Date.now() + 30_000).toUTCString() } });
    const result = await send();
    const wait = !result.ok && result.failure.kind === 'transient' ? result.failure.retryAfterMs : undefined;
    expect(wait).toBeGreaterThan(25_000);
    expect(wait).toBeLessThanOrEqual(30_000);
  });

  it('a call that is never answered is unknown when irreversible, transient when preparatory', async () => {
    fake.on('POST /post', 'hang');
    expect(await send()).toMatchObject({ ok: false, failure: { kind: 'unknown', reason: 'test post: no answer within 400 ms after the request was sent' } });
    expect(await send({ irreversible: false })).toMatchObject({ ok: false, failure: { kind: 'transient' } });
  });

  it("the caller's deadline after sending is unknown; before, it is transient and nothing is sent", async () => {
    fake.on('POST /post', 'hang');
    const late = new AbortController();
    setTimeout(() => late.abort(), 100);
    expect(await send({}, late.signal)).toMatchObject({ ok: false, failure: { kind: 'unknown', reason: expect.stringContaining('deadline reached after') } });
    expect(await send({}, AbortSignal.abort())).toMatchObject({ ok: false, failure: { kind: 'transient', reason: expect.stringContaining('deadline reached before') } });
    expect(fake.requests).toHaveLength(1);
  });

  it('a success whose body is cut off is unknown: the post may exist, its id is lost', async () => {
    const server = net.createServer((socket) => socket.once('data', () => socket.end('HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n{"id":')));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/post`;
    expect(await send({ url })).toMatchObject({ ok: false, failure: { kind: 'unknown', reason: 'test post: answer cut off after the request was sent' } });
    server.close();
  });

  it('a failed TLS handshake is transient: nothing was sent', async () => {
    const result = await send({ url: `${fake.url.replace('http:', 'https:')}/post` });
    expect(result).toMatchObject({ ok: false, failure: { kind: 'transient', reason: expect.stringMatching(/before the request was sent/) } });
    expect(fake.requests).toHaveLength(0);
  });

  it('a TLS handshake that never completes hits the connect timeout: transient', async () => {
    const sockets: net.Socket[] = [];
    const silent = net.createServer((socket) => sockets.push(socket)); // takes the connection, never speaks TLS
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const url = `https://127.0.0.1:${(silent.address() as AddressInfo).port}/post`;
    expect(await send({ url })).toMatchObject({ ok: false, failure: { kind: 'transient', reason: 'test post: no connection within 300 ms before the request was sent' } });
    sockets.forEach((s) => s.destroy());
    silent.close();
  });

  it('a request that cannot be built (bad URL, a token with a line break) is refused: nothing was sent', async () => {
    expect(await send({ url: 'not a url' })).toMatchObject({ ok: false, failure: { kind: 'refused', reason: 'test post: the address is not a valid URL' } });
    const result = await send({ headers: { authorization: `Bearer ${TOKEN}\r\nX-Injected: 1` } });
    expect(result).toMatchObject({ ok: false, failure: { kind: 'refused', reason: 'test post: the request could not be built (ERR_INVALID_CHAR)' } });
    expect(fake.requests).toHaveLength(0);
  });

  it('an unknown host is transient', async () => {
    expect(await send({ url: 'http://gaung-no-such-host.invalid/post' })).toMatchObject({ ok: false, failure: { kind: 'transient' } });
  });

  it('scrubs the credentials from reasons, even when the API echoes them', async () => {
    fake.on('POST /post', { status: 401, body: { error: { message: `Invalid token ${TOKEN} (Bearer ${TOKEN})` } } });
    const result = await send();
    expect(JSON.stringify(result)).not.toContain(TOKEN);
    expect(result).toMatchObject({ ok: false, failure: { kind: 'refused', reason: 'test post: HTTP 401: Invalid token [redacted] (Bearer [redacted])' } });
  });
});
