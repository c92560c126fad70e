import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { AuthUser } from '../../common/auth/auth-user';
import { pageOf, type Page } from '../../common/http/pagination';
import { ScopeService } from '../../units/scope.service';
import type { PickupQueryDto } from './dto/pickup-query.dto';

export interface PickupView {
  id: string;
  storyId: string;
  storyTitle: string;
  partnerId: string;
  partnerName: string;
  item: { title: string | null; link: string | null; publishedAt: string | null };
  score: number;
  certain: boolean;
  evidence: Record<string, unknown>;
  detectedAt: string;
}

/** Pickups of our stories by partner media, visible to whoever may see the story (its unit's scope). */
@Injectable()
export class PickupsService {
  constructor(@InjectDataSource() private readonly db: DataSource, private readonly scope: ScopeService) {}

  async list(user: AuthUser, query: PickupQueryDto): Promise<Page<PickupView>> {
    const { page, pageSize, offset } = pageOf(query);
    const params: unknown[] = [];
    const where = [this.scope.sqlCondition(user, 'u', params)];
    if (query.storyId) where.push(`pk.story_id = $${params.push(query.storyId)}`);
    if (query.partnerId) where.push(`pk.partner_id = $${params.push(query.partnerId)}`);
    const from = `FROM pickup pk JOIN story s ON s.id = pk.story_id JOIN unit u ON u.id = s.unit_id
                  JOIN partner p ON p.id = pk.partner_id JOIN partner_item i ON i.id = pk.partner_item_id
                 WHERE ${where.join(' AND ')}`;
    const [{ total }] = await this.db.query(`SELECT count(*)::int AS total ${from}`, params);
    const rows = await this.db.query(
      `SELECT pk.id, pk.story_id, s.title AS story_title, pk.partner_id, p.name AS partner_name, i.title AS item_title, i.link AS item_link,
              i.published_at, pk.score, pk.certain, pk.evidence, pk.detected_at
         ${from} ORDER BY pk.detected_at DESC, pk.id LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, pageSize, offset],
    );
    const items = rows.map((r: Record<string, unknown>): PickupView => ({
      id: r.id as string,
      storyId: r.story_id as string,
      storyTitle: r.story_title as string,
      partnerId: r.partner_id as string,
      partnerName: r.partner_name as string,
      item: { title: r.item_title as string | null, link: r.item_link as string | null, publishedAt: r.published_at ? new Date(r.published_at as string).toISOString() : null },
      score: Number(r.score),
      certain: r.certain as boolean,
      evidence: r.evidence as Record<string, unknown>,
      detectedAt: new Date(r.detected_at as string).toISOString(),
    }));
    return { items, total, page, pageSize };
  }
}
