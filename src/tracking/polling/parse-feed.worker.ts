import { parentPort } from 'node:worker_threads';
import { FeedParseError, parseFeed } from './parse-feed';

/** The worker thread of parseFeedOffThread: parses one feed and answers with its items or the refusal. */
export type FeedParseReply =
  | { items: Awaited<ReturnType<typeof parseFeed>> }
  | { error: { code: FeedParseError['code'] | null; message: string } };

if (parentPort) {
  const port = parentPort;
  port.once('message', (xml: string) => {
    parseFeed(xml).then(
      (items) => port.postMessage({ items } satisfies FeedParseReply),
      (error: unknown) => port.postMessage({ error: { code: error instanceof FeedParseError ? error.code : null, message: String((error as Error)?.message ?? error) } } satisfies FeedParseReply),
    );
  });
}
