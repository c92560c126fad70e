import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { EncodedImage, RenderedRendition } from './image-processor';
import { type FileRef, MediaStore, sha256Hex } from './media-store';

/** A file written for a row, with what the row records about it. */
export interface StoredImage extends FileRef {
  width: number;
  height: number;
  bytes: number;
  name?: string;
}

export interface NewMediaRow {
  id: string;
  unitId: string;
  kind: 'photo' | 'quote_card';
  sourceFormat: string;
  alt: string | null;
  watermarkMediaId: string | null;
  createdBy: string | null;
}

/** Advisory-lock class for media files ('medi'); the key is the first 32 bits of the hash. */
const LOCK_CLASS = 0x6d656469;
const lockKey = (sha256: string) => parseInt(sha256.slice(0, 8), 16) | 0;

/**
 * Keeps rows and files consistent. Files are content-addressed and may be shared by several
 * rows, so a file is deleted only when no row refers to its hash; writers and the collector
 * take the same advisory locks per hash, so a file cannot be collected between an upload
 * writing it and the upload's rows committing. A failed transaction leaves no file behind.
 */
@Injectable()
export class MediaWriter {
  private readonly logger = new Logger(MediaWriter.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly store: MediaStore,
  ) {}

  /** Writes the images, then runs `work` in the same transaction; on failure removes what it wrote. */
  async withFiles<T>(images: readonly EncodedImage[], work: (manager: EntityManager, files: StoredImage[]) => Promise<T>): Promise<T> {
    const written: FileRef[] = [];
    try {
      return await this.db.transaction(async (manager) => {
        await this.lock(manager, images.map((image) => sha256Hex(image.data)));
        const files: StoredImage[] = [];
        for (const image of images) {
          const file = await this.store.put(image.data, image.format);
          if (file.created) written.push(file);
          files.push({ sha256: file.sha256, format: file.format, bytes: file.bytes, width: image.width, height: image.height, name: (image as RenderedRendition).name });
        }
        return work(manager, files);
      });
    } catch (error) {
      await this.collect(written);
      throw error;
    }
  }

  async insert(manager: EntityManager, row: NewMediaRow, original: StoredImage, renditions: StoredImage[]): Promise<void> {
    await manager.query(
      `INSERT INTO media (id, unit_id, kind, source_format, sha256, format, width, height, bytes, alt, watermark_media_id, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
      [row.id, row.unitId, row.kind, row.sourceFormat, original.sha256, original.format, original.width, original.height, original.bytes,
        row.alt, row.watermarkMediaId, row.createdBy],
    );
    await this.insertRenditions(manager, row.id, renditions);
  }

  /** New original and renditions for an existing row (after a blur). */
  async replace(manager: EntityManager, mediaId: string, original: StoredImage, renditions: StoredImage[], set: { blurRects: unknown; watermarkMediaId: string | null }) {
    await manager.query(
      `UPDATE media SET sha256 = $2, format = $3, width = $4, height = $5, bytes = $6, blur_rects = $7, watermark_media_id = $8, updated_at = now() WHERE id = $1`,
      [mediaId, original.sha256, original.format, original.width, original.height, original.bytes, JSON.stringify(set.blurRects), set.watermarkMediaId],
    );
    await manager.query(`DELETE FROM media_rendition WHERE media_id = $1`, [mediaId]);
    await this.insertRenditions(manager, mediaId, renditions);
  }

  /** Deletes those of `refs` that no row refers to any more. Never throws: a leftover file is only wasted space. */
  async collect(refs: readonly FileRef[]): Promise<void> {
    if (refs.length === 0) return;
    try {
      await this.db.transaction(async (manager) => {
        const hashes = [...new Set(refs.map((r) => r.sha256))];
        await this.lock(manager, hashes);
        const used: { sha256: string }[] = await manager.query(
          `SELECT sha256 FROM media WHERE sha256 = ANY($1) UNION SELECT sha256 FROM media_rendition WHERE sha256 = ANY($1)`,
          [hashes],
        );
        const keep = new Set(used.map((u) => u.sha256));
        for (const ref of refs) if (!keep.has(ref.sha256)) await this.store.remove(ref);
      });
    } catch (error) {
      this.logger.error({ err: { name: (error as Error).name, code: (error as { code?: string }).code } }, 'could not collect unused media files');
    }
  }

  private async insertRenditions(manager: EntityManager, mediaId: string, renditions: StoredImage[]): Promise<void> {
    await manager.query(
      `INSERT INTO media_rendition (media_id, name, format, width, height, bytes, sha256)
       SELECT $1, * FROM unnest($2::text[], $3::text[], $4::int[], $5::int[], $6::int[], $7::text[])`,
      [mediaId, renditions.map((r) => r.name), renditions.map((r) => r.format), renditions.map((r) => r.width),
        renditions.map((r) => r.height), renditions.map((r) => r.bytes), renditions.map((r) => r.sha256)],
    );
  }

  /** In ascending key order, so that two writers never wait on each other in a cycle. */
  private async lock(manager: EntityManager, hashes: string[]): Promise<void> {
    const keys = [...new Set(hashes.map(lockKey))].sort((a, b) => a - b);
    await manager.query(`SELECT pg_advisory_xact_lock($1, k) FROM (SELECT unnest($2::int[]) AS k) keys`, [LOCK_CLASS, keys]);
  }
}
