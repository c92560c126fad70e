import type { ModuleRef } from '@nestjs/core';
import type { DataSource } from 'typeorm';
import { getDataSourceToken } from '@nestjs/typeorm';
import { StoryWorkflow } from '../approval/story-workflow.service';
import type { ApproveDto } from '../approval/dto/workflow.dto';
import type { AuthUser } from '../common/auth/auth-user';
import { Clock } from '../common/clock';
import { AchievementsService } from '../intake/achievements/achievements.service';
import { findActingUser } from '../intake/bulk/acting-user';
import { ComplaintsService } from '../intake/complaints/complaints.service';
import type { CreateAchievementDto } from '../intake/dto/achievement.dto';
import type { CreateComplaintDto } from '../intake/dto/complaint.dto';
import type { CreateFeedbackDto } from '../intake/dto/feedback.dto';
import { FeedbackService } from '../intake/feedback/feedback.service';
import { QuoteCardService } from '../media/quote-card.service';
import { Dispatcher } from '../publishing/dispatcher.service';
import { PublicationsService } from '../publishing/publications.service';

/**
 * Demo stories, so that a first `npm start` shows a living product: releases in the press room
 * and feeds, stories waiting for review, drafts, one release scheduled for tomorrow morning.
 * Everything goes through the real services (intake with its masking and consent, drafting,
 * the approval workflow with its policies and four-eyes rule, scheduling, the dispatcher), so
 * the audit trail and every derived row are what real use would leave behind.
 * Citizens and officers here are invented; no real person's data.
 */

export type DemoState = 'draft' | 'in_review' | 'scheduled' | 'published';

interface DemoBase {
  state: DemoState;
  /** The user who takes the item in (and submits it). */
  author: string;
  /** Approvers in order (two for a two_step unit). */
  approvers?: string[];
  /** Render the citizen's consented quote as a quote card (the release's picture). */
  card?: true;
}
type DemoItem =
  | (DemoBase & { kind: 'complaint'; dto: CreateComplaintDto })
  | (DemoBase & { kind: 'feedback'; dto: CreateFeedbackDto })
  | (DemoBase & { kind: 'achievement'; dto: CreateAchievementDto });

export interface DemoContentReport {
  stories: number;
  byState: Record<DemoState, number>;
}

const HOUR = 3_600_000;

