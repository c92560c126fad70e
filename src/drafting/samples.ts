import type { StoryKind } from './channels';
import type { StorySource, UnitRow } from './view-model/story-source';

/**
 * Gaung's own sample stories, one set per kind, in three time zones. A template override must
 * render all of them without error before it is accepted; previews fall back to them.
 */
const POLSEK: UnitRow = { name: 'Polsek Contoh Baru', level: 'polsek', city: 'Jakarta Selatan', timezone: 'Asia/Jakarta', handles: { instagram: '@polsek_contoh' }, hashtags: ['#PolsekContoh'] };
const POLRES: UnitRow = { name: 'Polres Contoh Kota', level: 'polres', city: 'Makassar', timezone: 'Asia/Makassar', handles: { instagram: '@polres_contoh', x: '@polrescontoh' }, hashtags: ['#PolresContoh'] };
const POLDA: UnitRow = { name: 'Polda Contoh', level: 'polda', city: 'Jayapura', timezone: 'Asia/Jayapura', handles: { x: '@poldacontoh' }, hashtags: ['#PoldaContoh'] };

const story = (kind: StoryKind, n: number) => ({ id: `00000000-0000-4000-8000-00000000000${n}`, kind, title: 'Contoh', slug: `contoh-${kind}-${n}` });

export const SAMPLE_SOURCES: Record<StoryKind, StorySource[]> = {
  complaint: [
    {
      story: story('complaint', 1), units: [POLSEK, POLDA], media: { count: 1, alt: 'Petugas bersama warga' },
      complaint: {
        category: 'curanmor', channel: 'call_center_110', received_at: new Date('2026-03-01T13:05:00Z'), resolved_at: new Date('2026-03-02T02:10:00Z'),
        location: { subdistrict: 'Cempaka', district: 'Kota Contoh', city: 'Jakarta Selatan' },
        summary: 'Warga melaporkan sepeda motornya hilang dari halaman rumah pada malam hari.',
        resolution: 'Petugas memeriksa rekaman kamera warga dan menemukan motor di sebuah bengkel, lalu menyerahkannya kepada pemilik.',
        stages: [{ at: '2026-03-01T13:20:00Z', label: 'Petugas tiba di lokasi' }, { at: '2026-03-02T02:10:00Z', label: 'Motor diserahkan kepada pemilik' }],
        quote: 'Terima kasih, pelayanannya cepat.', consent_level: 'name', consent_quote: true, public_attribution: 'Rina Contoh',
      },
    },
    {
      story: story('complaint', 2), units: [POLRES, POLDA], media: { count: 0, alt: null },
      complaint: {
        category: 'lainnya', channel: 'walk_in', received_at: new Date('2026-03-05T01:00:00Z'), resolved_at: new Date('2026-03-05T01:09:00Z'),
        location: { subdistrict: 'Mawar', district: 'Tamalate', city: 'Makassar' }, summary: 'Warga meminta bantuan.', resolution: 'Petugas membantu warga.',
        stages: [], quote: null, consent_level: 'none', consent_quote: false, public_attribution: null,
      },
    },
  ],
  feedback: [
    {
      story: story('feedback', 3), units: [POLRES, POLDA], media: { count: 0, alt: null },
      feedback: { service_type: 'skck', rating: 5, text: 'Pelayanan SKCK cepat dan ramah!', source: 'survey', received_at: new Date('2026-03-03T03:00:00Z'), consent_level: 'initials', consent_quote: true, public_attribution: 'R.C.' },
    },
  ],
  achievement: [
    {
      story: story('achievement', 4), units: [POLDA], media: { count: 2, alt: 'Apel pagi' },
      achievement: {
        title: 'Polda Contoh Gelar Pelatihan Pelayanan Humanis', activity_type: 'pelatihan', happened_at: new Date('2026-03-04T00:30:00Z'),
        location: { place: 'Aula Polda Contoh', city: 'Jayapura' },
        participants: [{ rank: 'Kombes Pol', name: 'Contoh Pratama', position: 'Karo SDM Polda Contoh' }, { rank: 'AKBP', name: 'Contoh Lestari', position: 'Kabag Watpers' }],
        narrative: 'Pelatihan diikuti personel pelayanan dari seluruh satuan kerja.',
        quotes: [{ speaker: { rank: 'Kombes Pol', name: 'Contoh Pratama', position: 'Karo SDM Polda Contoh' }, text: 'Layani masyarakat dengan sepenuh hati' }],
      },
    },
    {
      story: story('achievement', 5), units: [POLSEK, POLRES], media: { count: 0, alt: null },
      achievement: { title: 'Bakti Sosial di Kampung Contoh', activity_type: 'bakti_sosial', happened_at: new Date('2026-03-06T08:00:00Z'), location: { place: 'Kampung Contoh', city: 'Jakarta Selatan' }, participants: [], narrative: 'Personel membagikan paket sembako.', quotes: [] },
    },
  ],
};
