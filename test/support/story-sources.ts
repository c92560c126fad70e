import type { StorySource, UnitRow } from '../../src/drafting/view-model/story-source';

/** Story sources shaped like the database rows, for rendering tests without a database. */
export const UNITS: Record<string, UnitRow> = {
  kebayoran: { name: 'Polsek Kebayoran Baru', level: 'polsek', city: 'Jakarta Selatan', timezone: 'Asia/Jakarta', handles: { instagram: '@polsek_kebayoranbaru' }, hashtags: ['#PolsekKebayoranBaru'] },
  jaksel: { name: 'Polres Metro Jakarta Selatan', level: 'polres', city: 'Jakarta Selatan', timezone: 'Asia/Jakarta', handles: { instagram: '@polres_jaksel', x: '@polresjaksel' }, hashtags: ['#PolresJaksel'] },
  metro: { name: 'Polda Metro Jaya', level: 'polda', city: 'Jakarta', timezone: 'Asia/Jakarta', handles: { instagram: '@poldametrojaya', x: '@TMCPoldaMetro' }, hashtags: ['#PoldaMetroJaya', '#PolriPresisi'] },
  makassar: { name: 'Polrestabes Makassar', level: 'polres', city: 'Makassar', timezone: 'Asia/Makassar', handles: { instagram: '@polrestabesmakassar' }, hashtags: [] },
  jayapura: { name: 'Polresta Jayapura Kota', level: 'polres', city: 'Jayapura', timezone: 'Asia/Jayapura', handles: {}, hashtags: [] },
};

export function complaintSource(over: Partial<NonNullable<StorySource['complaint']>> = {}, units = [UNITS.kebayoran, UNITS.jaksel, UNITS.metro]): StorySource {
  return {
    story: { id: '3f2a1b4c-0000-4000-8000-000000000001', kind: 'complaint', title: 'x', slug: 'polsek-kebayoran-baru-3f2a1b4c' },
    units,
    media: { count: 1, alt: 'Petugas menyerahkan motor' },
    complaint: {
      category: 'curanmor', channel: 'whatsapp', received_at: new Date('2026-10-25T01:12:00Z'), resolved_at: new Date('2026-10-25T09:40:00Z'),
      location: { subdistrict: 'Gunung', district: 'Kebayoran Baru', city: 'Jakarta Selatan' },
      summary: 'Warga melaporkan sepeda motor Honda Beat miliknya hilang di parkiran minimarket Jalan Sisingamangaraja.',
      resolution: 'Unit Reskrim menelusuri rekaman CCTV, mengamankan satu terduga pelaku berinisial RS (24) dan mengembalikan sepeda motor kepada pemiliknya.',
      stages: [
        { at: '2026-10-25T01:12:00Z', label: 'Laporan diterima melalui WhatsApp Polsek' },
        { at: '2026-10-25T01:35:00Z', label: 'Piket Reskrim tiba di lokasi dan memeriksa rekaman CCTV' },
        { at: '2026-10-25T06:20:00Z', label: 'Terduga pelaku diamankan di wilayah Pancoran' },
        { at: '2026-10-25T09:40:00Z', label: 'Sepeda motor dikembalikan kepada pelapor' },
      ],
      quote: 'Terima kasih Polsek Kebayoran Baru, motor saya kembali dalam hitungan jam. Responsnya cepat sekali.',
      consent_level: 'initials', consent_quote: true, public_attribution: 'A.W.',
      ...over,
    },
  };
}
