import { Body, Get, HttpCode, Param, Post, Put, Res } from '@nestjs/common';
import type { Response } from 'express';
import type { AuthUser } from '../../common/auth/auth-user';
import { CurrentUser, Roles } from '../../common/auth/auth.decorators';
import { ApiController } from '../../common/http/api-controller';
import { uuidParam } from '../../common/http/params';
import { CreateComplaintDto } from '../dto/complaint.dto';
import { CorrectComplaintDto } from '../corrections/correction.dto';
import { IntakeCorrections } from '../corrections/intake-corrections.service';
import { ReasonDto } from '../dto/reopen.dto';
import { ComplaintRecords } from './complaint-records.service';
import { ComplaintsService } from './complaints.service';

@ApiController('complaints')
export class ComplaintsController {
  constructor(
    private readonly complaints: ComplaintsService,
    private readonly records: ComplaintRecords,
    private readonly corrections: IntakeCorrections,
  ) {}

  /** 201 for a new complaint; 200 with the same ids when the same externalRef arrives again. */
  @Post()
  @Roles('operator', 'humas')
  async create(@CurrentUser() user: AuthUser, @Body() body: CreateComplaintDto, @Res({ passthrough: true }) response: Response) {
    const result = await this.complaints.create(user, body);
    response.status(result.created ? 201 : 200);
    return result.body;
  }

  /** The complaint; the complainant's contact data only for roles that handle complaints. */
  @Get(':id')
  get(@CurrentUser() user: AuthUser, @Param('id', uuidParam()) id: string) {
    return this.records.get(user, id);
  }

  /**
   * Corrects the facts of a complaint whose story is a draft or came back rejected (its author or
   * humas): the drafts are rendered again from them; then submit the story for review again.
   */
  @Put(':id')
  @Roles('operator', 'humas')
  correct(@CurrentUser() user: AuthUser, @Param('id', uuidParam()) id: string, @Body() body: CorrectComplaintDto) {
    return this.corrections.complaint(user, id, body);
  }

  @Post(':id/reopen')
  @HttpCode(200)
  @Roles('operator', 'humas')
  reopen(@CurrentUser() user: AuthUser, @Param('id', uuidParam()) id: string, @Body() body: ReasonDto) {
    return this.records.reopen(user, id, body.reason);
  }
}
