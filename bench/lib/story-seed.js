'use strict';
// Fills a migrated database with many stories quickly, in SQL (generate_series), the way a few
// years of a Polda's humas work would look: spread over every unit, mostly published, some in
// review (part of them overdue), titles and drafts in Indonesian with topic and place words of
// different frequencies so text searches have rare and common words to find.
const { Client } = require('pg');

// Topics and places are what people search for; each appears in a few percent of the stories.
const TOPICS = ['tawuran', 'curanmor', 'begal', 'narkoba', 'penipuan', 'judi daring', 'balap liar', 'kebakaran', 'banjir', 'kemacetan',
  'pencurian', 'penganiayaan', 'bakti sosial', 'donor darah', 'penyuluhan', 'vaksinasi', 'pelayanan SIM', 'SKCK', 'patroli malam', 'razia'];
const PLACES = ['Kebayoran Baru', 'Cilandak', 'Cipete Selatan', 'Pondok Indah', 'Duren Sawit', 'Jatinegara', 'Tebet', 'Mampang', 'Pasar Minggu',
  'Panakkukang', 'Tamalate', 'Rappocini', 'Abepura', 'Jayapura Utara', 'Entrop', 'Kotaraja', 'Senen', 'Gambir', 'Kemang', 'Menteng'];
const VERBS = ['Polisi Bubarkan', 'Petugas Tangani', 'Polsek Ungkap', 'Polres Gelar', 'Warga Apresiasi', 'Satreskrim Tangkap Pelaku',
  'Bhabinkamtibmas Cegah', 'Polisi Amankan', 'Tim Patroli Atasi', 'Kapolsek Pimpin'];
// The common vocabulary of every release: most words appear in most drafts.
const FILLER = ('warga melaporkan kejadian kepada petugas yang segera datang ke lokasi dan memeriksa situasi bersama ketua RT setempat ' +
  'kemudian personel mengamankan barang bukti serta meminta keterangan saksi untuk kepentingan penyelidikan lebih lanjut ' +
  'kapolsek mengimbau masyarakat agar tetap waspada menjaga keamanan lingkungan dan segera menghubungi layanan darurat 110 ' +
  'apabila melihat hal mencurigakan pelayanan kepolisian berlangsung cepat humanis dan transparan sesuai standar operasional ' +
  'kegiatan berjalan aman tertib lancar dengan dukungan tokoh masyarakat tokoh agama pemuda dan aparat kelurahan kecamatan ' +
  'patroli dialogis rutin dilaksanakan pada malam hari di titik rawan gangguan kamtibmas termasuk jalan utama pasar dan permukiman ' +
  'pengaduan diterima melalui call center media sosial dan datang langsung ke kantor polisi terdekat lalu ditindaklanjuti petugas piket').split(' ');

const sqlArray = (values) => `ARRAY[${values.map((v) => `'${v.replace(/'/g, "''")}'`).join(', ')}]`;

/**
 * Inserts `count` stories with website, x, instagram and whatsapp drafts, through the tables'
 * own triggers (so whatever they derive, such as the search vector, is derived as for the
 * application's writes), then VACUUM ANALYZE leaves the tables as a running server's autovacuum
 * would.
 */
