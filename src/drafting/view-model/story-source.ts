import type { UnitHandles, UnitTimezone } from '../../units/unit.entity';
import type { StoryKind } from '../channels';

/** The rows a story is drafted from, as loaded by StorySourceLoader (already masked at intake). */
export interface UnitRow {
  name: string;
  level: string;
  city: string;
  timezone: UnitTimezone;
  handles: UnitHandles;
  hashtags: string[];
}

export interface ComplaintRow {
  category: string;
  channel: string;
  received_at: Date;
  resolved_at: Date;
  location: { subdistrict: string; district: string; city: string };
  summary: string;
  resolution: string;
  stages: { at: string; label: string }[];
  quote: string | null;
  consent_level: string;
  consent_quote: boolean;
  public_attribution: string | null;
}

export interface FeedbackRow {
  service_type: string;
  rating: number;
  text: string;
  source: string;
  received_at: Date;
  consent_level: string;
  consent_quote: boolean;
  public_attribution: string | null;
}

export interface AchievementRow {
  title: string;
  activity_type: string;
  happened_at: Date;
  location: { place: string; city: string };
  participants: { rank?: string; name: string; position?: string; led?: boolean }[];
  narrative: string;
  quotes: { speaker: { rank?: string; name: string; position?: string }; text: string }[];
}

export interface StorySource {
  story: { id: string; kind: StoryKind; title: string; slug: string; sensitive?: boolean };
  /** The story's unit first, then its parents up to the root. */
  units: UnitRow[];
  complaint?: ComplaintRow;
  feedback?: FeedbackRow;
  achievement?: AchievementRow;
  media: { count: number; alt: string | null };
}
