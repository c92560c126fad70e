import { Readable } from 'node:stream';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type * as CsvStringify from 'csv-stringify';
import type { DataSource } from 'typeorm';
import { CHANNELS } from '../drafting/channels';
import type { UnitTimezone } from '../units/unit.entity';
import { neutraliseCell } from './csv-cell';
import { localIso, type ReportPeriod } from './report-period';

/** csv-stringify is loaded with the first export, not when the app starts (idle RSS, DESIGN.md §13). */
// eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first use, see above
const csvStringify = (): typeof CsvStringify => require('csv-stringify') as typeof CsvStringify;

/** Rows fetched per query: the export streams page by page, never the whole period at once. */
export const CSV_PAGE_SIZE = 1000;

/**
 * The columns, headed in Indonesian for the Humas officers who open the file. No personal data:
 * stories hold masked text only, and no author, complainant or contact column is exported.
 */
export const CSV_COLUMNS = [
  { key: 'id', header: 'ID Cerita' },
  { key: 'unitCode', header: 'Kode Satuan' },
  { key: 'unitName', header: 'Satuan' },
  { key: 'kind', header: 'Jenis' },
  { key: 'category', header: 'Kategori' },
  { key: 'title', header: 'Judul' },
  { key: 'slug', header: 'Slug' },
  { key: 'status', header: 'Status' },
  { key: 'createdAt', header: 'Dibuat' },
  { key: 'submittedAt', header: 'Diajukan' },
  { key: 'approvedAt', header: 'Disetujui' },
  { key: 'publishedAt', header: 'Terbit' },
  { key: 'channels', header: 'Kanal Terbit' },
  { key: 'pickups', header: 'Jumlah Pickup' },
] as const;

interface StoryRow {
  id: string;
  unit_code: string;
  unit_name: string;
  timezone: UnitTimezone;
  kind: string;
  category: string | null;
  title: string;
  slug: string;
  status: string;
  created_at: Date;
  submitted_at: Date | null;
  approved_at: Date | null;
  published_at: Date | null;
  cursor_at: string;
  channels: string | null;
  pickups: number;
}

/** Stories created in the period, oldest first; keyset pages on (created_at, id). */
const PAGE_SQL = (after: boolean) => `
  SELECT s.id, u.code AS unit_code, u.name AS unit_name, u.timezone, s.kind, s.category, s.title, s.slug, s.status,
         s.created_at, s.submitted_at, s.approved_at, s.published_at,
         -- the cursor as text: a JS Date would drop the microseconds and skip or repeat rows
         s.created_at::text AS cursor_at,
         (SELECT string_agg(p.channel, ', ' ORDER BY array_position($4::text[], p.channel))
            FROM publication p WHERE p.story_id = s.id AND p.status = 'published') AS channels,
         (SELECT count(*)::int FROM pickup k WHERE k.story_id = s.id) AS pickups
    FROM story s JOIN unit u ON u.id = s.unit_id
   WHERE s.unit_id = ANY($1::uuid[]) AND s.created_at >= $2 AND s.created_at < $3
     ${after ? 'AND (s.created_at, s.id) > ($6::timestamptz, $7::uuid)' : ''}
   ORDER BY s.created_at, s.id
   LIMIT $5`;

@Injectable()
export class StoriesCsvService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * The CSV as a stream: UTF-8 with a BOM (so spreadsheets detect the encoding), every cell
   * quoted, CRLF line ends, formula-looking cells neutralised. Times are ISO 8601 in the zone
   * of the story's unit; "Kanal Terbit" lists the channels with a published publication;
   * "Jumlah Pickup" counts every pickup of the story so far.
   * The first page is read before the stream is handed over, so that a failing database is
   * answered as a problem (503) rather than as a broken download; a failure on a later page
   * aborts the response (StreamableFile destroys it), so a cut file never looks complete.
   */
  async open(unitIds: string[], period: ReportPeriod): Promise<Readable> {
    const first = await this.page(unitIds, period, undefined);
    const csv = csvStringify().stringify({
      bom: true,
      header: true,
      quoted: true,
      quoted_empty: true,
      record_delimiter: 'windows',
      columns: CSV_COLUMNS.map((c) => ({ key: c.key, header: c.header })),
    });
    const rows = Readable.from(this.records(unitIds, period, first));
    rows.on('error', (error) => csv.destroy(error));
    return rows.pipe(csv);
  }

  private page(unitIds: string[], period: ReportPeriod, after: StoryRow | undefined): Promise<StoryRow[]> {
    const params: unknown[] = [unitIds, period.start, period.end, [...CHANNELS], CSV_PAGE_SIZE];
    if (after) params.push(after.cursor_at, after.id);
    return this.db.query(PAGE_SQL(after !== undefined), params);
  }

  private async *records(unitIds: string[], period: ReportPeriod, first: StoryRow[]): AsyncGenerator<Record<string, string>> {
    let page = first;
    for (;;) {
      for (const row of page) yield this.record(row);
      if (page.length < CSV_PAGE_SIZE) return;
      page = await this.page(unitIds, period, page[page.length - 1]);
    }
  }

  private record(row: StoryRow): Record<string, string> {
    const tz = row.timezone;
    const values: Record<string, string | number | null> = {
      id: row.id,
      unitCode: row.unit_code,
      unitName: row.unit_name,
      kind: row.kind,
      category: row.category,
      title: row.title,
      slug: row.slug,
      status: row.status,
      createdAt: localIso(row.created_at, tz),
      submittedAt: localIso(row.submitted_at, tz),
      approvedAt: localIso(row.approved_at, tz),
      publishedAt: localIso(row.published_at, tz),
      channels: row.channels,
      pickups: row.pickups,
    };
    return Object.fromEntries(Object.entries(values).map(([k, v]) => [k, neutraliseCell(v)]));
  }
}
