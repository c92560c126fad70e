import { jabatanPangkatNama, normalisasiPangkat } from '../helpers';
import { awalKecil } from '../engine/text-helpers';
import { kalimatKalimat, potongKalimat } from '../rapikan/kalimat';
import { rapikan, rapikanJudul } from '../rapikan/rapikan';
import { ACTIVITY_LABELS } from './labels';
import type { AchievementRow } from './story-source';
import type { AchievementView, OfficerView } from './story-view';

/** Polri ranks from the highest: the highest-ranking official present is named first. */
const RANK_ORDER = [
  'jenderal', 'komjen', 'irjen', 'brigjen', 'kombes', 'akbp', 'kompol', 'akp', 'iptu', 'ipda', 'aiptu', 'aipda', 'bripka',
  'brigpol', 'brigadir', 'briptu', 'bripda', 'abrip', 'abriptu', 'abripda', 'bharaka', 'bharatu', 'bharada',
];

/** Position of a rank in RANK_ORDER (lower is higher); unknown ranks and civilians come last. */
export function rankIndex(rank: string): number {
  const first = rank.trim().split(/\s+/)[0]?.toLowerCase().replace(/\.$/, '') ?? '';
  const at = RANK_ORDER.indexOf(first);
  return at < 0 ? RANK_ORDER.length : at;
}

/** Activity types as verb phrases: "menggelar bakti sosial", never "menggelar penghargaan". */
function kegiatanOf(type: string, narrative: string): string {
  const text = narrative.toLowerCase();
  switch (type) {
    case 'anev': return 'menggelar analisa dan evaluasi (anev)';
    case 'pelatihan': return /\bmengikuti\b/.test(text) ? 'mengikuti pelatihan' : 'menggelar pelatihan';
    case 'pelayanan': return 'memberikan pelayanan kepada masyarakat';
    case 'pengamanan': return 'melaksanakan pengamanan';
    case 'bakti_sosial': return 'menggelar bakti sosial';
    case 'patroli': return 'melaksanakan patroli';
    case 'penegakan_hukum': return 'melaksanakan penegakan hukum';
    case 'sosialisasi': return 'menggelar sosialisasi';
    case 'penghargaan':
      if (/\b(menerima|meraih|memperoleh|mendapat|mendapatkan|dianugerahi)\b/.test(text)) return 'menerima penghargaan';
      if (/\b(memberikan|menyerahkan|memberi|menganugerahkan)\b/.test(text)) return 'memberikan penghargaan';
      return 'mencatat prestasi';
    default: return 'menggelar kegiatan';
  }
}

/** Words a narrative may open with that make it a lead once "Bertempat di ..., <date>," is put before it. */
const SUBJECT_START = /^(?:Sebanyak|Personel|Jajaran|Anggota|Petugas|Para|Seluruh|Ratusan|Puluhan|Belasan|Biro\b|Bid[a-z]*\b|Dit[a-z]+\b|Pol(?:sek|res|resta|restabes|da)\b|Sat[a-z]+\b|Kapol[a-z]*\b|Wakapol[a-z]*\b|Kasat\b|Kanit\b|Kabag[a-z]*\b|Bhabinkamtibmas\b|Tim\b|Unit\b)/;

/** The first sentences of the first paragraph within 200 characters (its sentences already split). */
function ringkasOf(paragraph: string, sentences: string[]): string {
  if (paragraph.length <= 200) return paragraph;
  let out = '';
  for (const sentence of sentences) {
    const next = out ? `${out} ${sentence}` : sentence;
    if (next.length > 200) break;
    out = next;
  }
  return out || potongKalimat(paragraph, 200);
}

interface Participant extends OfficerView {
  led: boolean;
  order: number;
}

export function achievementView(a: AchievementRow, unitName: string, names: readonly string[]): AchievementView {
  const operator = { baku: true, namaDiri: names };
  // each paragraph a finished sentence: operators leave the last full stop out
  const paragraphs = a.narrative.split(/\n\s*\n/).map((p) => rapikan(p, operator)).filter(Boolean).map((p) => (/[.!?…”"]$/.test(p) ? p : `${p}.`));
  const narrative = paragraphs.join('\n\n');
  const sentences = kalimatKalimat(paragraphs[0] ?? '');
  const first = sentences[0] ?? '';
  const opensWithSubject = first.toLowerCase().startsWith(unitName.toLowerCase()) || SUBJECT_START.test(first);
  const participants: Participant[] = a.participants.map((p, order) => ({
    rank: normalisasiPangkat(p.rank ?? ''), name: p.name.trim(), position: (p.position ?? '').trim(), led: p.led === true, order,
  }));
  const byRank = [...participants].sort((x, y) => rankIndex(x.rank) - rankIndex(y.rank) || x.order - y.order);
  const leader = participants.find((p) => p.led) ?? null;
  const mentioned = new Set<string>();
  const label = (o: OfficerView) => {
    const key = o.name.toLowerCase();
    if (mentioned.has(key)) return o.position || `${o.rank} ${o.name}`.trim();
    mentioned.add(key);
    return jabatanPangkatNama(o.position, o.rank, o.name);
  };
  // the highest-ranking official is named first: superiors before the leader, then the rest
  const superiors = leader ? byRank.filter((p) => p !== leader && rankIndex(p.rank) < rankIndex(leader.rank)) : [];
  const superiorLabels = superiors.map(label);
  const leaderLabel = leader ? label(leader) : null;
  const others = byRank.filter((p) => p !== leader && !superiors.includes(p));
  const othersLabels = others.map(label);
  const spoken = new Set<string>();
  const quotes = a.quotes.map((q) => {
    const speaker: OfficerView = { rank: normalisasiPangkat(q.speaker.rank ?? ''), name: q.speaker.name.trim(), position: (q.speaker.position ?? '').trim() };
    const key = speaker.name.toLowerCase();
    const lanjutan = spoken.has(key);
    spoken.add(key);
    return { speaker, speakerLabel: label(speaker), text: rapikan(q.text, { namaDiri: names, tanpaEmoji: true }), lanjutan };
  });
  return {
    title: rapikanJudul(a.title, names),
    activityLabel: ACTIVITY_LABELS[a.activity_type] ?? 'kegiatan',
    kegiatan: kegiatanOf(a.activity_type, narrative),
    happenedAt: new Date(a.happened_at),
    location: { place: rapikan(a.location.place, operator), city: a.location.city },
    leader,
    leaderLabel,
    superiorLabels,
    othersLabels,
    narrative,
    narasiAwal: opensWithSubject ? awalKecil(first) : null,
    narasiLanjut: opensWithSubject ? [sentences.slice(1).join(' '), ...paragraphs.slice(1)].filter(Boolean).join('\n\n') : narrative,
    ringkas: ringkasOf(paragraphs[0] ?? '', sentences),
    quotes,
  };
}
