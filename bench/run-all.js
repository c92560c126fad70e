'use strict';
// Runs every bench/*.bench.js in its own process (one benchmark's heap, JIT state and leftover
// sockets must not colour the next one's figures), then prints one table and writes it to
// bench/results/latest.md for the README. Exits non-zero only when a benchmark crashed: a missed
// target is a finding to report, not a broken harness.
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { spawn } = require('node:child_process');

const DIR = __dirname;
const RESULTS = path.join(DIR, 'results');

function runOne(file) {
  return new Promise((resolve) => {
    // stderr is passed through so progress shows live; stdout carries the JSON result.
    const child = spawn(process.execPath, [path.join(DIR, file)], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.on('close', (code, signal) => {
      const last = out.trim().split('\n').pop() ?? '';
      try {
        if (code !== 0) throw new Error(`exited with ${signal ?? code}`);
        const { rows } = JSON.parse(last);
        if (!Array.isArray(rows) || rows.length === 0) throw new Error('printed no rows');
        resolve({ file, rows });
      } catch (error) {
        resolve({ file, crashed: error.message });
      }
    });
  });
}

function machine() {
  const cpus = os.cpus();
  return {
    cpu: `${cpus[0]?.model.trim() ?? 'unknown CPU'}, ${cpus.length} cores`,
    memory: `${(os.totalmem() / 2 ** 30).toFixed(1)} GiB`,
    node: process.version,
    os: `${os.type()} ${os.release()}`,
    // Figures from a busy machine are not comparable: say so next to them.
    load: os.loadavg().map((n) => n.toFixed(2)).join(' / '),
  };
}

function tableRows(results) {
  const rows = [];
  for (const result of results) {
    if (result.crashed) {
      rows.push([result.file, '-', '-', '-', '-', `CRASHED (${result.crashed})`]);
      continue;
    }
    for (const r of result.rows) {
      const baseline = r.baselineName ? `${r.baseline} [${r.baselineName}]` : (r.baseline ?? '-');
      rows.push([r.figure, r.ours, baseline, r.ratio ?? '-', r.target, r.pass ? 'ok' : 'MISSED']);
    }
  }
  return rows;
}

const HEAD = ['figure', 'ours', 'baseline', 'ratio', 'target', 'ok'];

function plainTable(rows) {
  const widths = HEAD.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (cells) => cells.map((c, i) => String(c).padEnd(widths[i])).join(' | ');
  return [line(HEAD), widths.map((w) => '-'.repeat(w)).join('-|-'), ...rows.map(line)].join('\n');
}

function markdown(rows, info, date) {
  const cell = (c) => String(c).replace(/\|/g, '\\|');
  return [
    '# Benchmark results (`npm run bench`)',
    '',
    `Measured ${date} on ${info.cpu}, ${info.memory} RAM, Node ${info.node}, ${info.os} (load average at start ${info.load}).`,
    '',
    `| ${HEAD.join(' | ')} |`,
    `|${HEAD.map(() => '---').join('|')}|`,
    ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`),
    '',
  ].join('\n');
}

async function main() {
  const info = machine();
  const date = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
  const files = fs.readdirSync(DIR).filter((f) => f.endsWith('.bench.js')).sort();
  if (files.length === 0) throw new Error(`no *.bench.js files in ${DIR}`);

  const results = [];
  for (const file of files) {
    process.stderr.write(`\n== ${file}\n`);
    results.push(await runOne(file));
  }

  const rows = tableRows(results);
  process.stdout.write(`\n${plainTable(rows)}\n\n`);
  process.stdout.write(`${date}: ${info.cpu}, ${info.memory}, Node ${info.node}, ${info.os}, load at start ${info.load}\n`);
  fs.mkdirSync(RESULTS, { recursive: true });
  fs.writeFileSync(path.join(RESULTS, 'latest.md'), markdown(rows, info, date));

  const missed = results.flatMap((r) => r.rows ?? []).filter((r) => !r.pass).length;
  const crashed = results.filter((r) => r.crashed).map((r) => r.file);
  if (missed) process.stdout.write(`MISSED: ${missed} figure(s) below target\n`);
  if (crashed.length) {
    process.stdout.write(`CRASHED: ${crashed.join(', ')}\n`);
    process.exitCode = 1;
  }
}

main().catch((error) => {
  process.stderr.write(`${error.stack ?? error}\n`);
  process.exitCode = 1;
});
