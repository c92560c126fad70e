import { Body, Get, Param, Post, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import { StoryWorkflow } from '../../../approval/story-workflow.service';
import type { AuthUser } from '../../../common/auth/auth-user';
import { CurrentUser, Roles } from '../../../common/auth/auth.decorators';
import { AcceptsBody } from '../../../common/http/body-kind';
import { uuidParam } from '../../../common/http/params';
import { ProblemException } from '../../../common/problem/problem.exception';
import { CorrectAchievementDto, CorrectComplaintDto } from '../../../intake/corrections/correction.dto';
import { type CorrectionResult, IntakeCorrections } from '../../../intake/corrections/intake-corrections.service';
import type { UnitTimezone } from '../../../units/unit.entity';
import { UnitsService } from '../../../units/units.service';
import { ConsoleController } from '../../console-controller.decorator';
import { validateAs } from '../../console-form';
import { CHANNEL_LABELS } from '../../console-helpers';
import { type ConsoleRequest, ConsoleView } from '../../console-view.service';
import { redirectWithFlash } from '../../flash';
import { convertLocalTimes, type FlatForm, formFailure, instantToLocal, nestForm } from '../forms/form-input';
import { intakeFormModel, type IntakeFormState } from './intake-page.model';
import { INTAKE_FORMS } from './intake-submissions';

type Correctable = 'complaint' | 'achievement';
const PATHS: Record<Correctable, string> = { complaint: '/pengaduan', achievement: '/prestasi' };
const TITLES: Record<Correctable, string> = { complaint: 'Koreksi data laporan', achievement: 'Koreksi data kegiatan' };

/**
 * Closes the loop of a story sent back to its author: the report (or activity) is corrected with
 * the same rules as intake, its drafts are rendered again, and the story goes to review again in
 * the same step. Humas may correct too; approved stories are withdrawn instead.
 */
@ConsoleController()
export class IntakeCorrectionsController {
  constructor(
    private readonly view: ConsoleView,
    private readonly corrections: IntakeCorrections,
    private readonly workflow: StoryWorkflow,
    private readonly units: UnitsService,
  ) {}

  @Get('pengaduan/:id/koreksi')
  @Roles('operator', 'humas')
  async complaintForm(@CurrentUser() user: AuthUser, @Req() request: ConsoleRequest, @Res() response: Response, @Param('id', uuidParam()) id: string) {
    const { item, values } = await this.corrections.complaintForm(user, id);
    await this.show('complaint', user, request, response, id, item.unitCode, flatten('complaint', values, await this.zoneOf(user, item.unitCode)), {}, null, 200);
  }

  @Post('pengaduan/:id/koreksi')
  @Roles('operator', 'humas')
  @AcceptsBody('form')
  complaintSubmit(@CurrentUser() user: AuthUser, @Req() request: ConsoleRequest, @Res() response: Response, @Param('id', uuidParam()) id: string, @Body() body: FlatForm) {
    return this.submit('complaint', user, request, response, id, body ?? {});
  }

  @Get('prestasi/:id/koreksi')
  @Roles('commander', 'humas')
  async achievementForm(@CurrentUser() user: AuthUser, @Req() request: ConsoleRequest, @Res() response: Response, @Param('id', uuidParam()) id: string) {
    const { item, values } = await this.corrections.achievementForm(user, id);
    await this.show('achievement', user, request, response, id, item.unitCode, flatten('achievement', values, await this.zoneOf(user, item.unitCode)), {}, null, 200);
  }

  @Post('prestasi/:id/koreksi')
  @Roles('commander', 'humas')
  @AcceptsBody('form')
  achievementSubmit(@CurrentUser() user: AuthUser, @Req() request: ConsoleRequest, @Res() response: Response, @Param('id', uuidParam()) id: string, @Body() body: FlatForm) {
    return this.submit('achievement', user, request, response, id, body ?? {});
  }

  private async submit(kind: Correctable, user: AuthUser, request: ConsoleRequest, response: Response, id: string, body: FlatForm) {
    const { item } = kind === 'complaint' ? await this.corrections.complaintForm(user, id) : await this.corrections.achievementForm(user, id);
    const zone = await this.zoneOf(user, item.unitCode);
    let result: CorrectionResult;
    try {
      const nested = nestForm(convertLocalTimes(body, INTAKE_FORMS[kind].timeFields, zone));
      result = kind === 'complaint'
        ? await this.corrections.complaint(user, id, await validateAs(CorrectComplaintDto, nested))
        : await this.corrections.achievement(user, id, await validateAs(CorrectAchievementDto, nested));
    } catch (error) {
      const failure = formFailure(error);
      if (failure.status >= 500) throw error;
      return this.show(kind, user, request, response, id, item.unitCode, body, failure.fields, failure.message, failure.status === 409 ? 409 : 400);
    }
    // corrected: the story goes straight back to review (nobody has to remember "Ajukan")
    let submitted = true;
    try {
      await this.workflow.submit(user, result.storyId);
    } catch (error) {
      if (!(error instanceof ProblemException) || error.problem.status >= 500) throw error;
      submitted = false;
    }
    const kept = result.kept.length ? ` Draf yang sudah disunting Humas tetap: ${result.kept.map((c) => CHANNEL_LABELS[c]).join(', ')}.` : '';
    const text = `Koreksi tersimpan; ${result.regenerated.length} draf dibuat ulang dari data yang dikoreksi.${kept}${submitted ? ' Cerita dikirim lagi ke Humas untuk ditinjau.' : ' Ajukan cerita untuk ditinjau.'}`;
    redirectWithFlash(response, `/cerita/${result.storyId}`, { kind: 'success', text });
  }

  private async show(
    kind: Correctable, user: AuthUser, request: ConsoleRequest, response: Response, id: string, unitCode: string,
    values: FlatForm, errors: Record<string, string>, message: string | null, status: number,
  ) {
    const units = await this.units.list(user);
    const state: IntakeFormState = { values: { ...values, unitCode }, errors, message };
    const model = { ...intakeFormModel(kind, user, units, state), action: `${PATHS[kind]}/${id}/koreksi`, correcting: true, unitCode };
    await this.view.send(request, response, 'pages/intake/correct', model, { title: TITLES[kind], status, scripts: ['intake-form.js'] });
  }

  private async zoneOf(user: AuthUser, unitCode: string): Promise<UnitTimezone> {
    const unit = (await this.units.list(user)).find((u) => u.code === unitCode);
    return (unit?.timezone ?? 'Asia/Jakarta') as UnitTimezone;
  }
}

/** Stored facts as the form's flat names, times in the unit's zone. */
function flatten(kind: Correctable, values: Record<string, unknown>, zone: UnitTimezone): FlatForm {
  const out: FlatForm = {};
  const put = (name: string, value: unknown) => {
    if (value === null || value === undefined) return;
    out[name] = value instanceof Date ? instantToLocal(value, zone) : String(value);
  };
  const location = (values.location ?? {}) as Record<string, unknown>;
  if (kind === 'complaint') {
    for (const key of ['category', 'channel', 'summary', 'resolution', 'quote']) put(key, values[key]);
    put('receivedAt', values.receivedAt);
    put('resolvedAt', values.resolvedAt);
    for (const key of ['subdistrict', 'district', 'city']) put(`location.${key}`, location[key]);
    ((values.stages ?? []) as { at: string; label: string }[]).forEach((s, i) => {
      put(`stages[${i}].at`, new Date(s.at));
      put(`stages[${i}].label`, s.label);
    });
  } else {
    for (const key of ['title', 'activityType', 'narrative']) put(key, values[key]);
    put('happenedAt', values.happenedAt);
    for (const key of ['place', 'city']) put(`location.${key}`, location[key]);
    ((values.participants ?? []) as Record<string, string>[]).forEach((p, i) => {
      for (const key of ['rank', 'name', 'position']) put(`participants[${i}].${key}`, p[key]);
    });
    ((values.quotes ?? []) as { speaker: Record<string, string>; text: string }[]).forEach((q, i) => {
      for (const key of ['rank', 'name', 'position']) put(`quotes[${i}].speaker.${key}`, q.speaker?.[key]);
      put(`quotes[${i}].text`, q.text);
    });
  }
  return out;
}
