import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { AuthUser } from '../common/auth/auth-user';
import { type FieldError, ProblemException } from '../common/problem/problem.exception';
import { maskPersonalData, type DetectionContext } from '../intake/privacy/pii-masker';
import { publishableText } from '../intake/privacy/publishable-text';
import { ScopeService } from '../units/scope.service';

/**
 * The rule for attaching photos to an intake item: each id names an existing media item of a
 * unit within the caller's scope, once. Runs inside the intake's transaction and locks the
 * rows it checked (FOR SHARE), so what was checked is what gets linked.
 */
@Injectable()
export class MediaLinks {
  constructor(private readonly scope: ScopeService) {}

  /** 400 naming `mediaIds[i]` for an unknown or repeated id, 403 for one outside the caller's scope. */
  async requireAttachable(manager: EntityManager, user: AuthUser, ids: readonly string[] | undefined, field = 'mediaIds'): Promise<string[]> {
    if (!ids || ids.length === 0) return [];
    const found: { id: string; path: string[] }[] = await manager.query(
      `SELECT m.id, u.path FROM media m JOIN unit u ON u.id = m.unit_id WHERE m.id = ANY($1::uuid[]) FOR SHARE OF m`,
      [ids],
    );
    const paths = new Map(found.map((row) => [row.id, row.path]));
    const invalid: FieldError[] = [];
    const outside: FieldError[] = [];
    ids.forEach((id, i) => {
      const path = paths.get(id);
      if (ids.indexOf(id) !== i) invalid.push({ field: `${field}[${i}]`, message: 'this media id is listed twice' });
      else if (!path) invalid.push({ field: `${field}[${i}]`, message: 'unknown media id' });
      else if (!this.scope.covers(user, path)) outside.push({ field: `${field}[${i}]`, message: 'this media item belongs to a unit outside your scope' });
    });
    if (invalid.length > 0) throw ProblemException.validation(invalid);
    if (outside.length > 0) {
      throw new ProblemException({
        status: 403, code: 'media_out_of_scope', title: 'Forbidden', detail: 'Some photos belong to units outside your scope.', errors: outside,
      });
    }
    return [...ids];
  }

  /**
   * Alt texts are public (the press room's alt, og:image:alt, Media RSS): masked at upload, and
   * again here with the citizens of the item the photos are attached to, whose names and
   * numbers the uploader may have typed into them.
   */
  async maskAlts(manager: EntityManager, ids: readonly string[], ctx: DetectionContext): Promise<void> {
    if (ids.length === 0) return;
    const rows: { id: string; alt: string | null }[] = await manager.query(`SELECT id, alt FROM media WHERE id = ANY($1::uuid[]) AND alt IS NOT NULL`, [ids]);
    for (const row of rows) {
      const { text, findings } = maskPersonalData(row.alt!, ctx);
      if (findings.length > 0) await manager.query(`UPDATE media SET alt = $2 WHERE id = $1`, [row.id, publishableText(text).trim() || null]);
    }
  }
}
