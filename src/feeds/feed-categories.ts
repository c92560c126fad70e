import { ACTIVITY_TYPES } from '../intake/dto/achievement.dto';
import { COMPLAINT_CATEGORIES } from '../intake/dto/complaint.dto';
import { SERVICE_TYPES } from '../intake/dto/feedback.dto';
import { CATEGORY_LABELS, SERVICE_LABELS } from '../intake/intake-rules';
import { ACTIVITY_LABELS } from '../drafting/view-model/labels';
import type { FeedCategory } from './feed-model';

/**
 * Category feeds (/feeds/categories/:slug/...). story.category is what intake stored: the
 * complaint category for complaints ('curanmor'), the service type for citizen feedback ('sim',
 * 'skck'), the activity type for achievements ('bakti_sosial'). A slug names that value across
 * kinds. Two more slugs name a whole kind: 'apresiasi' (every citizen-feedback story) and
 * 'prestasi' (every achievement); neither is a value of any of the three lists.
 */
export const KIND_SLUGS: Record<string, { kind: string; label: string }> = {
  apresiasi: { kind: 'feedback', label: 'Apresiasi warga' },
  prestasi: { kind: 'achievement', label: 'Prestasi dan kegiatan' },
};

const VALUES = new Set<string>([...COMPLAINT_CATEGORIES, ...SERVICE_TYPES, ...ACTIVITY_TYPES]);

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export function categoryLabel(value: string): string {
  if (value === 'lainnya') return 'Lainnya';
  return CATEGORY_LABELS[value] ?? SERVICE_LABELS[value] ?? (ACTIVITY_LABELS[value] ? capitalise(ACTIVITY_LABELS[value]) : value);
}

/** The category feed a slug names, or null (404). */
export function categoryScope(requested: string): { slug: string; label: string; storyKind: string | null } | null {
  // The press room writes ?kategori=jalan-rusak (URLs prefer dashes); the stored value is jalan_rusak.
  const slug = requested.toLowerCase().replace(/-/g, '_');
  const kind = Object.hasOwn(KIND_SLUGS, slug) ? KIND_SLUGS[slug] : undefined;
  if (kind) return { slug, label: kind.label, storyKind: kind.kind };
  return VALUES.has(slug) ? { slug, label: categoryLabel(slug), storyKind: null } : null;
}

/** An item's categories: its own value, and the kind-wide slug for feedback and achievements. */
export function itemCategories(kind: string, category: string | null): FeedCategory[] {
  const out: FeedCategory[] = [];
  if (category) out.push({ term: category, label: categoryLabel(category) });
  for (const [slug, k] of Object.entries(KIND_SLUGS)) if (k.kind === kind) out.push({ term: slug, label: k.label });
  return out;
}
