import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { AuthUser } from '../common/auth/auth-user';
import { ProblemException } from '../common/problem/problem.exception';
import { cleanText } from '../intake/privacy/normalise';
import { maskPersonalData } from '../intake/privacy/pii-masker';
import { publishableText } from '../intake/privacy/publishable-text';
import { GAUNG_CONFIG, type GaungConfig } from '../config/gaung-config';
import { ScopeService } from '../units/scope.service';
import type { MediaResponse, UploadMediaDto } from './dto/media.dto';
import { type EncodedImage, type ImageProbe, ImageProcessor, ImageRejected, type RenderedRendition } from './image-processor';
import { ACCEPTED_FORMATS, sniffImageFormat } from './image-sniff';
import { MediaCatalog } from './media-catalog.service';
import { MediaProblems } from './media-problems';
import { type NewMediaRow, MediaWriter } from './media-writer';
import { PHOTO_RENDITIONS } from './renditions';
import { UnitLogos } from './unit-logos.service';

/** The part of a multer file Gaung reads (memory storage, bounded by MEDIA_MAX_BYTES). */
export interface UploadedImage {
  buffer: Buffer;
  size: number;
}

export interface PreparedMedia {
  row: Omit<NewMediaRow, 'id'>;
  original: EncodedImage;
  renditions: RenderedRendition[];
}

/**
 * Uploads: the bytes are identified by content, checked against the limits before anything
 * is decoded, sanitised and rendered; files and rows are then written together (MediaWriter),
 * so a failure at any step leaves neither. The raw upload is never stored.
 */
@Injectable()
export class MediaService {
  constructor(
    private readonly scope: ScopeService,
    private readonly images: ImageProcessor,
    private readonly writer: MediaWriter,
    private readonly catalog: MediaCatalog,
    private readonly logos: UnitLogos,
    private readonly audit: AuditService,
    @Inject(GAUNG_CONFIG) private readonly config: GaungConfig,
  ) {}

  async upload(user: AuthUser, file: UploadedImage | undefined, fields: UploadMediaDto): Promise<MediaResponse> {
    if (!file) throw MediaProblems.badUpload('file_missing', 'Send the image in the multipart field "file".');
    if (file.size === 0) throw MediaProblems.badUpload('file_empty', 'The file is empty.');
    const unitId = await this.targetUnit(user, fields.unitCode);
    const probe = await this.inspect(file.buffer);
    const logo = await this.logos.forUnit(unitId);
    const prepared = await this.decode(probe, () => this.images.prepare(file.buffer, probe.hasAlpha, PHOTO_RENDITIONS, logo?.data ?? null));
    const row = { unitId, kind: 'photo' as const, sourceFormat: probe.format, alt: publicAlt(fields.alt), watermarkMediaId: logo?.mediaId ?? null, createdBy: user.id };
    const id = await this.save({ row, ...prepared }, async (manager, mediaId) => {
      await this.audit.record(
        { actorId: user.id, action: 'media.upload', subjectType: 'media', subjectId: mediaId, unitId, details: { format: probe.format, width: prepared.original.width, height: prepared.original.height, bytes: file.size } },
        manager,
      );
    });
    return this.catalog.view(user, id);
  }

  /** Writes files and rows of a prepared item in one transaction; `then` adds to that transaction. */
  async save(media: PreparedMedia, then: (manager: EntityManager, mediaId: string) => Promise<void>): Promise<string> {
    const id = randomUUID();
    await this.writer.withFiles([media.original, ...media.renditions], async (manager, [original, ...renditions]) => {
      await this.writer.insert(manager, { id, ...media.row }, original, renditions);
      await then(manager, id);
    });
    return id;
  }

  /** What the bytes are, from the magic bytes and the header only: 415 and 422 before decoding. */
  private async inspect(data: Buffer): Promise<ImageProbe> {
    const sniffed = sniffImageFormat(data);
    if (!ACCEPTED_FORMATS.has(sniffed)) {
      const what = sniffed === 'other' ? 'not a recognised image' : `${sniffed.toUpperCase()}`;
      throw MediaProblems.unsupported(`The file is ${what}; send a JPEG, PNG, WebP or HEIF/AVIF photo.`);
    }
    const probe = await this.images.probe(data).catch((error: unknown) => {
      throw error instanceof ImageRejected ? MediaProblems.undecodable() : error;
    });
    if (probe.format !== sniffed) throw MediaProblems.undecodable();
    if (probe.pages > 1 && sniffed === 'webp') throw MediaProblems.unsupported('Animated images are not accepted; send a still photo.');
    if (probe.width * probe.height > this.config.mediaMaxPixels) throw MediaProblems.tooManyPixels(this.config.mediaMaxPixels);
    return probe;
  }

  private async decode<T>(probe: ImageProbe, work: () => Promise<T>): Promise<T> {
    return work().catch((error: unknown) => {
      throw MediaProblems.fromImage(error, this.config.mediaMaxPixels, probe);
    });
  }

  /** The unit named in the form (within scope), else the caller's own; an admin must name one. */
  private async targetUnit(user: AuthUser, unitCode: string | undefined): Promise<string> {
    if (unitCode) return (await this.scope.requireUnitField(user, unitCode, 'unitCode')).id;
    if (!user.unitId) throw ProblemException.validation([{ field: 'unitCode', message: 'unitCode is required for an account without a unit' }]);
    return user.unitId;
  }
}

/**
 * Alt text is published as it is stored: cleaned, masked like any free text, and with every clause
 * that needed a mask rephrased or left out (no placeholder is ever published; issue 16).
 */
function publicAlt(alt: string | undefined): string | null {
  const cleaned = cleanText(alt ?? '').trim();
  return (cleaned && publishableText(maskPersonalData(cleaned).text).trim()) || null;
}
