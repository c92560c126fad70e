import { ACTIVITY_TYPES } from '../../intake/dto/achievement.dto';
import { COMPLAINT_CATEGORIES } from '../../intake/dto/complaint.dto';
import { SERVICE_TYPES } from '../../intake/dto/feedback.dto';
import { ACTIVITY_LABELS, CATEGORY_LABELS, SERVICE_LABELS } from '../../drafting/view-model/labels';

/**
 * story.category holds a complaint category, a feedback service type or an achievement activity
 * type (src/stories/story-creator.service.ts). The press room shows them under readable names,
 * from a fixed list: no query over 100,000 stories just to fill a menu.
 */
export interface CategoryOption {
  slug: string;
  label: string;
}

const capital = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

function build(): CategoryOption[] {
  const labels = new Map<string, string>();
  for (const slug of COMPLAINT_CATEGORIES) if (slug !== 'lainnya') labels.set(slug, CATEGORY_LABELS[slug] ?? capital(slug));
  for (const slug of SERVICE_TYPES) if (!labels.has(slug) && slug !== 'lainnya') labels.set(slug, `Pelayanan ${SERVICE_LABELS[slug] ?? slug}`);
  for (const slug of ACTIVITY_TYPES) if (!labels.has(slug) && slug !== 'lainnya') labels.set(slug, capital(ACTIVITY_LABELS[slug] ?? slug));
  labels.set('lainnya', 'Lainnya');
  return [...labels].map(([slug, label]) => ({ slug, label })).sort((a, b) => (a.slug === 'lainnya' ? 1 : b.slug === 'lainnya' ? -1 : a.label.localeCompare(b.label, 'id')));
}

/**
 * Two slugs name a whole kind of story rather than a category value, as the category feeds do
 * (/feeds/categories/apresiasi/...): every citizen-feedback story, every achievement.
 */
export const KIND_SLUGS: Readonly<Record<string, { kind: string; label: string }>> = {
  apresiasi: { kind: 'feedback', label: 'Apresiasi warga' },
  prestasi: { kind: 'achievement', label: 'Prestasi dan kegiatan' },
};

export const CATEGORY_OPTIONS: readonly CategoryOption[] = [
  ...Object.entries(KIND_SLUGS).map(([slug, k]) => ({ slug, label: k.label })),
  ...build(),
];
const BY_SLUG = new Map(CATEGORY_OPTIONS.map((c) => [c.slug, c.label]));

/** What ?kategori= filters on: a story kind (apresiasi, prestasi) or a category value. */
export interface CategoryFilter {
  slug: string;
  kind: string | null;
  category: string | null;
}

/** "jalan_rusak" and "jalan-rusak" both name the category stored as jalan_rusak. */
export function categoryFilter(value: string): CategoryFilter | null {
  const slug = value.trim().toLowerCase().replace(/-/g, '_');
  if (KIND_SLUGS[slug]) return { slug, kind: KIND_SLUGS[slug].kind, category: null };
  return BY_SLUG.has(slug) ? { slug, kind: null, category: slug } : null;
}

export function categoryLabel(slug: string | null): string | null {
  return slug ? (BY_SLUG.get(slug) ?? null) : null;
}
