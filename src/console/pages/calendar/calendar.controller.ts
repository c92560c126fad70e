import { Get, Query, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import type { AuthUser } from '../../../common/auth/auth-user';
import { CurrentUser } from '../../../common/auth/auth.decorators';
import { Clock } from '../../../common/clock';
import { CHANNELS } from '../../../drafting/channels';
import { RESCHEDULABLE } from '../../../publishing/publications.service';
import { UnitsService } from '../../../units/units.service';
import { ConsoleController } from '../../console-controller.decorator';
import { CHANNEL_LABELS, formatWhen, zoneName } from '../../console-helpers';
import { type ConsoleRequest, ConsoleView } from '../../console-view.service';
import { instantToLocal } from '../../local-time';
import { type CalendarView, calendarPeriod, localDate } from './calendar-grid';
import { CalendarRepository } from './calendar.repository';

/** More than a month of a Polda's publications is not a calendar any more: the log lists them all. */
const MAX_ITEMS = 2000;

/**
 * The content calendar (/kalender): the publications of a week or a month (scheduled, waiting,
 * embargoed, published) per channel, for the officer's units, in the unit's zone; filter by unit
 * and channel; Humas move a waiting publication from here (the story page's reschedule).
 */
@ConsoleController('kalender')
export class CalendarController {
  constructor(
    private readonly view: ConsoleView,
    private readonly calendar: CalendarRepository,
    private readonly units: UnitsService,
    private readonly clock: Clock,
  ) {}

  @Get()
  async page(@CurrentUser() user: AuthUser, @Req() request: ConsoleRequest, @Res() response: Response, @Query() query: Record<string, unknown>) {
    const units = await this.units.list(user);
    const own = units.find((u) => u.id === user.unitId) ?? units[0];
    const chosenUnit = typeof query.satuan === 'string' ? units.find((u) => u.code === query.satuan) : undefined;
    const timezone = chosenUnit?.timezone ?? own?.timezone ?? 'Asia/Jakarta';
    const today = localDate(this.clock.now(), timezone);
    const view: CalendarView = query.tampilan === 'bulan' ? 'bulan' : 'minggu';
    const anchor = typeof query.tanggal === 'string' && isDate(query.tanggal) ? query.tanggal : today;
    const channel = typeof query.kanal === 'string' && (CHANNELS as readonly string[]).includes(query.kanal) ? query.kanal : undefined;
    const period = calendarPeriod(view, anchor, timezone, today);
    const rows = await this.calendar.list(user, { from: period.from, to: period.to, unitId: chosenUnit?.id, channel }, MAX_ITEMS);
    const now = this.clock.now();
    const canMove = user.role === 'humas' || user.role === 'admin';
    const filters = new URLSearchParams({ tampilan: view, tanggal: anchor, ...(chosenUnit ? { satuan: chosenUnit.code } : {}), ...(channel ? { kanal: channel } : {}) });
    const link = (changes: Record<string, string>) => `/kalender?${new URLSearchParams({ ...Object.fromEntries(filters), ...changes })}`;
    const items = rows.map((r, i) => ({
      ...r,
      key: `${r.storyId}-${r.channel}`,
      formId: `pindah-${i}`,
      channelLabel: CHANNEL_LABELS[r.channel] ?? r.channel,
      time: formatWhen(r.at, r.timezone).slice(11),
      day: localDate(new Date(r.at), timezone),
      embargoed: r.embargoUntil !== null && new Date(r.embargoUntil) > now,
      embargoText: r.embargoUntil ? formatWhen(r.embargoUntil, r.timezone) : null,
      canMove: canMove && RESCHEDULABLE.includes(r.status),
      moveValue: instantToLocal(new Date(r.at), r.timezone),
      zone: zoneName(r.timezone),
    }));
    const days = period.days.map((d) => ({ ...d, items: items.filter((item) => item.day === d.date) }));
    await this.view.send(request, response, 'pages/calendar/calendar', {
      period, days, view, zone: zoneName(timezone), total: items.length, truncated: rows.length === MAX_ITEMS,
      viewQuery: filters.toString(),
      previousHref: link({ tanggal: period.previous }), nextHref: link({ tanggal: period.next }), todayHref: link({ tanggal: today }),
      weekHref: link({ tampilan: 'minggu' }), monthHref: link({ tampilan: 'bulan' }),
      unitOptions: units.map((u) => ({ value: u.code, label: `${u.name} (${u.code})`, selected: u.code === chosenUnit?.code })),
      channelOptions: CHANNELS.map((c) => ({ value: c, label: CHANNEL_LABELS[c], selected: c === channel })),
      anchor, isWeek: view === 'minggu',
    }, { title: 'Kalender konten' });
  }
}

function isDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(value);
}
