/**
 * A small, fully known data set for the report figures (test/integration/reports.spec.ts), with
 * every expected figure computed by hand below, and the reasoning.
 *
 * The report: POLRES-JAKSEL (WIB, UTC+7) and its Polseks KEBAYORAN-BARU (K) and CILANDAK (C) for
 * November 2026, i.e. [2026-11-01T00:00+07:00, 2026-12-01T00:00+07:00) =
 * [2026-10-31T17:00Z, 2026-11-30T17:00Z). "Now" (the test clock) is 2026-12-10T00:00Z.
 * POLSEK-CILANDAK's review limit is set to 48 h; the others keep the default 24 h.
 * POLRES-JAKTIM (T) is a sibling: everything of it must stay out.
 * All times below are written in WIB (+07:00) unless they carry another offset.
 */

export const NOW = '2026-12-10T00:00:00Z';
export const SLA_HOURS: Record<string, number> = { 'POLSEK-CILANDAK': 48 };

const J = 'POLRES-JAKSEL';
const K = 'POLSEK-KEBAYORAN-BARU';
const C = 'POLSEK-CILANDAK';
const T = 'POLRES-JAKTIM';

export interface StorySeed {
  key: string;
  unit: string;
  kind: 'complaint' | 'feedback' | 'achievement';
  status: string;
  title: string;
  created: string;
  submitted?: string;
  approved?: string;
  published?: string;
  /** complaint.resolved_at (complaint stories only). */
  resolved?: string;
}

export const STORIES: StorySeed[] = [
  // Titles: S1 carries HTML (the monthly page must escape it); S5, S7, S8, S12, S13 start like
  // spreadsheet formulas (the CSV must neutralise them).
  { key: 'S1', unit: K, kind: 'complaint', status: 'published', title: 'Polsek Kebayoran Baru Bantu Warga <script>alert(1)</script> & "Kawan"',
    created: '2026-11-02T08:00:00+07:00', submitted: '2026-11-02T09:00:00+07:00', approved: '2026-11-02T11:00:00+07:00',
    published: '2026-11-02T12:00:00+07:00', resolved: '2026-11-02T06:00:00+07:00' },
  { key: 'S2', unit: C, kind: 'complaint', status: 'published', title: 'Polsek Cilandak Urai Kemacetan Fatmawati',
    created: '2026-11-10T10:00:00+07:00', submitted: '2026-11-10T10:30:00+07:00', approved: '2026-11-10T14:30:00+07:00',
    published: '2026-11-10T15:00:00+07:00', resolved: '2026-11-10T09:00:00+07:00' },
  // created on 31 October at 23:30 WIB: an October story, though first published in November
  { key: 'S3', unit: J, kind: 'complaint', status: 'published', title: 'Polres Jaksel Tertibkan Parkir Liar',
    created: '2026-10-31T23:30:00+07:00', submitted: '2026-10-31T23:40:00+07:00', approved: '2026-11-01T00:10:00+07:00',
    published: '2026-11-01T00:30:00+07:00', resolved: '2026-10-31T20:00:00+07:00' },
  { key: 'S4', unit: K, kind: 'complaint', status: 'published', title: 'Polsek Kebayoran Baru Kembalikan Motor Warga dalam 9 Jam',
    created: '2026-11-20T08:00:00+07:00', submitted: '2026-11-20T08:30:00+07:00', approved: '2026-11-21T10:30:00+07:00',
    published: '2026-11-21T12:00:00+07:00', resolved: '2026-11-19T08:00:00+07:00' },
  { key: 'S5', unit: C, kind: 'feedback', status: 'in_review', title: '+62 812 Layanan SPKT Cepat',
    created: '2026-11-25T09:00:00+07:00', submitted: '2026-11-25T10:00:00+07:00' },
  { key: 'S6', unit: K, kind: 'achievement', status: 'approved', title: 'Bhabinkamtibmas Gelar Sambang Warga',
    created: '2026-11-05T09:00:00+07:00', submitted: '2026-11-06T08:00:00+07:00', approved: '2026-11-06T09:00:00+07:00' },
  { key: 'S7', unit: K, kind: 'complaint', status: 'draft', title: '=HYPERLINK("http://evil.example/x","klik")',
    created: '2026-11-28T10:00:00+07:00', resolved: '2026-11-28T08:00:00+07:00' },
  { key: 'S8', unit: J, kind: 'feedback', status: 'withdrawn', title: '@SUM(A1:A9)',
    created: '2026-11-15T10:00:00+07:00', submitted: '2026-11-15T11:00:00+07:00' },
  { key: 'S9', unit: T, kind: 'complaint', status: 'published', title: 'Polres Jaktim Bantu Evakuasi Banjir',
    created: '2026-11-03T08:00:00+07:00', submitted: '2026-11-03T08:30:00+07:00', approved: '2026-11-04T13:30:00+07:00',
    published: '2026-11-04T14:00:00+07:00', resolved: '2026-11-03T07:00:00+07:00' },
  { key: 'S10', unit: K, kind: 'complaint', status: 'published', title: 'Polsek Kebayoran Baru Amankan Pawai',
    created: '2026-10-20T08:00:00+07:00', submitted: '2026-10-20T08:10:00+07:00', approved: '2026-10-20T08:40:00+07:00',
    published: '2026-10-20T09:00:00+07:00', resolved: '2026-10-20T07:00:00+07:00' },
  // created 30 November 19:00 WIB; submitted 20:00, so its deadline (1 December 20:00) is in December
  { key: 'S12', unit: K, kind: 'achievement', status: 'in_review', title: '\tTab di Awal Judul',
    created: '2026-11-30T19:00:00+07:00', submitted: '2026-11-30T20:00:00+07:00' },
  { key: 'S13', unit: C, kind: 'feedback', status: 'approved', title: '-1 Antrean SIM Keliling',
    created: '2026-11-24T08:00:00+07:00', submitted: '2026-11-24T09:00:00+07:00', approved: '2026-11-25T20:00:00+07:00' },
  // 1 December 00:30 WIB is still 30 November in UTC: a December story here
  { key: 'S14', unit: K, kind: 'complaint', status: 'draft', title: 'Draf Desember',
    created: '2026-12-01T00:30:00+07:00', resolved: '2026-11-30T22:00:00+07:00' },
];

