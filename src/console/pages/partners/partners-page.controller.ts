import { Body, Get, Param, Post, Query, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import type { AuthUser } from '../../../common/auth/auth-user';
import { CurrentUser, Roles } from '../../../common/auth/auth.decorators';
import { AcceptsBody } from '../../../common/http/body-kind';
import { uuidParam } from '../../../common/http/params';
import { PARTNER_KINDS, PartnerDto } from '../../../tracking/partners/dto/partner.dto';
import type { PartnerView } from '../../../tracking/partners/partner.view';
import { PartnersService } from '../../../tracking/partners/partners.service';
import { PickupQueryDto } from '../../../tracking/pickups/dto/pickup-query.dto';
import { PickupsService } from '../../../tracking/pickups/pickups.service';
import { FeedPoller } from '../../../tracking/polling/feed-poller.service';
import { UnitsService } from '../../../units/units.service';
import { ConsoleController } from '../../console-controller.decorator';
import { type FormBody, formFields, runFormAction, validateAs } from '../../console-form';
import { type ConsoleRequest, ConsoleView } from '../../console-view.service';
import { redirectWithFlash } from '../../flash';
import { fieldViews } from '../forms/form-fields';
import { feedErrorText } from './feed-errors';
import { type FieldMessages, type FlatForm, formFailure, single } from '../forms/form-input';

const PAGE_SIZE = 50;
const KIND_LABELS: Record<string, string> = { mainstream: 'Media arus utama', online: 'Media daring', tv: 'Televisi', radio: 'Radio', community: 'Media komunitas' };
const FIELDS = ['name', 'kind', 'unitCode', 'website', 'contact', 'feeds', 'active'];

/** The partner form as PartnerDto's body: one feed URL per line, the active box as a boolean. */
export function partnerBody(form: FormBody): Record<string, unknown> {
  const body: Record<string, unknown> = formFields(form, ['name', 'kind', 'unitCode', 'website', 'contact']);
  for (const key of Object.keys(body)) body[key] = String(body[key]).trim();
  body.feeds = single(form, 'feeds').split(/\r?\n/).map((line) => line.trim()).filter(Boolean);
  body.active = single(form, 'active') === 'true';
  return body;
}

/** The form's values from a saved partner (for editing). */
function partnerValues(partner: PartnerView): FlatForm {
  return {
    name: partner.name, kind: partner.kind, unitCode: partner.unitCode, website: partner.website ?? '', contact: partner.contact ?? '',
    feeds: partner.feeds.map((f) => f.url).join('\n'), active: partner.active ? 'true' : '',
  };
}

/**
 * Media partners and pickups: list, create and edit partners (PartnersService, as the API), their
 * feed token and partner-feed URL to hand over, "poll now" (FeedPoller, as POST /partners/:id/poll),
 * and the pickups found (PickupsService).
 */
@ConsoleController()
export class PartnersPageController {
  constructor(
    private readonly view: ConsoleView,
    private readonly partners: PartnersService,
    private readonly pickups: PickupsService,
    private readonly poller: FeedPoller,
    private readonly units: UnitsService,
  ) {}

  @Get('mitra')
  @Roles('humas')
  async list(@CurrentUser() user: AuthUser, @Req() request: ConsoleRequest, @Res() response: Response) {
    await this.showList(user, request, response, { active: 'true' }, {}, null, 200);
  }

  @Post('mitra')
  @Roles('humas')
  @AcceptsBody('form')
  async create(@CurrentUser() user: AuthUser, @Req() request: ConsoleRequest, @Res() response: Response, @Body() body: FormBody) {
    try {
      const partner = await this.partners.create(user, await validateAs(PartnerDto, partnerBody(body ?? {})));
      redirectWithFlash(response, `/mitra/${partner.id}`, { kind: 'success', text: `Mitra ${partner.name} ditambahkan. Serahkan alamat feed mitra kepada redaksinya.` });
    } catch (error) {
      const failure = formFailure(error);
      if (failure.status >= 500) throw error;
      await this.showList(user, request, response, body ?? {}, failure.fields, failure.message, failure.status);
    }
  }

  @Get('mitra/:id')
  @Roles('humas')
  async edit(@CurrentUser() user: AuthUser, @Req() request: ConsoleRequest, @Res() response: Response, @Param('id', uuidParam()) id: string) {
    const partner = await this.partners.get(user, id);
    await this.showPartner(user, request, response, partner, partnerValues(partner), {}, null, 200);
  }

  @Post('mitra/:id')
  @Roles('humas')
  @AcceptsBody('form')
  async update(@CurrentUser() user: AuthUser, @Req() request: ConsoleRequest, @Res() response: Response, @Param('id', uuidParam()) id: string, @Body() body: FormBody) {
    const partner = await this.partners.get(user, id);
    try {
      await this.partners.update(user, id, await validateAs(PartnerDto, partnerBody(body ?? {})));
      redirectWithFlash(response, `/mitra/${id}`, { kind: 'success', text: 'Mitra diperbarui.' });
    } catch (error) {
      const failure = formFailure(error);
      if (failure.status >= 500) throw error;
      await this.showPartner(user, request, response, partner, body ?? {}, failure.fields, failure.message, failure.status);
    }
  }

  @Post('mitra/:id/token')
  @Roles('humas')
  @AcceptsBody('form')
  async rotate(@CurrentUser() user: AuthUser, @Res() response: Response, @Param('id', uuidParam()) id: string) {
    await runFormAction(response, `/mitra/${id}`, 'Token baru dibuat; alamat feed lama tidak berlaku lagi.', () => this.partners.rotateToken(user, id));
  }

  @Post('mitra/:id/poll')
  @Roles('humas')
  @AcceptsBody('form')
  async poll(@CurrentUser() user: AuthUser, @Res() response: Response, @Param('id', uuidParam()) id: string) {
    await this.partners.require(user, id);
    const results = await this.poller.pollPartner(id);
    const failed = results.filter((r) => r.status === 'failed').length;
    const items = results.reduce((sum, r) => sum + r.newItems, 0);
    const found = results.reduce((sum, r) => sum + r.pickups.length, 0);
    const text = results.length === 0
      ? 'Mitra ini belum punya feed yang dipantau.'
      : `${results.length} feed diperiksa: ${items} artikel baru, ${found} pengutipan cerita${failed ? `, ${failed} feed gagal (alasannya di tabel feed)` : ''}.`;
    redirectWithFlash(response, `/mitra/${id}`, { kind: failed ? 'error' : 'success', text });
  }

  @Get('liputan')
  @Roles('humas')
  async pickupList(@CurrentUser() user: AuthUser, @Req() request: ConsoleRequest, @Res() response: Response, @Query() query: Record<string, string>) {
    const filter = await validateAs(PickupQueryDto, formFields(query ?? {}, ['page', 'partnerId', 'storyId']), 'query');
    const page = await this.pickups.list(user, { ...filter, pageSize: PAGE_SIZE });
    const pages = Math.max(1, Math.ceil(page.total / PAGE_SIZE));
    const link = (p: number) => `/liputan?${new URLSearchParams({ ...formFields(query ?? {}, ['partnerId', 'storyId']), page: String(p) } as Record<string, string>)}`;
    await this.view.send(request, response, 'pages/partners/pickups', {
      pickups: page.items.map((p) => ({ ...p, percent: Math.round(p.score * 100) })),
      pager: pages > 1 ? { page: page.page, pages, total: page.total, prev: page.page > 1 ? link(page.page - 1) : null, next: page.page < pages ? link(page.page + 1) : null } : null,
    }, { title: 'Liputan media mitra' });
  }

  private async form(user: AuthUser, values: FlatForm, errors: FieldMessages) {
    const units = await this.units.list(user);
    const f = fieldViews(FIELDS, { unitCode: units.find((u) => u.id === user.unitId)?.code ?? '', ...values }, errors, {
      kind: PARTNER_KINDS.map((k) => ({ value: k, label: KIND_LABELS[k] ?? k })),
      unitCode: units.map((u) => ({ value: u.code, label: `${u.name} (${u.code})` })),
    });
    return f;
  }

  private async showList(user: AuthUser, request: ConsoleRequest, response: Response, values: FlatForm, errors: FieldMessages, message: string | null, status: number) {
    const page = await this.partners.list(user, { pageSize: 100 });
    // "partnerKind", not "kindLabel": that is also a helper's name, and {{kindLabel}} called it ("[object Object]")
    const partners = page.items.map((p, i) => ({ ...p, partnerKind: KIND_LABELS[p.kind] ?? p.kind, urlId: `feed-url-${i}` }));
    const model = { partners, total: page.total, f: await this.form(user, values, errors), message, hasErrors: message !== null };
    await this.view.send(request, response, 'pages/partners/list', model, { title: 'Mitra media', status, scripts: ['copy.js'] });
  }

  private async showPartner(
    user: AuthUser, request: ConsoleRequest, response: Response, partner: PartnerView, values: FlatForm, errors: FieldMessages, message: string | null, status: number,
  ) {
    const recent = await this.pickups.list(user, { partnerId: partner.id, pageSize: 20 });
    const model = {
      partner: { ...partner, feeds: partner.feeds.map((f) => ({ ...f, errorText: feedErrorText(f.lastError) })) },
      partnerKind: KIND_LABELS[partner.kind] ?? partner.kind,
      f: await this.form(user, values, errors), message, hasErrors: message !== null,
      pickups: recent.items.map((p) => ({ ...p, percent: Math.round(p.score * 100) })), pickupTotal: recent.total,
    };
    await this.view.send(request, response, 'pages/partners/partner', model, { title: `Mitra ${partner.name}`, status, scripts: ['copy.js'] });
  }
}
