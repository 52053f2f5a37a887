// `npm run bench`: runs every benchmark and writes BENCHMARKS.md (figures, machine, date, how to
// reproduce). Not part of `npm test` nor of CI: figures are read by people, not asserted.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { execSync } from 'node:child_process';
import { format, printResult, type Result } from './lib/measure';

const suites: Array<[string, () => Promise<{ run(): Promise<Result[]> }>]> = [
  ['Bundle size', () => import('./bundle-size.bench')],
  ['Server sync', () => import('./server-sync.bench')],
  ['Server load', () => import('./server-load.bench')],
  ['Photo upload', () => import('./photo-upload.bench')],
  ['Photo upload, the server alone', () => import('./photo-upload-server.bench')],
  ['KPI dashboard', () => import('./kpi.bench')],
  ['Device database and pull', () => import('./device.bench')],
  ['Photo pipeline', () => import('./photo-pipeline.bench')],
  ['Bench screens', () => import('./bench-screens.bench')],
  ['Anchor: PouchDB', () => import('./anchor.bench')],
];

const only = process.argv.slice(2);
/** Each suite's figures, with when they were taken and the machine's load just after. */
const sections: Array<[string, Result[], string]> = [];
const stamp = () => `Measured ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC on ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, load average ${loadavg().map((l) => l.toFixed(1)).join(' / ')} at the end of the suite.`;
for (const [title, load] of suites) {
  if (only.length > 0 && !only.some((o) => title.toLowerCase().includes(o.toLowerCase()))) continue;
  console.log(`\n== ${title}`);
  const results = await (await load()).run();
  results.forEach(printResult);
  sections.push([title, results, stamp()]);
}

const chromium = (() => {
  try {
    return execSync('/usr/bin/chromium --version', { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return 'not installed';
  }
})();
const header = [
  '# Benchmarks',
  '',
  `Last written ${new Date().toISOString().slice(0, 10)}: Node ${process.version}, ${chromium}, ${Math.round(totalmem() / 2 ** 30)} GiB of memory. Each section says on which processor and at what load average it was measured (figures from a busy machine are not comparable).`,
  'Reproduce with `npm run bench` (builds the app first), or one section with `npx tsx bench/run.ts <part of its title>`: a partial run rewrites only its own sections. Each figure is the median of at least five runs after a warm-up, with min and max; goals come from the issues and are compared, never asserted in tests.',
  "The virtual machine's speed varies from one session to the next (on 2026-11-25 a raw loopback PUT from Chromium measured 152 MB/s at 05:10 UTC and 45 MB/s at 06:35, and raw IndexedDB writes took twice as long): sessions also run on different machines, and the machine can move a goal across its line: on a 2 × AMD EPYC virtual machine whose system calls, loopback and IndexedDB are several times slower than the 2 × Intel Xeon's, the photo upload meets its ratio (Chromium is the bottleneck, not the server) and a fresh device's pull of 20,000 jobs does not (raw IndexedDB writes of the same records alone take longer than its 10 s). A ratio compares two figures of the same run; absolute figures of sections measured at different times do not compare.",
  '',
];

function renderSection(title: string, results: Result[], measured: string): string {
  const lines = [`## ${title}`, '', measured, '', '| benchmark | median | min | max | runs | goal | ratio |', '|---|---|---|---|---|---|---|'];
  for (const r of results) {
    const goal = r.goal ? `${r.goal} ${r.meetsGoal ? '✓' : '✗'}` : '';
    const ratio = r.ratio ? `${r.ratio.value.toFixed(2)}× vs ${r.ratio.reference}` : '';
    lines.push(`| ${r.name} | ${format(r.stats.median)} ${r.unit} | ${format(r.stats.min)} | ${format(r.stats.max)} | ${r.stats.runs} | ${goal} | ${ratio} |`);
    if (r.note) lines.push(`| ↳ ${r.note} | | | | | | |`);
  }
  return `${lines.join('\n')}\n`;
}

/** Sections already in BENCHMARKS.md, by title, so that a partial run keeps the others. */
function previousSections(): Map<string, string> {
  const sections = new Map<string, string>();
  if (!existsSync('BENCHMARKS.md')) return sections;
  const parts = readFileSync('BENCHMARKS.md', 'utf8').split(/^(?=## )/m).slice(1);
  for (const part of parts) sections.set(part.slice(3, part.indexOf('\n')).trim(), `${part.trimEnd()}\n`);
  return sections;
}

const kept = only.length === 0 ? new Map<string, string>() : previousSections();
for (const [title, results, measured] of sections) kept.set(title, renderSection(title, results, measured));
// Sections follow the order of `suites`; any unknown old section goes last.
const order = [...suites.map(([title]) => title), ...[...kept.keys()].filter((t) => !suites.some(([s]) => s === t))];
const body = order.filter((t) => kept.has(t)).map((t) => kept.get(t)!).join('\n');
writeFileSync('BENCHMARKS.md', `${header.join('\n')}\n${body}`);
console.log(only.length === 0 ? '\nBENCHMARKS.md written' : `\nBENCHMARKS.md: rewrote ${sections.map(([t]) => t).join(', ')}`);
