import { publishableQuote, publishableText } from '../../intake/privacy/publishable-text';
import { scrubSensitiveText } from '../../intake/privacy/sensitivity';
import { jabatanPangkatNama } from '../helpers';
import { localParts } from '../helpers/zona-waktu';
import type { CitizenView, OfficerView, StageView, StoryView, UnitView } from './story-view';
import { ACTIVITY_LABELS, CATEGORY_LABELS, FEEDBACK_SOURCE_LABELS, INTAKE_CHANNEL_LABELS, SERVICE_LABELS } from './labels';
import type { ComplaintRow, StorySource, UnitRow } from './story-source';

const NATIONAL_HASHTAG = '#PolriPresisi';

function unitView(row: UnitRow): UnitView {
  return { name: row.name, humas: `Humas ${row.name}`, city: row.city, cityUpper: row.city.toLocaleUpperCase('id-ID'), level: row.level };
}

/**
 * Handles of the unit and its parents for one network, nearest first, without duplicates.
 * A chain has a handful of units, so a scan of the short result beats a Set (this runs four
 * times per story drafted).
 */
function handlesOf(units: UnitRow[], network: keyof UnitRow['handles']): string[] {
  const out: string[] = [];
  for (const unit of units) {
    const raw = unit.handles?.[network];
    if (!raw) continue;
    const handle = raw.startsWith('@') ? raw : `@${raw}`;
    if (!includesIgnoringCase(out, handle)) out.push(handle);
  }
  return out;
}

function hashtagsOf(units: UnitRow[]): string[] {
  const out: string[] = [];
  for (const unit of units) {
    for (const tag of unit.hashtags ?? []) if (!includesIgnoringCase(out, tag)) out.push(tag);
  }
  if (!includesIgnoringCase(out, NATIONAL_HASHTAG)) out.push(NATIONAL_HASHTAG);
  return out;
}

function includesIgnoringCase(list: string[], item: string): boolean {
  const key = item.toLowerCase();
  for (const other of list) if (other.toLowerCase() === key) return true;
  return false;
}

/** The local day of an instant as one number (20261025), to tell when a stage is on another day. */
function localDay(at: Date, tz: string): number {
  const p = localParts(at, tz, 'tanggal');
  return p.year * 10_000 + p.month * 100 + p.day;
}

/** The stages after receipt in time order, each saying whether it is on a new local day. */
function stagesOf(stages: { at: string; label: string }[], receivedAt: Date, tz: string): StageView[] {
  const received = receivedAt.getTime();
  const out: StageView[] = [];
  for (const s of stages) {
    const at = new Date(s.at);
    // receipt is told by its own sentence: a stage at that same moment would repeat it
    if (at.getTime() !== received) out.push({ at, label: s.label, dayChanged: false });
  }
  if (out.length > 1) out.sort((x, y) => x.at.getTime() - y.at.getTime());
  let day = localDay(receivedAt, tz);
  for (const stage of out) {
    const stageDay = localDay(stage.at, tz);
    stage.dayChanged = stageDay !== day;
    day = stageDay;
  }
  return out;
}

/** The citizen as consent allows: the stored public attribution, or "seorang warga". */
function citizenView(attribution: string | null, locality: string | null): CitizenView {
  if (attribution) {
    return { attribution, withLocality: locality ? `${attribution}, warga ${locality}` : attribution, named: true };
  }
  return { attribution: 'seorang warga', withLocality: locality ? `seorang warga ${locality}` : 'seorang warga', named: false };
}

const officer = (o: { rank?: string; name: string; position?: string }): OfficerView => ({ rank: o.rank ?? '', name: o.name, position: o.position ?? '' });

/**
 * Stored free text as templates may use it: without any clause that needed a mask (no
 * placeholder is ever published) and, in a sensitive story, without ages, initials or places
 * below the city.
 */
function textFor(c: ComplaintRow, sensitive: boolean): (text: string) => string {
  if (!sensitive) return (text) => publishableText(text, { neighbourhood: c.location.subdistrict });
  const places = { below: [c.location.subdistrict, c.location.district], city: c.location.city };
  return (text) => scrubSensitiveText(publishableText(text), places);
}

