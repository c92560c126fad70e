import { findPersonalData, mayContainPersonalData } from '../../intake/privacy/pii-masker';
import { CHANNEL_RULES, type Channel } from '../channels';
import { editorialFindings } from './editorial-lint';
import type { StoryView } from '../view-model/story-view';
import type { LintFinding } from './lint-finding';
import { channelLength, exceedsLimit, hashtagsOver } from './text-measure';

export interface DraftText {
  channel: Channel;
  title: string | null;
  body: string;
}

export interface LintContext {
  hasImage: boolean;
  /**
   * Set when a pre-check over all of a story's drafts at once found nothing of that shape, so
   * each draft need not be scanned again (drafting lints seven texts per story, thousands a second).
   */
  clean?: { personalData: boolean; shapes: boolean };
  /**
   * Skip the editorial findings (chat abbreviations, long or repeated sentences, capitals): set
   * by drafting for the posts, whose text comes from the same mended parts as the release that
   * is checked; an edit or a preview checks every channel.
   */
  skipEditorial?: boolean;
}

/**
 * Pre-checks over a story's drafts together: true = nothing of that kind can be in any of them.
 * Personal data reaches a draft rendered from the shipped templates only through the view's own
 * text (the masked summary, quote, alt text...): when that holds none, no draft can, and the seven
 * drafts (some 8 KB, thousands of stories a second) are not scanned one by one. A unit's override
 * template is text of its own, so its drafts always are.
 */
export function cleanTexts(texts: readonly string[], view?: StoryView, defaultTemplates = false): NonNullable<LintContext['clean']> {
  let shapes = true;
  for (const text of texts) {
    SHAPES.lastIndex = 0;
    if (SHAPES.test(text)) {
      shapes = false;
      break;
    }
  }
  const personalData = view !== undefined && defaultTemplates ? !viewHasPersonalData(view) : !texts.some(mayContainPersonalData);
  return { personalData, shapes };
}

/** Every free text of a view, one per line, checked at once. */
function viewHasPersonalData(view: StoryView): boolean {
  const parts: (string | null | undefined)[] = [view.title, view.imageAlt, view.citizen?.withLocality];
  const c = view.complaint;
  if (c) parts.push(c.summary, c.resolution, c.quote, c.location.subdistrict, c.location.district, c.location.city, ...c.stages.map((s) => s.label));
  const f = view.feedback;
  if (f) parts.push(f.quote);
  const a = view.achievement;
  if (a) {
    parts.push(a.title, a.narrative, a.location.place, a.location.city, a.leaderLabel, ...a.superiorLabels, ...a.othersLabels);
    for (const q of a.quotes) parts.push(q.text, q.speakerLabel);
  }
  const text = parts.filter((p): p is string => !!p).join('\n');
  return mayContainPersonalData(text) && findPersonalData(text).length > 0;
}

const PII_LABELS: Record<string, string> = {
  nik: 'NIK', phone: 'nomor telepon', email: 'alamat e-mail', plate: 'nomor polisi kendaraan', address: 'alamat rumah',
  bank: 'nomor rekening atau dompet digital', name: 'nama warga', idnum: 'nomor identitas (NPWP, paspor, SIM, BPJS...)', social: 'akun media sosial warga',
};

/**
 * One pass for the text-shape findings: left-overs of a template that did not get its value
 * (errors), doubled spaces and empty parentheses (warnings).
 */
const SHAPES =
  /(?<placeholder>\bundefined\b|\bnull\b|\bNaN\b|\[object Object\]|\{\{|\}\})|(?<mask>\[[^\]\n]{1,40} disamarkan\])|(?<space> {2,})|(?<parens>\(\s*\))/g;

