import { createHash } from 'node:crypto';
import { Controller, Get, Inject, Logger, Param, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Public } from '../../common/auth/auth.decorators';
import { Clock } from '../../common/clock';
import { GAUNG_CONFIG, type GaungConfig } from '../../config/gaung-config';
import { isConnectionLoss } from '../../db/connection-loss';
import { parseListParams, SLUG } from './list-params';
import { listPage, noticePage, PAGE_SIZE, releasePage } from './page-models';
import { PressRoomRepository } from './press-room.repository';
import { type PressRoomView, PressRoomViews } from './press-room.views';

/** Seconds browsers and proxies may reuse a page; ETag revalidation makes the rest cheap. */
const MAX_AGE = { page: 60, missing: 30, error: 0 } as const;

/**
 * The public press room: /rilis (list) and /rilis/:slug (one release), server-rendered HTML.
 * Not part of the JSON API: excluded from OpenAPI, and every answer, errors included, is an
 * HTML page (the global problem+json filter never sees an error from here).
 */
@Controller('rilis')
@ApiExcludeController()
export class PressRoomController {
  private readonly logger = new Logger('PressRoom');

  constructor(
    private readonly repository: PressRoomRepository,
    private readonly views: PressRoomViews,
    private readonly clock: Clock,
    @Inject(GAUNG_CONFIG) private readonly config: GaungConfig,
  ) {}

  @Get()
  @Public()
  async list(@Req() request: Request, @Res() response: Response): Promise<void> {
    await this.answer(request, response, async () => {
      const params = parseListParams(request.query as Record<string, unknown>);
      if (!params.ok) return this.notice(params.status, params.message);
      const { menu, selected: unit, subtreeIds } = await this.repository.units(params.unitCode);
      if (params.unitCode && !unit) return this.notice(404, 'Satuan yang diminta tidak dikenal.');
      const rows = await this.repository.list({
        unitIds: unit ? subtreeIds : null, // the unit and every unit below it
        category: params.category?.category ?? null,
        kind: params.category?.kind ?? null,
        offset: (params.page - 1) * PAGE_SIZE,
        limit: PAGE_SIZE + 1,
        now: this.clock.now(),
      });
      // past the last page: a 404 rather than an empty page that search engines would keep
      if (rows.length === 0 && params.page > 1) return this.notice(404, 'Halaman ini tidak ada; rilis yang diminta mungkin sudah bergeser ke halaman sebelumnya.');
      const model = listPage({ baseUrl: this.config.publicBaseUrl, units: menu, unit, category: params.category?.slug ?? null, page: params.page, rows });
      return { status: 200, view: 'list', model };
    });
  }

  @Get(':slug')
  @Public()
  async release(@Param('slug') slug: string, @Req() request: Request, @Res() response: Response): Promise<void> {
    await this.answer(request, response, async () => {
      const release = SLUG.test(slug) ? await this.repository.bySlug(slug) : null;
      if (release?.status === 'withdrawn' && release.publishedAt) {
        return this.notice(410, 'Humas telah menarik rilis ini dari publikasi. Rilis lain tetap dapat dibaca di Ruang Rilis.', 'Rilis ini telah ditarik');
      }
      const now = this.clock.now();
      const visible = release?.status === 'published' && release.publishedAt && !release.privacyHeld && (!release.embargoUntil || new Date(release.embargoUntil) <= now);
      if (!release || !visible) return this.notice(404, 'Rilis yang Anda cari tidak ada atau belum diterbitkan.', 'Rilis tidak ditemukan');
      const model = releasePage({ ...release, publishedAt: release.publishedAt! }, this.config.publicBaseUrl);
      return { status: 200, view: 'release', model };
    });
  }

  private notice(status: number, message: string, heading = status === 400 ? 'Permintaan tidak valid' : 'Halaman tidak ditemukan') {
    return { status, view: 'notice' as const, model: noticePage(status, heading, message) };
  }

  /** Renders what `work` decided; any failure becomes an HTML error page (never problem+json, never a stack). */
  private async answer(request: Request, response: Response, work: () => Promise<{ status: number; view: PressRoomView; model: object }>) {
    let status: number;
    let html: string;
    try {
      const page = await work();
      status = page.status;
      html = this.views.render(page.view, page.model);
    } catch (error) {
      const lost = isConnectionLoss(error);
      const e = error as Error & { code?: string };
      // name, code and stack only: a driver message may quote row values
      if (!lost) this.logger.error({ err: { name: e?.name, code: e?.code, stack: e?.stack }, path: request.path }, 'press room page failed');
      status = lost ? 503 : 500;
      html = this.views.render('notice', noticePage(status, 'Layanan sedang terganggu', 'Ruang Rilis tidak dapat ditampilkan saat ini. Silakan coba beberapa saat lagi.'));
    }
    response.status(status);
    response.setHeader('Content-Type', 'text/html; charset=utf-8');
    response.setHeader('Content-Language', 'id');
    const maxAge = status === 200 ? MAX_AGE.page : status < 500 ? MAX_AGE.missing : MAX_AGE.error;
    response.setHeader('Cache-Control', maxAge > 0 ? `public, max-age=${maxAge}` : 'no-store');
    if (status === 503) response.setHeader('Retry-After', '5');
    if (status === 200) {
      response.setHeader('ETag', `"${createHash('sha256').update(html).digest('base64url').slice(0, 32)}"`);
      if (request.fresh) {
        response.status(304).end();
        return;
      }
    }
    response.send(html);
  }
}