/** The demo items, dated relative to `now`: `at(days, hh, mm)` is hh:mm UTC, `days` days before today (UTC). */
export function demoItems(now: Date): DemoItem[] {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const at = (days: number, hh: number, mm = 0) => new Date(today - days * 24 * HOUR + hh * HOUR + mm * 60_000);
  const stages = (...list: [Date, string][]) => list.map(([when, label]) => ({ at: when, label }));
  return [
    { kind: 'complaint', state: 'published', author: 'operator.kebayoran', approvers: ['humas.kebayoran'], card: true, dto: {
      externalRef: 'DEMO-KBY-0001', unitCode: 'POLSEK-KEBAYORAN-BARU', category: 'curanmor', channel: 'whatsapp',
      receivedAt: at(3, 1, 5), resolvedAt: at(3, 8, 15),
      location: { subdistrict: 'Gunung', district: 'Kebayoran Baru', city: 'Jakarta Selatan' },
      summary: 'Warga melaporkan sepeda motor miliknya hilang saat diparkir di depan sebuah warung makan di kawasan Gunung.',
      resolution: 'Unit Reskrim Polsek Kebayoran Baru menelusuri rekaman CCTV di sekitar lokasi, mengamankan seorang terduga pelaku berinisial DS (27) beserta barang bukti, dan menyerahkan kembali sepeda motor kepada pemiliknya pada hari yang sama.',
      stages: stages([at(3, 1, 5), 'Laporan diterima melalui WhatsApp Polsek Kebayoran Baru'], [at(3, 1, 20), 'Piket Reskrim tiba di lokasi dan memeriksa rekaman CCTV'],
        [at(3, 5, 40), 'Terduga pelaku diamankan di wilayah Kebayoran Lama'], [at(3, 8, 15), 'Sepeda motor diserahkan kembali kepada pemiliknya di Mapolsek']),
      complainant: { name: 'Rina Kartikasari' }, consent: { level: 'initials', quote: true },
      quote: 'Terima kasih Polsek Kebayoran Baru. Saya kira motor saya tidak akan kembali, ternyata sore harinya sudah bisa saya bawa pulang.',
    } },
    { kind: 'complaint', state: 'published', author: 'operator.panakkukang', approvers: ['humas.makassar'], card: true, dto: {
      externalRef: 'DEMO-PNK-0001', unitCode: 'POLSEK-PANAKKUKANG', category: 'kecelakaan', channel: 'call_center_110',
      receivedAt: at(2, 12, 10), resolvedAt: at(2, 13, 5),
      location: { subdistrict: 'Pandang', district: 'Panakkukang', city: 'Makassar' },
      summary: 'Warga melaporkan kecelakaan tunggal sepeda motor di Jalan Pengayoman yang membuat pengendaranya terluka dan arus lalu lintas tersendat.',
      resolution: 'Personel Polsek Panakkukang bersama Unit Lantas mengevakuasi korban ke rumah sakit terdekat, mengamankan kendaraan, dan mengatur arus lalu lintas hingga kembali normal.',
      stages: stages([at(2, 12, 10), 'Laporan diterima melalui Call Center 110'], [at(2, 12, 19), 'Personel piket tiba di lokasi dan memberikan pertolongan pertama'],
        [at(2, 12, 31), 'Korban dievakuasi ke rumah sakit terdekat'], [at(2, 13, 5), 'Kendaraan diamankan dan arus lalu lintas kembali normal']),
      complainant: { name: 'Syamsul Alamsyah' }, consent: { level: 'anonymous', quote: true },
      quote: 'Polisinya datang cepat sekali, belum sepuluh menit sudah ada di lokasi dan langsung menolong korban.',
    } },
    { kind: 'achievement', state: 'published', author: 'kapolsek.abepura', approvers: ['humas.papua'], dto: {
      unitCode: 'POLSEK-ABEPURA', title: 'Polsek Abepura Gelar Bakti Sosial dan Pemeriksaan Kesehatan Gratis bagi Warga Kotaraja',
      activityType: 'bakti_sosial', happenedAt: at(4, 0, 30), location: { place: 'Lapangan Kampung Kotaraja', city: 'Jayapura' },
      participants: [{ rank: 'AKP', name: 'Markus Wenda', position: 'Kapolsek Abepura' }, { rank: 'Ipda', name: 'Yosias Mirino', position: 'Kanit Binmas Polsek Abepura' }],
      narrative: 'Polsek Abepura menggelar bakti sosial berupa pembagian 250 paket sembako dan pemeriksaan kesehatan gratis bagi warga Kampung Kotaraja. Kegiatan yang melibatkan 40 personel, tenaga kesehatan puskesmas setempat, dan tokoh agama ini menjadi sarana mempererat hubungan polisi dengan masyarakat sekaligus menyerap aspirasi warga tentang keamanan lingkungan.',
      quotes: [{ speaker: { rank: 'AKP', name: 'Markus Wenda', position: 'Kapolsek Abepura' },
        text: 'Kami ingin hadir tidak hanya saat ada gangguan keamanan, tetapi juga saat warga membutuhkan uluran tangan. Silakan sampaikan setiap keluhan kamtibmas kepada Bhabinkamtibmas di kampung masing-masing.' }],
    } },
    { kind: 'feedback', state: 'published', author: 'humas.jaksel', approvers: ['humas.metro'], card: true, dto: {
      unitCode: 'POLRES-JAKSEL', serviceType: 'skck', rating: 5, source: 'survey', receivedAt: at(5, 3, 0),
      text: 'Mengurus SKCK di Polres Metro Jakarta Selatan ternyata cepat, kurang dari 30 menit sudah selesai. Petugasnya ramah dan menjelaskan persyaratan dengan sabar.',
      author: { name: 'Maya Sari Dewanti' }, consent: { level: 'initials', quote: true },
    } },
    { kind: 'complaint', state: 'published', author: 'admin', approvers: ['humas.jaktim', 'humas.metro'], dto: {
      externalRef: 'DEMO-JKT-0001', unitCode: 'POLRES-JAKTIM', category: 'kemacetan', channel: 'social_media',
      receivedAt: at(1, 0, 40), resolvedAt: at(1, 3, 30),
      location: { subdistrict: 'Cawang', district: 'Kramat Jati', city: 'Jakarta Timur' },
      summary: 'Warganet melaporkan kemacetan panjang di simpang Cawang akibat lampu lalu lintas yang padam sejak pagi.',
      resolution: 'Personel Satlantas Polres Metro Jakarta Timur mengatur arus secara manual sambil berkoordinasi dengan Dinas Perhubungan hingga lampu lalu lintas kembali berfungsi.',
      stages: stages([at(1, 0, 40), 'Laporan warganet diterima melalui akun media sosial resmi Polres'], [at(1, 0, 52), 'Personel Satlantas tiba dan mengatur arus secara manual'],
        [at(1, 3, 10), 'Petugas Dinas Perhubungan memperbaiki lampu lalu lintas'], [at(1, 3, 30), 'Lampu lalu lintas kembali menyala dan arus kendaraan lancar']),
      complainant: { name: 'Hendra Gunawan Saputro' }, consent: { level: 'none', quote: false },
    } },
    { kind: 'achievement', state: 'published', author: 'humas.makassar', approvers: ['admin'], dto: {
      unitCode: 'POLRESTABES-MAKASSAR', title: 'Polrestabes Makassar Kerahkan 350 Personel Amankan Festival Pantai Losari',
      activityType: 'pengamanan', happenedAt: at(6, 10, 0), location: { place: 'Anjungan Pantai Losari', city: 'Makassar' },
      participants: [{ rank: 'Kombes Pol', name: 'Andi Rahman Syarif', position: 'Kapolrestabes Makassar' }],
      narrative: 'Polrestabes Makassar mengerahkan 350 personel gabungan untuk mengamankan Festival Pantai Losari yang dihadiri lebih dari 20.000 pengunjung. Pengamanan meliputi pengaturan lalu lintas di sekitar anjungan, pos pelayanan terpadu, serta patroli jalan kaki untuk mencegah pencopetan dan anak terpisah dari orang tuanya. Hingga acara berakhir, situasi terpantau aman dan kondusif.',
      quotes: [{ speaker: { rank: 'Kombes Pol', name: 'Andi Rahman Syarif', position: 'Kapolrestabes Makassar' },
        text: 'Terima kasih kepada warga yang tertib dan ikut menjaga keamanan. Keberhasilan pengamanan ini adalah hasil kerja sama polisi dan masyarakat.' }],
    } },
    { kind: 'feedback', state: 'published', author: 'operator.kebayoran', approvers: ['humas.kebayoran'], dto: {
      unitCode: 'POLSEK-KEBAYORAN-BARU', serviceType: 'spkt', rating: 5, source: 'walk_in', receivedAt: at(2, 4, 30),
      text: 'Saya melapor kehilangan dompet di SPKT Polsek Kebayoran Baru. Petugas piket menerima laporan dengan ramah dan surat keterangan kehilangan selesai dalam 15 menit.',
      author: { name: 'Teguh Prasetyo Wibisono' }, consent: { level: 'initials', quote: true },
    } },
    { kind: 'complaint', state: 'in_review', author: 'humas.jaksel', dto: {
      externalRef: 'DEMO-CLD-0001', unitCode: 'POLSEK-CILANDAK', category: 'jalan_rusak', channel: 'app',
      receivedAt: at(2, 12, 30), resolvedAt: at(1, 5, 0),
      location: { subdistrict: 'Cipete Selatan', district: 'Cilandak', city: 'Jakarta Selatan' },
      summary: 'Warga melaporkan lubang besar di jalan lingkungan yang membahayakan pengendara sepeda motor, terutama pada malam hari.',
      resolution: 'Bhabinkamtibmas Polsek Cilandak memasang tanda peringatan dan lampu darurat di sekitar lubang, lalu berkoordinasi dengan Suku Dinas Bina Marga hingga jalan selesai diperbaiki keesokan harinya.',
      stages: stages([at(2, 12, 30), 'Laporan diterima melalui aplikasi Polisi Kita'], [at(2, 12, 55), 'Bhabinkamtibmas memasang tanda peringatan dan lampu darurat'],
        [at(1, 2, 0), 'Suku Dinas Bina Marga mulai menambal jalan'], [at(1, 5, 0), 'Perbaikan jalan selesai dan aman dilalui']),
      complainant: { name: 'Lestari Handayani' }, consent: { level: 'initials', quote: true },
      quote: 'Sekarang kami lebih tenang melintas pada malam hari. Terima kasih sudah cepat ditangani.',
    } },
    { kind: 'feedback', state: 'in_review', author: 'humas.papua', dto: {
      unitCode: 'POLRESTA-JAYAPURA', serviceType: 'patroli', rating: 5, source: 'whatsapp', receivedAt: at(1, 11, 0),
      text: 'Patroli malam di kompleks kami sekarang rutin setiap malam. Anak-anak muda yang biasa berkumpul sampai larut sudah tidak ada lagi, lingkungan jadi lebih aman.',
      author: { name: 'Yulianus Kambu' }, consent: { level: 'anonymous', quote: true },
    } },
    { kind: 'achievement', state: 'draft', author: 'kapolsek.kebayoran', dto: {
      unitCode: 'POLSEK-KEBAYORAN-BARU', title: 'Polsek Kebayoran Baru Latih Personel Layani Laporan Warga secara Humanis',
      activityType: 'pelatihan', happenedAt: at(1, 2, 0), location: { place: 'Aula Polsek Kebayoran Baru', city: 'Jakarta Selatan' },
      participants: [{ rank: 'Kompol', name: 'Bambang Wijanarko', position: 'Kapolsek Kebayoran Baru' }],
      narrative: 'Polsek Kebayoran Baru menggelar pelatihan pelayanan prima bagi 45 personel piket SPKT, Reskrim, dan Bhabinkamtibmas. Materinya meliputi cara menerima laporan dengan empati, kecepatan respons terhadap aduan yang masuk melalui media sosial, serta budaya senyum, sapa, salam dalam setiap pelayanan.',
      quotes: [{ speaker: { rank: 'Kompol', name: 'Bambang Wijanarko', position: 'Kapolsek Kebayoran Baru' },
        text: 'Setiap laporan warga adalah amanah. Kami ingin warga pulang dari kantor polisi dengan perasaan dilayani, bukan dipersulit.' }],
    } },
    { kind: 'feedback', state: 'draft', author: 'operator.panakkukang', dto: {
      unitCode: 'POLSEK-PANAKKUKANG', serviceType: 'bhabinkamtibmas', rating: 5, source: 'app', receivedAt: at(1, 6, 15),
      text: 'Bhabinkamtibmas Kelurahan Pandang membantu menengahi perselisihan soal parkir antarwarga dengan sabar sampai semua pihak sepakat berdamai.',
      author: { name: 'Nurhaedah Basri' }, consent: { level: 'initials', quote: true },
    } },
    { kind: 'complaint', state: 'scheduled', author: 'humas.jaktim', approvers: ['humas.metro'], dto: {
      externalRef: 'DEMO-DRS-0001', unitCode: 'POLSEK-DUREN-SAWIT', category: 'tawuran', channel: 'call_center_110',
      receivedAt: at(2, 19, 50), resolvedAt: at(1, 2, 0),
      location: { subdistrict: 'Pondok Kopi', district: 'Duren Sawit', city: 'Jakarta Timur' },
      summary: 'Warga melaporkan sekelompok remaja yang bersiap melakukan tawuran di dekat lapangan futsal pada dini hari.',
      resolution: 'Tim patroli Polsek Duren Sawit membubarkan kelompok remaja sebelum bentrokan terjadi, mengamankan enam remaja beserta dua senjata tajam, lalu memanggil orang tua mereka untuk pembinaan.',
      stages: stages([at(2, 19, 50), 'Laporan warga diterima melalui Call Center 110'], [at(2, 19, 58), 'Tim patroli tiba di lokasi dan membubarkan kelompok remaja'],
        [at(2, 20, 30), 'Enam remaja dan dua senjata tajam diamankan ke Mapolsek'], [at(1, 2, 0), 'Orang tua dipanggil untuk pembinaan bersama']),
      complainant: { name: 'Agus Setiawan Nugraha' }, consent: { level: 'none', quote: false },
    } },
  ];
}

