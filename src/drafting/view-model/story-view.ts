import type { UnitTimezone } from '../../units/unit.entity';
import type { StoryKind } from '../channels';

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
}

export interface OfficerView {
  rank: string;
  name: string;
  position: string;
}

export interface ComplaintView {
  category: string;
  categoryLabel: string;
  /** "WhatsApp", "Call Center 110", ... */
  channelLabel: string;
  receivedAt: Date;
  resolvedAt: Date;
  /** From receipt to the first action after it (a stage), when there is one. */
  responseMs: number | null;
  /** From receipt to resolution. */
  resolutionMs: number;
  location: { subdistrict: string; district: string; city: string };
  summary: string;
  resolution: string;
  stages: StageView[];
  /**
   * The citizen's words, only when consent allowed quoting, without any sentence that needed a
   * mask (null when too little is left, and always null in a sensitive story).
   */
  quote: string | null;
}

export interface FeedbackView {
  serviceLabel: string;
  rating: number;
  /** The citizen's words without any sentence that needed a mask. */
  quote: string;
  receivedAt: Date;
  sourceLabel: string;
}

export interface AchievementView {
  title: string;
  activityLabel: string;
  happenedAt: Date;
  location: { place: string; city: string };
  /** The first participant: the officer who led the activity. */
  leader: OfficerView | null;
  /** "Kapolsek Kebayoran Baru Kompol Hendro Saputra": the leader's first mention. */
  leaderLabel: string | null;
  /** Everyone else, as first mentions, for "diikuti oleh ...". */
  othersLabels: string[];
  narrative: string;
  /** speakerLabel: position, rank and name at first mention; position (or rank and name) later. */
  quotes: { speaker: OfficerView; speakerLabel: string; text: string }[];
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
  citizen: CitizenView | null;
  complaint: ComplaintView | null;
  feedback: FeedbackView | null;
  achievement: AchievementView | null;
}
