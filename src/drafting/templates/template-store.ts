import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { TemplateSet } from '../engine/drafter';
import { type CompiledTemplate, TemplateEngine } from '../engine/template-engine';
import { loadDefaultTemplates } from '../engine/default-templates';
import { type OverrideRow, templateSetOf } from './override-set';

export type { OverrideRow } from './override-set';

/**
 * The templates a story is drafted with: for each key, the override of the nearest unit in
 * its chain (its own, then its parents'), else the global override, else the shipped default.
 * Overrides are read from the database on every drafting (all instances agree at once) and
 * compiled once per version.
 */
@Injectable()
export class TemplateStore {
  readonly engine: TemplateEngine;
  readonly defaults: TemplateSet;
  private readonly compiled = new Map<string, CompiledTemplate>();

  constructor() {
    const loaded = loadDefaultTemplates();
    this.engine = loaded.engine;
    this.defaults = loaded.defaults;
  }

  async forUnitChain(manager: EntityManager, unitIds: string[]): Promise<TemplateSet> {
    const rows: OverrideRow[] = await manager.query(
      `SELECT id, key, unit_id, body, version FROM template_override WHERE active AND (unit_id IS NULL OR unit_id = ANY($1))`,
      [unitIds],
    );
    return this.fromOverrides(rows, unitIds);
  }

  /** The set for a unit chain from its override rows (already read, e.g. by StorySourceLoader.loadForDrafting). */
  fromOverrides(rows: OverrideRow[], unitIds: string[]): TemplateSet {
    return templateSetOf(this.engine, this.defaults, rows, unitIds, this.compiled);
  }
}
