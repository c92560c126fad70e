import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../../audit/audit.service';
import type { AuthUser } from '../../common/auth/auth-user';
import { Clock } from '../../common/clock';
import { SecretBox } from '../../common/crypto/secret-box';
import { pageOf, type Page, type PageQueryDto } from '../../common/http/pagination';
import { ProblemException } from '../../common/problem/problem.exception';
import { GAUNG_CONFIG, type GaungConfig } from '../../config/gaung-config';
import { ScopeService } from '../../units/scope.service';
import type { PartnerDto } from './dto/partner.dto';
import { feedTokenContext, feedTokenHash, newFeedToken } from './feed-token';
import { feedView, PARTNER_COLUMNS, type FeedRow, type PartnerRow, type PartnerView } from './partner.view';

/** Media partners managed by Humas within their unit scope (DESIGN.md §10). */
@Injectable()
export class PartnersService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(GAUNG_CONFIG) private readonly config: GaungConfig,
    private readonly scope: ScopeService,
    private readonly audit: AuditService,
    private readonly secrets: SecretBox,
    private readonly clock: Clock,
  ) {}

  async list(user: AuthUser, query: PageQueryDto): Promise<Page<PartnerView>> {
    const { page, pageSize, offset } = pageOf(query);
    const params: unknown[] = [];
    const where = this.scope.sqlCondition(user, 'u', params);
    const [{ total }] = await this.db.query(`SELECT count(*)::int AS total FROM partner p JOIN unit u ON u.id = p.unit_id WHERE ${where}`, params);
    const rows: PartnerRow[] = await this.db.query(
      `SELECT ${PARTNER_COLUMNS} FROM partner p JOIN unit u ON u.id = p.unit_id WHERE ${where}
        ORDER BY p.name, p.id LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, pageSize, offset],
    );
    return { items: await this.views(rows), total, page, pageSize };
  }

  async get(user: AuthUser, id: string, manager: EntityManager = this.db.manager): Promise<PartnerView> {
    return (await this.views([await this.require(user, id, manager)], manager))[0];
  }

  /** The partner row if it exists within the caller's scope (404 otherwise: existence is not disclosed). */
  async require(user: AuthUser, id: string, manager: EntityManager = this.db.manager, lock = false): Promise<PartnerRow> {
    const [row]: PartnerRow[] = await manager.query(
      `SELECT ${PARTNER_COLUMNS} FROM partner p JOIN unit u ON u.id = p.unit_id WHERE p.id = $1${lock ? ' FOR UPDATE OF p' : ''}`,
      [id],
    );
    if (!row || !this.scope.covers(user, row.path)) throw ProblemException.notFound('Partner');
    return row;
  }

  async create(user: AuthUser, dto: PartnerDto): Promise<PartnerView> {
    return this.db.transaction(async (manager) => {
      const unitId = await this.unitFor(user, dto.unitCode, manager);
      const id = randomUUID();
      const token = newFeedToken();
      await manager.query(
        `INSERT INTO partner (id, unit_id, name, kind, website, contact, active, feed_token_hash, feed_token_sealed, token_rotated_at, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10, $10)`,
        [id, unitId, dto.name.trim(), dto.kind, dto.website ?? null, dto.contact ?? null, dto.active ?? true, feedTokenHash(token), this.secrets.seal(token, feedTokenContext(id)), this.clock.now()],
      );
      await this.replaceFeeds(manager, id, dto.feeds ?? []);
      await this.audit.record({ actorId: user.id, action: 'partner.create', subjectType: 'partner', subjectId: id, unitId, details: { kind: dto.kind, feeds: dto.feeds?.length ?? 0 } }, manager);
      return this.get(user, id, manager);
    });
  }

  /** Replaces the partner's fields and feed list; feeds kept by URL keep their poll state. */
  async update(user: AuthUser, id: string, dto: PartnerDto): Promise<PartnerView> {
    return this.db.transaction(async (manager) => {
      const before = await this.require(user, id, manager, true);
      const unitId = dto.unitCode ? await this.unitFor(user, dto.unitCode, manager) : before.unit_id;
      await manager.query(
        `UPDATE partner SET unit_id = $2, name = $3, kind = $4, website = $5, contact = $6, active = $7, updated_at = $8 WHERE id = $1`,
        [id, unitId, dto.name.trim(), dto.kind, dto.website ?? null, dto.contact ?? null, dto.active ?? true, this.clock.now()],
      );
      await this.replaceFeeds(manager, id, dto.feeds ?? []);
      const changed = (['name', 'kind', 'website', 'contact', 'active'] as const).filter((k) => (before[k] ?? null) !== (k === 'active' ? (dto.active ?? true) : k === 'name' ? dto.name.trim() : (dto[k] ?? null)));
      await this.audit.record({
        actorId: user.id, action: 'partner.update', subjectType: 'partner', subjectId: id, unitId,
        details: { changed: unitId !== before.unit_id ? [...changed, 'unit'] : changed, feeds: dto.feeds?.length ?? 0 },
      }, manager);
      return this.get(user, id, manager);
    });
  }

  /** A new feed token; the old one stops working at once (the feed route looks tokens up by hash). */
  async rotateToken(user: AuthUser, id: string): Promise<PartnerView> {
    return this.db.transaction(async (manager) => {
      const partner = await this.require(user, id, manager, true);
      const token = newFeedToken();
      await manager.query(
        `UPDATE partner SET feed_token_hash = $2, feed_token_sealed = $3, token_rotated_at = $4, updated_at = $4 WHERE id = $1`,
        [id, feedTokenHash(token), this.secrets.seal(token, feedTokenContext(id)), this.clock.now()],
      );
      await this.audit.record({ actorId: user.id, action: 'partner.token_rotate', subjectType: 'partner', subjectId: id, unitId: partner.unit_id }, manager);
      return this.get(user, id, manager);
    });
  }

  private async unitFor(user: AuthUser, unitCode: string | undefined, manager: EntityManager): Promise<string> {
    if (unitCode) return (await this.scope.requireUnitField(user, unitCode, 'unitCode', manager)).id;
    if (!user.unitId) throw ProblemException.validation([{ field: 'unitCode', message: 'unitCode is required for a user without a unit' }]);
    return user.unitId;
  }

  private async replaceFeeds(manager: EntityManager, partnerId: string, urls: string[]): Promise<void> {
    await manager.query(`DELETE FROM partner_feed WHERE partner_id = $1 AND NOT (url = ANY($2::text[]))`, [partnerId, urls]);
    if (urls.length) {
      await manager.query(
        `INSERT INTO partner_feed (partner_id, url) SELECT $1, unnest($2::text[]) ON CONFLICT (partner_id, url) DO NOTHING`,
        [partnerId, urls],
      );
    }
  }

  private async views(rows: PartnerRow[], manager: EntityManager = this.db.manager): Promise<PartnerView[]> {
    if (rows.length === 0) return [];
    const feeds: FeedRow[] = await manager.query(
      `SELECT id, partner_id, url, last_polled_at, last_success_at, failures, next_poll_at, last_error
         FROM partner_feed WHERE partner_id = ANY($1::uuid[]) ORDER BY created_at, url`,
      [rows.map((r) => r.id)],
    );
    return rows.map((row) => {
      const token = this.secrets.open(row.feed_token_sealed, feedTokenContext(row.id));
      return {
        id: row.id,
        unitCode: row.unit_code,
        name: row.name,
        kind: row.kind,
        website: row.website,
        contact: row.contact,
        active: row.active,
        feedToken: token,
        partnerFeedUrl: `${this.config.publicBaseUrl}/feeds/partners/${token}/rss.xml`,
        tokenRotatedAt: new Date(row.token_rotated_at).toISOString(),
        feeds: feeds.filter((f) => f.partner_id === row.id).map(feedView),
        createdAt: new Date(row.created_at).toISOString(),
        updatedAt: new Date(row.updated_at).toISOString(),
      };
    });
  }
}
