import { feedparser, jsonFeedErrors, rssParser, xmllint } from '../../../test/support/feed-clients';
import { rfc3339, rfc822 } from '../feed-dates';
import type { FeedDocument, FeedItem } from '../feed-model';
import { cleanText, paragraphs, releaseHtml, summaryOf } from '../feed-text';
import { renderAtom } from './atom';
import { renderJsonFeed } from './json-feed';
import { renderRss } from './rss';

/** Every C0 control character, DEL, lone surrogates, noncharacters, plus markup and entity tricks. */
const CONTROLS = Array.from({ length: 32 }, (_, i) => String.fromCharCode(i)).join('');
const HOSTILE = `Judul <script>alert("x")</script> ]]> &foo; &#0; &amp; 🚓👮 \u202eRTL\u202c ${CONTROLS}\u007f \ud800 \udc00 \ufffe <img src=x onerror=alert(1)> '"`;

function documentWith(item: Partial<FeedItem>, format: FeedDocument['format']): FeedDocument {
  const parts = paragraphs(`JAKARTA SELATAN - ${HOSTILE}\n\n<b>tebal</b> ]]> ${CONTROLS}\n\nParagraf ${HOSTILE}`);
  return {
    format,
    title: `Feed ${HOSTILE}`,
    description: HOSTILE,
    selfUrl: 'https://humas.example.go.id/feeds/rss.xml?a=1&b=2',
    homeUrl: 'https://humas.example.go.id/rilis',
    hubUrl: 'https://hub.example.org/',
    timezone: 'Asia/Jakarta',
    updated: new Date('2026-11-20T03:00:00Z'),
    items: [{
      storyId: '7d6f7c1e-8a55-4d7e-9d47-1c1c1c1c1c1c',
      guid: 'urn:uuid:7d6f7c1e-8a55-4d7e-9d47-1c1c1c1c1c1c',
      url: 'https://humas.example.go.id/rilis/judul-7d6f7c1e',
      title: cleanText(HOSTILE),
      summary: summaryOf(parts),
      html: releaseHtml(parts),
      text: parts.join('\n\n'),
      published: new Date('2026-11-20T02:00:00Z'),
      updated: new Date('2026-11-20T03:00:00Z'),
      timezone: 'Asia/Makassar',
      unitCode: 'POLSEK-X',
      creator: `Humas ${cleanText(HOSTILE)}`,
      categories: [{ term: 'curanmor', label: `Label ${cleanText(HOSTILE)}` }],
      embargoUntil: new Date('2026-11-21T01:00:00Z'),
      photo: {
        alt: cleanText(HOSTILE),
        renditions: [{ name: 'web', type: 'image/jpeg', url: 'https://humas.example.go.id/media/1/web.jpg', width: 1600, height: 900, bytes: 12345 }],
        main: { name: 'web', type: 'image/jpeg', url: 'https://humas.example.go.id/media/1/web.jpg', width: 1600, height: 900, bytes: 12345 },
        thumbnail: { name: 'thumb', type: 'image/jpeg', url: 'https://humas.example.go.id/media/1/thumb.jpg', width: 400, height: 400, bytes: 999 },
      },
      ...item,
    }],
  };
}

describe('feed serialisers with hostile text', () => {
  it('removes what XML cannot carry and the bidi controls (issue 17), and keeps emoji and right-to-left letters', () => {
    const clean = cleanText(HOSTILE);
    expect(clean).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFFFE]/);
    expect(clean).not.toMatch(/[\uD800-\uDFFF](?![\uDC00-\uDFFF])/u);
    expect(clean).toContain('🚓👮');
    expect(clean).toContain(' RTL ');
    expect(clean).not.toMatch(/[\u202a-\u202e]/);
    expect(releaseHtml(['a <script>x</script> & b'])).toBe('<p>a &lt;script&gt;x&lt;/script&gt; &amp; b</p>');
  });

  it.each(['rss', 'atom'] as const)('%s is well-formed, parses without bozo, and its HTML is inert', async (format) => {
    const doc = documentWith({}, format);
    const xml = format === 'rss' ? renderRss(doc, 'https://humas.example.go.id/feeds/categories/') : renderAtom(doc, doc.selfUrl, 'https://humas.example.go.id/feeds/categories/');
    expect(xmllint(xml)).toBe('');
    const parsed = feedparser(xml);
    expect(parsed.bozo_exception).toBeNull();
    expect(Number(parsed.bozo)).toBe(0);
    const [entry] = parsed.entries;
    expect(entry.content[0]).not.toMatch(/<script|<img/i);
    // the markup arrives as text: escaped once inside the HTML
    const fromRss = await rssParser(xml);
    const html = (fromRss.items[0] as { 'content:encoded'?: string; content?: string })['content:encoded'] ?? fromRss.items[0].content!;
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).not.toMatch(/<script|<img/i);
    expect(html).toContain(']]&gt;');
    expect(html).toContain('&amp;foo;');
    expect(html).toContain('🚓👮');
    expect(entry.title).toContain('🚓👮');
    expect(entry.embargo ?? (fromRss.items[0] as { embargoUntil?: string }).embargoUntil).toBe('2026-11-21T09:00:00+08:00');
  });

  it('JSON Feed is valid JSON Feed 1.1 and keeps the text exact (minus what no document may carry)', () => {
    const doc = documentWith({}, 'json');
    const body = renderJsonFeed(doc);
    const json = JSON.parse(body);
    expect(jsonFeedErrors(json)).toEqual([]);
    expect(json.items[0].content_html).not.toMatch(/<script|<img/i);
    expect(json.items[0].title).toBe(cleanText(HOSTILE));
    expect(json.items[0]._gaung.embargo_until).toBe('2026-11-21T09:00:00+08:00');
    expect(json.hubs).toEqual([{ type: 'WebSub', url: 'https://hub.example.org/' }]);
  });

  it('writes dates in the unit zone', () => {
    const at = new Date('2026-10-25T09:40:00Z');
    expect(rfc822(at, 'Asia/Jakarta')).toBe('Sun, 25 Oct 2026 16:40:00 +0700');
    expect(rfc822(at, 'Asia/Makassar')).toBe('Sun, 25 Oct 2026 17:40:00 +0800');
    expect(rfc822(new Date('2026-10-25T20:00:00Z'), 'Asia/Jayapura')).toBe('Mon, 26 Oct 2026 05:00:00 +0900');
    expect(rfc3339(at, 'Asia/Jayapura')).toBe('2026-10-25T18:40:00+09:00');
  });
});
