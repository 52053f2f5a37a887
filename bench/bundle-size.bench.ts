// Bytes shipped per route, gzip-compressed, from the production build's module graph: what a
// tablet downloads to show each screen the first time (afterwards the service worker has it):
// the entry, the English catalogue (with the parts the screen loads), and the screen's chunk with
// everything they import statically.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Result } from './lib/measure';

const DIST = 'dist';

function gz(file: string): number {
  return gzipSync(readFileSync(join(DIST, file)), { level: 9 }).length;
}

/** The JS files reachable from `entry` through static imports (what loads before the screen can show). */
function closure(entry: string, seen = new Set<string>()): Set<string> {
  if (seen.has(entry)) return seen;
  seen.add(entry);
  const code = readFileSync(join(DIST, entry), 'utf8');
  for (const match of code.matchAll(/(?:import|from)\s*["']\.\/([\w.-]+\.js)["']/g)) closure(`assets/${match[1]}`, seen);
  return seen;
}

export async function run(): Promise<Result[]> {
  const html = readFileSync(join(DIST, 'index.html'), 'utf8');
  const entry = /src="\/(assets\/index-[\w-]+\.js)"/.exec(html)?.[1];
  if (!entry) throw new Error('no entry script in dist/index.html: run npm run build first');
  const assets = readdirSync(join(DIST, 'assets'));
  const routes: Record<string, string | undefined> = {
    bench: assets.find((f) => /^BenchHomePage-.*\.js$/.test(f)),
    job: assets.find((f) => /^JobPage-.*\.js$/.test(f)),
    scan: assets.find((f) => /^ScanPage-.*\.js$/.test(f)),
    settings: assets.find((f) => /^SettingsPage-.*\.js$/.test(f)),
    sync: assets.find((f) => /^SyncPage-.*\.js$/.test(f)),
  };
  // The first paint waits for the language's catalogue (a dynamic import, src/i18n/i18n.ts): count
  // the English one with the shell, as a tablet set to English downloads it before any screen.
  const catalogue = assets.find((f) => /^en-[\w-]+\.js$/.test(f));
  if (!catalogue) throw new Error('no English catalogue chunk (assets/en-*.js) in the build');
  const shell = closure(`assets/${catalogue}`, closure(entry));
  // Parts of the catalogue a screen loads with its chunk (`page(…, 'job', 'frontOffice')` in
  // src/routes.tsx), in English: counted with that screen.
  const routesSource = readFileSync('src/routes.tsx', 'utf8');
  const partFiles: Record<string, RegExp> = { job: /^job\.en-[\w-]+\.js$/, frontOffice: /^front-office\.en-[\w-]+\.js$/, kpi: /^kpi\.en-[\w-]+\.js$/ };
  const partsOf = (page: string): string[] => {
    const declared = new RegExp(`const ${page} = page\\(\\(\\) => import\\('\\./pages/${page}'\\)((?:, '\\w+')*)\\)`).exec(routesSource);
    return declared ? [...declared[1]!.matchAll(/'(\w+)'/g)].map((m) => m[1]!) : [];
  };
  const results: Result[] = [];
  for (const [route, chunk] of Object.entries(routes)) {
    if (!chunk) continue;
    const files = closure(`assets/${chunk}`, new Set(shell));
    for (const part of partsOf(chunk.slice(0, chunk.indexOf('-')))) {
      const file = assets.find((f) => partFiles[part]?.test(f));
      if (!file) throw new Error(`no chunk for the ${part} catalogue part`);
      closure(`assets/${file}`, files);
    }
    const bytes = [...files].reduce((sum, f) => sum + gz(f), 0) / 1024;
    const budget = route === 'bench' ? 150 : undefined;
    results.push({
      name: `JavaScript for the ${route} route (gzip)`, unit: 'KB', stats: { runs: 1, min: bytes, median: bytes, max: bytes },
      ...(budget ? { goal: `≤ ${budget} KB`, meetsGoal: bytes <= budget } : {}),
    });
  }
  // The QR decoder (ZXing-C++ as WebAssembly, src/scan/qr-decoder.ts): fetched when a camera
  // screen first opens, where the browser has no QR-reading BarcodeDetector of its own.
  const wasm = assets.find((f) => /^zxing_reader-[\w-]+\.wasm$/.test(f));
  if (!wasm) throw new Error('no QR decoder (assets/zxing_reader-*.wasm) in the build');
  const wasmKb = gz(`assets/${wasm}`) / 1024;
  results.push({ name: 'QR decoder WebAssembly, scan and pairing screens (gzip)', unit: 'KB', stats: { runs: 1, min: wasmKb, median: wasmKb, max: wasmKb } });
  // What the service worker downloads when it installs: every file it precaches, gzipped as the
  // server sends them (http/compress-responses.ts), and their size on the tablet. Once per tablet,
  // and again only for files that changed.
  const precached = [...readFileSync(join(DIST, 'sw.js'), 'utf8').matchAll(/url:"([^"]+)"/g)].map((m) => m[1]!);
  const wireKb = precached.reduce((sum, f) => sum + Math.min(gz(f), statSync(join(DIST, f)).size), 0) / 1024;
  const storedKb = precached.reduce((sum, f) => sum + statSync(join(DIST, f)).size, 0) / 1024;
  results.push({
    name: `Service worker precache, ${precached.length} files (gzip, as sent)`, unit: 'KB', stats: { runs: 1, min: wireKb, median: wireKb, max: wireKb },
    ratio: { reference: `their size stored on the tablet (${storedKb.toFixed(0)} KB)`, value: wireKb / storedKb },
  });
  return results;
}
