import { Body, Get, Param, Post, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import type { AuthUser } from '../../../common/auth/auth-user';
import { CurrentUser, Roles } from '../../../common/auth/auth.decorators';
import { AcceptsBody } from '../../../common/http/body-kind';
import { uuidParam } from '../../../common/http/params';
import { UnitsService } from '../../../units/units.service';
import { ApprovalStatus } from '../../approval-status';
import { ConsoleController } from '../../console-controller.decorator';
import { type ConsoleRequest, ConsoleView } from '../../console-view.service';
import { redirectWithFlash } from '../../flash';
import type { FlatForm } from '../forms/form-input';
import { emptyState, INTAKE_PATHS, INTAKE_TITLES, type IntakeFormState, intakeFormModel, intakeResultModel } from './intake-page.model';
import { IntakeSubmissions, type IntakeKind } from './intake-submissions';

const FORM_SCRIPTS = ['intake-form.js', 'photo-upload.js'];
/** What was saved, in the words of each form. */
const SAVED: Record<IntakeKind, string> = {
  complaint: 'Laporan pengaduan tersimpan.', feedback: 'Umpan balik warga tersimpan.', achievement: 'Kegiatan satuan tersimpan.',
};

/**
 * The intake forms (complaint, feedback, achievement) for the roles the API allows for each.
 * A refused form comes back with every value kept and the API's message beside each field; an
 * accepted one goes (303) to its result page: what personal data was masked, which consent.
 */
@ConsoleController()
export class IntakePagesController {
  constructor(
    private readonly view: ConsoleView,
    private readonly submissions: IntakeSubmissions,
    private readonly units: UnitsService,
    private readonly approval: ApprovalStatus,
  ) {}

  @Get('pengaduan/baru')
  @Roles('operator', 'humas')
  complaintForm(@CurrentUser() user: AuthUser, @Req() request: ConsoleRequest, @Res() response: Response) {
    return this.showForm('complaint', user, request, response);
  }

  @Post('pengaduan/baru')
  @Roles('operator', 'humas')
  @AcceptsBody('form')
  complaintSubmit(@CurrentUser() user: AuthUser, @Req() request: ConsoleRequest, @Res() response: Response, @Body() body: FlatForm) {
    return this.submit('complaint', user, request, response, body);
  }

  @Get('pengaduan/:id')
  @Roles('operator', 'humas')
  complaintResult(@CurrentUser() user: AuthUser, @Req() request: ConsoleRequest, @Res() response: Response, @Param('id', uuidParam()) id: string) {
    return this.showResult('complaint', user, request, response, id);
  }

  @Get('umpan-balik/baru')
  @Roles('operator', 'humas')
  feedbackForm(@CurrentUser() user: AuthUser, @Req() request: ConsoleRequest, @Res() response: Response) {
    return this.showForm('feedback', user, request, response);
  }

  @Post('umpan-balik/baru')
  @Roles('operator', 'humas')
  @AcceptsBody('form')
  feedbackSubmit(@CurrentUser() user: AuthUser, @Req() request: ConsoleRequest, @Res() response: Response, @Body() body: FlatForm) {
    return this.submit('feedback', user, request, response, body);
  }

  @Get('umpan-balik/:id')
  @Roles('operator', 'humas')
  feedbackResult(@CurrentUser() user: AuthUser, @Req() request: ConsoleRequest, @Res() response: Response, @Param('id', uuidParam()) id: string) {
    return this.showResult('feedback', user, request, response, id);
  }

  @Get('prestasi/baru')
  @Roles('commander', 'humas')
  achievementForm(@CurrentUser() user: AuthUser, @Req() request: ConsoleRequest, @Res() response: Response) {
    return this.showForm('achievement', user, request, response);
  }

  @Post('prestasi/baru')
  @Roles('commander', 'humas')
  @AcceptsBody('form')
  achievementSubmit(@CurrentUser() user: AuthUser, @Req() request: ConsoleRequest, @Res() response: Response, @Body() body: FlatForm) {
    return this.submit('achievement', user, request, response, body);
  }

  @Get('prestasi/:id')
  @Roles('commander', 'humas')
  achievementResult(@CurrentUser() user: AuthUser, @Req() request: ConsoleRequest, @Res() response: Response, @Param('id', uuidParam()) id: string) {
    return this.showResult('achievement', user, request, response, id);
  }

  private async showForm(kind: IntakeKind, user: AuthUser, request: ConsoleRequest, response: Response, state?: IntakeFormState, status = 200) {
    const units = await this.units.list(user);
    const own = units.find((u) => u.id === user.unitId)?.code ?? units[0]?.code ?? null;
    const model = intakeFormModel(kind, user, units, state ?? emptyState(own, kind));
    await this.view.send(request, response, `pages/intake/${kind}`, model, { title: INTAKE_TITLES[kind], status, scripts: FORM_SCRIPTS });
  }

  private async submit(kind: IntakeKind, user: AuthUser, request: ConsoleRequest, response: Response, body: FlatForm) {
    const outcome = await this.submissions.submit(user, kind, body ?? {});
    if (outcome.ok) {
      const text = !outcome.created ? 'Laporan dengan nomor referensi ini sudah ada; berikut data yang tersimpan.'
        : `${SAVED[kind]}${outcome.submitted ? ' Ceritanya sudah dikirim ke Humas untuk ditinjau.' : ''}`;
      return redirectWithFlash(response, `${INTAKE_PATHS[kind]}/${outcome.id}`, { kind: 'success', text });
    }
    // 400 (fields), 403 (unit outside scope), 409 (same reference, other content), 422...
    const status = outcome.status >= 400 && outcome.status < 500 ? outcome.status : 400;
    await this.showForm(kind, user, request, response, { values: body ?? {}, errors: outcome.fields, message: outcome.message }, status);
  }

  private async showResult(kind: IntakeKind, user: AuthUser, request: ConsoleRequest, response: Response, id: string) {
    const record = await this.submissions.record(user, kind, id);
    // who the story waits for now, from the approval rules (nobody has to guess who approves)
    const [story] = record.storyId ? await this.approval.load([record.storyId]) : [];
    const waiting = story ? await this.approval.describe(story) : null;
    await this.view.send(request, response, 'pages/intake/result', { ...intakeResultModel(kind, record), waiting }, { title: `${INTAKE_TITLES[kind]}: tersimpan` });
  }
}
