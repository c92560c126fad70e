import fc from 'fast-check';
import fs from 'node:fs';
import path from 'node:path';
import twitterText from 'twitter-text';
import { updateGolden } from '../../../test/support/golden';
import { complaintSource, UNITS } from '../../../test/support/story-sources';
import { CHANNEL_RULES, CHANNELS } from '../channels';
import { channelLength } from '../lint/text-measure';
import { SAMPLE_SOURCES } from '../samples';
import { buildStoryView } from '../view-model/build-story-view';
import type { StorySource } from '../view-model/story-source';
import { loadDefaultTemplates } from './default-templates';
import { Drafter, normalise } from './drafter';

const BASE = 'https://humas.example.go.id';
const GOLDEN = path.resolve(__dirname, '../../../test/golden/drafts');
const { engine, defaults } = loadDefaultTemplates();
const drafter = new Drafter(engine);
const draftAll = (source: StorySource) => drafter.draftAll(buildStoryView(source, BASE), defaults);

describe('Drafter', () => {
  /** Golden files: a template change shows as a reviewable diff. UPDATE_GOLDEN=1 rewrites them. */
  const goldenSources: [string, StorySource][] = [
    ['complaint-curanmor', complaintSource()],
    ['complaint-sample', SAMPLE_SOURCES.complaint[1]],
    ['feedback-sample', SAMPLE_SOURCES.feedback[0]],
    ['achievement-sample', SAMPLE_SOURCES.achievement[0]],
  ];
  it.each(goldenSources)('matches the golden drafts of %s', (name, source) => {
    const text = draftAll(source).map((d) => `===== ${d.channel} (variant ${d.variant})\n${d.title ? `# ${d.title}\n` : ''}${d.body}\n`).join('\n');
    const file = path.join(GOLDEN, `${name}.txt`);
    if (updateGolden() || !fs.existsSync(file)) fs.writeFileSync(file, text);
    expect(text).toBe(fs.readFileSync(file, 'utf8'));
  });

  it('renders every sample of every kind on every channel within its limits and without lint errors', () => {
    for (const sources of Object.values(SAMPLE_SOURCES)) {
      for (const source of sources) {
        for (const draft of draftAll(source)) {
          expect(channelLength(draft.channel, draft.body)).toBeLessThanOrEqual(CHANNEL_RULES[draft.channel].maxLength);
          expect(draft.lint.filter((f) => f.severity === 'error')).toEqual([]);
          expect(draft.body).not.toMatch(/undefined|\[object Object\]|\{\{/);
        }
      }
    }
  });

  it('uses the unit\'s zone: WITA in Makassar, WIT in Jayapura', () => {
    const makassar = draftAll(complaintSource({}, [UNITS.makassar]));
    expect(makassar[0].body).toMatch(/pukul 09\.12 WITA/);
    const jayapura = draftAll(complaintSource({}, [UNITS.jayapura]));
    expect(jayapura[0].body).toMatch(/pukul 10\.12 WIT\b/);
  });

  it('chooses variants deterministically per story, and differently across stories', () => {
    const a = draftAll(complaintSource());
    expect(draftAll(complaintSource())).toEqual(a);
    const titles = new Set<string>();
    for (let i = 0; i < 12; i++) {
      const source = complaintSource();
      source.story.id = `3f2a1b4c-0000-4000-8000-${String(i).padStart(12, '0')}`;
      titles.add(draftAll(source)[0].title!);
    }
    expect(titles.size).toBeGreaterThan(1);
  });

  it('writes a different headline for each category', () => {
    const categories = ['curanmor', 'tawuran', 'narkoba', 'premanisme', 'pungli', 'kemacetan', 'kecelakaan', 'jalan_rusak', 'kehilangan', 'lainnya'];
    const titles = categories.map((category) => draftAll(complaintSource({ category }))[0].title);
    expect(new Set(titles).size).toBe(categories.length);
  });

  it('fits long stories into each channel by construction', () => {
    const long = complaintSource({
      summary: 'Warga melaporkan kejadian panjang. '.repeat(120),
      resolution: 'Petugas menangani dengan saksama dan tuntas. '.repeat(120),
      quote: 'Sangat berterima kasih atas bantuan yang cepat dan ramah dari petugas. '.repeat(40),
    }, [{ ...UNITS.kebayoran, name: 'Polsek Kebayoran Baru Wilayah Hukum Jakarta Selatan Yang Sangat Panjang Sekali Namanya' }, UNITS.jaksel, UNITS.metro]);
    for (const draft of draftAll(long)) {
      expect(channelLength(draft.channel, draft.body)).toBeLessThanOrEqual(CHANNEL_RULES[draft.channel].maxLength);
      expect(draft.lint.filter((f) => f.code === 'too_long' || f.code === 'title_too_long')).toEqual([]);
    }
    const x = draftAll(long).find((d) => d.channel === 'x')!;
    expect(twitterText.parseTweet(x.body).valid).toBe(true);
    expect(x.body).toContain(`${BASE}/rilis/`);
  });

  it('renders hostile source text as inert text', () => {
    const hostile = complaintSource({
      summary: 'Warga <script>alert(1)</script> melapor {{constructor.constructor "return process"}} \u202Eterbalik\u202C dan 😀👮🏽‍♀️ serta ' + 'x'.repeat(3000),
      resolution: '{{#each this}}{{/each}} ]]> &amp; <b>tebal</b>',
      quote: '{{> complaint-tahapan}}',
      stages: [{ at: '2026-10-25T02:00:00Z', label: '{{unit.name}} <img src=x onerror=alert(1)>' }],
    });
    const drafts = draftAll(hostile);
    const website = drafts[0].body;
    expect(website).toContain('<script>alert(1)</script>');
    expect(website).toContain('{{constructor.constructor "return process"}}');
    expect(website).toContain('{{#each this}}{{/each}}');
    expect(website).toContain('{{unit.name}} <img');
    expect(website).toContain('😀👮🏽‍♀️');
    for (const draft of drafts) expect(channelLength(draft.channel, draft.body)).toBeLessThanOrEqual(CHANNEL_RULES[draft.channel].maxLength);
    expect(drafts.find((d) => d.channel === 'website')!.lint.map((f) => f.code)).toContain('placeholder');
  });

  it('mentions the unit\'s and its parents\' handles without duplicates, and adds #PolriPresisi once', () => {
    const instagram = draftAll(complaintSource()).find((d) => d.channel === 'instagram')!.body;
    expect(instagram).toContain('@polsek_kebayoranbaru @polres_jaksel @poldametrojaya');
    expect(instagram.match(/#PolriPresisi/g)).toHaveLength(1);
  });

  it('covers every kind and channel with a default template', () => {
    expect(defaults.size).toBe(3 * CHANNELS.length);
  });
});

describe('normalise', () => {
  /** The rule in its plainest form, one regex for every input (what the fast path must equal). */
  const reference = (text: string) => text
    .replace(/[ \t]*(?:(?:\r\n?|\n)[ \t]*)+|[ \t]{2,}|\t/g, (run) => {
      const lf = run.includes('\n') ? run : run.replace(/\r/g, '\n');
      const breaks = lf.split('\n').length - 1;
      return breaks === 0 ? ' ' : breaks === 1 ? '\n' : '\n\n';
    })
    .trim();
  const text = (chars: string[]) => fc.array(fc.constantFrom(...chars), { maxLength: 40 }).map((a) => a.join(''));

  it('turns runs of blanks into one space, and of line breaks into a newline or one blank line', () => {
    expect(normalise('  Judul  \n\n\n  Isi \t satu\n \nIsi dua\nakhir \n')).toBe('Judul\n\nIsi satu\n\nIsi dua\nakhir');
    expect(normalise('a\r\n\r\nb\rc')).toBe('a\n\nb\nc');
  });

  it('equals the one-regex rule for any mix of spaces, tabs, line breaks and text', () => {
    fc.assert(fc.property(text([' ', '\n', 'a', '(', '\u00a0']), (t) => normalise(t) === reference(t)), { numRuns: 5000 });
    fc.assert(fc.property(text([' ', '\t', '\n', '\r', 'a', '\u2028']), (t) => normalise(t) === reference(t)), { numRuns: 5000 });
  });
});