/** A citizen's contact row (S1's complainant): the CSV must never carry it. */
export const CONTACT = { story: 'S1', name: 'Budi Santoso', phone: '081234567890' };

export interface PublicationSeed { story: string; channel: string; status: string; due: string; published?: string }

export const PUBLICATIONS: PublicationSeed[] = [
  { story: 'S1', channel: 'website', status: 'published', due: '2026-11-02T12:00:00+07:00', published: '2026-11-02T12:00:00+07:00' },
  { story: 'S1', channel: 'x', status: 'published', due: '2026-11-02T11:30:00+07:00', published: '2026-11-02T11:30:00+07:00' },
  { story: 'S1', channel: 'instagram', status: 'failed', due: '2026-11-02T12:00:00+07:00' },
  { story: 'S2', channel: 'website', status: 'published', due: '2026-11-10T15:00:00+07:00', published: '2026-11-10T15:00:00+07:00' },
  { story: 'S2', channel: 'facebook', status: 'awaiting_manual', due: '2026-11-10T15:00:00+07:00' },
  { story: 'S3', channel: 'website', status: 'published', due: '2026-11-01T00:30:00+07:00', published: '2026-11-01T00:30:00+07:00' },
  { story: 'S4', channel: 'website', status: 'published', due: '2026-11-21T12:00:00+07:00', published: '2026-11-21T12:00:00+07:00' },
  { story: 'S4', channel: 'whatsapp', status: 'published', due: '2026-11-21T13:00:00+07:00', published: '2026-11-21T13:00:00+07:00' },
  // December in WIB (30 November 17:10 UTC)
  { story: 'S4', channel: 'telegram', status: 'published', due: '2026-12-01T00:10:00+07:00', published: '2026-12-01T00:10:00+07:00' },
  { story: 'S6', channel: 'x', status: 'scheduled', due: '2026-12-15T09:00:00+07:00' },
  { story: 'S9', channel: 'website', status: 'published', due: '2026-11-04T14:00:00+07:00', published: '2026-11-04T14:00:00+07:00' },
  { story: 'S10', channel: 'website', status: 'published', due: '2026-10-20T09:00:00+07:00', published: '2026-10-20T09:00:00+07:00' },
  { story: 'S10', channel: 'instagram', status: 'published', due: '2026-11-03T09:00:00+07:00', published: '2026-11-03T09:00:00+07:00' },
  { story: 'S13', channel: 'website', status: 'cancelled', due: '2026-11-26T08:00:00+07:00' },
];

