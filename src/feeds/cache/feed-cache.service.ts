import { Injectable } from '@nestjs/common';
import type { IncomingMessage, RequestListener, Server, ServerResponse } from 'node:http';
import { Clock } from '../../common/clock';
import { answer } from './conditional';
import { bodyHash, createEntry, type EntryOptions, type FeedEntry } from './feed-entry';

export interface Freshness {
  version: number;
  /** feed_state.changed_at of that version (database time, the same on every instance). */
  changedAt: number;
}

type Build = () => Promise<Omit<EntryOptions, 'key' | 'version' | 'lastModified'>>;

/**
 * This instance's feed bodies, each built once per content version (FeedChangeWatcher moves the
 * version when the database says content changed). Public entries are keyed by their URL path,
 * so the fast path finds them without routing; partner entries by partner, never by token.
 */
@Injectable()
export class FeedCache {
  private readonly entries = new Map<string, FeedEntry>();
  private readonly building = new Map<string, Promise<FeedEntry>>();
  /** The last body hash and Last-Modified per key, kept across versions: an unchanged body keeps its date. */
  private readonly history = new Map<string, { hash: string; lastModified: number }>();
  private freshness: Freshness | null = null;

  constructor(private readonly clock: Clock) {}

  get version(): number | null {
    return this.freshness?.version ?? null;
  }

  /** Content changed (or this is the first reading): every body is stale from now on. */
  moveTo(freshness: Freshness): boolean {
    if (this.freshness?.version === freshness.version) return false;
    this.freshness = freshness;
    this.entries.clear();
    return true;
  }

  /** A fresh entry for the key, or null. */
  fresh(key: string): FeedEntry | null {
    const entry = this.entries.get(key);
    if (!entry || entry.version !== this.freshness?.version) return null;
    if (entry.validUntil !== null && this.clock.now().getTime() >= entry.validUntil) return null;
    return entry;
  }

  /** The fresh entry, or builds it (once, however many requests ask at the same time). */
  obtain(key: string, build: Build): Promise<FeedEntry> {
    const entry = this.fresh(key);
    if (entry) return Promise.resolve(entry);
    const pending = this.building.get(key);
    if (pending) return pending;
    const promise = this.create(key, build).finally(() => this.building.delete(key));
    this.building.set(key, promise);
    return promise;
  }

  /**
   * The hot path: puts the cache in front of the HTTP server's own request listener (Express and
   * all of Nest). A GET or HEAD of a cached public feed is answered from precomputed buffers and
   * headers, with no routing, guards, body parsing or logging; any other request, and any miss,
   * goes to the listener unchanged, where FeedsController builds the body and fills the cache.
   * In front of Express rather than as its first middleware: Express 5's own per-request work
   * (router, request and response prototypes) costs several times what answering from memory does.
   */
  serveBefore(server: Server): void {
    const listeners = server.listeners('request') as RequestListener[];
    if (listeners.length !== 1) throw new Error(`expected one request listener on the HTTP server, found ${listeners.length}`);
    const [next] = listeners;
    server.removeListener('request', next);
    server.on('request', (request: IncomingMessage, response: ServerResponse) => {
      if (!this.tryAnswer(request, response)) next(request, response);
    });
  }

  /** Answers a GET or HEAD of a fresh cached public feed; false for anything else. */
  tryAnswer(request: IncomingMessage, response: ServerResponse): boolean {
    const url = request.url ?? '';
    if (url.charCodeAt(1) !== 102 /* f */ || !url.startsWith('/feeds/') || (request.method !== 'GET' && request.method !== 'HEAD')) return false;
    const query = url.indexOf('?');
    const entry = this.fresh(query < 0 ? url : url.slice(0, query));
    if (!entry) return false;
    answer(request, response, entry);
    return true;
  }

  private async create(key: string, build: Build): Promise<FeedEntry> {
    if (!this.freshness) throw new Error('FeedCache used before its first version was read');
    const version = this.freshness.version;
    const built = await build();
    const hash = bodyHash(built.body);
    const previous = this.history.get(key);
    // Last-Modified moves only when the bytes do, and always forward (HTTP dates have whole seconds)
    let lastModified = Math.floor(this.freshness.changedAt / 1000) * 1000;
    if (previous?.hash === hash) lastModified = previous.lastModified;
    else if (previous && lastModified <= previous.lastModified) lastModified = previous.lastModified + 1000;
    const entry = await createEntry({ ...built, key, version, lastModified });
    this.history.set(key, { hash, lastModified });
    // built from data older than a change noticed meanwhile: serve it to this request, do not keep it
    if (this.freshness.version === version) this.entries.set(key, entry);
    return entry;
  }
}
