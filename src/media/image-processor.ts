import { Inject, Injectable } from '@nestjs/common';
import type { Sharp, SharpOptions } from 'sharp';
import {
  JPEG_QUALITY, type RenditionFormat, type RenditionSpec, type StoredFormat, WATERMARK, WEBP_OPTIONS,
} from './renditions';

export interface ImageLimits {
  /** Largest width x height decoded; checked by libvips on every input, before decoding. */
  maxPixels: number;
  /** How many images are decoded and encoded at once (each may hold ~50 MB of pixels). */
  parallelJobs?: number;
  /** How many may wait for a turn (each holding its upload in memory); more are refused as busy. */
  maxWaiting?: number;
}
export const IMAGE_LIMITS = Symbol('IMAGE_LIMITS');

export interface ImageProbe {
  /** The decoder libvips picked, from the bytes. */
  format: string;
  /** Upright size (EXIF orientation applied). */
  width: number;
  height: number;
  pages: number;
  /** HEIF only: 'hevc' (HEIC) or 'av1' (AVIF). */
  compression?: string;
  hasAlpha: boolean;
}

export interface EncodedImage {
  data: Buffer;
  format: StoredFormat;
  width: number;
  height: number;
}
export interface RenderedRendition extends EncodedImage {
  name: string;
}
export interface PixelRect {
  x: number;
  y: number;
  w: number;
  h: number;
}

type SharpModule = typeof import('sharp').default;
let sharpModule: SharpModule | undefined;

/**
 * sharp (libvips) is loaded with the first image, not when the app starts: an instance that has
 * not handled an image since it started does not carry libvips' code, state and threads (several
 * MiB of idle RSS; DESIGN.md §13, bench/memory-idle.bench.js).
 */
function sharp(): SharpModule {
  if (!sharpModule) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first use, see above
    sharpModule = require('sharp') as SharpModule;
    // Every upload is a different image: the cache would only keep earlier ones' pixels alive.
    sharpModule.cache(false);
  }
  return sharpModule;
}

/** sharp refused the input: the service turns the reason into a problem. */
export class ImageRejected extends Error {
  constructor(readonly reason: 'undecodable' | 'too_many_pixels' | 'busy', message: string) {
    super(message);
    this.name = 'ImageRejected';
  }
}

interface Mark {
  input: Buffer;
  width: number;
  height: number;
}

/**
 * The one class that touches sharp (libvips): decode, sanitise, resize, watermark, blur and
 * render SVG. Everything else in Gaung sees buffers and numbers, so services are testable
 * without it. Like immich's MediaRepository: no operation cache, failOn 'error' (a truncated
 * file fails, a phone's harmless "extraneous bytes" warning does not), and a pixel limit on
 * every input so that a small file cannot expand into gigabytes.
 */
@Injectable()
export class ImageProcessor {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(@Inject(IMAGE_LIMITS) private readonly limits: ImageLimits) {}

  /** Format, upright size and frame count from the header only (nothing is decoded). */
  async probe(data: Buffer): Promise<ImageProbe> {
    const meta = await sharp()(data, { limitInputPixels: false }).metadata().catch((error: Error) => {
      throw new ImageRejected('undecodable', error.message);
    });
    return {
      format: meta.format,
      width: meta.autoOrient?.width ?? meta.width,
      height: meta.autoOrient?.height ?? meta.height,
      pages: meta.pages ?? 1,
      compression: meta.compression,
      hasAlpha: meta.hasAlpha,
    };
  }

  /**
   * An upload made ready: the sanitised original and every rendition, from the upload's bytes
   * in parallel (libvips then shrinks JPEGs while decoding for the small ones).
   */
  prepare(data: Buffer, keepAlpha: boolean, specs: readonly RenditionSpec[], logo: Buffer | null): Promise<{ original: EncodedImage; renditions: RenderedRendition[] }> {
    return this.job(async () => {
      const [original, renditions] = await Promise.all([this.sanitise(data, keepAlpha), this.renditions(data, specs, logo)]);
      return { original, renditions };
    });
  }

  /** Every rendition of `specs` from one input (a stored original); `logo` goes on the watermarked ones. */
  renderAll(data: Buffer, specs: readonly RenditionSpec[], logo: Buffer | null): Promise<RenderedRendition[]> {
    return this.job(() => this.renditions(data, specs, logo));
  }

  /**
   * Hides the areas for good: each is pixelated into blocks of an eighth of its size, then
   * blurred as strongly, from the original's pixels. The result replaces the original (same format).
   */
  blur(original: Buffer, format: StoredFormat, rects: readonly PixelRect[]): Promise<EncodedImage> {
    return this.job(async () => {
      const patches = await Promise.all(rects.map((rect) => this.blurPatch(original, rect)));
      const pipeline = this.open(original).composite(
        patches.map(({ data, info }, i) => ({ input: data, raw: { width: info.width, height: info.height, channels: info.channels }, left: rects[i].x, top: rects[i].y })),
      );
      return this.encode(format === 'png' ? pipeline.png({ compressionLevel: 6 }) : pipeline.jpeg({ quality: JPEG_QUALITY.original }), format);
    });
  }

