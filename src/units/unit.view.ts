import type { ApprovalPolicy, UnitHandles, UnitLevel, UnitTimezone } from './unit.entity';

/** A unit as the API shows it. */
export interface UnitView {
  id: string;
  code: string;
  name: string;
  level: UnitLevel;
  parentCode: string | null;
  city: string;
  timezone: UnitTimezone;
  handles: UnitHandles;
  hashtags: string[];
  /** The unit's own published numbers (never masked as personal data). */
  publicNumbers: string[];
  approvalPolicy: ApprovalPolicy;
  reviewSlaHours: number;
}

/** Selects the columns of UnitView from `unit u` joined with `unit p` (its parent). */
export const UNIT_VIEW_COLUMNS = `u.id, u.code, u.name, u.level, p.code AS "parentCode", u.city, u.timezone, u.handles,
  u.hashtags, u.public_numbers AS "publicNumbers", u.approval_policy AS "approvalPolicy", u.review_sla_hours AS "reviewSlaHours"`;
