import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { TemplateSet } from '../engine/drafter';
import { type CompiledTemplate, TemplateEngine } from '../engine/template-engine';
import { loadDefaultTemplates } from '../engine/default-templates';

export interface OverrideRow {
  id: string;
  key: string;
  unit_id: string | null;
  body: string;
  version: number;
}

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
    if (rows.length === 0) return this.defaults;
    const rank = (row: OverrideRow) => (row.unit_id === null ? unitIds.length : unitIds.indexOf(row.unit_id));
    const best = new Map<string, OverrideRow>();
    for (const row of rows) {
      const current = best.get(row.key);
      if (!current || rank(row) < rank(current)) best.set(row.key, row);
    }
    const set = new Map(this.defaults);
    for (const [key, row] of best) set.set(key, this.compileOverride(row));
    return set;
  }

  private compileOverride(row: OverrideRow): CompiledTemplate {
    let template = this.compiled.get(row.id);
    if (!template) {
      template = this.engine.compile(row.key, row.body, row.version);
      this.compiled.set(row.id, template);
    }
    return template;
  }
}
