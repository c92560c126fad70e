import { Get, Query, Req, Res } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Response } from 'express';
import type { DataSource } from 'typeorm';
import type { AuthUser } from '../common/auth/auth-user';
import { CurrentUser } from '../common/auth/auth.decorators';
import { ProblemException } from '../common/problem/problem.exception';
import { STORY_STATUSES, StoryQueryDto } from '../stories/dto/story-query.dto';
import { StoriesService } from '../stories/stories.service';
import { ScopeService } from '../units/scope.service';
import { describeProblem, validateAs } from './console-form';
import { ConsoleController } from './console-controller.decorator';
import { KIND_LABELS, STATUS_LABELS } from './console-helpers';
import { type ConsoleRequest, ConsoleView } from './console-view.service';

/** The console's filter names (Indonesian) mapped to StoryQueryDto's. */
const FILTERS = { status: 'status', satuan: 'unitCode', jenis: 'kind', q: 'q', halaman: 'page' } as const;
const PAGE_SIZE = 25;

/** /cerita: the stories in the caller's scope with filters and paging, through StoriesService (the API's list). */
@ConsoleController('cerita')
export class StoryListController {
  constructor(
    private readonly view: ConsoleView,
    private readonly stories: StoriesService,
    private readonly scope: ScopeService,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  @Get()
  async list(@Req() request: ConsoleRequest, @Res() response: Response, @CurrentUser() user: AuthUser, @Query() raw: Record<string, unknown>) {
    const chosen: Record<string, string> = {};
    for (const [param, field] of Object.entries(FILTERS)) {
      const value = raw[param];
      if (typeof value === 'string' && value.trim() !== '') chosen[field] = value.trim();
    }
    if (raw.terlambat === '1') chosen.overdue = 'true';
    let result = null;
    let error: string | null = null;
    try {
      const query = await validateAs(StoryQueryDto, { ...chosen, pageSize: String(PAGE_SIZE) }, 'query');
      result = await this.stories.list(user, query);
    } catch (e) {
      if (!(e instanceof ProblemException) || ![400, 403, 404].includes(e.problem.status)) throw e;
      error = e.problem.status === 400 ? describeProblem(e) : 'Satuan itu tidak ada atau di luar wilayah tugas Anda.';
    }
    const units = await this.unitsInScope(user);
    const zones = new Map(units.map((u) => [u.code, u.timezone]));
    const items = (result?.items ?? []).map((s) => ({ ...s, timezone: zones.get(s.unitCode as string) }));
    const pages = result ? Math.max(1, Math.ceil(result.total / PAGE_SIZE)) : 1;
    const link = (page: number) => `/cerita?${new URLSearchParams({ ...pick(raw), halaman: String(page) }).toString()}`;
    // A total past the service's count cap is a lower bound ("10.000+"): there is always a next page then.
    const lowerBound = (result as { totalIsLowerBound?: boolean } | null)?.totalIsLowerBound === true;
    const hasNext = result ? result.page < pages || (lowerBound && result.items.length === PAGE_SIZE) : false;
    const pager = result && result.total > 0
      ? { page: result.page, pages: lowerBound ? `${pages}+` : pages, total: result.total, more: lowerBound, prev: result.page > 1 ? link(result.page - 1) : null, next: hasNext ? link(result.page + 1) : null }
      : null;
    await this.view.send(request, response, 'stories', {
      items, error, pager, total: result?.total ?? 0, totalIsLowerBound: lowerBound,
      filters: { status: raw.status ?? '', satuan: raw.satuan ?? '', jenis: raw.jenis ?? '', q: raw.q ?? '', terlambat: raw.terlambat === '1' },
      statuses: STORY_STATUSES.map((value) => ({ value, label: STATUS_LABELS[value] })),
      kinds: Object.entries(KIND_LABELS).map(([value, label]) => ({ value, label })),
      units,
    }, { title: 'Cerita' });
  }

  /** The units the filter offers: the caller's subtree (everything for an admin), in tree order. */
  private unitsInScope(user: AuthUser): Promise<{ code: string; name: string; timezone: string; depth: number }[]> {
    const params: unknown[] = [];
    const condition = this.scope.sqlCondition(user, 'u', params);
    return this.db.query(`SELECT u.code, u.name, u.timezone, cardinality(u.path) AS depth FROM unit u WHERE ${condition} ORDER BY u.path LIMIT 2000`, params);
  }
}

/** The filters to carry into page links (only known ones, as strings). */
function pick(raw: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of ['status', 'satuan', 'jenis', 'q', 'terlambat']) if (typeof raw[key] === 'string' && raw[key] !== '') out[key] = raw[key] as string;
  return out;
}
