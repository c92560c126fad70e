import { createHash, randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/** One request as a fake platform received it. */
export interface PlatformRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: http.IncomingHttpHeaders;
  /** Form fields (application/x-www-form-urlencoded) or the query for GET. */
  form: URLSearchParams;
  json: Record<string, unknown>;
}

export interface PlatformReply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

type Handler = (request: PlatformRequest) => PlatformReply;

export const token = (prefix: string) => `${prefix}${randomBytes(18).toString('base64url')}`;
/** RFC 7636 S256: BASE64URL(SHA256(ASCII(code_verifier))). */
export const s256 = (verifier: string) => createHash('sha256').update(verifier).digest('base64url');
export const redirect = (to: string, params: Record<string, string>): PlatformReply => {
  const url = new URL(to);
  for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
  return { status: 302, headers: { location: url.toString() } };
};

/**
 * The HTTP frame of the platform fakes: a local server on 127.0.0.1 that routes by method and
 * path (patterns with :params), records every request and answers JSON. Each platform fake
 * keeps its own state (codes, tokens, posts) and implements the documented protocol on top.
 */
export class FakePlatform {
  readonly requests: PlatformRequest[] = [];
  private readonly routes: { method: string; pattern: RegExp; keys: string[]; handler: (r: PlatformRequest, p: Record<string, string>) => PlatformReply }[] = [];
  private readonly sockets = new Set<Socket>();
  private server?: http.Server;

  route(method: string, path: string, handler: (r: PlatformRequest, params: Record<string, string>) => PlatformReply): void {
    const keys: string[] = [];
    const pattern = new RegExp(`^${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/:(\w+)/g, (_m, key: string) => (keys.push(key), '([^/]+)'))}$`);
    this.routes.push({ method, pattern, keys, handler });
  }

  async start(): Promise<this> {
    const server = http.createServer((req, res) => this.handle(req, res));
    server.on('connection', (socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    this.server = server;
    return this;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}`;
  }

  /** Requests to a path (without the query), in order. */
  to(method: string, path: string | RegExp): PlatformRequest[] {
    return this.requests.filter((r) => r.method === method && (typeof path === 'string' ? r.path === path : path.test(r.path)));
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }

  private handle(req: http.IncomingMessage, res: http.ServerResponse): void {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://fake');
      const raw = Buffer.concat(chunks).toString('utf8');
      const type = String(req.headers['content-type'] ?? '');
      const request: PlatformRequest = {
        method: req.method ?? 'GET', path: url.pathname, query: url.searchParams, headers: req.headers,
        form: type.startsWith('application/x-www-form-urlencoded') ? new URLSearchParams(raw) : url.searchParams,
        json: type.startsWith('application/json') && raw ? (JSON.parse(raw) as Record<string, unknown>) : {},
      };
      this.requests.push(request);
      let reply: PlatformReply = { status: 404, body: { error: 'no such route' } };
      for (const route of this.routes) {
        const match = route.method === request.method ? route.pattern.exec(request.path) : null;
        if (!match) continue;
        const params = Object.fromEntries(route.keys.map((k, i) => [k, decodeURIComponent(match[i + 1])]));
        reply = route.handler(request, params);
        break;
      }
      res.writeHead(reply.status, { 'content-type': 'application/json', ...reply.headers });
      res.end(reply.body === undefined ? '' : JSON.stringify(reply.body));
    });
  }
}

/** A registered OAuth client of a fake platform. */
export interface FakeApp {
  clientId: string;
  clientSecret: string;
  redirectUri: string;
}

/** HTTP Basic client credentials (RFC 6749 §2.3.1: form-urlencoded id and secret). */
export function basicCredentials(header: string | undefined): { id: string; secret: string } | null {
  const match = /^Basic (.+)$/i.exec(header ?? '');
  if (!match) return null;
  const [id, secret] = Buffer.from(match[1], 'base64').toString('utf8').split(':');
  return { id: decodeURIComponent(id.replace(/\+/g, ' ')), secret: decodeURIComponent((secret ?? '').replace(/\+/g, ' ')) };
}

export const bearerOf = (request: PlatformRequest): string | null => /^Bearer (.+)$/.exec(String(request.headers.authorization ?? ''))?.[1] ?? null;
