/** Formats of the files Gaung stores (uploads in other formats are re-encoded into these). */
export type StoredFormat = 'jpeg' | 'png' | 'webp';
export type RenditionFormat = 'jpeg' | 'webp';

export const FILE_EXT: Record<StoredFormat, string> = { jpeg: 'jpg', png: 'png', webp: 'webp' };
export const CONTENT_TYPE: Record<StoredFormat, string> = { jpeg: 'image/jpeg', png: 'image/png', webp: 'image/webp' };

export interface RenditionSpec {
  name: string;
  width: number;
  /** Null: keep the aspect ratio (and never enlarge); otherwise cropped to exactly width x height. */
  height: number | null;
  /** JPEG always (every channel takes it); WebP too where the channel accepts it. */
  formats: readonly RenditionFormat[];
  /** Social renditions carry the unit's logo. */
  watermark: boolean;
  channels: readonly string[];
}

/** One set for every photo: each channel's own shape (DESIGN §8). */
export const PHOTO_RENDITIONS: readonly RenditionSpec[] = [
  { name: 'square', width: 1080, height: 1080, formats: ['jpeg'], watermark: true, channels: ['instagram'] },
  { name: 'portrait', width: 1080, height: 1350, formats: ['jpeg'], watermark: true, channels: ['instagram'] },
  { name: 'story', width: 1080, height: 1920, formats: ['jpeg'], watermark: true, channels: ['instagram', 'facebook', 'whatsapp'] },
  { name: 'landscape', width: 1600, height: 900, formats: ['jpeg', 'webp'], watermark: true, channels: ['x', 'telegram'] },
  { name: 'og', width: 1200, height: 630, formats: ['jpeg'], watermark: true, channels: ['facebook', 'website'] },
  { name: 'web', width: 1600, height: null, formats: ['jpeg', 'webp'], watermark: false, channels: ['website', 'feeds'] },
  { name: 'thumb', width: 400, height: 400, formats: ['jpeg', 'webp'], watermark: false, channels: ['console', 'feeds'] },
];

/** A quote card is already square and carries the unit's name: cropping it would cut the text. */
export const QUOTE_CARD_RENDITIONS: readonly RenditionSpec[] = PHOTO_RENDITIONS.filter((r) => r.name === 'square' || r.name === 'thumb').map(
  (r) => ({ ...r, watermark: false }),
);

/** The logo fits a square this fraction of the rendition's shorter side, this far from the corner. */
export const WATERMARK = { size: 0.12, margin: 0.04 } as const;

export const JPEG_QUALITY = { original: 90, rendition: 82 } as const;
/** effort 2: about twice as fast as the default 4 for files ~5% larger. */
export const WEBP_OPTIONS = { quality: 80, effort: 2 } as const;

/** `square.jpg` <-> {name: 'square', format: 'jpeg'}; `original.jpg`/`original.png` is the sanitised original. */
export function renditionKey(name: string, format: StoredFormat): string {
  return `${name}.${FILE_EXT[format]}`;
}

export function parseRenditionKey(key: string): { name: string; format: StoredFormat } | null {
  const match = /^([a-z]{2,12})\.(jpg|png|webp)$/.exec(key);
  if (!match) return null;
  const format = (Object.keys(FILE_EXT) as StoredFormat[]).find((f) => FILE_EXT[f] === match[2])!;
  return { name: match[1], format };
}