async function seedStories(databaseUrl, count, log) {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(`CREATE TEMP TABLE bench_para AS
      SELECT n, array_to_string(ARRAY(
        SELECT (${sqlArray(FILLER)})[1 + ((n * 37 + k * k * 11 + k * 7) % ${FILLER.length})] FROM generate_series(1, 45) k), ' ') AS body
      FROM generate_series(0, 499) n`);
    let started = Date.now();
    await client.query(`
      INSERT INTO story (id, kind, source_id, unit_id, category, title, slug, status, version, urgent, published_at, created_at, updated_at,
                         submitted_at, approved_at, overdue_notified_at)
      SELECT gen_random_uuid(), (ARRAY['complaint', 'feedback', 'achievement'])[1 + i % 3], gen_random_uuid(),
             units.ids[1 + (i * 7 + i / 13) % array_length(units.ids, 1)], 'lainnya',
             t.verb || ' ' || t.topic || ' di ' || t.place || ' LP ' || i,
             'bench-' || i, t.status, 1, false,
             CASE WHEN t.status = 'published' THEN t.created_at + interval '3 hours' END,
             t.created_at, t.created_at,
             -- stories in review are recent: submitted 0-72 hours ago, so about two thirds are overdue at 24 h
             CASE WHEN t.status = 'in_review' THEN now() - make_interval(mins => (i * 37) % 4320)
                  WHEN t.status IN ('approved', 'published', 'rejected') THEN t.created_at + interval '1 hour' END,
             CASE WHEN t.status IN ('approved', 'published') THEN t.created_at + interval '2 hours' END,
             -- overdue reviews were escalated already: the SLA job has nothing to do during the run
             CASE WHEN t.status = 'in_review' AND (i * 37) % 4320 > 1440 THEN now() END
        FROM generate_series(1, $1::int) i
        CROSS JOIN (SELECT array_agg(id ORDER BY code) AS ids FROM unit) units
        CROSS JOIN LATERAL (SELECT
             (${sqlArray(VERBS)})[1 + (i * 3) % ${VERBS.length}] AS verb,
             (${sqlArray(TOPICS)})[1 + (i * 7 + i / 5) % ${TOPICS.length}] AS topic,
             (${sqlArray(PLACES)})[1 + (i * 11 + i / 17) % ${PLACES.length}] AS place,
             -- 60% published, 10% approved, 8% in review, 12% draft, 5% rejected, 5% withdrawn
             CASE WHEN i % 100 < 60 THEN 'published' WHEN i % 100 < 70 THEN 'approved' WHEN i % 100 < 78 THEN 'in_review'
                  WHEN i % 100 < 90 THEN 'draft' WHEN i % 100 < 95 THEN 'rejected' ELSE 'withdrawn' END AS status,
             -- one story every five minutes, newest first: about a year of work
             now() - make_interval(mins => 5 * i) AS created_at) t`, [count]);
    log(`  ${count} stories in ${Date.now() - started} ms`);
    started = Date.now();
    await client.query(`
      INSERT INTO draft (story_id, channel, title, body, revision, template_key, template_version)
      SELECT s.id, c.channel,
             CASE WHEN c.channel = 'website' THEN s.title END,
             CASE c.channel
               WHEN 'website' THEN upper(split_part(s.title, ' di ', 2)) || ' - ' || s.title || '. ' || p1.body || '. ' || p2.body || '. ' || p3.body || '.'
               WHEN 'x' THEN s.title || '. #PolriPresisi https://humas.example.go.id/rilis/' || s.slug
               WHEN 'instagram' THEN s.title || chr(10) || p3.body || chr(10) || '#' || replace(split_part(s.title, ' di ', 2), ' ', '') || ' #PolriPresisi #Humas'
               ELSE '*' || s.title || '*' || chr(10) || p2.body || chr(10) || 'https://humas.example.go.id/rilis/' || s.slug
             END,
             1, s.kind || '/' || c.channel, 1
        FROM (SELECT id, kind, title, slug, row_number() OVER (ORDER BY created_at) AS n FROM story) s
        CROSS JOIN (VALUES ('website'), ('x'), ('instagram'), ('whatsapp')) c(channel)
        JOIN bench_para p1 ON p1.n = s.n % 500
        JOIN bench_para p2 ON p2.n = (s.n * 31 + 7) % 500
        JOIN bench_para p3 ON p3.n = (s.n * 17 + 3) % 500`);
    log(`  ${count * 4} drafts in ${Date.now() - started} ms`);
    started = Date.now();
    await client.query(`VACUUM ANALYZE story`);
    await client.query(`VACUUM ANALYZE draft`);
    await client.query(`VACUUM ANALYZE unit`);
    log(`  VACUUM ANALYZE in ${Date.now() - started} ms`);
  } finally {
    await client.end();
  }
}

module.exports = { seedStories, TOPICS, PLACES };
