import type { FieldMessages, FlatForm } from './form-input';
import { single } from './form-input';

/** One input as a view renders it: its posted value kept, the API's message beside it. */
export interface FieldView {
  name: string;
  id: string;
  value: string;
  error: string | null;
  errorId: string;
  options?: { value: string; label: string; selected: boolean }[];
  checked?: boolean;
}

/** "stages[0].at" -> "stages_0_at": a key Handlebars can look up and an id HTML accepts. */
export const fieldKey = (name: string) => name.replace(/[^A-Za-z0-9]+/g, '_').replace(/_+$/, '');

export function fieldView(name: string, values: FlatForm, errors: FieldMessages, options?: { value: string; label: string }[]): FieldView {
  const value = single(values, name);
  const id = `f-${fieldKey(name)}`;
  return {
    name, id, value, error: errors[name] ?? null, errorId: `${id}-error`,
    options: options?.map((o) => ({ ...o, selected: o.value === value })),
    checked: value === 'true' || value === 'on',
  };
}

/** Field views by key for every named input of a form. */
export function fieldViews(
  names: readonly string[], values: FlatForm, errors: FieldMessages, options: Record<string, { value: string; label: string }[]> = {},
): Record<string, FieldView> {
  return Object.fromEntries(names.map((name) => [fieldKey(name), fieldView(name, values, errors, options[name])]));
}

/**
 * Rows of a repeated group ("stages[i].at", "stages[i].label"): as many as were posted, at least
 * `minimum` so the form works without JavaScript.
 */
export function rowViews(group: string, parts: readonly string[], values: FlatForm, errors: FieldMessages, minimum: number) {
  const pattern = new RegExp(`^${group}\\[(\\d{1,2})\\]\\.`);
  const posted = Object.keys(values).map((k) => pattern.exec(k)).filter((m) => m).map((m) => Number(m![1]));
  const count = Math.max(minimum, posted.length ? Math.max(...posted) + 1 : 0);
  return Array.from({ length: count }, (_, i) => ({
    index: i,
    ordinal: i + 1,
    fields: Object.fromEntries(parts.map((part) => [fieldKey(part), fieldView(`${group}[${i}].${part}`, values, errors)])),
    error: errors[`${group}[${i}]`] ?? null,
  }));
}

/** Messages for names no input shows (e.g. a whole group missing): listed at the top of the form. */
export function otherErrors(errors: FieldMessages, shown: Iterable<string>): { field: string; message: string }[] {
  const known = new Set(shown);
  return Object.entries(errors).filter(([field]) => !known.has(field)).map(([field, message]) => ({ field, message }));
}
