import { ProblemException, type FieldError } from '../common/problem/problem.exception';
import type { ConsentDto } from './dto/common.dto';
import { ANONYMOUS_ATTRIBUTION, personView, type PersonView } from './privacy/consent';

export function throwIfAny(errors: FieldError[]): void {
  if (errors.length > 0) throw ProblemException.validation(errors);
}

/** Consent as stored: what, when and how, plus the attribution it allows to be published. */
export interface ConsentRecord {
  level: ConsentDto['level'];
  quote: boolean;
  givenAt: Date;
  method: string;
  view: PersonView;
  /** "Andreas Wibowo" or "A.W."; null when nothing of the person may be published. */
  publicAttribution: string | null;
}

export function consentRecord(consent: ConsentDto, name: string, receivedAt: Date, channel: string): ConsentRecord {
  const view = personView({ name }, consent);
  const named = consent.level === 'name' || consent.level === 'initials';
  return {
    level: consent.level,
    quote: consent.quote,
    givenAt: consent.givenAt ?? receivedAt,
    method: consent.method ?? channel,
    view,
    publicAttribution: named && view.attribution !== ANONYMOUS_ATTRIBUTION ? view.attribution : null,
  };
}

/** Readable Indonesian labels for titles before drafting gives the story its headline. */
export const CATEGORY_LABELS: Record<string, string> = {
  curanmor: 'Pencurian Sepeda Motor', tawuran: 'Tawuran', narkoba: 'Narkoba', premanisme: 'Premanisme', pungli: 'Pungutan Liar',
  kemacetan: 'Kemacetan', kecelakaan: 'Kecelakaan', jalan_rusak: 'Jalan Rusak', kehilangan: 'Kehilangan', pencurian: 'Pencurian',
  penipuan: 'Penipuan', kdrt: 'KDRT', judi: 'Perjudian', orang_hilang: 'Orang Hilang', gangguan_ketertiban: 'Gangguan Ketertiban', lainnya: 'Warga',
};

export const SERVICE_LABELS: Record<string, string> = {
  sim: 'SIM', skck: 'SKCK', spkt: 'SPKT', patroli: 'Patroli', lalu_lintas: 'Lalu Lintas', rekrutmen: 'Rekrutmen',
  bhabinkamtibmas: 'Bhabinkamtibmas', pengaduan: 'Pengaduan', lainnya: 'Kepolisian',
};
