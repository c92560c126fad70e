import fs from 'node:fs';
import path from 'node:path';
import { PICKUP_THRESHOLD, PickupMatcher, type CandidateStory } from './pickup-matcher';
import { contentWords, stripHtml } from './normalise';

/**
 * Data-driven: every test/data/pickups/*.json holds one published release and partner items
 * with what must come of them ("match" it, "certain" by link, "none"). Add a file to add a case.
 */
interface Case {
  story: { title: string; slug: string; body: string };
  items: { name: string; expect: 'match' | 'certain' | 'none'; title?: string; link?: string; text?: string }[];
}

const DIR = path.resolve(__dirname, '..', '..', '..', 'test', 'data', 'pickups');
const BASE = 'https://humas.example.go.id';
const files = fs.readdirSync(DIR).filter((f) => f.endsWith('.json')).sort();
const cases = files.map((file) => ({ file, ...(JSON.parse(fs.readFileSync(path.join(DIR, file), 'utf8')) as Case) }));
const stories: CandidateStory[] = cases.map((c, i) => ({ id: `story-${i}`, ...c.story, mediaIds: [`00000000-0000-4000-8000-${String(i).padStart(12, '0')}`] }));
const matcher = new PickupMatcher(stories, BASE);

describe('pickup matching (test/data/pickups)', () => {
  it('has a case for every published fixture story', () => {
    expect(cases.length).toBeGreaterThanOrEqual(21);
  });

  describe.each(cases.map((c, i) => [c.file, c, i] as const))('%s', (_file, c, i) => {
    it.each(c.items.map((item) => [item.name, item] as const))('%s', (_name, item) => {
      const found = matcher.match(item);
      if (item.expect === 'none') {
        expect(found).toBeNull();
        return;
      }
      expect(found).not.toBeNull();
      expect(found!.storyId).toBe(`story-${i}`);
      if (item.expect === 'certain') {
        expect(found).toMatchObject({ score: 1, certain: true, evidence: { signal: 'link' } });
      } else {
        expect(found!.certain).toBe(false);
        expect(found!.score).toBeGreaterThanOrEqual(PICKUP_THRESHOLD);
        expect(found!.evidence.sharedPhrases!.length).toBeGreaterThan(0);
      }
    });
  });
});

describe('pickup matching rules', () => {
  const story = stories[cases.findIndex((c) => c.file === 'complaints-polsek-kebayoran-baru.json')];

  it('is certain for a link to one of our photos, and only on our own address', () => {
    expect(matcher.match({ title: 'Foto', text: `<img src="${BASE}/media/${story.mediaIds![0]}/large.jpg">` })).toMatchObject({ storyId: story.id, certain: true });
    expect(matcher.match({ title: 'x', text: `https://evil.example.com/rilis/${story.slug}` })).toBeNull();
    expect(matcher.match({ title: 'x', text: `${BASE}/rilis/unknown-slug-00000000` })).toBeNull();
  });

  it('picks one story, the best, when an item quotes two', () => {
    const [a, b] = [cases[0].story, cases[1].story];
    const both = { title: a.title, text: `${a.body}\n\n${b.body.split('\n\n')[1]}` };
    expect(matcher.match(both)!.storyId).toBe(stories[0].id);
  });

  it('does not match on the boilerplate every release shares', () => {
    const boilerplate = 'Masyarakat dapat menyampaikan laporan atau aduan melalui Call Center 110 yang siap melayani 24 jam, '
      + 'sesuai semangat Polri yang Presisi. Personel diminta terus menjaga pelayanan yang humanis dengan senyum, sapa, dan salam.';
    expect(stories.filter((s) => s.body.includes('Call Center 110')).length).toBeGreaterThan(10);
    expect(matcher.match({ title: 'Imbauan Polri', text: boilerplate })).toBeNull();
  });

  it('matches the title alone only when it is nearly ours', () => {
    expect(matcher.match({ title: story.title, text: 'Berita selengkapnya menyusul.' })!.storyId).toBe(story.id);
    // the same template about another case and place is not ours
    expect(matcher.match({ title: 'Polsek Kebayoran Baru Tuntaskan Laporan Tawuran di Pancoran', text: 'Berita selengkapnya menyusul.' })).toBeNull();
  });

  it('normalises Indonesian text: case, diacritics, punctuation, stop words, HTML', () => {
    expect(contentWords('Polisi TELAH mengamankan  pelaku-nya di Pancorán, dan ini sudah!')).toEqual(['polisi', 'mengamankan', 'pelaku', 'pancoran']);
    expect(stripHtml('<p>Tawuran&nbsp;di <b>Cipete</b> &amp; &#8220;rel&#8221;</p>').trim()).toBe('Tawuran di  Cipete  & “rel”');
  });
});
