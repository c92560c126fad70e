import zlib from 'node:zlib';
import { consoleLogin } from '../support/console-session';
import { bearer, createTestApp, type TestApp } from '../support/test-app';

/** Issue 17 item 7: inputs that reached the database or body-parser as a 500 are 4xx problems (an HTML page in the console). */
describe('hostile input that used to answer 500', () => {
  let t: TestApp;
  let operator: string;

  beforeAll(async () => {
    t = await createTestApp();
    operator = await t.login('operator.kebayoran');
  });
  afterAll(() => t?.close());

  const isProblem = (response: { status: number; headers: Record<string, string> }, status = 400) => {
    expect(response.status).toBe(status);
    expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
  };

  it.each(['/feeds/units/%00/rss.xml', '/feeds/units/POLSEK%00/atom.xml', '/rilis/%00', '/api/v1/stories/%00'])('refuses a NUL in a path parameter: %s', async (path) => {
    const response = await t.http.get(path).set(bearer(operator));
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
  });

  it('refuses q=%00 on the story list with 400 naming the parameter', async () => {
    const response = await t.http.get('/api/v1/stories?q=%00').set(bearer(operator));
    isProblem(response);
    expect(response.body.errors).toEqual([expect.objectContaining({ field: 'query.q' })]);
    isProblem(await t.http.get('/api/v1/stories?q=a%00b&unitCode=x').set(bearer(operator)));
    isProblem(await t.http.get('/feeds/units/%00/rss.xml'));
  });

  it('answers q=%00 in the console search with an HTML 400 page', async () => {
    const session = await consoleLogin(t, 'operator.kebayoran');
    const page = await t.http.get('/cerita?q=%00').set('Cookie', session.cookie).set('Accept', 'text/html');
    expect(page.status).toBe(400);
    expect(page.headers['content-type']).toMatch(/text\/html/);
    expect(page.text).toMatch(/Permintaan tidak valid/);
  });

  it.each([
    ['gzip', Buffer.from('this is not gzip at all')],
    ['gzip', zlib.gzipSync('{"unitCode": "x"}').subarray(0, 12)],
    ['br', Buffer.from('not brotli either, no')],
    ['deflate', Buffer.from('nor deflate')],
  ])('refuses a JSON body with Content-Encoding %s that does not decode', async (encoding, body) => {
    for (const caller of [undefined, operator]) {
      let request = t.http.post('/api/v1/complaints').set('Content-Type', 'application/json').set('Content-Encoding', encoding);
      if (caller) request = request.set(bearer(caller));
      const response = await request.send(body);
      isProblem(response);
      expect(response.body.code).toBe('body_encoding_invalid');
    }
  });
});
