import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { projectRoot } from '../../common/project-root';
import { FeedParseError, type ParsedItem } from './parse-feed';
import type { FeedParseReply } from './parse-feed.worker';

/** Longest a feed may take to parse before its worker is stopped. */
const PARSE_TIMEOUT_MS = 10_000;
const WORKER_LIMITS = { maxOldGenerationSizeMb: 128, maxYoungGenerationSizeMb: 16, stackSizeMb: 4 };

/**
 * parseFeed in a short-lived worker thread: a partner's feed (up to FEED_FETCH_MAX_BYTES) is
 * parsed, stripped and hashed off the event loop, so that a hostile or merely big feed never
 * delays /health or a request; a parse over PARSE_TIMEOUT_MS or the worker's memory is stopped
 * (terminate ends it wherever it is) and reported as a FeedParseError. Polls are minutes apart,
 * so a thread per feed costs little and keeps nothing in memory between polls.
 */
export function parseFeedOffThread(xml: string, timeoutMs = PARSE_TIMEOUT_MS): Promise<ParsedItem[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(workerScript(), { resourceLimits: WORKER_LIMITS, stdout: false, stderr: false });
    let settled = false;
    const finish = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      outcome();
    };
    const timer = setTimeout(() => finish(() => reject(new FeedParseError('too_complex', `parsing took longer than ${timeoutMs} ms`))), timeoutMs);
    worker.once('message', (reply: FeedParseReply) => finish(() => {
      if ('items' in reply) resolve(reply.items);
      else reject(reply.error.code ? new FeedParseError(reply.error.code, reply.error.message) : new Error(reply.error.message));
    }));
    worker.once('error', (error: Error & { code?: string }) => finish(() => reject(new FeedParseError('too_complex', `parsing stopped: ${error.code ?? error.message}`))));
    worker.once('exit', () => finish(() => reject(new FeedParseError('too_complex', 'the parser stopped'))));
    worker.postMessage(xml);
  });
}

/** Beside this file in dist/, or dist/'s copy when this file runs as TypeScript under Jest. */
function workerScript(): string {
  const beside = path.join(__dirname, 'parse-feed.worker.js');
  if (fs.existsSync(beside)) return beside;
  return path.join(projectRoot(), 'dist', 'src', 'tracking', 'polling', 'parse-feed.worker.js');
}
