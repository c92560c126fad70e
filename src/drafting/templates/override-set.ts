import type { TemplateSet } from '../engine/drafter';
import type { CompiledTemplate, TemplateEngine } from '../engine/template-engine';

export interface OverrideRow {
  id: string;
  key: string;
  unit_id: string | null;
  body: string;
  version: number;
}

/**
 * The template set of a unit chain: for each key, the override of the nearest unit (its own,
 * then its parents'), else the global override, else the shipped default. Free of Nest so that
 * the override worker thread loads only the engine. `compiled` caches each override version.
 */
export function templateSetOf(
  engine: TemplateEngine, defaults: TemplateSet, rows: OverrideRow[], unitIds: string[], compiled: Map<string, CompiledTemplate>,
): TemplateSet {
  if (rows.length === 0) return defaults;
  const rank = (row: OverrideRow) => (row.unit_id === null ? unitIds.length : unitIds.indexOf(row.unit_id));
  const best = new Map<string, OverrideRow>();
  for (const row of rows) {
    const current = best.get(row.key);
    if (!current || rank(row) < rank(current)) best.set(row.key, row);
  }
  const set = new Map(defaults);
  for (const [key, row] of best) {
    let template = compiled.get(row.id);
    if (!template) {
      template = engine.compile(row.key, row.body, row.version);
      compiled.set(row.id, template);
    }
    set.set(key, template);
  }
  return set;
}
