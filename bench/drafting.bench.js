'use strict';
// Issue 5: drafting 10,000 stories in-process (view model, all seven channels, fitting, lint)
// against rendering the same compiled templates bare (the view models built beforehand, no
// fitting, no lint). Target: >= 2,000 stories/s and >= 50% of the bare rate.
const path = require('node:path');
const { runBench, fmt } = require('./lib/bench');

const dist = (p) => require(path.join(__dirname, '..', 'dist', 'src', p));
const { loadDefaultTemplates } = dist('drafting/engine/default-templates');
const { Drafter } = dist('drafting/engine/drafter');
const { buildStoryView } = dist('drafting/view-model/build-story-view');
const { SAMPLE_SOURCES } = dist('drafting/samples');
const { CHANNELS } = dist('drafting/channels');
const { pickVariant } = dist('drafting/engine/variants');

const STORIES = Number(process.env.BENCH_STORIES ?? 10_000);
const BASE = 'https://humas.example.go.id';

/** 10,000 stories: the samples of every kind with distinct ids, so variants differ as in real use. */
function makeSources() {
  const samples = Object.values(SAMPLE_SOURCES).flat();
  return Array.from({ length: STORIES }, (_, i) => {
    const sample = samples[i % samples.length];
    const id = `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
    return { ...sample, story: { ...sample.story, id, slug: `rilis-${i}` } };
  });
}

/**
 * CPU seconds of this process for one run. Wall time on a shared 2-core machine swings with
 * other processes' load; CPU time of a single-threaded loop does not.
 */
function cpuSeconds(fn) {
  const start = process.cpuUsage();
  fn();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1e6;
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

runBench('drafting', async (_defer, log) => {
  const { engine, defaults } = loadDefaultTemplates();
  const drafter = new Drafter(engine);
  const sources = makeSources();
  const views = sources.map((s) => buildStoryView(s, BASE));

  const ours = () => {
    for (const source of sources) drafter.draftAll(buildStoryView(source, BASE), defaults);
  };
  const bare = () => {
    for (const view of views) {
      for (const channel of CHANNELS) {
        const template = defaults.get(`${view.kind}/${channel}`);
        const variant = template.variants[pickVariant(view.seed, template.key, template.variants.length)];
        variant(view, { data: { tz: view.timezone, seed: view.seed, compact: 0 } });
      }
    }
  };
  // warm up the JIT on both paths, then alternate them (so both see the same machine) five times
  cpuSeconds(ours);
  cpuSeconds(bare);
  const pairs = Array.from({ length: 5 }, () => [cpuSeconds(ours), cpuSeconds(bare)]);
  const oursRate = STORIES / median(pairs.map(([o]) => o));
  const bareRate = STORIES / median(pairs.map(([, b]) => b));
  log(`ours ${fmt.int(oursRate)} stories per CPU-second, bare ${fmt.int(bareRate)}; pairs ${JSON.stringify(pairs.map(([o, b]) => (b / o).toFixed(2)))}`);
  return [
    {
      figure: `drafting ${fmt.int(STORIES)} stories, 7 channels + lint (stories per CPU-second)`,
      ours: fmt.int(oursRate),
      baseline: fmt.int(bareRate),
      baselineName: 'bare Handlebars, same compiled templates',
      ratio: fmt.ratio(oursRate, bareRate),
      target: '>= 2,000/s and >= 0.50x',
      pass: oursRate >= 2000 && oursRate / bareRate >= 0.5,
    },
  ];
});
