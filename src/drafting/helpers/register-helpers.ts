import type Handlebars from 'handlebars';
import { angka, rupiah } from './angka';
import { daftarHashtag, daftarMention, kalimatDaftar } from './daftar';
import { dalamDurasi, dalamDurasiJudul, durasi } from './durasi';
import { judul } from '../engine/text-helpers';
import { potongKalimat } from '../rapikan/kalimat';
import { HelperError } from './helper-error';
import { jabatanPangkatNama, pangkatNama } from './pangkat';
import { potong } from './potong';
import { hariTanggalPanjang, hariTanggalSingkat, jam, pukul, tanggal } from './tanggal';
import { zonaWaktu } from './zona-waktu';

type Hash = Record<string, unknown>;
interface Options {
  fn?: unknown;
  hash?: Hash;
  data?: { tz?: unknown };
  loc?: { start?: { line: number; column: number } };
}

/**
 * How a helper is called. Parameter names say what may be absent:
 *   "nama"      required: null or undefined is an error, so a typo in a field name fails the
 *               render instead of printing "undefined" (Handlebars' strict mode does not check
 *               helper arguments: it passes undefined through);
 *   "pangkat?"  must be written, but its value may be empty (an official without a rank);
 *   "[zona]"    may be left out; written but undefined is still an error.
 *   "...daftar" any number of values; absent entries are skipped (a unit without hashtags).
 */
interface Spec {
  params: readonly string[];
  hash?: readonly string[];
  run(args: unknown[], hash: Hash, options: Options): string;
}

const DATE_PARAMS = ['tanggal', '[zona]'] as const;

/** The zone argument at `index`, or the render's `@tz` data when the template leaves it out. */
function zoneAt(args: unknown[], index: number, options: Options, fn: string): unknown {
  if (args.length > index) return args[index];
  const tz = options.data?.tz;
  if (tz === undefined || tz === null) {
    throw new HelperError('HELPER_MISSING_ARGUMENT', `${fn}: zona waktu kosong: tulis zona sebagai argumen atau beri data @tz`);
  }
  return tz;
}

/** The first `max` items of a list when the template asks for a limit (2-3 hashtags on X). */
function limited(items: string[], hash: Hash, fn: string): string[] {
  if (hash.max === undefined) return items;
  if (typeof hash.max !== 'number' || !Number.isInteger(hash.max) || hash.max < 0) {
    throw new HelperError('HELPER_INVALID_ARGUMENT', `${fn}: max harus bilangan bulat >= 0`);
  }
  return items.slice(0, hash.max);
}

const SPECS: Readonly<Record<string, Spec>> = {
  hariTanggalSingkat: { params: DATE_PARAMS, run: (a, _h, o) => hariTanggalSingkat(a[0], zoneAt(a, 1, o, 'hariTanggalSingkat')) },
  hariTanggalPanjang: { params: DATE_PARAMS, run: (a, _h, o) => hariTanggalPanjang(a[0], zoneAt(a, 1, o, 'hariTanggalPanjang')) },
  tanggal: { params: DATE_PARAMS, run: (a, _h, o) => tanggal(a[0], zoneAt(a, 1, o, 'tanggal')) },
  pukul: { params: DATE_PARAMS, run: (a, _h, o) => pukul(a[0], zoneAt(a, 1, o, 'pukul')) },
  jam: { params: DATE_PARAMS, run: (a, _h, o) => jam(a[0], zoneAt(a, 1, o, 'jam')) },
  zonaWaktu: { params: ['[zona]'], run: (a, _h, o) => zonaWaktu(zoneAt(a, 0, o, 'zonaWaktu')) },
  durasi: { params: ['durasi'], run: (a) => durasi(a[0]) },
  dalamDurasi: { params: ['durasi'], run: (a) => dalamDurasi(a[0]) },
  dalamDurasiJudul: { params: ['durasi'], run: (a) => dalamDurasiJudul(a[0]) },
  potongKalimat: {
    params: ['teks', 'batas'],
    run: (a) => {
      if (typeof a[0] !== 'string' || typeof a[1] !== 'number') throw new HelperError('HELPER_INVALID_ARGUMENT', 'potongKalimat: pakai {{potongKalimat teks angka}}');
      return potongKalimat(a[0], a[1]);
    },
  },
  pangkatNama: { params: ['pangkat?', 'nama'], run: (a) => pangkatNama(a[0], a[1]) },
  jabatanPangkatNama: { params: ['jabatan?', 'pangkat?', 'nama'], run: (a) => jabatanPangkatNama(a[0], a[1], a[2]) },
  angka: { params: ['angka'], hash: ['desimal'], run: (a, h) => angka(a[0], (h.desimal as number | undefined) ?? 2) },
  rupiah: { params: ['angka'], run: (a) => rupiah(a[0]) },
  potong: { params: ['teks', 'batas', '[elipsis]'], run: (a) => (a.length > 2 ? potong(a[0], a[1], a[2]) : potong(a[0], a[1])) },
  daftarHashtag: {
    params: ['...daftar'],
    hash: ['max'],
    run: (a, h) => limited(daftarHashtag(...a), h, 'daftarHashtag').join(' '),
  },
  daftarMention: {
    params: ['...daftar'],
    hash: ['max'],
    run: (a, h) => limited(daftarMention(...a), h, 'daftarMention').join(' '),
  },
  kalimatDaftar: {
    params: ['...daftar'],
    hash: ['kata'],
    run: (a, h) => {
      const kata = h.kata ?? 'dan';
      if (kata !== 'dan' && kata !== 'atau') {
        throw new HelperError('HELPER_INVALID_ARGUMENT', 'kalimatDaftar: kata harus "dan" atau "atau"');
      }
      return kalimatDaftar(a.flatMap((item) => (Array.isArray(item) ? item : [item])), kata);
    },
  },
};

