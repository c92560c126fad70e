import type { Role } from '../../users/user.entity';

// No DTO imports here: the CLI reads this before deciding to boot anything (DTOs pull in Nest).

export const INTAKE_KINDS = ['complaint', 'feedback', 'achievement'] as const;
export type IntakeKind = (typeof INTAKE_KINDS)[number];

/** How a CSV cell becomes a JSON value; every column not listed here is a string. */
export interface CsvColumnTypes {
  /** Cells holding JSON (arrays of objects such as stages, or mediaIds). */
  json: string[];
  /** "true" / "false". */
  boolean: string[];
  integer: string[];
}

export interface IntakeKindSpec {
  /** Roles of the single endpoint's @Roles() (admins may always). */
  roles: Role[];
  csv: CsvColumnTypes;
}

/** One table for the three kinds, shared by the import CLI and the webhook. */
export const INTAKE_KIND_SPECS: Record<IntakeKind, IntakeKindSpec> = {
  complaint: {
    roles: ['operator', 'humas'],
    csv: { json: ['stages', 'mediaIds'], boolean: ['consent.quote'], integer: [] },
  },
  feedback: {
    roles: ['operator', 'humas'],
    csv: { json: ['mediaIds'], boolean: ['consent.quote'], integer: ['rating'] },
  },
  achievement: {
    roles: ['commander', 'humas'],
    csv: { json: ['participants', 'quotes', 'mediaIds'], boolean: [], integer: [] },
  },
};

/** The CLI says "complaints" and "achievements" like the API paths; both spellings are accepted. */
export function parseIntakeKind(name: string): IntakeKind | null {
  const kind = name.replace(/s$/, '');
  return (INTAKE_KINDS as readonly string[]).includes(kind) ? (kind as IntakeKind) : null;
}

export function mayCreate(role: Role, kind: IntakeKind): boolean {
  return role === 'admin' || INTAKE_KIND_SPECS[kind].roles.includes(role);
}
