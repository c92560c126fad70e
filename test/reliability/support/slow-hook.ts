import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A webhook receiver for channel posts: /ok answers 200 after `delayMs` (so that dispatchers
 * are mid-call most of the time), /hang takes the request and never answers. Counts posts by
 * their Idempotency-Key (the publication id).
 */
export class SlowHook {
  readonly keys = new Map<string, number>();
  private readonly server = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      const key = String(req.headers['idempotency-key'] ?? '');
      this.keys.set(key, (this.keys.get(key) ?? 0) + 1);
      if (req.url?.startsWith('/hang')) return; // never answered; destroyed at close()
      setTimeout(() => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ id: `post-${key.slice(0, 8)}` }));
      }, this.delayMs);
    });
  });

  constructor(private readonly delayMs = 300) {}

  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  received(): number {
    return [...this.keys.values()].reduce((a, b) => a + b, 0);
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }
}
