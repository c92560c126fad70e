import { Get, Header, Query, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import type { AuthUser } from '../../../common/auth/auth-user';
import { CurrentUser, Roles } from '../../../common/auth/auth.decorators';
import { Clock } from '../../../common/clock';
import { CHANNELS } from '../../../drafting/channels';
import { neutraliseCell } from '../../../reports/csv-cell';
import { UnitsService } from '../../../units/units.service';
import { ConsoleController } from '../../console-controller.decorator';
import { CHANNEL_LABELS, formatWhen, STATUS_LABELS } from '../../console-helpers';
import { type ConsoleRequest, ConsoleView } from '../../console-view.service';
import { localToInstant } from '../../local-time';
import { localDate } from '../calendar/calendar-grid';
import { type PublicationLogFilter, type PublicationLogRow, PublicationLogRepository } from './publication-log.repository';

const PAGE_SIZE = 50;
/** The CSV holds at most this many rows (a year of a Polda's publications fits). */
const CSV_LIMIT = 50_000;
const PUBLICATION_STATUSES = ['scheduled', 'sending', 'retrying', 'published', 'awaiting_manual', 'unconfirmed', 'failed', 'cancelled'];
const MODE_LABELS: Record<string, string> = { internal: 'Ruang rilis', api: 'API', webhook: 'Webhook', manual: 'Manual' };
/* eslint-disable @typescript-eslint/no-require-imports -- csv-stringify is loaded with the first export (idle memory, DESIGN.md §13) */
const stringify = (): typeof import('csv-stringify/sync').stringify => (require('csv-stringify/sync') as typeof import('csv-stringify/sync')).stringify;

/**
 * The publication log (/publikasi/log): every publication of the officer's units (story, channel,
 * account, status, URL, time, who confirmed it), filtered by period, unit, channel and status,
 * with a CSV of the same rows in Indonesian words (statuses and channels as the console says them).
 */
@ConsoleController('publikasi')
export class PublicationLogController {
  constructor(
    private readonly view: ConsoleView,
    private readonly log: PublicationLogRepository,
    private readonly units: UnitsService,
    private readonly clock: Clock,
  ) {}

  @Get('log')
  @Roles('humas')
  async page(@CurrentUser() user: AuthUser, @Req() request: ConsoleRequest, @Res() response: Response, @Query() query: Record<string, unknown>) {
    const { filter, chosen, units } = await this.filterOf(user, query);
    const page = Math.max(1, Math.min(10_000, Number(query.halaman) || 1));
    const { rows, total } = await this.log.page(user, filter, PAGE_SIZE, (page - 1) * PAGE_SIZE);
    const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
    const params = new URLSearchParams(chosen);
    const link = (p: number) => `/publikasi/log?${new URLSearchParams({ ...chosen, halaman: String(p) })}`;
    await this.view.send(request, response, 'pages/publishing/log', {
      rows: rows.map((r) => ({ ...r, when: formatWhen(r.at, r.timezone), modeLabel: MODE_LABELS[r.mode] ?? r.mode })),
      total, chosen,
      csvUrl: `/publikasi/log.csv?${params}`,
      pager: pages > 1 ? { page, pages, total, prev: page > 1 ? link(page - 1) : null, next: page < pages ? link(page + 1) : null } : null,
      unitOptions: units.map((u) => ({ value: u.code, label: `${u.name} (${u.code})`, selected: u.code === chosen.satuan })),
      channelOptions: CHANNELS.map((c) => ({ value: c, label: CHANNEL_LABELS[c], selected: c === chosen.kanal })),
      statusOptions: PUBLICATION_STATUSES.map((s) => ({ value: s, label: STATUS_LABELS[s] ?? s, selected: s === chosen.status })),
    }, { title: 'Log publikasi' });
  }

  /** The same rows as CSV: UTF-8 with a BOM, every cell quoted, Indonesian values, formula-looking cells neutralised. */
  @Get('log.csv')
  @Roles('humas')
  @Header('Cache-Control', 'no-store')
  async csv(@CurrentUser() user: AuthUser, @Res() response: Response, @Query() query: Record<string, unknown>) {
    const { filter, chosen } = await this.filterOf(user, query);
    const rows = await this.log.all(user, filter, CSV_LIMIT);
    const header = ['Waktu', 'Zona', 'Satuan', 'Kode Satuan', 'Judul Cerita', 'Kanal', 'Akun', 'Cara', 'Status', 'URL', 'Grup/Akun Tujuan', 'Dikonfirmasi Oleh', 'ID Cerita'];
    const body = rows.map((r: PublicationLogRow) => [
      formatWhen(r.at, r.timezone).slice(0, 16), formatWhen(r.at, r.timezone).slice(17), r.unitName, r.unitCode, r.storyTitle, CHANNEL_LABELS[r.channel] ?? r.channel,
      r.account ?? '', MODE_LABELS[r.mode] ?? r.mode, STATUS_LABELS[r.status] ?? r.status, r.url ?? '', r.targets ?? '',
      r.confirmedBy ?? (r.status === 'published' && r.mode !== 'manual' ? 'sistem' : ''), r.storyId,
    ].map((cell) => neutraliseCell(cell)));
    const csv = stringify()([header, ...body], { bom: true, quoted: true, quoted_empty: true, record_delimiter: 'windows' });
    response.type('text/csv; charset=utf-8');
    response.setHeader('Content-Disposition', `attachment; filename="log-publikasi-${chosen.dari}-${chosen.sampai}.csv"`);
    response.send(csv);
  }

  /** The filters as given (Indonesian names), checked: dates (default the last 30 days), a unit in scope, a channel, a status. */
  private async filterOf(user: AuthUser, query: Record<string, unknown>) {
    const units = await this.units.list(user);
    const own = units.find((u) => u.id === user.unitId) ?? units[0];
    const unit = typeof query.satuan === 'string' ? units.find((u) => u.code === query.satuan) : undefined;
    const zone = unit?.timezone ?? own?.timezone ?? 'Asia/Jakarta';
    const today = localDate(this.clock.now(), zone);
    const to = dateParam(query.sampai) ?? today;
    const from = dateParam(query.dari) ?? localDate(new Date(new Date(`${to}T00:00:00Z`).getTime() - 29 * 86_400_000), 'UTC');
    const channel = typeof query.kanal === 'string' && (CHANNELS as readonly string[]).includes(query.kanal) ? query.kanal : undefined;
    const status = typeof query.status === 'string' && PUBLICATION_STATUSES.includes(query.status) ? query.status : undefined;
    const [start, end] = from <= to ? [from, to] : [to, from];
    const dayAfter = new Date(new Date(`${end}T00:00:00Z`).getTime() + 86_400_000).toISOString().slice(0, 10);
    const filter: PublicationLogFilter = {
      from: localToInstant(`${start}T00:00`, zone)!, to: localToInstant(`${dayAfter}T00:00`, zone)!, unitId: unit?.id, channel, status,
    };
    const chosen: Record<string, string> = { dari: start, sampai: end, ...(unit ? { satuan: unit.code } : {}), ...(channel ? { kanal: channel } : {}), ...(status ? { status } : {}) };
    return { filter, chosen, units };
  }
}

function dateParam(value: unknown): string | null {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return null;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(value) ? value : null;
}