function shapeFindings(text: string, field: 'title' | 'body', out: LintFinding[]): void {
  for (const m of text.matchAll(SHAPES)) {
    const at = { field, start: m.index, end: m.index + m[0].length };
    if (m.groups!.placeholder) out.push({ code: 'placeholder', severity: 'error', message: `Isian templat tidak terisi: "${m[0]}".`, ...at });
    // a reader who sees "[... disamarkan]" sees the police hiding something: the sentence is rewritten instead
    else if (m.groups!.mask) out.push({ code: 'mask_placeholder', severity: 'error', message: 'Penanda data yang disamarkan tidak boleh terbit: tulis ulang atau hapus kalimat ini.', ...at });
    else if (m.groups!.space) out.push({ code: 'double_space', severity: 'warning', message: 'Spasi ganda.', ...at });
    else out.push({ code: 'empty_parentheses', severity: 'warning', message: 'Tanda kurung kosong.', ...at });
  }
}

/** Checks one draft against its channel's rules and the privacy rules (DESIGN.md §8). */
export function lintDraft(draft: DraftText, context: LintContext): LintFinding[] {
  const rule = CHANNEL_RULES[draft.channel];
  const findings: LintFinding[] = [];
  const over = exceedsLimit(draft.channel, draft.body);
  // graphemes are counted only when the UTF-16 length could be over a limit (the segmenter is costly)
  const length = over || (rule.maxCaption && draft.body.length > rule.maxCaption) ? channelLength(draft.channel, draft.body) : 0;
  if (over) {
    findings.push({ code: 'too_long', severity: 'error', field: 'body', message: `Teks ${length} karakter, melebihi batas ${rule.maxLength} untuk kanal ini.` });
  }
  if (rule.maxCaption && context.hasImage && length > rule.maxCaption) {
    findings.push({ code: 'caption_too_long', severity: 'warning', field: 'body', message: `Keterangan foto dibatasi ${rule.maxCaption} karakter; teks akan dikirim terpisah dari foto.` });
  }
  if (rule.maxTitle && (draft.title ?? '').length > rule.maxTitle) {
    findings.push({ code: 'title_too_long', severity: 'error', field: 'title', message: `Judul ${draft.title!.length} karakter, melebihi ${rule.maxTitle}.` });
  }
  if (rule.maxTitle && !draft.title?.trim()) {
    findings.push({ code: 'title_missing', severity: 'error', field: 'title', message: 'Rilis belum memiliki judul.' });
  }
  const hashtags = rule.maxHashtags ? hashtagsOver(draft.body, rule.maxHashtags) : null;
  if (rule.maxHashtags && hashtags !== null) {
    const severity = draft.channel === 'x' ? 'warning' : 'error';
    findings.push({ code: 'too_many_hashtags', severity, field: 'body', message: `${hashtags} tagar; batas kanal ini ${rule.maxHashtags}.` });
  }
  if (rule.needsImage && !context.hasImage) {
    findings.push({ code: 'image_missing', severity: 'warning', message: 'Kanal ini memerlukan gambar: unggah foto atau buat kartu kutipan, atau kecualikan kanal ini saat persetujuan.' });
  }
  // a text over its limit must be cut first: its sentences are judged once it fits
  if (!context.skipEditorial && !over) {
    if (draft.title) editorialFindings(draft.title, 'title', findings);
    editorialFindings(draft.body, 'body', findings);
  }
  if (context.clean?.personalData && context.clean.shapes) return findings;
  if (draft.title) textFindings(draft.title, 'title', context, findings);
  if (draft.body) textFindings(draft.body, 'body', context, findings);
  return findings;
}

/** Personal data and text shapes in one field, unless the story-wide pre-check cleared them. */
function textFindings(text: string, field: 'title' | 'body', context: LintContext, out: LintFinding[]): void {
  if (!context.clean?.personalData) for (const hit of findPersonalData(text)) {
    out.push({ code: 'personal_data', severity: 'error', field, start: hit.start, end: hit.end, message: `Terdeteksi ${PII_LABELS[hit.kind] ?? 'data pribadi'}: hapus atau samarkan sebelum terbit.` });
  }
  if (!context.clean?.shapes) shapeFindings(text, field, out);
}
