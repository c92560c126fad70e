import { bearer, createTestApp, type TestApp } from '../support/test-app';

/** Problem+json, validation, body limits, headers, OpenAPI coverage, health and metrics. */
describe('HTTP conventions', () => {
  let t: TestApp;
  let admin: string;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.login('admin');
  });
  afterAll(() => t.close());

  const expectProblem = (body: Record<string, unknown>, status: number, code: string) => {
    expect(body).toMatchObject({ type: `urn:gaung:problem:${code}`, status, code, title: expect.any(String) });
  };

  it('lists every bad field in a validation problem', async () => {
    const response = await t.http
      .post('/api/v1/units')
      .set(bearer(admin))
      .send({ code: 'lower case', name: '', level: 'kodam', city: 7, timezone: 'Asia/Tokyo', handles: { instagram: 'a b', myspace: 'x' }, hashtags: ['no-hash'], unknown: 1 })
      .expect(400);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expectProblem(response.body, 400, 'validation_failed');
    const fields = new Set(response.body.errors.map((e: { field: string }) => e.field));
    for (const field of ['code', 'name', 'level', 'city', 'timezone', 'handles.instagram', 'handles.myspace', 'hashtags', 'unknown']) {
      expect(fields).toContain(field);
    }
    const [{ count }] = await t.dataSource.query(`SELECT count(*)::int AS count FROM unit WHERE code = 'lower case'`);
    expect(count).toBe(0);
  });

  it('answers malformed JSON, wrong content types and oversized bodies as problems', async () => {
    const malformed = await t.http.post('/api/v1/units').set(bearer(admin)).set('Content-Type', 'application/json').send('{"code": ').expect(400);
    expectProblem(malformed.body, 400, 'malformed_json');
    expect(JSON.stringify(malformed.body)).not.toMatch(/at position|SyntaxError|node_modules/);

    const text = await t.http.post('/api/v1/units').set(bearer(admin)).set('Content-Type', 'text/plain').send('code=X').expect(415);
    expectProblem(text.body, 415, 'unsupported_media_type');

    const huge = await t.http.post('/api/v1/units').set(bearer(admin)).send({ name: 'x'.repeat(600_000) }).expect(413);
    expectProblem(huge.body, 413, 'payload_too_large');
  });

  it('answers unknown routes and missing auth as problems', async () => {
    expectProblem((await t.http.get('/api/v1/no-such-thing').set(bearer(admin)).expect(404)).body, 404, 'not_found');
    expectProblem((await t.http.get('/api/v1/units').expect(401)).body, 401, 'unauthenticated');
    expectProblem((await t.http.get('/api/v1/units').set('Authorization', 'Bearer nonsense').expect(401)).body, 401, 'invalid_token');
    expectProblem((await t.http.get('/api/v1/units').set('Authorization', 'Basic abc').expect(401)).body, 401, 'invalid_token');
  });

  it('answers a browser lost outside the API with a page, and the API with problem+json whatever it accepts', async () => {
    const page = await t.http.get('/konsol/tidak-ada').set('Accept', 'text/html,application/xhtml+xml').expect(404);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.text).toContain('Halaman tidak ditemukan');
    expect(page.text).not.toMatch(/<script|style=/);
    const api = await t.http.get('/api/v1/no-such-thing').set('Accept', 'text/html').expect(404);
    expect(api.headers['content-type']).toMatch(/^application\/problem\+json/);
    const feed = await t.http.get('/feeds/no-such-feed.xml').set('Accept', 'text/html').expect(404);
    expect(feed.headers['content-type']).toMatch(/^application\/problem\+json/);
    expectProblem((await t.http.get('/konsol/tidak-ada').expect(404)).body, 404, 'not_found');
  });

  it('never puts stacks or SQL in a response', async () => {
    const response = await t.http.get('/api/v1/audit?beforeSeq=1e99999').set(bearer(admin));
    expect(response.status).toBeLessThan(500);
    expect(JSON.stringify(response.body)).not.toMatch(/SELECT|stack|\.ts:\d+/);
  });

  it('sends security headers', async () => {
    const response = await t.http.get('/health').expect(200);
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['content-security-policy']).toMatch(/default-src 'self'/);
    expect(response.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(response.headers['x-powered-by']).toBeUndefined();
  });

  it('reports health with a database check', async () => {
    const { body } = await t.http.get('/health').expect(200);
    expect(body).toMatchObject({ status: 'ok', details: { database: { status: 'up' } } });
  });

  it('exposes Prometheus metrics', async () => {
    await t.http.get('/api/v1/units').set(bearer(admin)).expect(200);
    const response = await t.http.get('/metrics').expect(200);
    expect(response.headers['content-type']).toMatch(/^text\/plain/);
    expect(response.text).toMatch(/gaung_http_request_duration_seconds_count\{method="GET",route="\/api\/v1\/units",status="200"\} \d+/);
    expect(response.text).toMatch(/gaung_process_resident_memory_bytes/);
  });

  it('documents every API route in OpenAPI', async () => {
    const { body: document } = await t.http.get('/docs-json').expect(200);
    const documented = new Set<string>();
    for (const [path, operations] of Object.entries(document.paths as Record<string, object>)) {
      for (const method of Object.keys(operations)) documented.add(`${method.toUpperCase()} ${path}`);
    }
    const router = t.app.getHttpAdapter().getInstance().router as { stack: { route?: { path: string; methods: Record<string, boolean> } }[] };
    const routes = router.stack
      .filter((layer) => layer.route && (layer.route.path.startsWith('/api/') || ['/health', '/metrics'].includes(layer.route.path)))
      .flatMap((layer) => Object.keys(layer.route!.methods).map((m) => `${m.toUpperCase()} ${layer.route!.path.replace(/:(\w+)/g, '{$1}')}`));
    expect(routes.length).toBeGreaterThan(15);
    expect(routes.filter((r) => !documented.has(r))).toEqual([]);
    const html = await t.http.get('/docs/').expect(200);
    expect(html.text).toMatch(/swagger/i);
  });
});