/**
 * Block helpers: they work on the text their block renders. `judulBaris` puts a whole headline
 * in Indonesian title case, whatever case its parts came in (a unit name, a place typed in lower
 * case, a duration): `{{#judulBaris}}{{unit.name}} Kembalikan Motor {{dalamDurasiJudul ...}}{{/judulBaris}}`.
 */
const BLOCKS: Readonly<Record<string, (text: string) => string>> = {
  judulBaris: (text) => judul(text.replace(/\s+/g, ' ').trim()),
};

/** The names registered by registerIndonesianHelpers, for linting templates and for docs. */
export const INDONESIAN_HELPER_NAMES: readonly string[] = [...Object.keys(SPECS), ...Object.keys(BLOCKS)];

/** What a spec's parameter names mean, worked out once at registration, not on every call. */
interface Arity {
  min: number;
  max: number;
  required: boolean[]; // per position: null or undefined is an error
  usage: string;
}

function arityOf(spec: Spec): Arity {
  const variadic = spec.params.some((p) => p.startsWith('...'));
  return {
    min: spec.params.filter((p) => !p.startsWith('[') && !p.startsWith('...')).length,
    max: variadic ? Number.POSITIVE_INFINITY : spec.params.length,
    required: spec.params.map((p) => !p.endsWith('?') && !p.startsWith('...')),
    usage: spec.params.map((p) => p.replace(/\?$/, '')).join(' '),
  };
}

function checkCall(name: string, spec: Spec, arity: Arity, args: unknown[], options: Options): void {
  if (options.fn !== undefined) {
    throw new HelperError('HELPER_INVALID_ARGUMENT', `${name} bukan helper blok: tulis {{${name} ...}}, bukan {{#${name}}}`);
  }
  if (args.length < arity.min || args.length > arity.max) {
    throw new HelperError('HELPER_INVALID_ARGUMENT', `${name}: jumlah argumen salah, pakai {{${name} ${arity.usage}}}`);
  }
  for (let i = 0; i < args.length && i < arity.required.length; i++) {
    if (arity.required[i] && (args[i] === undefined || args[i] === null)) {
      const label = spec.params[i].replace(/^\[|\]$/g, '');
      throw new HelperError('HELPER_MISSING_ARGUMENT', `${name}: ${label} kosong (${String(args[i])})`);
    }
  }
  for (const key of Object.keys(options.hash ?? {})) {
    if (!spec.hash?.includes(key)) throw new HelperError('HELPER_INVALID_ARGUMENT', `${name}: opsi ${key} tidak dikenal`);
  }
}

function wrap(name: string, spec: Spec): Handlebars.HelperDelegate {
  const arity = arityOf(spec);
  return (...all: unknown[]): string => {
    // Handlebars always passes its options object last; everything before it is the template's.
    const options = (all.pop() ?? {}) as Options;
    try {
      checkCall(name, spec, arity, all, options);
      return spec.run(all, options.hash ?? {}, options);
    } catch (error) {
      const at = options.loc?.start;
      if (!(error instanceof HelperError) || !at) throw error;
      // The line lets the template preview point at the call (issue 5: "refused with its line").
      throw new HelperError(error.code, `${error.message} (baris ${at.line}, kolom ${at.column + 1})`);
    }
  };
}

/**
 * Registers the Indonesian formatting helpers on a Handlebars instance (make one with
 * Handlebars.create(); the global instance is shared by every library in the process).
 * Every helper returns a plain string, never a SafeString, so {{...}} still escapes its output.
 * Date helpers take the zone as their last argument or, when it is left out, from `@tz`:
 * template(view, { data: { tz: unit.timezone } }).
 */
export function registerIndonesianHelpers(hb: typeof Handlebars): void {
  for (const [name, spec] of Object.entries(SPECS)) hb.registerHelper(name, wrap(name, spec));
  for (const [name, fn] of Object.entries(BLOCKS)) {
    hb.registerHelper(name, function (this: unknown, options: { fn?: (context: unknown, o?: unknown) => string; data?: unknown }) {
      if (typeof options?.fn !== 'function') throw new HelperError('HELPER_INVALID_ARGUMENT', `${name} adalah helper blok: tulis {{#${name}}}...{{/${name}}}`);
      return fn(options.fn(this, { data: options.data }));
    });
  }
}