export interface AuditSeed { story: string; action: string; at: string; from: string | null; to: string | null }

/** Review events as the workflow records them; inserted in this (chronological) order. */
export const AUDIT: AuditSeed[] = [
  { story: 'S10', action: 'story.submit', at: '2026-10-20T08:10:00+07:00', from: 'draft', to: 'in_review' },
  { story: 'S10', action: 'story.approve', at: '2026-10-20T08:40:00+07:00', from: 'in_review', to: 'approved' },
  { story: 'S3', action: 'story.submit', at: '2026-10-31T23:40:00+07:00', from: 'draft', to: 'in_review' },
  { story: 'S3', action: 'story.approve', at: '2026-11-01T00:10:00+07:00', from: 'in_review', to: 'approved' },
  { story: 'S1', action: 'story.submit', at: '2026-11-02T09:00:00+07:00', from: 'draft', to: 'in_review' },
  { story: 'S1', action: 'story.approve', at: '2026-11-02T11:00:00+07:00', from: 'in_review', to: 'approved' },
  { story: 'S9', action: 'story.submit', at: '2026-11-03T08:30:00+07:00', from: 'draft', to: 'in_review' },
  { story: 'S9', action: 'story.approve', at: '2026-11-04T13:30:00+07:00', from: 'in_review', to: 'approved' },
  { story: 'S6', action: 'story.submit', at: '2026-11-05T09:30:00+07:00', from: 'draft', to: 'in_review' },
  { story: 'S6', action: 'story.reject', at: '2026-11-05T10:00:00+07:00', from: 'in_review', to: 'rejected' },
  { story: 'S6', action: 'story.submit', at: '2026-11-06T08:00:00+07:00', from: 'rejected', to: 'in_review' },
  { story: 'S6', action: 'story.approve', at: '2026-11-06T09:00:00+07:00', from: 'in_review', to: 'approved' },
  { story: 'S2', action: 'story.submit', at: '2026-11-10T10:30:00+07:00', from: 'draft', to: 'in_review' },
  // the first step of a two-step approval: the story stays in review, the round goes on
  { story: 'S2', action: 'story.approve', at: '2026-11-10T12:00:00+07:00', from: 'in_review', to: 'in_review' },
  { story: 'S2', action: 'story.approve', at: '2026-11-10T14:30:00+07:00', from: 'in_review', to: 'approved' },
  { story: 'S8', action: 'story.submit', at: '2026-11-15T11:00:00+07:00', from: 'draft', to: 'in_review' },
  { story: 'S8', action: 'story.withdraw', at: '2026-11-15T12:00:00+07:00', from: 'in_review', to: 'withdrawn' },
  { story: 'S4', action: 'story.submit', at: '2026-11-20T08:30:00+07:00', from: 'draft', to: 'in_review' },
  { story: 'S4', action: 'story.approve', at: '2026-11-21T10:30:00+07:00', from: 'in_review', to: 'approved' },
  { story: 'S13', action: 'story.submit', at: '2026-11-24T09:00:00+07:00', from: 'draft', to: 'in_review' },
  { story: 'S5', action: 'story.submit', at: '2026-11-25T10:00:00+07:00', from: 'draft', to: 'in_review' },
  { story: 'S13', action: 'story.approve', at: '2026-11-25T20:00:00+07:00', from: 'in_review', to: 'approved' },
  { story: 'S12', action: 'story.submit', at: '2026-11-30T20:00:00+07:00', from: 'draft', to: 'in_review' },
];

export interface PartnerSeed { key: string; unit: string; name: string; kind: string }

export const PARTNERS: PartnerSeed[] = [
  { key: 'P1', unit: J, name: 'Kompas Jaksel', kind: 'mainstream' },
  { key: 'P2', unit: K, name: 'Warta <Kota>', kind: 'online' },
  // managed by the Polda above: not a partner of the JAKSEL subtree, but it picks up its stories
  { key: 'P3', unit: 'POLDA-METRO', name: 'Radio Metro', kind: 'radio' },
  { key: 'P4', unit: T, name: 'Jaktim Pos', kind: 'online' },
];

