// `npm run bench`: runs every benchmark and writes BENCHMARKS.md (figures, machine, date, how to
// reproduce). Not part of `npm test` nor of CI: figures are read by people, not asserted.
import { writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { execSync } from 'node:child_process';
import { format, printResult, type Result } from './lib/measure';

const suites: Array<[string, () => Promise<{ run(): Promise<Result[]> }>]> = [
  ['Bundle size', () => import('./bundle-size.bench')],
  ['Server sync', () => import('./server-sync.bench')],
  ['KPI dashboard', () => import('./kpi.bench')],
  ['Device database and pull', () => import('./device.bench')],
];

const only = process.argv.slice(2);
const sections: Array<[string, Result[]]> = [];
for (const [title, load] of suites) {
  if (only.length > 0 && !only.some((o) => title.toLowerCase().includes(o.toLowerCase()))) continue;
  console.log(`\n== ${title}`);
  const results = await (await load()).run();
  results.forEach(printResult);
  sections.push([title, results]);
}

const chromium = (() => {
  try {
    return execSync('/usr/bin/chromium --version', { encoding: 'utf8' }).trim();
  } catch {
    return 'not installed';
  }
})();
const lines = [
  '# Benchmarks',
  '',
  `Measured ${new Date().toISOString().slice(0, 10)} on ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${chromium}; load average at the end ${loadavg().map((l) => l.toFixed(1)).join(' / ')} (figures from a busy machine are not comparable).`,
  'Reproduce with `npm run bench` (builds nothing: run `npm run build` first). Each figure is the median of at least five runs after a warm-up, with min and max; goals come from the issues and are compared, never asserted in tests.',
  '',
];
for (const [title, results] of sections) {
  lines.push(`## ${title}`, '', '| benchmark | median | min | max | runs | goal | ratio |', '|---|---|---|---|---|---|---|');
  for (const r of results) {
    const goal = r.goal ? `${r.goal} ${r.meetsGoal ? '✓' : '✗'}` : '';
    const ratio = r.ratio ? `${r.ratio.value.toFixed(2)}× vs ${r.ratio.reference}` : '';
    lines.push(`| ${r.name} | ${format(r.stats.median)} ${r.unit} | ${format(r.stats.min)} | ${format(r.stats.max)} | ${r.stats.runs} | ${goal} | ${ratio} |`);
    if (r.note) lines.push(`| ↳ ${r.note} | | | | | | |`);
  }
  lines.push('');
}
if (only.length === 0) writeFileSync('BENCHMARKS.md', `${lines.join('\n')}\n`);
else console.log('\n(partial run: BENCHMARKS.md left as it was)');
