import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { crc32, deflateSync } from 'node:zlib';
import sharp, { type Sharp } from 'sharp';

/** Test images, generated at test time with sharp (and exiftool for IPTC). */

const raw = (data: Buffer, width: number, height: number, channels: 3 | 4 = 3) => sharp(data, { raw: { width, height, channels } });

/**
 * A photo-like image: colour areas varying slowly (`variation`, 0 for one flat colour) plus
 * sensor-like noise (`noise`); blur tests need the texture, others prefer little of it (noise is
 * slow to encode).
 */
export async function noisyPhoto(width: number, height: number, options: { format?: 'jpeg' | 'png'; noise?: number; variation?: number } = {}): Promise<Buffer> {
  const { format = 'jpeg', noise = 40, variation = 40 } = options;
  const small = await sharp({ create: { width: 6, height: 4, channels: 3, background: '#808080', noise: { type: 'gaussian', mean: 128, sigma: Math.max(variation, 0.01) } } }).png().toBuffer();
  const base = await sharp(small).resize(width, height, { kernel: 'cubic' }).raw().toBuffer();
  const grain = await sharp({ create: { width, height, channels: 3, background: '#808080', noise: { type: 'gaussian', mean: 128, sigma: Math.max(noise, 0.01) } } }).raw().toBuffer();
  for (let i = 0; i < base.length; i++) base[i] = Math.max(0, Math.min(255, base[i] + grain[i] - 128));
  const image = raw(base, width, height);
  return format === 'png' ? image.png().toBuffer() : image.jpeg({ quality: 90 }).toBuffer();
}

/** A uniform image with a red block in its stored top-left corner (to see where "up" went). */
export async function markedImage(width: number, height: number): Promise<Sharp> {
  const base = await sharp({ create: { width, height, channels: 3, background: '#3060a0' } })
    .composite([{ input: { create: { width: Math.round(width / 4), height: Math.round(height / 4), channels: 3, background: '#ff0000' } }, left: 0, top: 0 }])
    .removeAlpha()
    .raw()
    .toBuffer();
  return raw(base, width, height);
}

/**
 * A phone JPEG the way privacy worries about it: 600x400 as stored, EXIF orientation 6
 * (shown upright as 400x600), camera make and model, GPS position, XMP creator, an ICC
 * profile, a JPEG comment and IPTC by-line.
 */
export async function phoneJpegWithMetadata(): Promise<Buffer> {
  const jpeg = await (await markedImage(600, 400))
    .jpeg({ quality: 90 })
    .withExif({
      IFD0: { Make: 'Samsung', Model: 'Galaxy A54 5G', Copyright: 'Andreas Wibowo' },
      IFD3: { GPSLatitudeRef: 'S', GPSLatitude: '6/1 14/1 2500/100', GPSLongitudeRef: 'E', GPSLongitude: '106/1 47/1 3000/100' },
    })
    .withXmp(
      '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">' +
        '<rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator>Andreas Wibowo</dc:creator></rdf:Description></rdf:RDF></x:xmpmeta>',
    )
    .withMetadata({ orientation: 6 })
    .toBuffer();
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'gaung-img-')), 'phone.jpg');
  fs.writeFileSync(file, jpeg);
  execFileSync('exiftool', ['-q', '-overwrite_original', '-IPTC:By-line=Andreas Wibowo', '-IPTC:City=Jakarta', '-Comment=0812-8877-1234', file]);
  const tagged = fs.readFileSync(file);
  fs.rmSync(path.dirname(file), { recursive: true, force: true });
  return tagged;
}

/** A logo with transparency: a yellow disc on nothing. */
export function logoPng(): Promise<Buffer> {
  const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="300" height="300"><circle cx="150" cy="150" r="140" fill="#ffd700"/></svg>';
  return sharp(Buffer.from(svg)).png().toBuffer();
}

