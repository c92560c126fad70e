import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { knownCitizen } from '../intake/privacy/intake-masking';
import { checkPublicTexts, type GateFinding, type PublicText, sha256 } from './publish-gate';
import { type GateRow, PublishGateRepository } from './publish-gate.repository';

/** Which public strings of a story a check covers. */
export interface GateScope {
  /** The channels whose drafts go out (the website's also carries the headline, slug and photos' alt texts). */
  channels: readonly string[];
}

export interface StoryFindings {
  storyId: string;
  unitId: string;
  findings: GateFinding[];
}

/**
 * Runs the publish gate for stories (issue 16): at approval (StoryWorkflow), before each channel
 * dispatch and the website's publication (Dispatcher, OutcomeRecorder), before a quote card is
 * rendered (QuoteCardService). What a finding does is the caller's decision: approval refuses it
 * unless overridden, publishing holds the publication and tells humas.
 */
@Injectable()
export class PublishGate {
  constructor(private readonly repository: PublishGateRepository) {}

  async check(manager: EntityManager, storyIds: readonly string[], scope: GateScope): Promise<StoryFindings[]> {
    if (storyIds.length === 0) return [];
    const rows = await this.repository.load(manager, storyIds, scope.channels);
    return rows.map((row) => ({ storyId: row.id, unitId: row.unit_id, findings: checkPublicTexts(publicTexts(row, scope), contextOf(row)) }));
  }

  /** A quote card's words, checked before the card is rendered (an image cannot be checked after). */
  async checkQuoteCard(manager: EntityManager, storyId: string, words: string): Promise<GateFinding[]> {
    const [row] = await this.repository.load(manager, [storyId], []);
    return row ? checkPublicTexts([{ surface: 'quote_card', field: 'text', text: words }], contextOf(row)) : [];
  }

  /** Releases these findings' exact texts with a reason (the caller audits it). */
  async release(manager: EntityManager, storyId: string, findings: readonly GateFinding[], reason: string, userId: string): Promise<void> {
    const unique = new Map(findings.map((f) => [`${f.surface}|${f.field}|${f.textSha256}`, f]));
    await this.repository.release(manager, [...unique.values()].map((f) => ({ storyId, surface: f.surface, field: f.field, textSha256: f.textSha256, reason, releasedBy: userId })));
  }

  /** Marks the story held (what and where, never the value) or clears the mark. */
  hold(manager: EntityManager, storyId: string, findings: readonly GateFinding[] | null): Promise<void> {
    return this.repository.setHold(manager, storyId, findings?.length ? findings.map((f) => ({ surface: f.surface, field: f.field, class: f.class })) : null);
  }

  requeueHeld(manager: EntityManager, storyId: string, now: Date): Promise<string[]> {
    return this.repository.requeueHeld(manager, storyId, now);
  }
}

function publicTexts(row: GateRow, scope: GateScope): PublicText[] {
  const texts: PublicText[] = [
    { surface: 'story', field: 'title', text: row.title },
    { surface: 'story', field: 'slug', text: row.slug.replace(/-/g, ' ') },
  ];
  for (const d of row.drafts ?? []) {
    if (!scope.channels.includes(d.channel)) continue;
    if (d.title) texts.push({ surface: d.channel, field: 'title', text: d.title });
    texts.push({ surface: d.channel, field: 'body', text: d.body });
  }
  (row.alts ?? []).forEach((alt, i) => {
    if (alt) texts.push({ surface: 'photo', field: `alt[${i}]`, text: alt });
  });
  return texts;
}

function contextOf(row: GateRow) {
  const citizen = row.citizen_name || row.citizen_phone || row.citizen_email || row.citizen_nik
    ? [knownCitizen({ name: row.citizen_name, phone: row.citizen_phone, email: row.citizen_email, nik: row.citizen_nik }, row.consent_level ?? 'none', row.role_word)]
    : [];
  const places = row.location ? [row.location.subdistrict ?? '', row.location.district ?? ''] : [];
  return { citizens: citizen, allowedNumbers: row.public_numbers ?? [], sensitive: row.sensitive, placesBelowCity: places, released: new Set(row.released ?? []) };
}

export { sha256 };
