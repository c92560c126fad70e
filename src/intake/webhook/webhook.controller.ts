import { Body, Post, Req, Res, UseGuards } from '@nestjs/common';
import type { Response } from 'express';
import { AuditService } from '../../audit/audit.service';
import { Public } from '../../common/auth/auth.decorators';
import { ApiController } from '../../common/http/api-controller';
import { ProblemException } from '../../common/problem/problem.exception';
import { IntakeDispatcher, prefixProblem, validateItem } from '../bulk/intake-dispatcher.service';
import { WebhookEnvelopeDto } from './integration.dto';
import { WebhookSignatureGuard, type WebhookRequest } from './webhook-signature.guard';

@ApiController('intake')
export class WebhookController {
  constructor(
    private readonly intake: IntakeDispatcher,
    private readonly audit: AuditService,
  ) {}

  /**
   * `{kind, item}` from a complaint system, answered as the single endpoints answer: 201 new,
   * 200 the same externalRef and content again, 409 other content, 400 naming `item.<field>`.
   * Public for the token guard; authenticated by WebhookSignatureGuard instead.
   */
  @Post('webhook')
  @Public()
  @UseGuards(WebhookSignatureGuard)
  async receive(@Req() request: WebhookRequest, @Body() body: unknown, @Res({ passthrough: true }) response: Response) {
    const integration = request.integration!;
    let outcome: { status: number; code?: string; itemId?: string } = { status: 500 };
    let kind: string | undefined;
    try {
      // Validated here rather than by the global pipe, so that a bad envelope is audited too.
      const envelope = await validateItem(WebhookEnvelopeDto, body, '(body)');
      kind = envelope.kind;
      const result = await this.intake.submit(integration.user, envelope.kind, envelope.item, 'webhook').catch((error: unknown) => {
        throw prefixProblem(error, 'item');
      });
      outcome = { status: result.created ? 201 : 200, itemId: result.body.id };
      response.status(outcome.status);
      return result.body;
    } catch (error) {
      if (error instanceof ProblemException) outcome = { status: error.problem.status, code: error.problem.code };
      throw error;
    } finally {
      await this.audit.record({
        actorId: integration.user.id,
        action: 'intake.webhook.receive',
        subjectType: 'intake_integration',
        subjectId: integration.id,
        unitId: integration.unitId,
        details: { kind, ...outcome },
      });
    }
  }
}
