/**
 * Invisible formatting characters that change how text is shown without being seen: bidi
 * embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069; a quote card rendered text
 * reversed), marks (U+200E, U+200F, U+061C), zero-width space and word joiners, invisible
 * operators, deprecated format controls, interlinear annotation marks, the BOM and the soft
 * hyphen. The zero-width joiner and non-joiner stay: emoji sequences and some scripts need them.
 * Intake normalises text already; everything public strips them again on the way out.
 */
export const INVISIBLE_FORMAT = /[\u00AD\u061C\u180E\u200B\u200E\u200F\u202A-\u202E\u2060-\u2064\u2066-\u206F\uFEFF\uFFF9-\uFFFB]/g;

export function stripInvisible(text: string): string {
  return text.replace(INVISIBLE_FORMAT, '');
}
