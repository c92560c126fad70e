import { FixedClock } from '../../src/common/clock';
import { feedparser, jsonFeedErrors, rssParser, xmllint } from '../support/feed-clients';
import { complaintFor, FeedStories } from '../support/feed-stories';
import { createTestApp, type TestApp } from '../support/test-app';

// every control character PostgreSQL can store (it refuses NUL in text; the serialiser unit
// test, src/feeds/serializers/serializers.spec.ts, covers NUL and lone surrogates)
const CONTROLS = Array.from({ length: 31 }, (_, i) => String.fromCharCode(i + 1)).join('') + '\u007f';
const HOSTILE = `<script>alert("feed")</script> ]]> <![CDATA[x]]> &foo; &#0; &amp;lt;b&amp;gt; 🚓🇮🇩 \u202eكشف\u202c \u200f ${CONTROLS} <img src=x onerror=alert(1)>`;

describe('feeds with hostile story text', () => {
  const clock = new FixedClock(new Date('2026-11-20T02:00:00Z'));
  let t: TestApp;
  let id: string;

  beforeAll(async () => {
    t = await createTestApp({ clock, env: { DISPATCH_INTERVAL_MS: '0', FEED_CHECK_INTERVAL_MS: '100' } });
    const stories = new FeedStories(t);
    // what intake lets through, as a citizen or officer would type it
    id = await stories.published('complaints', complaintFor('POLSEK-KEBAYORAN-BARU', {
      category: 'curanmor', summary: `Warga menulis ${HOSTILE.replace(/[\u0001-\u001f\u007f]/g, '')} dalam laporannya.`,
      resolution: `Petugas menjawab ]]> dan <script>alert(2)</script> 🚓.`,
    }));
    // and everything else, written straight into the release (an import, a corrected row)
    await t.dataSource.query(`UPDATE draft SET title = $2, body = $3 WHERE story_id = $1 AND channel = 'website'`,
      [id, `Judul ${HOSTILE}`, `JAKARTA SELATAN - ${HOSTILE}\n\nParagraf kedua ${HOSTILE}\n\n${CONTROLS}`]);
  });
  afterAll(() => t.close());

  const fetchFeed = async (path: string) => {
    // the database change reaches this instance's cache within a check interval
    for (let i = 0; i < 100; i++) {
      const body = (await t.http.get(path).set('Accept-Encoding', 'identity').expect(200)).text;
      if (body.includes('Paragraf kedua')) return body;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`${path} never showed the new text`);
  };

  it.each(['/feeds/rss.xml', '/feeds/atom.xml', '/feeds/units/POLRES-JAKSEL/rss.xml', '/feeds/categories/curanmor/atom.xml'])('%s stays valid for xmllint, feedparser and rss-parser, with inert HTML', async (path) => {
    const body = await fetchFeed(path);
    expect(xmllint(body)).toBe('');
    expect(body).not.toMatch(/[\u0001-\u0008\u000B\u000C\u000E-\u001F\u007F]/);
    expect(body).not.toContain('<script');
    const parsed = feedparser(body);
    expect(parsed.bozo_exception).toBeNull();
    expect(Number(parsed.bozo)).toBe(0);
    const entry = parsed.entries.find((e) => e.id === `urn:uuid:${id}`)!;
    expect(entry.title).toContain('🚓🇮🇩');
    // issue 17: the Arabic letters stay, the bidi override around them does not
    expect(entry.title).toContain('كشف');
    expect(body).not.toMatch(/[\u202a-\u202e\u2066-\u2069\u200f]/);
    const feed = await rssParser(body);
    const item = (feed.items as unknown as Record<string, string>[]).find((i) => (i.guid ?? i.id) === `urn:uuid:${id}`)!;
    const html = item['content:encoded'] ?? item.content;
    // the HTML a reader renders holds the markup only as escaped text
    expect(html).toContain('&lt;script&gt;alert(&quot;feed&quot;)&lt;/script&gt;');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).not.toMatch(/<script|<img|<!\[CDATA/i);
    expect(html).toContain(']]&gt;');
    expect(html).toContain('&amp;amp;lt;b&amp;amp;gt;');
    expect(html).toContain('🚓🇮🇩');
    expect(entry.content[0]).not.toMatch(/<script|<img/i);
  });

  it('keeps JSON Feed valid, with the text intact but for the control characters', async () => {
    const json = JSON.parse(await fetchFeed('/feeds/feed.json'));
    expect(jsonFeedErrors(json)).toEqual([]);
    const item = json.items.find((i: { id: string }) => i.id === `urn:uuid:${id}`);
    // the control characters and (issue 17) the invisible bidi controls go; everything else stays
    expect(item.title).toBe(`Judul ${HOSTILE.replace(/[\u0001-\u001f\u007f\u202a-\u202e\u200f]/g, '').replace(/\s+/g, ' ').trim()}`);
    expect(item.content_html).not.toMatch(/<script|<img/i);
    expect(item.content_html).toContain('&lt;script&gt;');
    expect(item.content_text).toContain('<script>alert("feed")</script>');
  });
});
