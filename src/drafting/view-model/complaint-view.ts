import { durasi } from '../helpers';
import { potongKalimat } from '../rapikan/kalimat';
import { rapikan } from '../rapikan/rapikan';
import { complaintFacts, kelompokTawuran, PIDANA, speedOf, zatNarkoba } from './complaint-facts';
import { CATEGORY_LABELS, INTAKE_CHANNEL_LABELS } from './labels';
import type { ComplaintRow } from './story-source';
import type { ComplaintView, StageView } from './story-view';

/** How a report reached the police, said after "Laporan diterima ...". */
const MELALUI: Record<string, string> = {
  spkt: 'melalui SPKT', call_center_110: 'melalui Call Center 110', whatsapp: 'melalui WhatsApp', social_media: 'melalui media sosial',
  app: 'melalui aplikasi pengaduan',
};

/** The category as a noun phrase mid-sentence ("laporan pencurian sepeda motor"). */
const JENIS: Record<string, string> = {
  curanmor: 'pencurian sepeda motor', tawuran: 'tawuran', narkoba: 'narkoba', premanisme: 'premanisme', pungli: 'pungutan liar',
  kemacetan: 'kemacetan', kecelakaan: 'kecelakaan lalu lintas', jalan_rusak: 'jalan rusak', kehilangan: 'kehilangan', pencurian: 'pencurian',
  penipuan: 'penipuan', kdrt: 'kekerasan dalam rumah tangga', judi: 'perjudian', orang_hilang: 'orang hilang',
  gangguan_ketertiban: 'gangguan ketertiban', kekerasan_seksual: 'kekerasan seksual', perlindungan_anak: 'kekerasan terhadap anak',
  perdagangan_orang: 'perdagangan orang', lainnya: 'warga',
};

/** What a sensitive release asks people to report: "melaporkan <this>". */
const LAPORKAN: Record<string, string> = {
  kdrt: 'kekerasan dalam rumah tangga', kekerasan_seksual: 'kekerasan seksual', perlindungan_anak: 'kekerasan terhadap anak',
  orang_hilang: 'anak hilang', narkoba: 'penyalahgunaan narkoba', perdagangan_orang: 'perdagangan orang',
};

/** Whom a sensitive release protects by leaving names and places out. */
const DILINDUNGI: Record<string, string> = { orang_hilang: 'anak', narkoba: 'pelapor' };

/** A stage label that only says the report came in: the receipt sentence already tells it. */
const RECEIPT_LABEL = /^(?:laporan|aduan|pengaduan|informasi|mention|pesan|telepon|panggilan|warga datang|pelapor datang)\b[^.]{0,50}?\b(?:diterima|masuk|dibuat|datang|ke spkt|melapor)\b/i;

const MENIT = 60_000;

/** A place typed all in lower case or all in capitals gets each word capitalised ("sei sikambing b"). */
function namaTempat(place: string): string {
  const text = place.replace(/\s+/g, ' ').trim();
  if (/\p{Lu}/u.test(text) && /\p{Ll}/u.test(text)) return text;
  return text.toLocaleLowerCase('id-ID').replace(/(^|[\s(-])(\p{L})/gu, (_m, at: string, letter: string) => at + letter.toLocaleUpperCase('id-ID'));
}

export function tidyLocation(location: ComplaintRow['location']): ComplaintRow['location'] {
  return { subdistrict: namaTempat(location.subdistrict ?? ''), district: namaTempat(location.district ?? ''), city: namaTempat(location.city ?? '') };
}

/**
 * The summary when it reads as a sentence of a release: a chat-style note ("ada tabrakan, tolong
 * cepat!!", "kena tipu modus kurir + klik link") is left out; the lead and the resolution tell it.
 */
function latarOf(summary: string): string | null {
  if (/[!?+&]|\p{L}2\b/u.test(summary)) return null;
  return summary.split(' ').length >= 4 ? summary : null;
}

export interface ComplaintInput {
  row: ComplaintRow;
  unitName: string;
  sensitive: boolean;
  names: readonly string[];
  stages: StageView[];
  receivedAt: Date;
}

/** The complaint part of the view model: mended text, the facts it states, and what speed may be told. */
export function complaintView(input: ComplaintInput): ComplaintView {
  const { row: c, sensitive, names } = input;
  const receivedAt = input.receivedAt;
  const resolvedAt = new Date(c.resolved_at);
  const operator = { baku: true, namaDiri: names };
  const summary = rapikan(c.summary, operator);
  const resolution = rapikan(c.resolution, operator);
  const firstAction = input.stages.find((s) => s.at.getTime() > receivedAt.getTime());
  const responseMs = firstAction ? firstAction.at.getTime() - receivedAt.getTime() : null;
  const resolutionMs = resolvedAt.getTime() - receivedAt.getTime();
  // a label of one or two words ("olah tkp") is a note, not a sentence to print
  const stages = input.stages.filter((s) => !RECEIPT_LABEL.test(s.label) && s.label.trim().split(/\s+/).length >= 3).map((s) => ({ ...s, label: rapikan(s.label, operator), jeda: null as string | null }));
  const cepat = speedOf(c.category, responseMs, resolutionMs, sensitive);
  if (cepat.respons && stages[0] && responseMs !== null && stages[0].at.getTime() - receivedAt.getTime() === responseMs) {
    stages[0].jeda = durasi(Math.max(responseMs, MENIT));
  }
  const text = `${summary} ${resolution} ${stages.map((s) => s.label).join(' ')}`.toLowerCase();
  const quote = c.quote ? rapikan(c.quote, { namaDiri: names, tanpaEmoji: true }) : null;
  const place = [c.location.subdistrict, c.location.district].filter((p, i, all) => p && p !== c.location.city && all.indexOf(p) === i);
  return {
    category: c.category,
    categoryLabel: CATEGORY_LABELS[c.category] ?? 'Laporan Warga',
    jenis: JENIS[c.category] ?? 'warga',
    laporkan: LAPORKAN[c.category] ?? 'tindak kejahatan',
    dilindungi: DILINDUNGI[c.category] ?? 'korban',
    pidana: PIDANA.has(c.category),
    channelLabel: INTAKE_CHANNEL_LABELS[c.channel] ?? c.channel,
    melalui: MELALUI[c.channel] ?? `secara langsung di ${input.unitName}`,
    receivedAt,
    resolvedAt,
    responseMs,
    resolutionMs,
    location: c.location,
    tempat: place.join(', '),
    summary,
    latar: latarOf(summary),
    resolution,
    stages,
    quote: quote || null,
    quotePendek: quote ? potongKalimat(quote, 160) : null,
    cepat,
    fakta: complaintFacts(text),
    kelompok: c.category === 'tawuran' ? kelompokTawuran(text) : null,
    zat: c.category === 'narkoba' ? zatNarkoba(text) : null,
  };
}
