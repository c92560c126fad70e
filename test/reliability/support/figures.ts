import fs from 'node:fs';

/**
 * Figures a reliability test measured (p99 latency, counts...): printed at once and merged into
 * the file scripts/run-reliability.js prints at the end, so they appear in the CI log summary.
 */
export function recordFigure(name: string, value: unknown): void {
  process.stdout.write(`[reliability] ${name}: ${JSON.stringify(value)}\n`);
  const file = process.env.GAUNG_RELIABILITY_FIGURES;
  if (!file) return;
  const current = fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : {};
  current[name] = value;
  fs.writeFileSync(file, `${JSON.stringify(current, null, 2)}\n`);
}

/** Percentile (0-100) of a list of numbers, nearest-rank. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}
