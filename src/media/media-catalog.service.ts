import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { AuthUser } from '../common/auth/auth-user';
import { ProblemException } from '../common/problem/problem.exception';
import { GAUNG_CONFIG, type GaungConfig } from '../config/gaung-config';
import { ScopeService } from '../units/scope.service';
import type { MediaResponse } from './dto/media.dto';
import type { PixelRect } from './image-processor';
import type { FileRef } from './media-store';
import { PHOTO_RENDITIONS, parseRenditionKey, renditionKey, type StoredFormat } from './renditions';

export interface MediaRow {
  id: string;
  unitId: string;
  unitCode: string;
  unitPath: string[];
  kind: 'photo' | 'quote_card';
  sha256: string;
  format: StoredFormat;
  width: number;
  height: number;
  alt: string | null;
  blurRects: PixelRect[];
}

interface RenditionRow extends FileRef {
  name: string;
  width: number;
  height: number;
}

const MEDIA_COLUMNS = `m.id, m.unit_id AS "unitId", u.code AS "unitCode", u.path AS "unitPath", m.kind, m.sha256, m.format,
  m.width, m.height, m.alt, m.blur_rects AS "blurRects"`;

/** Reads media rows: scope checks, the API view, and which file answers a rendition URL. */
@Injectable()
export class MediaCatalog {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly scope: ScopeService,
    @Inject(GAUNG_CONFIG) private readonly config: GaungConfig,
  ) {}

  async find(id: string, manager: EntityManager = this.db.manager): Promise<MediaRow | null> {
    const rows: MediaRow[] = await manager.query(`SELECT ${MEDIA_COLUMNS} FROM media m JOIN unit u ON u.id = m.unit_id WHERE m.id = $1`, [id]);
    return rows[0] ?? null;
  }

  /** The media item if the caller's scope covers its unit; 404 otherwise (existence is not revealed). */
  async requireInScope(user: AuthUser, id: string): Promise<MediaRow> {
    const media = await this.find(id);
    if (!media || !this.scope.covers(user, media.unitPath)) throw ProblemException.notFound(`Media ${id}`);
    return media;
  }

  async renditions(mediaId: string): Promise<RenditionRow[]> {
    return this.db.query(`SELECT name, format, width, height, sha256 FROM media_rendition WHERE media_id = $1`, [mediaId]);
  }

  async view(user: AuthUser, id: string): Promise<MediaResponse> {
    return this.toView(await this.requireInScope(user, id));
  }

  async toView(media: MediaRow): Promise<MediaResponse> {
    const order = PHOTO_RENDITIONS.map((r) => r.name);
    const rows = (await this.renditions(media.id)).sort((a, b) => order.indexOf(a.name) - order.indexOf(b.name) || a.format.localeCompare(b.format));
    const api = (key: string) => `/api/v1/media/${media.id}/${key}`;
    return {
      id: media.id,
      unitCode: media.unitCode,
      kind: media.kind,
      width: media.width,
      height: media.height,
      alt: media.alt,
      originalUrl: api(renditionKey('original', media.format)),
      blurRects: media.blurRects,
      renditions: rows.map((r) => ({
        name: r.name,
        format: r.format,
        width: r.width,
        height: r.height,
        url: api(renditionKey(r.name, r.format)),
        publicUrl: `${this.config.publicBaseUrl}/media/${media.id}/${renditionKey(r.name, r.format)}`,
        channels: [...(PHOTO_RENDITIONS.find((spec) => spec.name === r.name)?.channels ?? [])],
      })),
    };
  }

  /** The file behind `/api/v1/media/:id/:key` for a caller in scope (the original included). */
  async fileForUser(user: AuthUser, id: string, key: string): Promise<FileRef> {
    const media = await this.requireInScope(user, id);
    const file = await this.fileOf(media, key);
    if (!file) throw ProblemException.notFound(`Rendition ${key}`);
    return file;
  }

  /** The file behind the public `/media/:id/:key`: renditions of photos in a published story only. */
  async publicFile(id: string, key: string): Promise<FileRef | null> {
    const parsed = parseRenditionKey(key);
    if (!parsed || parsed.name === 'original') return null;
    const rows: FileRef[] = await this.db.query(
      `SELECT r.sha256, r.format FROM media_rendition r
        WHERE r.media_id = $1 AND r.name = $2 AND r.format = $3
          AND EXISTS (SELECT 1 FROM story_media sm JOIN story s ON s.id = sm.story_id WHERE sm.media_id = r.media_id AND s.status = 'published' AND s.privacy_hold IS NULL)`,
      [id, parsed.name, parsed.format],
    );
    return rows[0] ?? null;
  }

  private async fileOf(media: MediaRow, key: string): Promise<FileRef | null> {
    const parsed = parseRenditionKey(key);
    if (!parsed) return null;
    if (parsed.name === 'original') return parsed.format === media.format ? { sha256: media.sha256, format: media.format } : null;
    const rows: FileRef[] = await this.db.query(
      `SELECT sha256, format FROM media_rendition WHERE media_id = $1 AND name = $2 AND format = $3`,
      [media.id, parsed.name, parsed.format],
    );
    return rows[0] ?? null;
  }
}