export const PICKUPS: { partner: string; story: string; at: string; certain: boolean }[] = [
  { partner: 'P1', story: 'S1', at: '2026-11-03T10:00:00+07:00', certain: true },
  { partner: 'P2', story: 'S1', at: '2026-11-03T11:00:00+07:00', certain: false },
  { partner: 'P3', story: 'S1', at: '2026-11-04T08:00:00+07:00', certain: false },
  { partner: 'P1', story: 'S2', at: '2026-11-11T09:00:00+07:00', certain: true },
  { partner: 'P2', story: 'S2', at: '2026-11-12T09:00:00+07:00', certain: false },
  { partner: 'P1', story: 'S10', at: '2026-11-02T09:00:00+07:00', certain: false },
  { partner: 'P1', story: 'S4', at: '2026-12-01T00:30:00+07:00', certain: false }, // December in WIB
  { partner: 'P1', story: 'S3', at: '2026-10-31T23:50:00+07:00', certain: false }, // October
  { partner: 'P4', story: 'S9', at: '2026-11-04T09:00:00+07:00', certain: true }, // sibling's story
  { partner: 'P3', story: 'S4', at: '2026-11-22T07:00:00+07:00', certain: true },
];

export const PULLS: { partner: string; at: string; items: number; notModified: boolean }[] = [
  { partner: 'P1', at: '2026-11-01T00:05:00+07:00', items: 20, notModified: false },
  { partner: 'P1', at: '2026-11-15T10:00:00+07:00', items: 5, notModified: false },
  { partner: 'P1', at: '2026-11-15T10:15:00+07:00', items: 0, notModified: true },
  { partner: 'P1', at: '2026-10-31T23:55:00+07:00', items: 7, notModified: false }, // October
  { partner: 'P2', at: '2026-11-20T10:00:00+07:00', items: 12, notModified: false },
  { partner: 'P2', at: '2026-12-01T00:01:00+07:00', items: 3, notModified: false }, // December
  { partner: 'P3', at: '2026-11-10T10:00:00+07:00', items: 9, notModified: false }, // not the subtree's partner
  { partner: 'P4', at: '2026-11-10T10:00:00+07:00', items: 4, notModified: false }, // sibling's partner
];

