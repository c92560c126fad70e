import { UNIT_CODE } from '../../units/dto/unit.dto';
import { type CategoryFilter, categoryFilter } from './categories';

/** The deepest page served: OFFSET beyond this costs more than any reader would page. */
export const MAX_PAGE = 5_000;

export type ListParams =
  | { ok: true; page: number; unitCode: string | null; category: CategoryFilter | null }
  | { ok: false; status: 400 | 404; message: string };

const single = (value: unknown): string | null | undefined => {
  if (value === undefined) return null;
  if (typeof value !== 'string') return undefined; // repeated (?page=1&page=2) or nested (?page[a]=1)
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed; // the filter form sends unit= for "all units"
};

/** /rilis?page&unit&kategori, read leniently where a form may send blanks, strictly otherwise. */
export function parseListParams(query: Record<string, unknown>): ListParams {
  const page = single(query.page);
  const unit = single(query.unit);
  const kategori = single(query.kategori);
  if (page === undefined || unit === undefined || kategori === undefined) {
    return { ok: false, status: 400, message: 'Setiap parameter (page, unit, kategori) hanya boleh diberikan satu kali.' };
  }
  let pageNumber = 1;
  if (page !== null) {
    if (!/^[1-9]\d{0,5}$/.test(page) || Number(page) > MAX_PAGE) {
      return { ok: false, status: 400, message: `Nomor halaman harus bilangan bulat 1 sampai ${MAX_PAGE}.` };
    }
    pageNumber = Number(page);
  }
  const unitCode = unit === null ? null : unit.toUpperCase();
  if (unitCode !== null && !UNIT_CODE.test(unitCode)) return { ok: false, status: 404, message: 'Satuan yang diminta tidak dikenal.' };
  const category = kategori === null ? null : categoryFilter(kategori);
  if (kategori !== null && category === null) return { ok: false, status: 404, message: 'Kategori yang diminta tidak dikenal.' };
  return { ok: true, page: pageNumber, unitCode, category };
}

/** Slugs are made by src/stories/slug.ts: lower-case ASCII words and a short id. */
export const SLUG = /^[a-z0-9][a-z0-9-]{0,120}$/;
