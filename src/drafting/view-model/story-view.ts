import type { UnitTimezone } from '../../units/unit.entity';
import type { StoryKind } from '../channels';
import type { ComplaintFacts, SpeedView } from './complaint-facts';

/**
 * Everything a content template may use. Built from database rows by buildStoryView; it never
 * carries entities or raw personal data: citizens appear only as the consent-reduced `citizen`.
 */
export interface UnitView {
  name: string;
  /** "Humas Polsek Kebayoran Baru": who speaks in the dateline. */
  humas: string;
  city: string;
  /** Dateline city in capitals: "JAKARTA SELATAN". */
  cityUpper: string;
  level: string;
}

export interface CitizenView {
  /** "Andreas Wibowo", "A.W." or "seorang warga". */
  attribution: string;
  /** "A.W., warga Gunung" / "seorang warga Gunung". */
  withLocality: string;
  /** True when the attribution names the person (name or initials consent). */
  named: boolean;
}

export interface StageView {
  at: Date;
  label: string;
  /** The stage is on another local day than the one before it: say the day, not only the time. */
  dayChanged: boolean;
  /** "23 menit": the first action's delay after the report, only when it was fast. */
  jeda?: string | null;
}

export interface OfficerView {
  rank: string;
  name: string;
  position: string;
}

export interface ComplaintView {
  category: string;
  categoryLabel: string;
  /** The category as a noun phrase mid-sentence: "pencurian sepeda motor", "kecelakaan lalu lintas". */
  jenis: string;
  /** What a sensitive release asks people to report ("kekerasan dalam rumah tangga", "anak hilang"). */
  laporkan: string;
  /** Whom a sensitive release protects: "korban", "anak", "pelapor". */
  dilindungi: string;
  /** A criminal matter: only then "kasus"/"perkara" may be said. */
  pidana: boolean;
  /** "WhatsApp", "Call Center 110", ... */
  channelLabel: string;
  /** "melalui WhatsApp", "melalui SPKT", "secara langsung di Polsek ...": after "Laporan diterima". */
  melalui: string;
  receivedAt: Date;
  resolvedAt: Date;
  /** From receipt to the first action after it (a stage), when there is one. */
  responseMs: number | null;
  /** From receipt to resolution. */
  resolutionMs: number;
  location: { subdistrict: string; district: string; city: string };
  /** "Gunung, Kebayoran Baru": the places below the city, without repeats; empty when none (or sensitive). */
  tempat: string;
  /** Mended by rapikan (case, spacing, punctuation, chat abbreviations). */
  summary: string;
  /** The summary when it reads as a sentence of a release; null for a note ("motor ilang, tolong cepat!"). */
  latar: string | null;
  resolution: string;
  /** Stages after receipt, without those that only repeat that the report came in. */
  stages: StageView[];
  /**
   * The citizen's words, only when consent allowed quoting, without any sentence that needed a
   * mask, mended by rapikan (no emoji) (null when too little is left, and always null in a sensitive story).
   */
  quote: string | null;
  /** The quote cut at a sentence boundary for short channels. */
  quotePendek: string | null;
  /** What speed may be told (per category; never for sensitive stories). */
  cepat: SpeedView;
  /** Facts the operator's text states: templates tell only these. */
  fakta: ComplaintFacts;
  /** Who took part in a brawl in the report's own word ("remaja", "pemuda"), or null. */
  kelompok: string | null;
  /** The drug the report names, or null. */
  zat: string | null;
}

export interface FeedbackView {
  /** Mid-sentence form: "lalu lintas", "SKCK" (after "pelayanan"). */
  serviceLabel: string;
  rating: number;
  /** The citizen's words without any sentence that needed a mask. */
  quote: string;
  /** The quote cut at a sentence boundary for X and TikTok. */
  quotePendek: string;
  receivedAt: Date;
  /** After "melalui": "survei kepuasan masyarakat". */
  sourceLabel: string;
}

export interface AchievementView {
  /** The commander's title, mended (a title typed in capitals is lowered; headlines title-case it). */
  title: string;
  activityLabel: string;
  /** The activity as a verb phrase: "menggelar bakti sosial", "mengikuti pelatihan". */
  kegiatan: string;
  happenedAt: Date;
  location: { place: string; city: string };
  /** The officer the commander marked as leading the activity; null when none was marked. */
  leader: OfficerView | null;
  /** "Kapolsek Kebayoran Baru Kompol Hendro Saputra": the leader's first mention. */
  leaderLabel: string | null;
  /** Officials who outrank the leader ("turut dihadiri"), highest first. */
  superiorLabels: string[];
  /** Everyone else by rank, highest first, as first mentions. */
  othersLabels: string[];
  narrative: string;
  /** The narrative's first sentence when it can follow "Bertempat di ..., <date>,"; else null. */
  narasiAwal: string | null;
  /** The narrative after narasiAwal (all of it when narasiAwal is null). */
  narasiLanjut: string;
  /** The narrative's first sentences, at most 200 characters, for short channels. */
  ringkas: string;
  /** speakerLabel: position, rank and name at first mention; position later. `lanjutan`: the same speaker again. */
  quotes: { speaker: OfficerView; speakerLabel: string; text: string; lanjutan: boolean }[];
}

export interface StoryView {
  kind: StoryKind;
  /**
   * A sensitive case (issue 16: domestic or sexual violence, children, informants): the view
   * already has no place below the city, no ages or initials in its text, an anonymous citizen
   * and no quote; templates write a neutral release about protection and the way to report,
   * without emoji or boasting about speed.
   */
  sensitive: boolean;
  storyId: string;
  /** Seeds the deterministic choice of template variants. */
  seed: string;
  title: string;
  /** The press release in the press room: every social post links to it. */
  url: string;
  timezone: UnitTimezone;
  unit: UnitView;
  /** The unit, then its parents up to the Polda: names for the closing paragraph. */
  chain: UnitView[];
  /** Verified handles of the unit and its parents, per network, nearest first, no duplicates. */
  mentions: { x: string[]; instagram: string[]; facebook: string[]; tiktok: string[] };
  /** The unit's, its parents' and #PolriPresisi, no duplicates. */
  hashtags: string[];
  hasImage: boolean;
  imageAlt: string | null;
  /** PUBLIC_BASE_URL is a real domain: X and Facebook make the link clickable. */
  linkAktif: boolean;
  citizen: CitizenView | null;
  complaint: ComplaintView | null;
  feedback: FeedbackView | null;
  achievement: AchievementView | null;
}
