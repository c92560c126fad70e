import { Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service';
import type { AuthUser } from '../common/auth/auth-user';
import { type FieldError, ProblemException } from '../common/problem/problem.exception';
import type { MediaResponse, RectDto } from './dto/media.dto';
import { ImageProcessor, type PixelRect } from './image-processor';
import { MediaCatalog, type MediaRow } from './media-catalog.service';
import { MediaProblems } from './media-problems';
import { MediaStore } from './media-store';
import { MediaWriter } from './media-writer';
import { PHOTO_RENDITIONS, QUOTE_CARD_RENDITIONS } from './renditions';
import { UnitLogos } from './unit-logos.service';

/**
 * Blurring faces (of minors, of suspects) out of a photo. The blur is applied to the stored
 * original itself and every rendition is rebuilt from it; the earlier files are deleted once
 * nothing refers to them. It cannot be undone: the unblurred pixels are gone, by design.
 */
@Injectable()
export class MediaBlurService {
  constructor(
    private readonly catalog: MediaCatalog,
    private readonly images: ImageProcessor,
    private readonly store: MediaStore,
    private readonly writer: MediaWriter,
    private readonly logos: UnitLogos,
    private readonly audit: AuditService,
  ) {}

  async blur(user: AuthUser, id: string, rects: RectDto[]): Promise<MediaResponse> {
    const media = await this.catalog.requireInScope(user, id);
    const areas = this.toPixels(rects, media);
    const before = [{ sha256: media.sha256, format: media.format }, ...(await this.catalog.renditions(id))];

    const logo = media.kind === 'photo' ? await this.logos.forUnit(media.unitId) : null;
    const { blurred, renditions } = await this.render(media, areas, logo?.data ?? null).catch((error: unknown) => {
      throw MediaProblems.fromImage(error);
    });

    await this.writer.withFiles([blurred, ...renditions], async (manager, [original, ...files]) => {
      // Two blurs at once must not both start from the same pixels: the later would undo the earlier.
      const [current] = await manager.query(`SELECT sha256, blur_rects FROM media WHERE id = $1 FOR UPDATE`, [id]);
      if (!current || current.sha256 !== media.sha256) throw MediaProblems.changed();
      await this.writer.replace(manager, id, original, files, { blurRects: [...current.blur_rects, ...areas], watermarkMediaId: logo?.mediaId ?? null });
      await this.audit.record(
        { actorId: user.id, action: 'media.blur', subjectType: 'media', subjectId: id, unitId: media.unitId, details: { rects: areas } },
        manager,
      );
    });
    await this.writer.collect(before);
    return this.catalog.view(user, id);
  }

  private async render(media: MediaRow, areas: PixelRect[], logo: Buffer | null) {
    const blurred = await this.images.blur(await this.store.read(media), media.format, areas);
    const renditions = await this.images.renderAll(blurred.data, media.kind === 'photo' ? PHOTO_RENDITIONS : QUOTE_CARD_RENDITIONS, logo);
    return { blurred, renditions };
  }

  /** Whole pixels covering each area (rounded outwards), each inside the original; 400 naming rects[i] otherwise. */
  private toPixels(rects: RectDto[], media: MediaRow): PixelRect[] {
    const errors: FieldError[] = [];
    const areas = rects.map((rect, i) => {
      const x = Math.floor(rect.x);
      const y = Math.floor(rect.y);
      const area = { x, y, w: Math.ceil(rect.x + rect.w) - x, h: Math.ceil(rect.y + rect.h) - y };
      if (area.x + area.w > media.width || area.y + area.h > media.height) {
        errors.push({ field: `rects[${i}]`, message: `the area must lie inside the ${media.width}x${media.height} image` });
      }
      return area;
    });
    if (errors.length > 0) throw ProblemException.validation(errors);
    return areas;
  }
}
