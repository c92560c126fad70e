import { FeedParseError, parseFeed } from '../../src/tracking/polling/parse-feed';
import { corpus } from './support/hostile-bodies';

/**
 * Hostile partner feeds (corpus/partner-feeds.json) through the tracking module's parser, the
 * one place partner XML is read: entity tricks are refused, malformed input is a
 * FeedParseError (never a crash or a hang), parsed items stay bounded and inert, and
 * Object.prototype is untouched.
 */
interface FeedCase {
  name: string;
  xml: string;
  expect: 'refused' | 'items' | 'any';
  max?: number;
}

const generated: Record<string, () => string> = {
  $huge: () => `<rss version="2.0"><channel><item><title>${'J'.repeat(2_000_000)}</title><description>${'isi '.repeat(1_000_000)}</description></item></channel></rss>`,
  $many: () => `<rss version="2.0"><channel>${Array.from({ length: 10_000 }, (_, i) => `<item><title>Berita ${i}</title><link>https://mitra.example/${i}</link></item>`).join('')}</channel></rss>`,
  $nested700k: () => `<rss version="2.0"><channel><item><title>x</title><description>${'<a>'.repeat(700_000)}${'</a>'.repeat(700_000)}</description></item></channel></rss>`,
  $deep: () => `<rss version="2.0"><channel><item><title>x</title><description>${'<a>'.repeat(20_000)}${'</a>'.repeat(20_000)}</description></item></channel></rss>`,
};

describe('hostile partner feeds', () => {
  const { cases } = corpus<{ cases: FeedCase[] }>('partner-feeds');
  const prototypeBaseline = Object.getOwnPropertyNames(Object.prototype).sort();

  it.each(cases.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const xml = generated[c.xml]?.() ?? c.xml;
    const started = Date.now();
    const outcome = await parseFeed(xml).then((items) => ({ items }), (error: unknown) => ({ error }));
    expect(Date.now() - started).toBeLessThan(30_000);
    if ('error' in outcome) {
      expect(outcome.error).toBeInstanceOf(FeedParseError);
      expect(c.expect).not.toBe('items');
      expect((outcome.error as Error).message).not.toMatch(/root:x:0:0|\/etc\/passwd|at \w+ \(/);
      return;
    }
    expect(c.expect).not.toBe('refused');
    expect(outcome.items.length).toBeLessThanOrEqual(c.max ?? 200);
    for (const item of outcome.items) {
      const text = JSON.stringify(item);
      expect(text).not.toMatch(/root:x:0:0|lollollol/);
      expect((item.title ?? '').length).toBeLessThanOrEqual(500);
      expect(item.text.length).toBeLessThanOrEqual(200_000);
      expect((item.summary ?? '').length).toBeLessThanOrEqual(1000);
      expect(Object.getPrototypeOf(item)).toBe(Object.prototype);
      // issue 17: a partner's link is shown as a link in the console: http(s) or nothing
      if (item.link !== null) expect(item.link).toMatch(/^https?:\/\//);
    }
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeBaseline);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
