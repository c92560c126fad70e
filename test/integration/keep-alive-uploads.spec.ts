import { execFile } from 'node:child_process';
import fs from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { createMediaTestApp } from '../support/media';
import { noisyPhoto, pngBomb } from '../support/images';

const run = promisify(execFile);

/**
 * Issue 17 item 15: server timeouts for running behind a load balancer, and uploads refused early
 * (too large, too many pixels, wrong type) reaching real keep-alive clients (Node's fetch, Python
 * requests, curl) as their 4xx problem, with the next request on the same connection answered.
 */
describe('keep-alive connections and refused uploads', () => {
  let t: Awaited<ReturnType<typeof createMediaTestApp>>;
  let base: string;
  let token: string;
  let connections = 0;
  let serverClosed = () => 0;
  const files: Record<string, string> = {};
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gaung-keepalive-'));

  beforeAll(async () => {
    t = await createMediaTestApp({ MEDIA_MAX_BYTES: String(1024 * 1024), MEDIA_MAX_PIXELS: '4000000' });
    const server = t.app.getHttpServer() as Server;
    let closedByServer = 0;
    server.on('connection', (socket) => {
      connections++;
      socket.on('close', () => socket.readableEnded || closedByServer++);
    });
    serverClosed = () => closedByServer;
    await t.app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    token = await t.login('operator.kebayoran');
    const write = (name: string, data: Buffer) => (files[name] = path.join(dir, name)) && fs.writeFileSync(files[name], data);
    write('large.jpg', Buffer.concat([await noisyPhoto(64, 64), Buffer.alloc(3 * 1024 * 1024, 7)]));
    write('bomb.png', pngBomb(5_000));
    write('text.jpg', Buffer.from('bukan gambar sama sekali'));
  });
  afterAll(async () => {
    await t?.cleanup();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const EXPECTED: Record<string, number[]> = { 'large.jpg': [413], 'bomb.png': [413, 422], 'text.jpg': [415, 422] };

  it('keeps idle connections longer than a load balancer does, and headersTimeout above it', () => {
    const server = t.app.getHttpServer() as Server;
    expect(server.keepAliveTimeout).toBe(65_000);
    expect(server.headersTimeout).toBe(66_000);
    expect(server.headersTimeout).toBeGreaterThan(server.keepAliveTimeout);
  });

  it('Node fetch (undici, kept-alive): each refusal is its problem, and the next request on the connection is answered', async () => {
    // Node's fetch (undici) keeps connections alive by default. After the first early refusal it
    // sends the next request on a second connection while it still counts the first as busy;
    // neither is closed by the server, and the four requests after that open none.
    const before = connections;
    const closedBefore = serverClosed();
    let afterFirstPair = 0;
    for (const name of Object.keys(EXPECTED)) {
      const form = new FormData();
      form.append('file', new Blob([fs.readFileSync(files[name])], { type: name.endsWith('.png') ? 'image/png' : 'image/jpeg' }), name);
      const refused = await fetch(`${base}/api/v1/media`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
      expect(EXPECTED[name]).toContain(refused.status);
      expect(refused.headers.get('content-type')).toMatch(/problem\+json/);
      expect((await refused.json()).status).toBe(refused.status);
      const next = await fetch(`${base}/health`);
      expect(next.status).toBe(200);
      await next.arrayBuffer();
      afterFirstPair ||= connections;
    }
    expect(connections - before).toBeLessThanOrEqual(2);
    expect(connections).toBe(afterFirstPair);
    expect(serverClosed() - closedBefore).toBe(0);
  });

  it('Python requests (one Session): the same', async () => {
    const script = `
import json, sys, requests
base, token, files = sys.argv[1], sys.argv[2], json.loads(sys.argv[3])
s = requests.Session()
out = []
for name, file in files.items():
    with open(file, 'rb') as f:
        r = s.post(base + '/api/v1/media', headers={'Authorization': 'Bearer ' + token}, files={'file': (name, f, 'image/jpeg')})
    out.append([name, r.status_code, r.headers.get('content-type', ''), r.json().get('status')])
    h = s.get(base + '/health')
    out.append(['health', h.status_code, '', None])
print(json.dumps(out))
`;
    const before = connections;
    const { stdout } = await run('/usr/bin/python3', ['-c', script, base, token, JSON.stringify(files)], { timeout: 60_000 });
    const answers: [string, number, string, number | null][] = JSON.parse(stdout);
    for (const [name, status, type, bodyStatus] of answers) {
      if (name === 'health') expect(status).toBe(200);
      else {
        expect(EXPECTED[name]).toContain(status);
        expect(type).toMatch(/problem\+json/);
        expect(bodyStatus).toBe(status);
      }
    }
    expect(answers).toHaveLength(6);
    expect(connections - before).toBe(1);
  });

  it('curl (several requests in one invocation): the same, on one connection', async () => {
    const args: string[] = ['-sS', '--http1.1'];
    for (const name of Object.keys(EXPECTED)) {
      args.push('-o', '/dev/null', '-w', `${name} %{http_code} %{num_connects}\\n`, '-H', `Authorization: Bearer ${token}`, '-F', `file=@${files[name]};type=image/jpeg`, `${base}/api/v1/media`, '--next');
      args.push('-sS', '--http1.1', '-o', '/dev/null', '-w', 'health %{http_code} %{num_connects}\\n', `${base}/health`, '--next');
    }
    args.pop();
    const before = connections;
    const { stdout } = await run('curl', args, { timeout: 60_000 });
    const lines = stdout.trim().split('\n').map((line) => line.split(' '));
    expect(lines).toHaveLength(6);
    for (const [name, status] of lines) {
      if (name === 'health') expect(status).toBe('200');
      else expect(EXPECTED[name]).toContain(Number(status));
    }
    expect(connections - before).toBe(1);
  });
});