/**
 * Expected figures for POLRES-JAKSEL, November 2026.
 *
 * Stories created in November (WIB): S1, S2, S4, S5, S6, S7, S8, S12, S13 = 9.
 *   Out: S3 (31 Oct 23:30), S10 (October), S14 (1 Dec 00:30 WIB), S9 (sibling).
 *   complaint: S1 S2 S4 S7 = 4; feedback: S5 S8 S13 = 3; achievement: S6 S12 = 2.
 *   published: S1 S2 S4 = 3; in_review: S5 S12 = 2; approved: S6 S13 = 2; draft: S7 = 1; withdrawn: S8 = 1.
 *
 * Publications whose outcome instant (published_at, else due_at) is in November:
 *   website: S1 S2 S3 S4 published (4) + S13 cancelled (1) = 5; x: S1 published = 1;
 *   instagram: S1 failed + S10 published (3 Nov; S10 itself is October's) = 2; facebook: S2 awaiting_manual = 1;
 *   whatsapp: S4 published = 1. Out: S4 telegram (1 Dec 00:10 WIB), S6 x (due 15 Dec), S10 website (Oct), S9 (sibling).
 *   Total 10; published 4 + 1 + 1 + 1 = 7, failed 1, awaiting_manual 1, cancelled 1.
 *
 * Pickups detected in November of the subtree's stories: P1->S1, P2->S1, P3->S1, P1->S2, P2->S2,
 *   P1->S10, P3->S4 = 7, certain 3 (P1->S1, P1->S2, P3->S4). By partner: Kompas Jaksel 3 (2 certain),
 *   then the two with 2 by name: Radio Metro 2 (1 certain), Warta <Kota> 2 (0).
 *   Out: P1->S4 (December WIB), P1->S3 (October), P4->S9 (sibling's story).
 *
 * Partner feed pulls in November by partners of the subtree (P1 of JAKSEL, P2 of KEBAYORAN):
 *   Kompas Jaksel 3 pulls, 20 + 5 + 0 = 25 items, 1 not modified; Warta <Kota> 1 pull, 12 items.
 *   Out: the October and December pulls, P3 (Polda's partner), P4 (sibling's).
 *
 * Resolution -> first publication, complaint stories first published in November:
 *   S3: resolved 31 Oct 20:00, first 1 Nov 00:30 = 4.5 h = 16200 s
 *   S1: resolved 06:00, first = the x post at 11:30 (before the website at 12:00) = 5.5 h = 19800 s
 *   S2: resolved 09:00, first 15:00 = 6 h = 21600 s
 *   S4: resolved 19 Nov 08:00, first 21 Nov 12:00 = 52 h = 187200 s
 *   Out: S10 (first publication 20 Oct, although its instagram post is in November), S9 (sibling).
 *   Sorted 16200, 19800, 21600, 187200; percentile_cont interpolates at (n - 1) * p:
 *   median at 1.5 = (19800 + 21600) / 2 = 20700; p90 at 2.7 = 21600 + 0.7 * (187200 - 21600) = 137520.
 *   Buckets: 3-6 h: 16200, 19800 = 2; 6-12 h: 21600 (6 h exactly opens this bucket) = 1; 1-3 days: 187200 = 1.
 *
 * Time in review, rounds ended in November (from the submit that opened them):
 *   S3 23:40 -> 00:10 = 1800; S1 2 h = 7200; S6 round 1 rejected 30 min = 1800; S6 round 2 1 h = 3600;
 *   S2 10:30 -> 14:30 = 14400 (the 12:00 first step does not end the round); S4 26 h = 93600;
 *   S13 35 h = 126000. Out: S10 (October), S9 (sibling), S8 (withdrawn, no decision), S5 and S12 (open).
 *   Sorted 1800, 1800, 3600, 7200, 14400, 93600, 126000 (n = 7, 1 rejected):
 *   median at 3 = 7200; p90 at 5.4 = 93600 + 0.4 * (126000 - 93600) = 106560.
 *
 * Overdue reviews in November (deadline = submit + the unit's limit, in November, before now, no
 * decision by then):
 *   S4 (K, 24 h): deadline 21 Nov 08:30, approved 10:30 -> overdue.
 *   S5 (C, 48 h): deadline 27 Nov 10:00, still in review -> overdue.
 *   Not: S13 (C, 48 h: 35 h is within its limit, though over 24 h), S8 (withdrawn after 1 h),
 *   S12 (deadline 1 Dec 20:00, December), S9 (sibling, 29 h), the short ones.
 *   inPeriod = 2. openNow (in review past the limit at 10 Dec): S5 and S12 = 2.
 *
 * Top stories by pickups in November: S1 3, S2 2, then S10 1 and S4 1 ordered by title
 *   ("...Amankan Pawai" before "...Kembalikan Motor...").
 */
export const EXPECTED_JAKSEL_NOVEMBER = {
  stories: {
    total: 9,
    byKind: { complaint: 4, feedback: 3, achievement: 2 },
    byStatus: { draft: 1, in_review: 2, approved: 2, published: 3, rejected: 0, withdrawn: 1 },
    byKindAndStatus: [
      { kind: 'complaint', status: 'draft', count: 1 },
      { kind: 'complaint', status: 'published', count: 3 },
      { kind: 'feedback', status: 'in_review', count: 1 },
      { kind: 'feedback', status: 'approved', count: 1 },
      { kind: 'feedback', status: 'withdrawn', count: 1 },
      { kind: 'achievement', status: 'in_review', count: 1 },
      { kind: 'achievement', status: 'approved', count: 1 },
    ],
  },
  publications: {
    total: 10,
    byOutcome: { scheduled: 0, sending: 0, retrying: 0, published: 7, awaiting_manual: 1, unconfirmed: 0, failed: 1, cancelled: 1 },
    byChannel: [
      { channel: 'website', total: 5, published: 4, cancelled: 1 },
      { channel: 'x', total: 1, published: 1 },
      { channel: 'instagram', total: 2, published: 1, failed: 1 },
      { channel: 'facebook', total: 1, awaiting_manual: 1 },
      { channel: 'whatsapp', total: 1, published: 1 },
    ],
  },
  pickups: {
    total: 7,
    certain: 3,
    byPartner: [
      { partner: 'P1', name: 'Kompas Jaksel', kind: 'mainstream', pickups: 3, certain: 2 },
      { partner: 'P3', name: 'Radio Metro', kind: 'radio', pickups: 2, certain: 1 },
      { partner: 'P2', name: 'Warta <Kota>', kind: 'online', pickups: 2, certain: 0 },
    ],
  },
  partnerFeedPulls: [
    { partner: 'P1', name: 'Kompas Jaksel', pulls: 3, itemsServed: 25, notModified: 1 },
    { partner: 'P2', name: 'Warta <Kota>', pulls: 1, itemsServed: 12, notModified: 0 },
  ],
  resolutionToPublication: {
    count: 4,
    medianSeconds: 20700,
    p90Seconds: 137520,
    distribution: [
      { label: '< 1 jam', count: 0 },
      { label: '1–3 jam', count: 0 },
      { label: '3–6 jam', count: 2 },
      { label: '6–12 jam', count: 1 },
      { label: '12–24 jam', count: 0 },
      { label: '1–3 hari', count: 1 },
      { label: '> 3 hari', count: 0 },
    ],
  },
  timeInReview: { count: 7, approved: 6, rejected: 1, medianSeconds: 7200, p90Seconds: 106560 },
  overdueReviews: { inPeriod: 2, openNow: 2 },
  topStories: [
    { story: 'S1', pickups: 3 },
    { story: 'S2', pickups: 2 },
    { story: 'S10', pickups: 1 },
    { story: 'S4', pickups: 1 },
  ],
};

