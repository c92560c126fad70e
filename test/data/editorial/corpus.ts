import fs from 'node:fs';
import path from 'node:path';
import type { StoryKind } from '../../../src/drafting/channels';
import type { StorySource, UnitRow } from '../../../src/drafting/view-model/story-source';
import { CreateAchievementDto } from '../../../src/intake/dto/achievement.dto';
import { CreateComplaintDto } from '../../../src/intake/dto/complaint.dto';
import { CreateFeedbackDto } from '../../../src/intake/dto/feedback.dto';
import { CATEGORY_LABELS, consentRecord } from '../../../src/intake/intake-rules';
import { knownCitizen, maskIntake } from '../../../src/intake/privacy/intake-masking';
import { complaintSensitivity } from '../../../src/intake/privacy/sensitivity';
import type { UnitTimezone } from '../../../src/units/unit.entity';

/**
 * The editorial corpus (issue 18): realistic inputs in the API's own shape, a third of them
 * messy as operators type them, turned into the rows drafting reads the way intake stores them
 * (masked free text, consent-reduced attribution), without a database.
 */
export interface CorpusEntry {
  id: string;
  kind: StoryKind;
  messy: boolean;
  input: Record<string, unknown>;
  source: StorySource;
}

interface UnitJson {
  code: string;
  name: string;
  level: string;
  parentCode: string | null;
  city: string;
  timezone: UnitTimezone;
  handles: Record<string, string>;
  hashtags: string[];
}

const DIR = __dirname;
const read = <T>(file: string): T => JSON.parse(fs.readFileSync(path.join(DIR, file), 'utf8')) as T;
const UNITS = new Map(read<UnitJson[]>('units.json').map((u) => [u.code, u]));

/** The unit and its parents up to the Polda, as the loader returns them. */
function chain(code: string): UnitRow[] {
  const out: UnitRow[] = [];
  for (let u = UNITS.get(code); u; u = u.parentCode ? UNITS.get(u.parentCode) : undefined) {
    out.push({ name: u.name, level: u.level, city: u.city, timezone: u.timezone, handles: u.handles, hashtags: u.hashtags });
  }
  if (out.length === 0) throw new Error(`unknown unit ${code}`);
  return out;
}

/** A stable story id per entry, so that variant choices (and the golden drafts) do not move. */
function storyId(n: number): string {
  return `5e1ec7ed-0000-4000-8000-${String(n).padStart(12, '0')}`;
}

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- test data in the API's loose shape

/** As ComplaintsService stores it: masked with the complainant known, consent reduced, sensitivity judged. */
function complaintRow(i: Json): { row: NonNullable<StorySource['complaint']>; sensitive: boolean } {
  const body = { ...i, stages: i.stages ?? [], quote: i.consent.quote && i.consent.level !== 'none' ? i.quote : undefined };
  const { value } = maskIntake(CreateComplaintDto, body as Json, { citizens: [knownCitizen(i.complainant, i.consent.level, 'pelapor')] }) as { value: Json };
  const consent = consentRecord(value.consent, value.complainant.name, new Date(i.receivedAt), i.channel);
  const sensitivity = complaintSensitivity({
    category: i.category, sensitive: i.sensitive, minorInvolved: i.minorInvolved, informantInvolved: i.informantInvolved,
    texts: [value.summary, value.resolution, ...value.stages.map((s: { label: string }) => s.label)],
  });
  return { row: complaintFields(i, value, consent), sensitive: sensitivity.sensitive };
}

function complaintFields(i: Json, value: Json, consent: ReturnType<typeof consentRecord>): NonNullable<StorySource['complaint']> {
  return {
    category: i.category, channel: i.channel, received_at: new Date(i.receivedAt), resolved_at: new Date(i.resolvedAt), location: value.location,
    summary: value.summary, resolution: value.resolution, stages: value.stages, quote: value.quote ?? null, consent_level: consent.level,
    consent_quote: consent.quote, public_attribution: consent.publicAttribution,
  };
}

function feedbackRow(i: Json): NonNullable<StorySource['feedback']> {
  const { value } = maskIntake(CreateFeedbackDto, i, { citizens: [knownCitizen(i.author, i.consent.level, 'penulis')] }) as { value: Json };
  const consent = consentRecord(value.consent, value.author.name, new Date(i.receivedAt), i.source);
  return {
    service_type: i.serviceType, rating: i.rating, text: value.text, source: i.source, received_at: new Date(i.receivedAt),
    consent_level: consent.level, consent_quote: consent.quote, public_attribution: consent.publicAttribution,
  };
}

function achievementRow(i: Json): NonNullable<StorySource['achievement']> {
  const { value } = maskIntake(CreateAchievementDto, { ...i, quotes: i.quotes ?? [] }, {}) as { value: Json };
  return {
    title: value.title, activity_type: i.activityType, happened_at: new Date(i.happenedAt), location: value.location, participants: i.participants ?? [],
    narrative: value.narrative, quotes: value.quotes,
  };
}

export function loadCorpus(): CorpusEntry[] {
  const entries: CorpusEntry[] = [];
  const files: [StoryKind, string][] = [['complaint', 'complaints.json'], ['feedback', 'feedback.json'], ['achievement', 'achievements.json']];
  for (const [kind, file] of files) {
    for (const item of read<{ id: string; messy: boolean; input: Json }[]>(file)) {
      const n = entries.length + 1;
      const i = item.input;
      const title = kind === 'complaint' ? `Laporan ${CATEGORY_LABELS[i.category]}` : kind === 'feedback' ? 'Apresiasi warga' : i.title;
      const source: StorySource = {
        story: { id: storyId(n), kind, title, slug: `${item.id}-${storyId(n).slice(-8)}` },
        units: chain(i.unitCode),
        media: { count: n % 5 === 0 ? 0 : 1, alt: n % 5 === 0 ? null : 'Foto kegiatan' },
      };
      if (kind === 'complaint') {
        const { row, sensitive } = complaintRow(i);
        source.complaint = row;
        source.story.sensitive = sensitive;
      }
      if (kind === 'feedback') source.feedback = feedbackRow(i);
      if (kind === 'achievement') source.achievement = achievementRow(i);
      entries.push({ id: item.id, kind, messy: item.messy, input: i, source });
    }
  }
  return entries;
}

/** Every word of the input that a draft may repeat (for the fact-word property). */
export function inputText(entry: CorpusEntry): string {
  return JSON.stringify(entry.input).toLowerCase();
}
