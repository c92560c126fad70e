import { fieldLabel } from '../../../common/http/field-labels';
import type { FieldMessages, FlatForm } from './form-input';
import { single } from './form-input';

/** One input as a view renders it: its posted value kept, the API's message beside it. */
export interface FieldView {
  name: string;
  id: string;
  /** The field's label (field-labels.ts, or the form's own): the same words its error messages use. */
  label: string;
  value: string;
  error: string | null;
  errorId: string;
  options?: { value: string; label: string; selected: boolean }[];
  checked?: boolean;
}

/** "stages[0].at" -> "stages_0_at": a key Handlebars can look up and an id HTML accepts. */
export const fieldKey = (name: string) => name.replace(/[^A-Za-z0-9]+/g, '_').replace(/_+$/, '');

export function fieldView(
  name: string, values: FlatForm, errors: FieldMessages, options?: { value: string; label: string }[], labels?: Readonly<Record<string, string>>,
): FieldView {
  const value = single(values, name);
  const id = `f-${fieldKey(name)}`;
  return {
    name, id, label: fieldLabel(name, labels), value, error: errors[name] ?? null, errorId: `${id}-error`,
    options: options?.map((o) => ({ ...o, selected: o.value === value })),
    checked: value === 'true' || value === 'on',
  };
}

/** Field views by key for every named input of a form. */
export function fieldViews(
  names: readonly string[], values: FlatForm, errors: FieldMessages, options: Record<string, { value: string; label: string }[]> = {},
  labels?: Readonly<Record<string, string>>,
): Record<string, FieldView> {
  return Object.fromEntries(names.map((name) => [fieldKey(name), fieldView(name, values, errors, options[name], labels)]));
}

/**
 * Rows of a repeated group ("stages[i].at", "stages[i].label"): as many as were posted, at least
 * `minimum` so the form works without JavaScript.
 */
export function rowViews(group: string, parts: readonly string[], values: FlatForm, errors: FieldMessages, minimum: number, labels?: Readonly<Record<string, string>>) {
  const pattern = new RegExp(`^${group}\\[(\\d{1,2})\\]\\.`);
  const posted = Object.keys(values).map((k) => pattern.exec(k)).filter((m) => m).map((m) => Number(m![1]));
  const count = Math.max(minimum, posted.length ? Math.max(...posted) + 1 : 0);
  return Array.from({ length: count }, (_, i) => ({
    index: i,
    ordinal: i + 1,
    fields: Object.fromEntries(parts.map((part) => [fieldKey(part), fieldView(`${group}[${i}].${part}`, values, errors, undefined, labels)])),
    error: errors[`${group}[${i}]`] ?? null,
  }));
}

/** Messages for names no input shows (e.g. a whole group missing): listed at the top of the form. */
export function otherErrors(errors: FieldMessages, shown: Iterable<string>): { field: string; message: string }[] {
  const known = new Set(shown);
  return Object.entries(errors).filter(([field]) => !known.has(field)).map(([field, message]) => ({ field, message }));
}

/**
 * Every problem of a refused form, for the summary at its top: each message with a link to the
 * input it belongs to (`#f-...`), in the order the fields appear in the form.
 */
export function errorSummary(errors: FieldMessages, order: readonly string[]): { field: string; message: string; href: string | null }[] {
  const position = (field: string) => {
    const at = order.indexOf(field.replace(/\[\d+\]/g, '[]'));
    return at < 0 ? order.length : at;
  };
  return Object.entries(errors)
    .map(([field, message]) => ({ field, message, href: `#f-${fieldKey(field)}` }))
    .sort((a, b) => position(a.field) - position(b.field));
}
