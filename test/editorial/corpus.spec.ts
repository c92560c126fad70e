import fs from 'node:fs';
import path from 'node:path';
import { CHANNEL_RULES, CHANNELS } from '../../src/drafting/channels';
import { loadDefaultTemplates } from '../../src/drafting/engine/default-templates';
import { Drafter, type RenderedDraft } from '../../src/drafting/engine/drafter';
import { emptyVariantMemory } from '../../src/drafting/engine/variants';
import { editorialFindings } from '../../src/drafting/lint/editorial-lint';
import { channelLength } from '../../src/drafting/lint/text-measure';
import { AKRONIM, KATA_TUGAS, SINGKATAN_CHAT } from '../../src/drafting/rapikan/kamus';
import { buildStoryView } from '../../src/drafting/view-model/build-story-view';
import type { StoryView } from '../../src/drafting/view-model/story-view';
import { COMPLAINT_CATEGORIES } from '../../src/intake/dto/complaint.dto';
import { SERVICE_TYPES } from '../../src/intake/dto/feedback.dto';
import { ACTIVITY_TYPES } from '../../src/intake/dto/achievement.dto';
import { type CorpusEntry, inputText, loadCorpus } from '../data/editorial/corpus';
import { updateGolden } from '../support/golden';

/**
 * The editorial corpus (issue 18): every input drafted on every channel, compared with golden
 * drafts an editor has read, and checked for what an editor must never have to correct.
 */
const BASE = 'https://humas.example.go.id';
const GOLDEN = path.resolve(__dirname, '../data/editorial/golden');
const { engine, defaults } = loadDefaultTemplates();
const drafter = new Drafter(engine);
const corpus = loadCorpus();

interface Drafted {
  entry: CorpusEntry;
  view: StoryView;
  drafts: RenderedDraft[];
}
const drafted: Drafted[] = corpus.map((entry) => {
  const view = buildStoryView(entry.source, BASE);
  return { entry, view, drafts: drafter.draftAll(view, defaults) };
});
const cases = drafted.flatMap((d) => d.drafts.map((draft) => [`${d.entry.id} ${draft.channel}`, d, draft] as const));

/** Headlines as each channel shows them. */
function headlineOf(draft: RenderedDraft): string | null {
  if (draft.channel === 'website') return draft.title;
  const first = draft.body.split('\n')[0];
  if (draft.channel === 'whatsapp') return /^\*(.+)\*$/.exec(first)?.[1] ?? null;
  if (draft.channel === 'facebook' || draft.channel === 'telegram') return first;
  return null;
}

