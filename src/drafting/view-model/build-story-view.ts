import { publishableQuote, publishableText } from '../../intake/privacy/publishable-text';
import { scrubSensitiveText } from '../../intake/privacy/sensitivity';
import { localParts } from '../helpers/zona-waktu';
import { NAMA_PROGRAM } from '../rapikan/kamus';
import { achievementView } from './achievement-view';
import { complaintView, tidyLocation } from './complaint-view';
import { feedbackView } from './feedback-view';
import type { CitizenView, StageView, StoryView, UnitView } from './story-view';
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

/** Proper nouns of a story, so that mending text in capitals keeps their case. */
function properNouns(source: StorySource): string[] {
  const names: string[] = [...NAMA_PROGRAM];
  for (const unit of source.units) names.push(unit.name, unit.city);
  const c = source.complaint;
  if (c && !source.story.sensitive) names.push(c.location.subdistrict, c.location.district, c.location.city);
  const a = source.achievement;
  if (a) {
    names.push(a.location.place, a.location.city);
    for (const p of a.participants) names.push(p.name, p.position ?? '');
  }
  return names.filter((n) => n && n.trim().length > 1);
}

/** Whether links to PUBLIC_BASE_URL are links on social networks (a public domain, not localhost or an IP). */
export function isPublicDomain(baseUrl: string): boolean {
  const host = /^https?:\/\/([^/:]+)/i.exec(baseUrl)?.[1] ?? '';
  return /^(?:[a-z0-9-]+\.)+[a-z]{2,}$/i.test(host) && !/\.(?:local|internal|localhost|test|invalid|lan)$/i.test(host);
}

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
    linkAktif: isPublicDomain(publicBaseUrl),
    citizen: null,
    complaint: null,
    feedback: null,
    achievement: null,
  };
  const names = c || a || f ? properNouns(source) : [];
  if (c) {
    const receivedAt = new Date(c.received_at);
    const text = textFor(c, sensitive);
    const labelled = c.stages.map((s) => ({ at: s.at, label: text(s.label) })).filter((s) => s.label.trim() !== '');
    const stages = stagesOf(labelled, receivedAt, units[0].timezone);
    const location = sensitive ? { subdistrict: '', district: '', city: c.location.city } : tidyLocation(c.location);
    const row: ComplaintRow = {
      ...c, location, summary: text(c.summary), resolution: text(c.resolution), quote: sensitive ? null : publishableQuote(c.quote),
    };
    view.citizen = sensitive ? citizenView(null, null) : citizenView(c.public_attribution, location.subdistrict);
    view.complaint = complaintView({ row, unitName: units[0].name, sensitive, names, stages, receivedAt });
  }
  if (f) {
    view.citizen = citizenView(f.public_attribution, null);
    // a feedback story exists only when its quote has something left to publish (FeedbackService)
    view.feedback = feedbackView({ ...f, text: publishableQuote(f.text) ?? '' }, names);
  }
  if (a) {
    const quotes = a.quotes.flatMap((q) => {
      const said = publishableQuote(q.text);
      return said ? [{ ...q, text: said }] : [];
    });
    view.achievement = achievementView({ ...a, narrative: publishableText(a.narrative), quotes }, units[0].name, names);
  }
  return view;
}