/**
 * A decompression bomb: 20,000 x 20,000 pixels (400 MP, 1.2 GB decoded as RGB) in a file of
 * a few dozen kilobytes: a 1-bit greyscale PNG of zeros, assembled by hand.
 */
export function pngBomb(side = 20_000): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(side, 0);
  header.writeUInt32BE(side, 4);
  header.set([1, 0, 0, 0, 0], 8); // bit depth 1, greyscale, deflate, no filter, no interlace
  const rows = Buffer.alloc((1 + Math.ceil(side / 8)) * side); // each row: filter byte 0, then zeros
  const idat = deflateSync(rows, { level: 9 });
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', idat), chunk('IEND', Buffer.alloc(0))]);
}

/** An animated GIF (or WebP) of `frames` frames. */
export async function animatedImage(frames = 30, format: 'gif' | 'webp' = 'gif', side = 64): Promise<Buffer> {
  const strip = Buffer.alloc(side * side * frames * 3);
  for (let f = 0; f < frames; f++) strip.fill(f * 8, f * side * side * 3, (f + 1) * side * side * 3);
  const image = sharp(strip, { raw: { width: side, height: side * frames, channels: 3, pageHeight: side } });
  return (format === 'gif' ? image.gif({ delay: 40, loop: 0 }) : image.webp({ delay: 40, loop: 0 })).toBuffer();
}

export const SVG_IMAGE = Buffer.from('<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="100" height="100"><rect width="100" height="100" fill="red"/></svg>');

/** exiftool's tags of a file, grouped (`EXIF:Model`, `XMP:Creator`...). */
export function exifTags(file: string): Record<string, unknown> {
  return JSON.parse(execFileSync('exiftool', ['-j', '-G', '-a', file], { encoding: 'utf8' }))[0];
}

/** Tags that would be metadata beyond the image itself; only File/JFIF/Composite/PNG structure may remain. */
export function metadataTags(tags: Record<string, unknown>): string[] {
  return Object.keys(tags).filter((key) => !/^(SourceFile|ExifTool:|File:|JFIF:|Composite:(ImageSize|Megapixels)$|PNG:(ImageWidth|ImageHeight|BitDepth|ColorType|Compression|Filter|Interlace|SRGBRendering|Gamma|PixelsPerUnitX|PixelsPerUnitY|PixelUnits)$|RIFF:|WebP:)/.test(key));
}

/** Variance of the luminance of an area of an image (high for texture and faces, near 0 when blurred). */
export async function lumaVariance(image: Buffer, area: { left: number; top: number; width: number; height: number }): Promise<number> {
  const pixels = await sharp(image).extract(area).greyscale().raw().toBuffer();
  const mean = pixels.reduce((sum, v) => sum + v, 0) / pixels.length;
  return pixels.reduce((sum, v) => sum + (v - mean) ** 2, 0) / pixels.length;
}

/** Mean squared difference between horizontal neighbours: the fine detail (edges, features) of an area. */
export async function detailEnergy(image: Buffer, area: { left: number; top: number; width: number; height: number }): Promise<number> {
  const pixels = await sharp(image).extract(area).greyscale().raw().toBuffer();
  let sum = 0;
  let n = 0;
  for (let i = 0; i + 1 < pixels.length; i++) {
    if ((i + 1) % area.width === 0) continue; // not across the end of a row
    sum += (pixels[i + 1] - pixels[i]) ** 2;
    n++;
  }
  return sum / n;
}

/** Mean RGB of an area. */
export async function meanColour(image: Buffer, area: { left: number; top: number; width: number; height: number }): Promise<[number, number, number]> {
  // from the extracted pixels themselves (stats() would describe the whole input)
  const pixels = await sharp(image).extract(area).removeAlpha().raw().toBuffer();
  const sum = [0, 0, 0];
  for (let i = 0; i < pixels.length; i++) sum[i % 3] += pixels[i];
  const n = pixels.length / 3;
  return [sum[0] / n, sum[1] / n, sum[2] / n];
}