/** Creates the demo stories (after the demo organisation exists); about a second on PostgreSQL. */
export async function seedDemoContent(moduleRef: ModuleRef, adminUsername: string): Promise<DemoContentReport> {
  const get = <T>(token: abstract new (...args: never[]) => T) => moduleRef.get(token as never, { strict: false }) as T;
  const db = moduleRef.get<DataSource>(getDataSourceToken(), { strict: false });
  const [complaints, feedback, achievements] = [get(ComplaintsService), get(FeedbackService), get(AchievementsService)];
  const [workflow, publications, dispatcher, clock] = [get(StoryWorkflow), get(PublicationsService), get(Dispatcher), get(Clock)];
  const quoteCards = get(QuoteCardService);

  const users = new Map<string, AuthUser>();
  const user = async (username: string) => {
    if (!users.has(username)) {
      // 'admin' in the items stands for the administrator, whatever ADMIN_USERNAME named it
      const found = await findActingUser(db, username === 'admin' ? adminUsername : username, 'demo-seed');
      if (!found) throw new Error(`demo user ${username} is missing`);
      users.set(username, found);
    }
    return users.get(username)!;
  };

  const now = clock.now();
  const report: DemoContentReport = { stories: 0, byState: { draft: 0, in_review: 0, scheduled: 0, published: 0 } };
  const toPublish: string[] = [];
  for (const item of demoItems(now)) {
    const author = await user(item.author);
    const created =
      item.kind === 'complaint' ? await complaints.create(author, item.dto, 'import')
      : item.kind === 'feedback' ? await feedback.create(author, item.dto, 'import')
      : await achievements.create(author, item.dto, 'import');
    const storyId = created.body.storyId!;
    report.stories++;
    report.byState[item.state]++;
    if (item.card) await quoteCards.createForStory(author, storyId);
    if (item.state === 'draft') continue;
    await workflow.submit(author, storyId);
    if (item.state === 'in_review') continue;
    const approve: ApproveDto = {};
    for (const approver of item.approvers ?? []) await workflow.approve(await user(approver), storyId, approve);
    const scheduler = await user(item.approvers![item.approvers!.length - 1]);
    // the website carries the release; social posts are left for an officer to schedule in the console
    const tomorrowMorning = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1, 2, 0)); // 09.00 WIB
    await publications.schedule(scheduler, storyId, { channels: ['website'], ...(item.state === 'scheduled' ? { at: tomorrowMorning } : {}) });
    if (item.state === 'published') {
      toPublish.push(storyId);
      // one at a time, so the press room lists them in a stable order (newest first)
      await dispatcher.tick();
    }
  }
  // Another tick may have been running (the dispatcher's own timer): wait until it has them all.
  for (let round = 0; round < 100; round++) {
    const [{ waiting }] = await db.query(`SELECT count(*)::int AS waiting FROM story WHERE id = ANY($1) AND status <> 'published'`, [toPublish]);
    if (waiting === 0) break;
    if ((await dispatcher.tick()) === 0) await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return report;
}
