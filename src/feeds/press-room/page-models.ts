import { hariTanggalPanjang, jam } from '../../drafting/helpers';
import { CATEGORY_OPTIONS, categoryLabel } from './categories';
import type { ListedRelease, PhotoRendition, PublicUnit, Release } from './press-room.repository';
import { jsonForScript } from './press-room.views';
import { releaseParagraphs, summaryOf } from './release-text';

/**
 * View models of the press room pages: plain data the Handlebars views print with escaping on.
 * Every value here comes from story, draft, unit or media rows, never from a source item.
 */

export const SITE_NAME = 'Ruang Rilis Humas';
export const PAGE_SIZE = 12;

export interface FeedLink {
  title: string;
  href: string;
}

export interface Head {
  title: string;
  description: string;
  canonical: string | null;
  /** <meta property=...> (Open Graph, article:*). */
  properties: { key: string; value: string }[];
  /** <meta name=...> (Twitter card, description). */
  names: { key: string; value: string }[];
  feeds: FeedLink[];
  /** JSON-LD already made safe for a <script> element (jsonForScript), or null. */
  jsonLd: string | null;
  noindex: boolean;
}

export interface ListPageInput {
  baseUrl: string;
  units: PublicUnit[];
  unit: PublicUnit | null;
  category: string | null;
  page: number;
  /** Up to PAGE_SIZE + 1 rows: the extra one only says a next page exists. */
  rows: ListedRelease[];
}

const mediaUrl = (id: string, name: string, format: string) => `/media/${id}/${name}.${format === 'jpeg' ? 'jpg' : format}`;
const siteFeeds = (baseUrl: string): FeedLink[] => [{ title: `${SITE_NAME}: semua rilis (RSS)`, href: `${baseUrl}/feeds/rss.xml` }];
const unitFeed = (baseUrl: string, unit: { code: string; name: string }): FeedLink => ({
  title: `Rilis ${unit.name} (RSS)`,
  href: `${baseUrl}/feeds/units/${encodeURIComponent(unit.code)}/rss.xml`,
});

const categoryFeed = (baseUrl: string, slug: string, label: string): FeedLink => ({
  title: `Rilis kategori ${label} (RSS)`,
  href: `${baseUrl}/feeds/categories/${encodeURIComponent(slug)}/rss.xml`,
});

export function dateLabels(at: Date, timezone: string) {
  return { dateIso: at.toISOString(), dateLabel: hariTanggalPanjang(at, timezone), timeLabel: jam(at, timezone) };
}

function listHref(unit: string | null, category: string | null, page: number): string {
  const query = new URLSearchParams();
  if (unit) query.set('unit', unit);
  if (category) query.set('kategori', category);
  if (page > 1) query.set('page', String(page));
  const text = query.toString();
  return text ? `/rilis?${text}` : '/rilis';
}

/** Units indented by depth (Polda, then its Polres, then their Polsek), for the filter menu. */
function unitOptions(units: PublicUnit[], selected: string | null) {
  const listed = new Set(units.map((u) => u.id));
  const byParent = new Map<string | null, PublicUnit[]>();
  for (const unit of units) {
    // under the nearest ancestor the menu lists (a selected Polsek sits under its Polres)
    const parent = [...unit.path.slice(0, -1)].reverse().find((id) => listed.has(id)) ?? null;
    byParent.set(parent, [...(byParent.get(parent) ?? []), unit]);
  }
  const out: { code: string; label: string; selected: boolean }[] = [];
  const walk = (unit: PublicUnit, depth: number) => {
    out.push({ code: unit.code, label: `${'\u00a0\u00a0'.repeat(depth)}${unit.name}`, selected: unit.code === selected });
    for (const child of byParent.get(unit.id) ?? []) walk(child, depth + 1);
  };
  for (const root of byParent.get(null) ?? []) walk(root, 0);
  return out;
}

export function listPage(input: ListPageInput) {
  const { baseUrl, unit, category, page } = input;
  const items = input.rows.slice(0, PAGE_SIZE).map((row, index) => {
    const { lead } = releaseParagraphs(row.firstParagraph);
    return {
      href: `/rilis/${row.slug}`,
      title: row.title,
      unitName: row.unitName,
      categoryLabel: categoryLabel(row.category),
      lead: summaryOf(lead),
      thumb: row.photoId && row.hasThumb ? { src: mediaUrl(row.photoId, 'thumb', 'jpeg'), alt: row.photoAlt || row.title } : null,
      // the first cards are usually on screen at once: only the later ones wait until scrolled to
      lazy: index >= 3,
      ...dateLabels(new Date(row.publishedAt), row.timezone),
    };
  });
  const hasNext = input.rows.length > PAGE_SIZE;
  const scope = [unit?.name, categoryLabel(category)].filter(Boolean).join(' · ');
  const heading = scope ? `Rilis: ${scope}` : 'Rilis terbaru';
  const title = `${heading}${page > 1 ? ` (halaman ${page})` : ''} | ${SITE_NAME}`;
  const description = 'Siaran pers Humas Polri: penanganan laporan warga, apresiasi masyarakat, dan kegiatan satuan.';
  const canonical = `${baseUrl}${listHref(unit?.code ?? null, category, page)}`;
  const head: Head = {
    title,
    description,
    canonical,
    properties: [
      { key: 'og:type', value: 'website' },
      { key: 'og:site_name', value: SITE_NAME },
      { key: 'og:title', value: heading },
      { key: 'og:description', value: description },
      { key: 'og:url', value: canonical },
      { key: 'og:locale', value: 'id_ID' },
    ],
    names: [{ key: 'description', value: description }, { key: 'twitter:card', value: 'summary' }],
    feeds: [
      ...(unit ? [unitFeed(baseUrl, unit)] : []),
      ...(category ? [categoryFeed(baseUrl, category, categoryLabel(category) ?? category)] : []),
      ...siteFeeds(baseUrl),
    ],
    jsonLd: null,
    noindex: false,
  };
  return {
    head,
    heading,
    items,
    empty: items.length === 0,
    filtered: unit !== null || category !== null,
    units: unitOptions(input.units, unit?.code ?? null),
    categories: CATEGORY_OPTIONS.map((c) => ({ ...c, selected: c.slug === category })),
    page,
    prev: page > 1 ? listHref(unit?.code ?? null, category, page - 1) : null,
    next: hasNext ? listHref(unit?.code ?? null, category, page + 1) : null,
    feedHref: head.feeds[0].href, // the most specific feed of what the page shows
  };
}

