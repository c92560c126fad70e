import { potongKalimat } from '../rapikan/kalimat';
import { rapikan } from '../rapikan/rapikan';
import type { FeedbackRow } from './story-source';
import type { FeedbackView } from './story-view';

/** Services as they read mid-sentence: "pelayanan lalu lintas", "pelayanan SKCK". */
const SERVICE_PHRASES: Record<string, string> = {
  sim: 'SIM', skck: 'SKCK', spkt: 'SPKT', patroli: 'patroli', lalu_lintas: 'lalu lintas', rekrutmen: 'penerimaan anggota Polri',
  bhabinkamtibmas: 'Bhabinkamtibmas', pengaduan: 'pengaduan masyarakat', lainnya: 'kepolisian',
};

/** Where the words came from, after "melalui". */
const SOURCE_PHRASES: Record<string, string> = {
  survey: 'survei kepuasan masyarakat', app: 'aplikasi pengaduan', social_media: 'media sosial', whatsapp: 'WhatsApp',
  walk_in: 'kotak saran', call_center_110: 'Call Center 110', website: 'situs web resmi',
};

export function feedbackView(f: FeedbackRow, names: readonly string[]): FeedbackView {
  const quote = rapikan(f.text, { namaDiri: names, tanpaEmoji: true });
  return {
    serviceLabel: SERVICE_PHRASES[f.service_type] ?? 'kepolisian',
    rating: f.rating,
    quote,
    quotePendek: potongKalimat(quote, 150),
    receivedAt: new Date(f.received_at),
    sourceLabel: SOURCE_PHRASES[f.source] ?? f.source,
  };
}
