import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { AuditService } from '../../audit/audit.service';
import type { AuthUser } from '../../common/auth/auth-user';
import { Clock } from '../../common/clock';
import { ProblemException } from '../../common/problem/problem.exception';
import { IntakeIntegrations, type ResolvedIntegration } from './intake-integrations.service';
import { WebhookDeliveryRepository } from './webhook-delivery.repository';
import {
  INTEGRATION_HEADER, isTimestamp, MAX_SKEW_SECONDS, SIGNATURE_HEADER, signatureMatches, TIMESTAMP_HEADER, timestampFresh,
} from './webhook-signature';

export type WebhookRequest = Request & { rawBody?: Buffer; user?: AuthUser; integration?: ResolvedIntegration };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Authenticates a webhook call by its signature instead of a token: a known, active integration,
 * an HMAC of "<timestamp>.<raw body>" made with its secret, a timestamp within five minutes, and
 * a signature not seen before (a replay is 409 `replayed`).
 * Runs before the body is validated, so an unsigned caller learns nothing about the payload rules.
 * Every refusal is audited (which integration and why; never the body).
 */
@Injectable()
export class WebhookSignatureGuard implements CanActivate {
  constructor(
    private readonly integrations: IntakeIntegrations,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly deliveries: WebhookDeliveryRepository,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<WebhookRequest>();
    const id = request.header(INTEGRATION_HEADER)?.trim() ?? '';
    const timestamp = request.header(TIMESTAMP_HEADER)?.trim() ?? '';
    const signature = request.header(SIGNATURE_HEADER) ?? '';

    const integration = UUID.test(id) ? await this.integrations.resolve(id) : null;
    if (!integration) {
      return this.refuse(null, 'integration_unknown', `Send the id of an active integration in ${INTEGRATION_HEADER}.`, UUID.test(id) ? id : null);
    }
    if (!isTimestamp(timestamp) || !signature) {
      return this.refuse(integration, 'signature_invalid', `Send ${TIMESTAMP_HEADER} (unix seconds) and ${SIGNATURE_HEADER} (sha256=<hex HMAC>).`);
    }
    // Body-less requests have no rawBody: the signature then covers the empty string.
    if (!signatureMatches(integration.secret, timestamp, request.rawBody ?? Buffer.alloc(0), signature)) {
      return this.refuse(integration, 'signature_invalid', 'The signature does not match the body and timestamp.');
    }
    if (!timestampFresh(timestamp, this.clock.now())) {
      return this.refuse(integration, 'timestamp_expired', `The timestamp is more than ${MAX_SKEW_SECONDS / 60} minutes away from the server's clock.`);
    }
    // A captured request replayed within the window carries a valid, fresh signature: the first
    // sighting of each signature wins, on whichever instance (a retry after a failure is signed anew).
    const now = this.clock.now();
    const hex = signature.trim().slice('sha256='.length);
    if (!(await this.deliveries.recordFirstSighting(integration.id, hex, now, new Date(now.getTime() - 2 * MAX_SKEW_SECONDS * 1000)))) {
      return this.refuse(integration, 'replayed', 'This signed request was received before; sign every request (retries too) with a new timestamp.', null, 409);
    }
    request.integration = integration;
    request.user = integration.user;
    return true;
  }

  private async refuse(integration: ResolvedIntegration | null, code: string, detail: string, claimedId: string | null = null, status: 401 | 409 = 401): Promise<never> {
    await this.audit.record({
      actorId: null,
      action: 'intake.webhook.refused',
      subjectType: 'intake_integration',
      subjectId: integration?.id ?? claimedId,
      unitId: integration?.unitId ?? null,
      details: { code },
    });
    throw status === 409 ? ProblemException.conflict(code, detail) : ProblemException.unauthorized(code, detail);
  }
}