const find = (renditions: PhotoRendition[], name: string, format = 'jpeg') => renditions.find((r) => r.name === name && r.format === format) ?? null;

/** The photo on the page: the full-width 'web' rendition (WebP where it exists), else the square one (quote cards). */
function pagePhoto(release: Release) {
  if (!release.photoId) return null;
  const main = find(release.renditions, 'web') ?? find(release.renditions, 'square');
  if (!main) return null;
  const webp = find(release.renditions, main.name, 'webp');
  return {
    // a quote card is square: shown smaller than a landscape photo
    square: main.width === main.height,
    src: mediaUrl(release.photoId, main.name, 'jpeg'),
    webp: webp ? mediaUrl(release.photoId, main.name, 'webp') : null,
    width: main.width,
    height: main.height,
    alt: release.photoAlt || release.title,
  };
}

/** The image link previews show: the 1200x630 'og' rendition when there is one. */
function shareImage(release: Release, baseUrl: string) {
  if (!release.photoId) return null;
  const pick = find(release.renditions, 'og') ?? find(release.renditions, 'web') ?? find(release.renditions, 'square');
  return pick ? { url: `${baseUrl}${mediaUrl(release.photoId, pick.name, 'jpeg')}`, width: pick.width, height: pick.height, alt: release.photoAlt || release.title } : null;
}

export function releasePage(release: Release & { publishedAt: Date }, baseUrl: string) {
  const { dateline, lead, rest } = releaseParagraphs(release.body);
  const description = summaryOf(lead, 200);
  const canonical = `${baseUrl}/rilis/${release.slug}`;
  const published = new Date(release.publishedAt);
  const image = shareImage(release, baseUrl);
  const category = categoryLabel(release.category);
  const properties = [
    { key: 'og:type', value: 'article' },
    { key: 'og:site_name', value: SITE_NAME },
    { key: 'og:locale', value: 'id_ID' },
    { key: 'og:title', value: release.title },
    { key: 'og:description', value: description },
    { key: 'og:url', value: canonical },
    ...(image
      ? [
          { key: 'og:image', value: image.url },
          { key: 'og:image:width', value: String(image.width) },
          { key: 'og:image:height', value: String(image.height) },
          { key: 'og:image:alt', value: image.alt },
        ]
      : []),
    { key: 'article:published_time', value: published.toISOString() },
    { key: 'article:modified_time', value: new Date(release.updatedAt).toISOString() },
    { key: 'article:author', value: `Humas ${release.unitName}` },
    ...(category ? [{ key: 'article:section', value: category }] : []),
  ];
  const names = [
    { key: 'description', value: description },
    { key: 'twitter:card', value: image ? 'summary_large_image' : 'summary' },
    { key: 'twitter:title', value: release.title },
    { key: 'twitter:description', value: description },
    ...(image ? [{ key: 'twitter:image', value: image.url }, { key: 'twitter:image:alt', value: image.alt }] : []),
    ...(release.xHandle ? [{ key: 'twitter:site', value: release.xHandle }] : []),
  ];
  const jsonLd = jsonForScript({
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: release.title,
    description,
    datePublished: published.toISOString(),
    dateModified: new Date(release.updatedAt).toISOString(),
    mainEntityOfPage: canonical,
    url: canonical,
    inLanguage: 'id',
    ...(image ? { image: [image.url] } : {}),
    ...(dateline ? { dateline } : {}),
    author: { '@type': 'Organization', name: `Humas ${release.unitName}` },
    publisher: { '@type': 'Organization', name: SITE_NAME },
    ...(category ? { articleSection: category } : {}),
  });
  const head: Head = {
    title: `${release.title} | ${SITE_NAME}`,
    description,
    canonical,
    properties,
    names,
    feeds: [
      unitFeed(baseUrl, { code: release.unitCode, name: release.unitName }),
      ...(release.category && category ? [categoryFeed(baseUrl, release.category, category)] : []),
      ...siteFeeds(baseUrl),
    ],
    jsonLd,
    noindex: false,
  };
  return {
    head,
    title: release.title,
    dateline,
    lead,
    paragraphs: rest,
    unitName: release.unitName,
    unitHref: listHref(release.unitCode, null, 1),
    categoryLabel: category,
    categoryHref: release.category && category ? listHref(null, release.category, 1) : null,
    photo: pagePhoto(release),
    feedHref: unitFeed(baseUrl, { code: release.unitCode, name: release.unitName }).href,
    ...dateLabels(published, release.timezone),
  };
}

/** 400, 404, 410 and 5xx pages: short, in Indonesian, never indexed. */
export function noticePage(status: number, heading: string, message: string) {
  const head: Head = { title: `${heading} | ${SITE_NAME}`, description: message, canonical: null, properties: [], names: [], feeds: [], jsonLd: null, noindex: true };
  return { head, status, heading, message };
}