/**
 * POLSEK-KEBAYORAN-BARU alone, November: its stories S1, S4, S6, S7, S12 = 5 (complaint 3,
 * achievement 2); pickups of S1 (3), S10 (1), S4 (1 in November) = 5; overdue in period: S4 = 1.
 */
export const EXPECTED_KEBAYORAN_NOVEMBER = { stories: 5, pickups: 5, overdueInPeriod: 1 };

/**
 * October for JAKSEL (the monthly page's comparison): stories created S3 (31 Oct 23:30 WIB) and
 * S10 = 2; review rounds ended in October: S10 (30 min) = 1 (S3 ended 1 Nov 00:10 WIB).
 */
export const EXPECTED_JAKSEL_OCTOBER = { stories: 2, reviews: 1 };

/**
 * Stories per week of November (days 1-7, 8-14, 15-21, 22-28, 29-30), by kind:
 *   w1: S1 complaint, S6 achievement; w2: S2 complaint; w3: S8 feedback, S4 complaint;
 *   w4: S13 feedback, S5 feedback, S7 complaint; w5: S12 achievement (30 Nov 19:00 WIB).
 */
export const EXPECTED_WEEKS = [
  { week: 1, firstDay: 1, lastDay: 7, byKind: { complaint: 1, feedback: 0, achievement: 1 } },
  { week: 2, firstDay: 8, lastDay: 14, byKind: { complaint: 1, feedback: 0, achievement: 0 } },
  { week: 3, firstDay: 15, lastDay: 21, byKind: { complaint: 1, feedback: 1, achievement: 0 } },
  { week: 4, firstDay: 22, lastDay: 28, byKind: { complaint: 1, feedback: 2, achievement: 0 } },
  { week: 5, firstDay: 29, lastDay: 30, byKind: { complaint: 0, feedback: 0, achievement: 1 } },
];

/**
 * Papua (WIT, UTC+9): November starts at 2026-10-31T15:00Z. Stories of POLSEK-ABEPURA:
 *   W1 2026-10-31T15:30Z = 1 Nov 00:30 WIT -> November; W2 2026-10-31T14:59Z = 31 Oct 23:59 WIT -> out;
 *   W3 2026-11-30T15:30Z = 1 Dec 00:30 WIT -> out (though November in UTC and in WIB).
 *   POLDA-PAPUA, November: 1 story.
 */
export const PAPUA_STORIES: StorySeed[] = [
  { key: 'W1', unit: 'POLSEK-ABEPURA', kind: 'achievement', status: 'draft', title: 'Patroli Dini Hari Abepura', created: '2026-10-31T15:30:00Z' },
  { key: 'W2', unit: 'POLSEK-ABEPURA', kind: 'achievement', status: 'draft', title: 'Patroli Malam Abepura', created: '2026-10-31T14:59:00Z' },
  { key: 'W3', unit: 'POLSEK-ABEPURA', kind: 'achievement', status: 'draft', title: 'Patroli Desember Abepura', created: '2026-11-30T15:30:00Z' },
];