/** Words of a headline that break Indonesian title case. */
function titleCaseErrors(headline: string): string[] {
  const errors: string[] = [];
  headline.split(' ').forEach((word, i, all) => {
    const core = word.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
    if (!core || /^[\d@#]/.test(core) || AKRONIM.has(core) || /\p{Lu}/u.test(core.slice(1))) return;
    const afterColon = i > 0 && /[:–-]$/.test(all[i - 1]);
    if (i > 0 && !afterColon && KATA_TUGAS.has(core.toLowerCase())) {
      if (core !== core.toLowerCase()) errors.push(word);
    } else if (!/^\p{Lu}/u.test(core)) errors.push(word);
  });
  return errors;
}

/** Words a template may only say when the input gives the fact: draft word -> evidence in the input. */
const RISKY: [RegExp, RegExp][] = [
  [/\bremaja\b/i, /remaja/], [/\bpemuda\b/i, /pemuda/], [/\bpelajar\b/i, /pelajar|siswa/], [/\bmahasiswa\b/i, /mahasiswa/],
  [/\b(?:dibubarkan|bubarkan|membubarkan)\b/i, /bubar|melerai/], [/\b(?:dibina|pembinaan|membina)\b/i, /bina/],
  [/\b(?:peredaran|pengedar|diedarkan|mengedarkan)\b/i, /edar|transaksi|jual|bandar|kurir/],
  [/\b(?:diamankan|amankan|mengamankan|ditangkap|tangkap)\b/i, /aman|tangkap|bekuk|ringkus|tahan|dibawa ke polsek/],
  [/\b(?:dikembalikan|kembalikan|mengembalikan|kembali ke pemilik|kembali kepada pemilik|kembali ke tangan)/i, /kembali|serah|balik/],
  [/\b(?:ditemukan|temukan|menemukan)\b/i, /temu/], [/\bselamat\b/i, /selamat|sehat/], [/\bsenjata tajam\b/i, /senjata|sajam|celurit|parang/],
  [/\btersangka\b/i, /tersangka/], [/\b(?:ditambal|diperbaiki|perbaikan)\b/i, /tambal|perbai|uruk|aspal/], [/\brambu\b/i, /rambu/],
  [/\b(?:pendampingan|didampingi|mendampingi)\b/i, /damping|psikolog|uptd|rumah aman|trauma/], [/\btuntas\b/i, /tuntas/],
  [/\bkeluarga\b/i, /keluarga|orang tua|orangtua|anak/], [/\bsabu\b/i, /sabu/], [/\bganja\b/i, /ganja/], [/\bpertolongan\b/i, /pertolongan|dibawa ke|dievakuasi|dilarikan|rsud|puskesmas/],
  [/\bsurat keterangan\b/i, /surat keterangan/], [/\barus (?:kembali )?lancar|terurai\b/i, /lancar|normal|urai/],
];
/** For complaints only: elsewhere "bebas pungutan liar" is the unit's commitment in a closing, not a fact of the case. */
const RISKY_COMPLAINT: [RegExp, RegExp][] = [[/\bpungutan liar|pungli\b/i, /pungli|pungutan|uang|minta/]];

const CHAT_WORD = new RegExp(`(?<![\\p{L}\\p{N}@#/._-])(?:${Object.keys(SINGKATAN_CHAT).join('|')})(?![\\p{L}\\p{N}])`, 'iu');
const EMOJI = /\p{Extended_Pictographic}/u;

describe('editorial corpus', () => {
  it('has at least 60 inputs over every category, kind and zone, a third of them messy', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(60);
    const categories = new Set(corpus.filter((e) => e.kind === 'complaint').map((e) => e.input.category));
    for (const c of [...COMPLAINT_CATEGORIES, 'kekerasan_seksual', 'perlindungan_anak']) expect([c, categories.has(c)]).toEqual([c, true]);
    const services = new Set(corpus.filter((e) => e.kind === 'feedback').map((e) => e.input.serviceType));
    for (const s of SERVICE_TYPES) expect([s, services.has(s)]).toEqual([s, true]);
    const activities = new Set(corpus.filter((e) => e.kind === 'achievement').map((e) => e.input.activityType));
    for (const a of ACTIVITY_TYPES) expect([a, activities.has(a)]).toEqual([a, true]);
    expect(new Set(corpus.map((e) => e.source.units[0].timezone)).size).toBe(3);
    expect(corpus.filter((e) => e.messy).length * 3).toBeGreaterThanOrEqual(corpus.length);
  });

  it.each(drafted.map((d) => [d.entry.id, d] as const))('matches the golden drafts of %s', (id, d) => {
    const text = d.drafts.map((x) => `===== ${x.channel}\n${x.title ? `# ${x.title}\n` : ''}${x.body}\n`).join('\n');
    const file = path.join(GOLDEN, `${id}.txt`);
    if (updateGolden() || !fs.existsSync(file)) {
      fs.mkdirSync(GOLDEN, { recursive: true });
      fs.writeFileSync(file, text);
    }
    expect(text).toBe(fs.readFileSync(file, 'utf8'));
  });

  describe.each(cases)('%s', (_name, d, draft) => {
    const all = `${draft.title ?? ''}\n${draft.body}`;

    it('fits its channel with no blocking lint finding and nothing left unfilled', () => {
      expect(channelLength(draft.channel, draft.body)).toBeLessThanOrEqual(CHANNEL_RULES[draft.channel].maxLength);
      expect(draft.lint.filter((f) => f.severity === 'error')).toEqual([]);
      expect(all).not.toMatch(/\bundefined\b|\bnull\b|\bNaN\b|\[object Object\]|\{\{|\}\}|disamarkan\]/);
    });

    it('has no chat abbreviation, no run of capitals and no sentence twice', () => {
      const findings: { code: string }[] = [];
      editorialFindings(all, 'body', findings as never);
      expect(findings.map((f) => f.code).filter((c) => c !== 'long_sentence')).toEqual([]);
      expect(draft.body.replace(/https?:\/\/\S+|[@#]\S+/g, '')).not.toMatch(CHAT_WORD);
    });

    it('writes its headline in Indonesian title case', () => {
      const headline = headlineOf(draft);
      if (headline !== null) expect(titleCaseErrors(headline)).toEqual([]);
    });

    it('says no risky fact the input does not give', () => {
      const input = inputText(d.entry);
      for (const [word, evidence] of d.entry.kind === 'complaint' ? [...RISKY, ...RISKY_COMPLAINT] : RISKY) {
        if (word.test(all)) expect([String(word), evidence.test(input)]).toEqual([String(word), true]);
      }
    });

    it('claims speed only when it was fast', () => {
      if (d.view.complaint && !d.view.complaint.cepat.penanganan && !d.view.complaint.cepat.respons) {
        expect(all).not.toMatch(/\b(?:dalam|kurang dari) \d+ (?:menit|jam|hari)\b|Gerak Cepat|Cepat tanggap/i);
      }
      expect(all).not.toMatch(/Gerak Cepat|Tuntaskan/);
    });

    it('keeps sensitive cases neutral: no place below the city, no age, no initials, no emoji, no boast', () => {
      if (!d.view.sensitive) return;
      const loc = d.entry.input.location as { subdistrict: string; district: string; city: string };
      for (const place of [loc.subdistrict, loc.district].filter((p) => p.toLowerCase() !== loc.city.toLowerCase())) expect(all.toLowerCase()).not.toContain(` ${place.toLowerCase()}`);
      expect(all).not.toMatch(/\(\d{1,2}\)|\bberusia\b|\b\d{1,2} tahun\b/);
      expect(all).not.toMatch(/\b[A-Z]{2,3} \(|\b[A-Z]\.[A-Z]\./);
      expect(all).not.toMatch(EMOJI);
      expect(all).not.toMatch(/\b(?:berhasil|cepat|sigap|Gerak Cepat|Tuntaskan)\b/i);
    });
  });

  it('gives the same unit\'s consecutive stories of one category different headlines and short lines', () => {
    const base = corpus.find((e) => e.id === 'c01-curanmor-kebayoran')!;
    const recent: Record<string, number>[] = [];
    const headlines = new Set<string>();
    const xPosts = new Set<string>();
    for (let n = 0; n < 4; n++) {
      const source = { ...base.source, story: { ...base.source.story, id: `5e1ec7ed-0000-4000-8000-9000000000${n}0` } };
      const memory = { ...emptyVariantMemory(), recent: [...recent].reverse() };
      const drafts = drafter.draftAll(buildStoryView(source, BASE), defaults, { variants: memory });
      headlines.add(drafts[0].title!);
      xPosts.add(drafts.find((x) => x.channel === 'x')!.body.split('\n')[0]);
      recent.push(memory.chosen);
    }
    expect(headlines.size).toBe(4);
    expect(xPosts.size).toBe(4);
  });

  it('keeps every channel covered', () => {
    for (const d of drafted) expect(d.drafts.map((x) => x.channel)).toEqual([...CHANNELS]);
  });
});
