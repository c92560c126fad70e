import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { AuthUser } from '../common/auth/auth-user';
import { ProblemException } from '../common/problem/problem.exception';
import type { UnitLogoResponse } from './dto/media.dto';
import { MediaCatalog } from './media-catalog.service';
import { MediaStore } from './media-store';
import type { StoredFormat } from './renditions';

export interface Logo {
  mediaId: string;
  data: Buffer;
}

/** The watermark of each unit: its own logo, else the nearest parent's (a Polsek wears its Polres' logo). */
@Injectable()
export class UnitLogos {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly catalog: MediaCatalog,
    private readonly store: MediaStore,
    private readonly audit: AuditService,
  ) {}

  async forUnit(unitId: string): Promise<Logo | null> {
    const rows: { id: string; sha256: string; format: StoredFormat }[] = await this.db.query(
      `SELECT m.id, m.sha256, m.format
         FROM unit u
         JOIN unit a ON a.id = ANY (u.path) AND a.logo_media_id IS NOT NULL
         JOIN media m ON m.id = a.logo_media_id
        WHERE u.id = $1
        ORDER BY array_position(u.path, a.id) DESC
        LIMIT 1`,
      [unitId],
    );
    if (rows.length === 0) return null;
    return { mediaId: rows[0].id, data: await this.store.read(rows[0]) };
  }

  /** Makes a photo of a unit that unit's logo; later renditions of its photos carry it. */
  async useAsLogo(user: AuthUser, mediaId: string): Promise<UnitLogoResponse> {
    const media = await this.catalog.requireInScope(user, mediaId);
    if (media.kind !== 'photo') throw ProblemException.unprocessable('not_a_photo', 'Only an uploaded image can be a unit logo.');
    await this.db.transaction(async (manager) => {
      const [before] = await manager.query(`SELECT logo_media_id FROM unit WHERE id = $1 FOR UPDATE`, [media.unitId]);
      await manager.query(`UPDATE unit SET logo_media_id = $2, updated_at = now() WHERE id = $1`, [media.unitId, mediaId]);
      await this.audit.record(
        { actorId: user.id, action: 'unit.logo', subjectType: 'unit', subjectId: media.unitId, unitId: media.unitId, from: before?.logo_media_id ?? null, to: mediaId },
        manager,
      );
    });
    return { unitCode: media.unitCode, logoMediaId: mediaId };
  }
}
