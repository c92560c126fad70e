import { IsIn, IsObject, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { INTAKE_KINDS, type IntakeKind } from '../bulk/intake-kinds';

export class CreateIntegrationDto {
  /** What the sending system is, e.g. "Dumas Polri Jakarta Selatan". */
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  name: string;

  /** The account the integration acts as: its role and unit (the integration's scope) apply. */
  @Matches(/^[A-Za-z0-9._-]{3,64}$/, { message: 'username must be 3-64 letters, digits or ._-' })
  username: string;
}

/** The webhook body: one item in the same shape as the single endpoint takes. */
export class WebhookEnvelopeDto {
  @IsIn(INTAKE_KINDS)
  kind: IntakeKind;

  /** Validated afterwards with the DTO of its kind. */
  @IsObject()
  item: Record<string, unknown>;
}