/** Turns loaded rows into the template view model (pure: no I/O, no clock). */
export function buildStoryView(source: StorySource, publicBaseUrl: string): StoryView {
  const units = source.units;
  const { complaint: c, feedback: f, achievement: a } = source;
  const chain = units.map(unitView);
  const sensitive = source.story.sensitive === true;
  const view: StoryView = {
    kind: source.story.kind,
    sensitive,
    storyId: source.story.id,
    seed: source.story.id,
    title: source.story.title,
    url: `${publicBaseUrl}/rilis/${source.story.slug}`,
    timezone: units[0].timezone,
    unit: chain[0], // the same object as the chain's first entry: built once
    chain,
    mentions: { x: handlesOf(units, 'x'), instagram: handlesOf(units, 'instagram'), facebook: handlesOf(units, 'facebook'), tiktok: handlesOf(units, 'tiktok') },
    hashtags: hashtagsOf(units),
    hasImage: source.media.count > 0,
    imageAlt: source.media.alt,
    citizen: null,
    complaint: null,
    feedback: null,
    achievement: null,
  };
  if (c) {
    const receivedAt = new Date(c.received_at);
    const text = textFor(c, sensitive);
    const labelled = c.stages.map((s) => ({ at: s.at, label: text(s.label) })).filter((s) => s.label.trim() !== '');
    const stages = stagesOf(labelled, receivedAt, units[0].timezone);
    const firstAction = stages.find((s) => s.at.getTime() > receivedAt.getTime());
    view.citizen = sensitive ? citizenView(null, null) : citizenView(c.public_attribution, c.location.subdistrict);
    view.complaint = {
      category: c.category,
      categoryLabel: CATEGORY_LABELS[c.category] ?? 'Laporan Warga',
      channelLabel: INTAKE_CHANNEL_LABELS[c.channel] ?? c.channel,
      receivedAt,
      resolvedAt: new Date(c.resolved_at),
      responseMs: firstAction ? firstAction.at.getTime() - receivedAt.getTime() : null,
      resolutionMs: new Date(c.resolved_at).getTime() - receivedAt.getTime(),
      location: sensitive ? { subdistrict: '', district: '', city: c.location.city } : c.location,
      summary: text(c.summary),
      resolution: text(c.resolution),
      stages,
      quote: sensitive ? null : publishableQuote(c.quote),
    };
  }
  if (f) {
    view.citizen = citizenView(f.public_attribution, null);
    view.feedback = {
      serviceLabel: SERVICE_LABELS[f.service_type] ?? 'pelayanan',
      rating: f.rating,
      // a feedback story exists only when its quote has something left to publish (FeedbackService)
      quote: publishableQuote(f.text) ?? '',
      receivedAt: new Date(f.received_at),
      sourceLabel: FEEDBACK_SOURCE_LABELS[f.source] ?? f.source,
    };
  }
  if (a) {
    const participants = a.participants.map(officer);
    const mentioned = new Set<string>();
    const firstMention = (o: OfficerView) => {
      const key = o.name.toLowerCase();
      if (mentioned.has(key)) return o.position || `${o.rank} ${o.name}`.trim();
      mentioned.add(key);
      return jabatanPangkatNama(o.position, o.rank, o.name);
    };
    const leaderLabel = participants[0] ? firstMention(participants[0]) : null;
    const othersLabels = participants.slice(1).map(firstMention);
    view.achievement = {
      title: a.title,
      activityLabel: ACTIVITY_LABELS[a.activity_type] ?? 'kegiatan',
      happenedAt: new Date(a.happened_at),
      location: a.location,
      leader: participants[0] ?? null,
      leaderLabel,
      othersLabels,
      narrative: publishableText(a.narrative),
      quotes: a.quotes.flatMap((q) => {
        const speaker = officer(q.speaker);
        const text = publishableQuote(q.text);
        return text ? [{ speaker, speakerLabel: firstMention(speaker), text }] : [];
      }),
    };
  }
  return view;
}
