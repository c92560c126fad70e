import { Body, Get, Param, Post, Query, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import type { AuthUser } from '../../../common/auth/auth-user';
import { CurrentUser, Roles } from '../../../common/auth/auth.decorators';
import { AcceptsBody } from '../../../common/http/body-kind';
import { enumParam } from '../../../common/http/params';
import { ProblemException } from '../../../common/problem/problem.exception';
import { CHANNELS, type Channel, STORY_KINDS, type StoryKind } from '../../../drafting/channels';
import { PutTemplateDto } from '../../../drafting/dto/template.dto';
import { TemplatesService } from '../../../drafting/templates/templates.service';
import { UnitsService } from '../../../units/units.service';
import { indonesianErrors } from '../../../common/http/field-messages';
import { ConsoleController } from '../../console-controller.decorator';
import { CHANNEL_LABELS, KIND_LABELS } from '../../console-helpers';
import { type FormBody, formFields, validateAs } from '../../console-form';
import { type ConsoleRequest, ConsoleView } from '../../console-view.service';
import { redirectWithFlash } from '../../flash';
import { single } from '../forms/form-input';
import { PreviewStories } from './preview-stories';
import { templateErrorText } from './template-errors';

const kindParam = enumParam('kind', STORY_KINDS);
const channelParam = enumParam('channel', CHANNELS);
/** Recent stories offered for the live preview. */
const PREVIEW_STORIES = 20;

interface EditorState {
  body: string;
  unitCode: string;
  error: string | null;
  technical?: string | null;
}

/**
 * Content templates: every key (<kind>/<channel>), an override edited with a live preview
 * against a chosen story (POST /api/v1/templates/preview from template-preview.js), saved as a
 * new version through TemplatesService.put (which refuses a template that does not render), and
 * the version history.
 */
@ConsoleController('templat')
export class TemplatesPageController {
  constructor(
    private readonly view: ConsoleView,
    private readonly templates: TemplatesService,
    private readonly previewStories: PreviewStories,
    private readonly units: UnitsService,
  ) {}

  @Get()
  @Roles('humas')
  async index(@Req() request: ConsoleRequest, @Res() response: Response) {
    const kinds = STORY_KINDS.map((kind) => ({ kind, channels: CHANNELS.map((channel) => ({ channel, href: `/templat/${kind}/${channel}` })) }));
    await this.view.send(request, response, 'pages/templates/index', { kinds }, { title: 'Templat konten' });
  }

  @Get(':kind/:channel')
  @Roles('humas')
  async edit(
    @CurrentUser() user: AuthUser, @Req() request: ConsoleRequest, @Res() response: Response,
    @Param('kind', kindParam) kind: StoryKind, @Param('channel', channelParam) channel: Channel, @Query('unitCode') unitCode?: string,
  ) {
    await this.show(user, request, response, kind, channel, { body: '', unitCode: unitCode ?? '', error: null }, 200);
  }

  @Post(':kind/:channel')
  @Roles('humas')
  @AcceptsBody('form')
  async save(
    @CurrentUser() user: AuthUser, @Req() request: ConsoleRequest, @Res() response: Response,
    @Param('kind', kindParam) kind: StoryKind, @Param('channel', channelParam) channel: Channel, @Body() body: FormBody,
  ) {
    // The textarea's text is kept exactly (whitespace matters in templates); an empty unit means global.
    const text = single(body ?? {}, 'body');
    const unitCode = single(body ?? {}, 'unitCode');
    try {
      const dto = await validateAs(PutTemplateDto, { ...formFields(body, ['unitCode']), body: text });
      const saved = await this.templates.put(user, kind, channel, dto.body, dto.unitCode);
      const where = saved.unitCode ? `?unitCode=${encodeURIComponent(saved.unitCode)}` : '';
      redirectWithFlash(response, `/templat/${kind}/${channel}${where}`, { kind: 'success', text: `Templat tersimpan sebagai versi ${saved.version}.` });
    } catch (error) {
      if (!(error instanceof ProblemException) || ![400, 403, 422].includes(error.problem.status)) throw error;
      const p = error.problem;
      const line = typeof p.extensions?.line === 'number' ? p.extensions.line : null;
      const fields = indonesianErrors(p.errors ?? []).map((e) => e.message).join(' ');
      const message = `Templat tidak disimpan. ${fields || (p.code === 'template_invalid' ? templateErrorText(p.detail, line) : p.detail ?? p.title)}`;
      // the engine's own words, whole, for whoever knows Handlebars
      const technical = p.code === 'template_invalid' ? (p.detail ?? '').replace(/^The template does not render:\s*/, '') : null;
      await this.show(user, request, response, kind, channel, { body: text, unitCode, error: message, technical }, p.status);
    }
  }

  private async show(user: AuthUser, request: ConsoleRequest, response: Response, kind: StoryKind, channel: Channel, state: EditorState, status: number) {
    const [template, units, recent] = await Promise.all([
      this.templates.get(user, kind, channel),
      this.units.list(user),
      this.previewStories.recent(user, kind, PREVIEW_STORIES),
    ]);
    const overrides = template.overrides as { unitCode: string | null; version: number; active: boolean; body: string; createdAt: Date; author: string | null }[];
    const own = units.find((u) => u.id === user.unitId)?.code ?? '';
    const unitCode = state.unitCode || (user.role === 'admin' ? '' : own);
    // The editor starts from what applies now for that unit: its active override, else the default.
    const active = overrides.find((o) => o.active && (o.unitCode ?? '') === unitCode);
    const body = state.body || active?.body || template.default || '';
    const model = {
      key: template.key, kind, channel, body, error: state.error, technical: state.technical ?? null,
      action: `/templat/${kind}/${channel}`,
      unitOptions: [
        ...(user.role === 'admin' ? [{ value: '', label: 'Global (semua satuan)', selected: unitCode === '' }] : []),
        ...units.map((u) => ({ value: u.code, label: `${u.name} (${u.code})`, selected: u.code === unitCode })),
      ],
      stories: recent,
      defaultBody: template.default ?? '',
      history: overrides.map((o, i) => ({ ...o, scope: o.unitCode ?? 'Global', detailsId: `versi-${i}` })),
      editingActive: active ? `versi ${active.version} (${active.unitCode ?? 'global'})` : 'templat bawaan',
    };
    await this.view.send(request, response, 'pages/templates/edit', model, { title: `Templat ${KIND_LABELS[kind]} · ${CHANNEL_LABELS[channel]}`, status, scripts: ['template-preview.js'] });
  }
}
