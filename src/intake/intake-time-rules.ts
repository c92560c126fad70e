import type { FieldProblem } from '../common/http/validation';

/** How far in the future a timestamp may be (clocks of complaint systems drift). */
export const FUTURE_TOLERANCE_MS = 5 * 60_000;

/** A value that is a real instant (a Date the DTO made), else undefined: the rules below skip what the DTO already refused. */
const instant = (value: unknown): Date | undefined => (value instanceof Date && !Number.isNaN(value.getTime()) ? value : undefined);

function notFuture(out: FieldProblem[], now: Date, field: string, value: unknown): void {
  const at = instant(value);
  if (at && at.getTime() > now.getTime() + FUTURE_TOLERANCE_MS) out.push({ field, code: 'in_future', message: `${field} is in the future` });
}

/**
 * The time rules of intake, as pure functions of the values and the clock: the services enforce
 * them, and the console runs them beside the DTO's own checks so that an officer sees every
 * problem of a form at once, not one round after another. Values the DTO refused are skipped.
 */
export function complaintTimeProblems(values: { receivedAt?: unknown; resolvedAt?: unknown; stages?: unknown; consent?: unknown }, now: Date): FieldProblem[] {
  const out: FieldProblem[] = [];
  const received = instant(values.receivedAt);
  const resolved = instant(values.resolvedAt);
  if (received && resolved && resolved < received) {
    out.push({ field: 'resolvedAt', code: 'before_received', message: 'resolvedAt must not be before receivedAt' });
  }
  notFuture(out, now, 'receivedAt', received);
  notFuture(out, now, 'resolvedAt', resolved);
  notFuture(out, now, 'consent.givenAt', (values.consent as { givenAt?: unknown } | undefined)?.givenAt);
  (Array.isArray(values.stages) ? values.stages : []).forEach((stage: { at?: unknown } | null, i) => {
    const at = instant(stage?.at);
    if (at && received && at < received) out.push({ field: `stages[${i}].at`, code: 'before_received', message: 'a stage cannot come before the complaint was received' });
    notFuture(out, now, `stages[${i}].at`, at);
  });
  return out;
}

export function feedbackTimeProblems(values: { receivedAt?: unknown; consent?: unknown }, now: Date): FieldProblem[] {
  const out: FieldProblem[] = [];
  notFuture(out, now, 'receivedAt', values.receivedAt);
  notFuture(out, now, 'consent.givenAt', (values.consent as { givenAt?: unknown } | undefined)?.givenAt);
  return out;
}

export function achievementTimeProblems(values: { happenedAt?: unknown }, now: Date): FieldProblem[] {
  const out: FieldProblem[] = [];
  notFuture(out, now, 'happenedAt', values.happenedAt);
  return out;
}
