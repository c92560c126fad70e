/** What the first bytes of a file say it is; 'other' for anything we do not recognise. */
export type SniffedFormat = 'jpeg' | 'png' | 'webp' | 'heif' | 'gif' | 'svg' | 'other';

/** Formats a photo may arrive in. HEIF covers HEIC and AVIF (decoded where sharp's build can). */
export const ACCEPTED_FORMATS: ReadonlySet<SniffedFormat> = new Set(['jpeg', 'png', 'webp', 'heif']);

/** ISO-BMFF brands of still HEIF/AVIF images (ftyp major or compatible brand). */
const HEIF_BRANDS = new Set(['heic', 'heix', 'heim', 'heis', 'hevc', 'hevx', 'mif1', 'msf1', 'avif', 'avis']);

const startsWith = (data: Buffer, bytes: number[], offset = 0) => bytes.every((b, i) => data[offset + i] === b);
const ascii = (data: Buffer, start: number, end: number) => data.subarray(start, end).toString('latin1');

/**
 * Identifies an upload by its magic bytes, before any decoder sees it: the file name and the
 * declared Content-Type are the client's word and are ignored. Cheap, and it keeps formats we
 * refuse (SVG, GIF, PDF, TIFF...) away from their decoders altogether.
 */
export function sniffImageFormat(data: Buffer): SniffedFormat {
  if (data.length < 12) return 'other';
  if (startsWith(data, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(data, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (ascii(data, 0, 4) === 'RIFF' && ascii(data, 8, 12) === 'WEBP') return 'webp';
  if (ascii(data, 0, 4) === 'GIF8') return 'gif';
  if (ascii(data, 4, 8) === 'ftyp' && isHeifBrand(data)) return 'heif';
  if (/^\s*(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*(<!DOCTYPE svg[^>]*>\s*)?<svg[\s>]/i.test(ascii(data, 0, Math.min(data.length, 4096)).replace(/^\uFEFF|^\xEF\xBB\xBF/, ''))) {
    return 'svg';
  }
  return 'other';
}

function isHeifBrand(data: Buffer): boolean {
  const boxSize = data.readUInt32BE(0);
  const end = Math.min(data.length, boxSize >= 16 && boxSize <= 4096 ? boxSize : 16);
  if (HEIF_BRANDS.has(ascii(data, 8, 12))) return true;
  // compatible brands follow the major brand and the minor version
  for (let offset = 16; offset + 4 <= end; offset += 4) {
    if (HEIF_BRANDS.has(ascii(data, offset, offset + 4))) return true;
  }
  return false;
}