  /** Renders SVG (a quote card) to a JPEG; fonts come from fontconfig (DejaVu Sans, Noto Color Emoji). */
  renderSvg(svg: string, background: string): Promise<EncodedImage> {
    return this.job(() => this.encode(this.open(Buffer.from(svg, 'utf8')).flatten({ background }).jpeg({ quality: JPEG_QUALITY.original }), 'jpeg'));
  }

  /**
   * The stored original: turned upright by its EXIF orientation, converted to sRGB, and
   * re-encoded without any metadata (no EXIF, GPS, XMP, IPTC, ICC, comments). PNG when the
   * image has transparency (a logo), JPEG otherwise.
   */
  private sanitise(data: Buffer, keepAlpha: boolean): Promise<EncodedImage> {
    const pipeline = this.open(data);
    if (keepAlpha) return this.encode(pipeline.png({ compressionLevel: 6 }), 'png');
    return this.encode(pipeline.flatten({ background: '#ffffff' }).jpeg({ quality: JPEG_QUALITY.original }), 'jpeg');
  }

  private renditions(data: Buffer, specs: readonly RenditionSpec[], logo: Buffer | null): Promise<RenderedRendition[]> {
    const marks = new Map<number, Promise<Mark>>();
    const markFor = (spec: RenditionSpec) => {
      const side = Math.min(spec.width, spec.height ?? spec.width);
      if (!marks.has(side)) marks.set(side, this.mark(logo!, side));
      return marks.get(side)!;
    };
    const jobs = specs.flatMap((spec) =>
      spec.formats.map(async (format) => {
        const mark = spec.watermark && logo && spec.height ? await markFor(spec) : null;
        return { name: spec.name, ...(await this.renderOne(data, spec, format, mark)) };
      }),
    );
    return Promise.all(jobs);
  }

  private open(data: Buffer, options: SharpOptions = {}): Sharp {
    return sharp()(data, { failOn: 'error', limitInputPixels: this.limits.maxPixels, autoOrient: true, ...options }).timeout({ seconds: 60 });
  }

  private renderOne(data: Buffer, spec: RenditionSpec, format: RenditionFormat, mark: Mark | null): Promise<EncodedImage> {
    let pipeline = this.open(data).flatten({ background: '#ffffff' });
    pipeline = spec.height
      ? pipeline.resize(spec.width, spec.height, { fit: 'cover', position: sharp().strategy.attention })
      : pipeline.resize(spec.width, null, { withoutEnlargement: true });
    if (mark && spec.height) {
      const margin = Math.round(Math.min(spec.width, spec.height) * WATERMARK.margin);
      pipeline = pipeline.composite([{ input: mark.input, left: spec.width - mark.width - margin, top: spec.height - mark.height - margin }]);
    }
    return this.encode(format === 'webp' ? pipeline.webp(WEBP_OPTIONS) : pipeline.jpeg({ quality: JPEG_QUALITY.rendition, progressive: true }), format);
  }

  /** The logo scaled to fit WATERMARK.size of the rendition's shorter side. */
  private async mark(logo: Buffer, shorterSide: number): Promise<Mark> {
    const box = Math.max(16, Math.round(shorterSide * WATERMARK.size));
    const { data, info } = await this.open(logo).resize(box, box, { fit: 'inside' }).ensureAlpha().png().toBuffer({ resolveWithObject: true });
    return { input: data, width: info.width, height: info.height };
  }

  private async blurPatch(original: Buffer, rect: PixelRect) {
    const block = Math.max(6, Math.round(Math.max(rect.w, rect.h) / 8));
    const small = await this.open(original)
      .extract({ left: rect.x, top: rect.y, width: rect.w, height: rect.h })
      .resize(Math.max(1, Math.ceil(rect.w / block)), Math.max(1, Math.ceil(rect.h / block)), { fit: 'fill' })
      .raw()
      .toBuffer({ resolveWithObject: true });
    return sharp()(small.data, { raw: { width: small.info.width, height: small.info.height, channels: small.info.channels } })
      .resize(rect.w, rect.h, { fit: 'fill', kernel: 'nearest' })
      .blur(Math.max(3, block))
      .raw()
      .toBuffer({ resolveWithObject: true });
  }

  private async encode(pipeline: Sharp, format: StoredFormat): Promise<EncodedImage> {
    try {
      const { data, info } = await pipeline.toBuffer({ resolveWithObject: true });
      return { data, format, width: info.width, height: info.height };
    } catch (error) {
      const message = (error as Error).message;
      throw new ImageRejected(/pixel limit/i.test(message) ? 'too_many_pixels' : 'undecodable', message);
    }
  }

  /** At most `parallelJobs` images in flight: memory stays bounded under a burst of uploads. */
  private async job<T>(work: () => Promise<T>): Promise<T> {
    // A finishing job hands its slot straight to the next waiter, so no newcomer can slip in between.
    if (this.running >= (this.limits.parallelJobs ?? 2)) {
      if (this.waiting.length >= (this.limits.maxWaiting ?? 16)) throw new ImageRejected('busy', 'too many images waiting');
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    } else {
      this.running++;
    }
    try {
      return await work();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.running--;
    }
  }
}
