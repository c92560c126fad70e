import type { AuthUser } from '../../../common/auth/auth-user';
import { zoneName } from '../../console-helpers';
import type { UnitView } from '../../../units/unit.view';
import { errorSummary, fieldViews, rowViews } from '../forms/form-fields';
import { type FieldMessages, type FlatForm, many } from '../forms/form-input';
import { CONSENT_LABELS, fieldLabel, INTAKE_OPTIONS, PII_LABELS } from './intake-options';
import type { IntakeKind, IntakeRecord } from './intake-submissions';
import { POLICE_RANKS } from './police-ranks';

/** The console address of each kind's form and results. */
export const INTAKE_PATHS: Record<IntakeKind, string> = { complaint: '/pengaduan', feedback: '/umpan-balik', achievement: '/prestasi' };
export const INTAKE_TITLES: Record<IntakeKind, string> = {
  complaint: 'Pengaduan selesai ditangani', feedback: 'Umpan balik warga', achievement: 'Prestasi dan kegiatan satuan',
};

/** The form's button says what happens: the item is kept and its story goes to Humas for review. */
const SUBMIT_LABELS: Record<IntakeKind, string> = {
  complaint: 'Simpan laporan dan kirim ke Humas', feedback: 'Simpan umpan balik', achievement: 'Simpan kegiatan dan kirim ke Humas',
};

/** The inputs of each form (rows are separate); every name is the DTO's own path. */
const FIELDS: Record<IntakeKind, readonly string[]> = {
  complaint: [
    'externalRef', 'unitCode', 'category', 'channel', 'receivedAt', 'resolvedAt', 'location.subdistrict', 'location.district', 'location.city',
    'summary', 'resolution', 'complainant.name', 'complainant.phone', 'complainant.email', 'complainant.nik', 'consent.level', 'consent.quote',
    'consent.method', 'quote', 'mediaIds',
  ],
  feedback: [
    'unitCode', 'serviceType', 'rating', 'text', 'source', 'receivedAt', 'author.name', 'author.phone', 'author.email', 'consent.level',
    'consent.quote', 'consent.method', 'mediaIds',
  ],
  achievement: ['unitCode', 'title', 'activityType', 'happenedAt', 'location.place', 'location.city', 'narrative', 'mediaIds'],
};
/** Whole groups the DTO may name when all their inputs were left empty. */
const GROUPS = ['location', 'complainant', 'author', 'consent', 'stages', 'participants', 'quotes'];
const ROWS: Record<IntakeKind, { group: string; parts: string[]; minimum: number }[]> = {
  complaint: [{ group: 'stages', parts: ['at', 'label'], minimum: 3 }],
  feedback: [],
  achievement: [
    { group: 'participants', parts: ['rank', 'name', 'position', 'led'], minimum: 3 },
    { group: 'quotes', parts: ['speaker.rank', 'speaker.name', 'speaker.position', 'text'], minimum: 2 },
  ],
};

export interface IntakeFormState {
  values: FlatForm;
  errors: FieldMessages;
  message: string | null;
}

export function emptyState(unitCode: string | null, kind: IntakeKind): IntakeFormState {
  const values: FlatForm = { unitCode: unitCode ?? '' };
  // Nothing about the citizen is published unless the officer records their consent.
  if (kind !== 'achievement') values['consent.level'] = 'none';
  return { values, errors: {}, message: null };
}

/** Everything the form view needs; built the same way for a fresh form and a refused one. */
export function intakeFormModel(kind: IntakeKind, user: AuthUser, units: UnitView[], state: IntakeFormState) {
  const { values, errors } = state;
  const chosen = units.find((u) => u.code === values.unitCode) ?? units[0];
  const unitOptions = units.map((u) => ({ value: u.code, label: `${u.name} (${u.code})` }));
  const f = fieldViews(FIELDS[kind], values, errors, {
    unitCode: unitOptions, category: INTAKE_OPTIONS.categories, channel: INTAKE_OPTIONS.channels, serviceType: INTAKE_OPTIONS.serviceTypes,
    source: INTAKE_OPTIONS.sources, activityType: INTAKE_OPTIONS.activityTypes, rating: INTAKE_OPTIONS.ratings,
    'consent.level': INTAKE_OPTIONS.consentLevels,
  });
  const rows = Object.fromEntries(ROWS[kind].map((r) => [r.group, rowViews(r.group, r.parts, values, errors, r.minimum)]));
  const groupErrors = Object.fromEntries(GROUPS.map((g) => [g, errors[g] ?? null]));
  // a group ("location") comes just before its first field, rows after the fields
  const order = [...FIELDS[kind].flatMap((name) => (name.includes('.') ? [name.split('.')[0], name] : [name])),
    ...ROWS[kind].flatMap((r) => [r.group, `${r.group}[]`, ...r.parts.map((p) => `${r.group}[].${p}`)])];
  return {
    kind,
    action: `${INTAKE_PATHS[kind]}/baru`,
    f,
    rows,
    groupErrors,
    ranks: POLICE_RANKS,
    submitLabel: SUBMIT_LABELS[kind],
    // every problem at once, in the form's order, each linked to its input
    errorList: errorSummary(errors, order),
    message: state.message,
    hasErrors: Object.keys(errors).length > 0 || state.message !== null,
    zone: chosen?.timezone ?? 'Asia/Jakarta',
    zoneHint: `Waktu ${zoneName(chosen?.timezone)} (zona waktu satuan yang dipilih).`,
    // The blur API is humas's (and admin's): other roles upload, Humas blurs during review.
    canBlur: user.role === 'humas' || user.role === 'admin',
    media: many(values, 'mediaIds').map((id) => ({ id })),
  };
}

/** The result page: what was masked and the consent recorded, in words. */
export function intakeResultModel(kind: IntakeKind, record: IntakeRecord) {
  return {
    kind,
    record,
    again: `${INTAKE_PATHS[kind]}/baru`,
    storyHref: record.storyId ? `/cerita/${record.storyId}` : null,
    redactions: record.redactions.map((r) => ({ field: fieldLabel(r.field), kind: PII_LABELS[r.kind] ?? r.kind, count: r.count })),
    maskedTotal: record.redactions.reduce((sum, r) => sum + r.count, 0),
    consent: record.consentLevel === null ? null : {
      level: CONSENT_LABELS[record.consentLevel] ?? record.consentLevel,
      quote: record.consentQuote ? 'Boleh dikutip' : 'Tidak boleh dikutip',
      attribution: record.publicAttribution,
    },
  };
}
