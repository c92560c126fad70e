import { Readable } from 'node:stream';
import type { AuthUser } from '../../src/common/auth/auth-user';
import { findActingUser } from '../../src/intake/bulk/acting-user';
import { ImportRunner, type ImportSummary } from '../../src/intake/bulk/import-runner';
import { IntakeDispatcher } from '../../src/intake/bulk/intake-dispatcher.service';
import { INTAKE_KIND_SPECS } from '../../src/intake/bulk/intake-kinds';
import { readCsvRows } from '../../src/intake/bulk/row-sources';
import { createTestApp, type TestApp } from '../support/test-app';
import { corpus, hostileStrings, LONG, PLANTED, plantedValues } from './support/hostile-bodies';

/**
 * Hostile CSV files (corpus/csv.json) through the bulk importer, as `npm run import` runs it:
 * refused headers, rejected rows with reasons, nothing half-written, no personal data in the
 * summary, Object.prototype clean.
 */
interface CsvCase {
  name: string;
  header?: string;
  rows?: Record<string, string>[];
  raw?: string;
  rawTail?: string;
  payloads?: string;
  expect: 'refused' | 'rejected' | 'accepted' | 'stopped' | 'empty';
}

const HEADER = ['externalRef', 'unitCode', 'category', 'channel', 'receivedAt', 'resolvedAt', 'location.subdistrict', 'location.district', 'location.city', 'summary', 'resolution',
  'stages', 'complainant.name', 'complainant.phone', 'complainant.nik', 'consent.level', 'consent.quote', 'quote'];
let serial = 0;
const validRow = (): Record<string, string> => ({
  externalRef: `CSVH-${++serial}`, unitCode: 'POLSEK-KEBAYORAN-BARU', category: 'curanmor', channel: 'spkt', receivedAt: '2026-10-25T01:12:00Z', resolvedAt: '2026-10-25T09:40:00Z',
  'location.subdistrict': 'Gunung', 'location.district': 'Kebayoran Baru', 'location.city': 'Jakarta Selatan', summary: 'Motor warga hilang di parkiran.', resolution: 'Motor ditemukan, dikembalikan.',
  stages: JSON.stringify([{ at: '2026-10-25T01:35:00Z', label: 'Piket tiba' }]), 'complainant.name': PLANTED.name, 'complainant.phone': PLANTED.phone, 'complainant.nik': PLANTED.nik,
  'consent.level': 'initials', 'consent.quote': 'false', quote: '',
});
const cell = (value: string) => (/[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
const TABLES = ['complaint', 'citizen_contact', 'story', 'draft', 'audit_event'];

describe('hostile CSV imports', () => {
  let t: TestApp;
  let operator: AuthUser;
  const prototypeBaseline = Object.getOwnPropertyNames(Object.prototype).sort();

  beforeAll(async () => {
    t = await createTestApp();
    operator = (await findActingUser(t.dataSource, 'operator.kebayoran', 'test'))!;
  });
  afterAll(() => t?.close());

  const counts = async () => (await t.dataSource.query(`SELECT ${TABLES.map((n) => `(SELECT count(*)::int FROM ${n}) AS ${n}`).join(', ')}`))[0] as Record<string, number>;
  const strings = hostileStrings();
  const expanded = corpus<{ cases: CsvCase[] }>('csv').cases.flatMap((c) =>
    (c.payloads ? strings[c.payloads] : [undefined]).map((payload) => [`${c.name}${payload === undefined ? '' : ` [${JSON.stringify(payload).slice(0, 30)}]`}`, c, payload] as const));

  it.each(expanded)('%s', async (_label, c, payload) => {
    const header = c.header === undefined ? HEADER : c.header.startsWith('+') ? [...HEADER, ...c.header.slice(1).split(',')] : c.header.split(',');
    const rows = (c.rows ?? (c.header ? [{}] : [])).map((over) => {
      const row = { ...validRow(), ...Object.fromEntries(Object.entries(over).map(([k, v]) => [k, v === '$long' ? LONG : payload === undefined ? v : v.split('$payload').join(payload)])) };
      // a column the valid row lacks (a hostile header) carries a value, so that it is really read
      return header.map((name) => cell(row[name] ?? 'yes')).join(',');
    });
    const text = c.raw ?? `${[header.join(','), ...rows].join('\r\n')}${c.rawTail ?? ''}`;
    const before = await counts();
    let summary: ImportSummary | null = null;
    let thrown: unknown = null;
    try {
      summary = await new ImportRunner(t.app.get(IntakeDispatcher), operator, 'complaint', { concurrency: 2 }).run(readCsvRows(Readable.from([Buffer.from(text)]), INTAKE_KIND_SPECS.complaint.csv));
    } catch (error) {
      thrown = error;
    }
    const after = await counts();
    const written = after.complaint - before.complaint;
    const report = JSON.stringify(summary ?? { error: String((thrown as Error)?.message) });
    for (const value of plantedValues()) expect(report).not.toContain(value);
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeBaseline);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    switch (c.expect) {
      case 'refused':
        expect(thrown ?? summary).toBeInstanceOf(Error);
        expect(after).toEqual(before);
        break;
      case 'empty':
        expect(thrown === null ? summary!.rows : 0).toBe(0);
        expect(after).toEqual(before);
        break;
      case 'rejected':
        expect(thrown).toBeNull();
        expect(summary).toMatchObject({ rows: rows.length, accepted: 0, rejected: rows.length });
        expect(summary!.rejections.every((r) => typeof r.reason === 'string' && r.reason.length > 0)).toBe(true);
        expect(after).toEqual(before);
        break;
      case 'accepted':
        expect(thrown).toBeNull();
        expect(summary).toMatchObject({ rows: rows.length, accepted: rows.length, rejected: 0 });
        expect(written).toBe(rows.length);
        break;
      case 'stopped':
        expect(thrown).toBeNull();
        expect(summary!.stoppedEarly).toBeTruthy();
        expect(summary!.rejected).toBe(0);
        expect(written).toBe(summary!.accepted);
        break;
    }
  });
});
