/**
 * The publish gate (issue 16), independent of drafting: every string that would become public
 * (release and post texts, headline, slug, photo alt texts, a quote card's words) is checked with
 * the detectors and against the story's own citizens' stored personal data, at approval and again
 * right before anything becomes public. A finding holds that surface; it names the field and the
 * class of what was found, never the value.
 *
 * Pure: no I/O. publish-gate.service.ts loads what it checks and decides what a finding does.
 */
import { createHash } from 'node:crypto';
import { type DetectionContext, findPersonalData, type KnownCitizen } from '../intake/privacy/pii-masker';
import { holdsMask } from '../intake/privacy/publishable-text';

/** What may be found: a personal-data class, a mask placeholder, or a sensitive-case rule. */
export type GateClass = 'nik' | 'phone' | 'email' | 'plate' | 'address' | 'bank' | 'name' | 'placeholder' | 'locality' | 'age' | 'initials' | 'emoji';

/** One publishable string: where it would appear and what it says. */
export interface PublicText {
  /** "website", "x", ..., "story", "photo", "quote_card". */
  surface: string;
  /** "title", "body", "slug", "alt[0]", "text". */
  field: string;
  text: string;
}

export interface GateFinding {
  surface: string;
  field: string;
  class: GateClass;
  /** SHA-256 (hex) of the exact text: a release is bound to it, so an edit voids it. */
  textSha256: string;
}

export interface GateContext {
  citizens: readonly KnownCitizen[];
  allowedNumbers: readonly string[];
  /** A sensitive case: its places below the city must not appear, nor ages, initials or emoji. */
  sensitive: boolean;
  placesBelowCity: readonly string[];
  /** Releases already given: "surface|field|sha256". */
  released: ReadonlySet<string>;
}

export const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
export const releaseKey = (f: Pick<GateFinding, 'surface' | 'field' | 'textSha256'>) => `${f.surface}|${f.field}|${f.textSha256}`;

const EMOJI = /\p{Extended_Pictographic}/u;
const AGE = /\(\s*\d{1,2}\s*(?:th|thn|tahun)?\s*\)|\b(?:berusia|berumur|usia|umur)\s+\d{1,3}\b|\b\d{1,2}\s*(?:tahun|thn)\b(?!\s+(?:lalu|silam|terakhir|ke|ini|depan|anggaran))/i;
const INITIALS = /\b(?:ber)?inisial\b|\b[A-Z]{2,3}\s*\(\s*\d/;

function sensitiveFindings(text: string, ctx: GateContext): GateClass[] {
  const out: GateClass[] = [];
  const lower = text.toLowerCase();
  if (ctx.placesBelowCity.some((p) => p.trim().length >= 3 && new RegExp(`\\b${p.trim().toLowerCase().replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`).test(lower))) {
    out.push('locality');
  }
  if (AGE.test(text)) out.push('age');
  if (INITIALS.test(text)) out.push('initials');
  if (EMOJI.test(text)) out.push('emoji');
  return out;
}

/** Every finding in these texts that no release covers. */
export function checkPublicTexts(texts: readonly PublicText[], ctx: GateContext): GateFinding[] {
  const detection: DetectionContext = { citizens: ctx.citizens, allowedNumbers: ctx.allowedNumbers };
  const out: GateFinding[] = [];
  for (const t of texts) {
    if (!t.text) continue;
    const classes = new Set<GateClass>();
    for (const hit of findPersonalData(t.text, detection)) classes.add(hit.kind);
    if (holdsMask(t.text)) classes.add('placeholder');
    if (ctx.sensitive) for (const c of sensitiveFindings(t.text, ctx)) classes.add(c);
    if (classes.size === 0) continue;
    const textSha256 = sha256(t.text);
    for (const cls of classes) {
      const finding = { surface: t.surface, field: t.field, class: cls, textSha256 };
      if (!ctx.released.has(releaseKey(finding))) out.push(finding);
    }
  }
  return out;
}

const CLASS_LABELS: Record<GateClass, string> = {
  nik: 'NIK', phone: 'nomor telepon', email: 'alamat e-mail', plate: 'nomor polisi kendaraan', address: 'alamat rumah',
  bank: 'nomor rekening atau dompet digital', name: 'nama warga yang tidak boleh disebut', placeholder: 'penanda data yang disamarkan',
  locality: 'nama kelurahan/kecamatan pada kasus sensitif', age: 'usia pada kasus sensitif', initials: 'inisial pada kasus sensitif',
  emoji: 'emoji pada kasus sensitif',
};

const SURFACE_LABELS: Record<string, string> = {
  website: 'rilis', x: 'X', instagram: 'Instagram', facebook: 'Facebook', tiktok: 'TikTok', whatsapp: 'WhatsApp', telegram: 'Telegram',
  story: 'cerita', photo: 'foto', quote_card: 'kartu kutipan',
};

/** "rilis (body): nomor telepon": where and what, in Indonesian, never the value. */
export function describeFinding(f: Pick<GateFinding, 'surface' | 'field' | 'class'>): string {
  return `${SURFACE_LABELS[f.surface] ?? f.surface} (${f.field}): ${CLASS_LABELS[f.class]}`;
}
