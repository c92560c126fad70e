import http from 'node:http';
import type { AddressInfo } from 'node:net';
import zlib from 'node:zlib';

export interface FeedItem {
  guid?: string;
  title: string;
  link?: string;
  description?: string;
  pubDate?: string;
}

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function rss(items: FeedItem[], title = 'Berita Mitra'): string {
  const body = items.map((i) => `<item>${i.guid ? `<guid isPermaLink="false">${escape(i.guid)}</guid>` : ''}<title>${escape(i.title)}</title>`
    + `${i.link ? `<link>${escape(i.link)}</link>` : ''}${i.description ? `<description>${escape(i.description)}</description>` : ''}`
    + `${i.pubDate ? `<pubDate>${i.pubDate}</pubDate>` : ''}</item>`).join('');
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>${escape(title)}</title><link>http://mitra.example/</link>${body}</channel></rss>`;
}

const BILLION_LAUGHS = `<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 ${Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i || ''};`.repeat(10)}">`).join('\n ')}
]>
<rss version="2.0"><channel><title>&lol9;</title><item><title>&lol9;</title><guid>bomb</guid></item></channel></rss>`;

const PROTO = `<?xml version="1.0"?><rss version="2.0"><channel><title>Proto</title><__proto__><polluted>yes</polluted></__proto__>
<item><title>Item dengan proto</title><guid>proto-1</guid><__proto__><polluted>yes</polluted></__proto__>
<constructor><prototype><polluted>yes</polluted></prototype></constructor></item></channel></rss>`;

/**
 * Local partner-feed servers, friendly and hostile, for the poller tests. Counts requests per
 * path (the two-instance test checks a feed is fetched once per occurrence) and how many bytes
 * of the endless bodies it managed to send before the client gave up.
 */
export class FeedServer {
  items: FeedItem[] = [];
  etag = '"v1"';
  readonly hits = new Map<string, number>();
  /** Bytes written on endless responses before the client hung up. */
  readonly sent = new Map<string, number>();
  readonly requests: { path: string; headers: http.IncomingHttpHeaders }[] = [];
  /** Bodies served as they are at their path (hostile feeds a test makes). */
  readonly raw = new Map<string, string>();
  private server?: http.Server;
  private readonly open = new Set<http.ServerResponse>();
  port = 0;
  /** 50 MB of feed once decompressed, about 50 KB on the wire (made once: gzip takes a while). */
  private gzipBomb = Buffer.alloc(0);

  get base(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async start(): Promise<string> {
    this.gzipBomb = zlib.gzipSync(Buffer.concat([Buffer.from('<rss version="2.0"><channel><title>'), Buffer.alloc(50 * 1024 * 1024, 0x61), Buffer.from('</title></channel></rss>')]));
    this.server = http.createServer((req, res) => this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
    return this.base;
  }

  async stop(): Promise<void> {
    for (const res of this.open) res.destroy();
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }

  private handle(req: http.IncomingMessage, res: http.ServerResponse): void {
    const path = (req.url ?? '/').split('?')[0];
    this.hits.set(path, (this.hits.get(path) ?? 0) + 1);
    this.requests.push({ path, headers: req.headers });
    const xml = (body: string | Buffer, headers: Record<string, string> = {}) => {
      res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8', ...headers });
      res.end(body);
    };
    const redirect = (to: string) => {
      res.writeHead(302, { location: to });
      res.end();
    };
    let m: RegExpExecArray | null;
    const raw = this.raw.get(path);
    if (raw !== undefined) {
      xml(raw);
    } else if (path === '/feed.xml' || path === '/feed-b.xml') {
      if (req.headers['if-none-match'] === this.etag) {
        res.writeHead(304, { etag: this.etag });
        res.end();
        return;
      }
      const body = rss(this.items);
      if (/gzip/.test(String(req.headers['accept-encoding']))) xml(zlib.gzipSync(body), { etag: this.etag, 'content-encoding': 'gzip' });
      else xml(body, { etag: this.etag });
    } else if (path === '/atom.xml') {
      xml(`<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Atom Mitra</title>${this.items.map((i) =>
        `<entry><id>${escape(i.guid ?? i.link ?? i.title)}</id><title>${escape(i.title)}</title>${i.link ? `<link href="${escape(i.link)}"/>` : ''}<summary>${escape(i.description ?? '')}</summary><updated>2026-11-20T03:00:00Z</updated></entry>`).join('')}</feed>`,
      { 'content-type': 'application/atom+xml' });
    } else if (path === '/huge') {
      this.endless(res, path, { 'content-type': 'application/rss+xml' });
    } else if (path === '/huge-declared') {
      this.endless(res, path, { 'content-type': 'application/rss+xml', 'content-length': String(50 * 1024 * 1024) });
    } else if (path === '/gzip-bomb') {
      xml(this.gzipBomb, { 'content-encoding': 'gzip' });
    } else if (path === '/drip') {
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      this.open.add(res);
      res.write('<rss version="2.0"><channel>');
      const timer = setInterval(() => res.write(' '), 100);
      res.on('close', () => {
        clearInterval(timer);
        this.open.delete(res);
      });
    } else if ((m = /^\/redirect\/(\d+)$/.exec(path))) {
      const n = Number(m[1]);
      redirect(n > 0 ? `/redirect/${n - 1}` : '/feed.xml');
    } else if (path === '/to-loopback') {
      redirect(`http://127.0.0.1:${this.port}/feed.xml`);
    } else if (path === '/to-metadata') {
      redirect('http://169.254.169.254/latest/meta-data/');
    } else if (path === '/to-ftp') {
      redirect('ftp://127.0.0.1/feed.xml');
    } else if (path === '/malformed.xml') {
      xml('<rss version="2.0"><channel><title>Rusak</title><item><title>Tidak ditutup</item></channel>');
    } else if (path === '/bomb.xml') {
      xml(BILLION_LAUGHS);
    } else if (path === '/proto.xml') {
      xml(PROTO);
    } else if (path === '/not-xml') {
      xml('{"this": "is json"}', { 'content-type': 'application/json' });
    } else if (path === '/error') {
      res.writeHead(500);
      res.end('boom');
    } else {
      res.writeHead(404);
      res.end();
    }
  }

  /** 50 MB of feed-looking bytes, written as fast as the client reads, until it hangs up. */
  private endless(res: http.ServerResponse, path: string, headers: Record<string, string>): void {
    res.writeHead(200, headers);
    this.open.add(res);
    const chunk = Buffer.alloc(64 * 1024, 0x20);
    let sent = 0;
    const write = () => {
      while (sent < 50 * 1024 * 1024) {
        sent += chunk.length;
        this.sent.set(path, sent);
        if (!res.write(chunk)) return void res.once('drain', write);
      }
      res.end();
    };
    res.on('close', () => this.open.delete(res));
    write();
  }
}
