'use strict';
// Issue 6, item 10 (DESIGN.md §13): the console's story list with 100,000 stories, p95 <= 50 ms.
// 100,000 stories (300,000 drafts) are seeded in SQL into a throwaway database the app migrated,
// then GET /api/v1/stories is asked as humas.metro (a Polda humas: half of the demo units, so
// about 50,000 stories in scope) for each typical console query, one request at a time (a person
// at a console waits for one answer; concurrency would measure queueing, not the query), many
// times each, after a warm-up. Every answer is checked (200, and a plausible total).
//
// What EXPLAIN ANALYZE showed (PostgreSQL 15, this data set) and what fixed it:
// - text search, before: `title ILIKE '%tawuran%' OR EXISTS (draft.body ILIKE ...)` is a
//   sequential scan of story plus, per story, a scan of its drafts' bodies (300,000 rows, ~1 kB
//   each): the count alone read every draft. After: story.search (tsvector, GIN) kept by
//   triggers; the count is a bitmap scan of the GIN index, the page the same bitmap sorted.
// - page 50 / status / first page: ORDER BY created_at DESC, id used story_created_idx
//   (created_at only) plus an incremental sort; the new (created_at DESC, id) and
//   (status, created_at DESC, id) indexes give the order directly, with the scope (unit ids
//   resolved first, `unit_id = ANY($ids)`) as a cheap filter on the walk.
// - count(*) of ~50,000 stories in scope: an index-only scan of story_unit_status_idx after the
//   scope's unit ids are known, instead of a join to unit evaluating `= ANY(u.path)` per row.
// The figures of each query are in the rows this prints.
const { createBenchDatabase, serverVersion } = require('./lib/db');
const { spawnServer } = require('./lib/server-child');
const { login } = require('./lib/http');
const { seedStories } = require('./lib/story-seed');
const { runBench } = require('./lib/bench');

const STORIES = Number(process.env.BENCH_STORIES ?? 100_000);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 300);
const WARMUP = 30;
const TARGET_MS = 50;

/** The queries a console user makes, and the least total each must find in this data set. */
const QUERIES = [
  ['first page', '', 1000],
  ['page 50', 'page=50', 1000],
  ['status = in_review', 'status=in_review', 100],
  ['unit subtree POLRES-JAKSEL', 'unitCode=POLRES-JAKSEL', 1000],
  ['overdue', 'overdue=true', 10],
  ['search "tawuran" (one topic word, ~5%)', 'q=tawuran', 100],
  ['search "warga" (in every draft)', 'q=warga', 1000],
  ['search "cipete taw" (two prefixes)', `q=${encodeURIComponent('cipete taw')}`, 10],
  ['subtree + status + search', `unitCode=POLRES-JAKSEL&status=published&q=${encodeURIComponent('patroli')}`, 10],
];

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

async function timeQuery(url, headers, minTotal) {
  const first = await fetch(url, { headers });
  if (first.status !== 200) throw new Error(`GET ${url}: HTTP ${first.status} ${await first.text()}`);
  const { total, items } = await first.json();
  if (!(total >= minTotal) || items.length === 0) throw new Error(`GET ${url}: total ${total}, ${items.length} items; expected at least ${minTotal}`);
  for (let i = 0; i < WARMUP; i++) await (await fetch(url, { headers })).arrayBuffer();
  const times = [];
  for (let i = 0; i < REQUESTS; i++) {
    const start = process.hrtime.bigint();
    const response = await fetch(url, { headers });
    await response.arrayBuffer();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
    if (response.status !== 200) throw new Error(`GET ${url}: HTTP ${response.status}`);
  }
  times.sort((a, b) => a - b);
  return { total, p50: percentile(times, 50), p95: percentile(times, 95), p99: percentile(times, 99) };
}

runBench('story-list', async (defer, log) => {
  const db = await createBenchDatabase();
  // BENCH_KEEP_DB=1 leaves the database behind for EXPLAIN ANALYZE by hand (drop it afterwards).
  if (process.env.BENCH_KEEP_DB) log(`keeping database ${db.name}`);
  else defer(() => db.drop());
  log(`database ${db.name} on PostgreSQL ${await serverVersion()}; booting the app`);

  const app = await spawnServer({ kind: 'app', databaseUrl: db.url });
  defer(() => app.stop());
  log(`seeding ${STORIES.toLocaleString('en-US')} stories`);
  await seedStories(db.url, STORIES, log);

  const token = await login(app.baseUrl, 'humas.metro', 'gaung-demo-2026');
  const headers = { authorization: `Bearer ${token}` };
  const rows = [];
  for (const [name, query, minTotal] of QUERIES) {
    const r = await timeQuery(`${app.baseUrl}/api/v1/stories${query ? `?${query}` : ''}`, headers, minTotal);
    log(`${name}: total ${r.total}, p50 ${r.p50.toFixed(1)} ms, p95 ${r.p95.toFixed(1)} ms, p99 ${r.p99.toFixed(1)} ms`);
    rows.push({
      figure: `GET /api/v1/stories, ${STORIES.toLocaleString('en-US')} stories, humas.metro, ${name} (${r.total.toLocaleString('en-US')} found): p95 (p99)`,
      ours: `${r.p95.toFixed(1)} ms (${r.p99.toFixed(1)} ms)`,
      baseline: `${TARGET_MS} ms`,
      baselineName: 'target',
      ratio: `${(r.p95 / TARGET_MS).toFixed(2)}x`,
      target: `p95 <= ${TARGET_MS} ms`,
      pass: r.p95 <= TARGET_MS,
    });
  }
  return rows;
});
