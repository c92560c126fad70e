import http, { type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/** One request as the fake API received it. */
export interface ReceivedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  raw: Buffer;
  text: string;
  json(): any;
  /** The multipart body parsed as a fetch Request would (fields and files). */
  form(): Promise<FormData>;
}

/** An answer: JSON with a status and headers; 'hang' = take the request and never answer; 'reset' = drop the connection. */
export type FakeReply = { status: number; body?: unknown; headers?: Record<string, string> } | 'hang' | 'reset';
type Route = FakeReply | ((request: ReceivedRequest) => FakeReply);

/**
 * A local stand-in for a channel API on 127.0.0.1 (port 0): answers per "METHOD /path" route
 * (404 otherwise) and records every request, so tests can check each one as the API documents it.
 */
export class FakeChannelApi {
  readonly requests: ReceivedRequest[] = [];
  private readonly routes = new Map<string, Route>();
  private readonly sockets = new Set<Socket>();

  private constructor(private readonly server: http.Server) {}

  static async start(): Promise<FakeChannelApi> {
    const server = http.createServer();
    const fake = new FakeChannelApi(server);
    server.on('connection', (socket) => {
      fake.sockets.add(socket);
      socket.on('close', () => fake.sockets.delete(socket));
    });
    server.on('request', (req, res) => fake.handle(req, res));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return fake;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** Sets the answer of "METHOD /path" (the path without the query). */
  on(route: string, reply: Route): this {
    this.routes.set(route, reply);
    return this;
  }

  /** The requests to one route, in order. */
  to(route: string): ReceivedRequest[] {
    return this.requests.filter((r) => `${r.method} ${r.path}` === route);
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private handle(req: http.IncomingMessage, res: http.ServerResponse): void {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const received = toReceived(req, Buffer.concat(chunks));
      this.requests.push(received);
      const route = this.routes.get(`${received.method} ${received.path}`);
      const reply = typeof route === 'function' ? route(received) : (route ?? { status: 404, body: { error: 'no such route' } });
      if (reply === 'hang') return;
      if (reply === 'reset') return void req.socket.destroy();
      res.writeHead(reply.status, { 'content-type': 'application/json', ...reply.headers });
      res.end(reply.body === undefined ? '' : JSON.stringify(reply.body));
    });
  }
}

function toReceived(req: http.IncomingMessage, raw: Buffer): ReceivedRequest {
  const url = new URL(req.url ?? '/', 'http://fake');
  const text = raw.toString('utf8');
  return {
    method: req.method ?? '',
    path: url.pathname,
    query: url.searchParams,
    headers: req.headers,
    raw,
    text,
    json: () => JSON.parse(text),
    form: () => new Request('http://fake/', { method: 'POST', headers: { 'content-type': String(req.headers['content-type']) }, body: new Uint8Array(raw) }).formData(),
  };
}

/** The address of a port nothing listens on (a server bound then closed): connections are refused. */
export async function closedPortUrl(): Promise<string> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}
