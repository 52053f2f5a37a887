#!/usr/bin/env node
// `npm test`: everything, in the order that fails fastest. Installs what the suite needs and is
// missing (Debian's chromium and ffmpeg, when running as root on Debian), starts the local
// PostgreSQL if it is stopped, and never skips a part silently.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const isRoot = process.getuid?.() === 0;
const onDebian = existsSync('/etc/debian_version');

function sh(command, args, options = {}) {
  const result = spawnSync(command, args, { stdio: 'inherit', ...options });
  return result.status ?? 1;
}

function step(title, command, args, env = {}) {
  console.log(`\n━━ ${title}`);
  const status = sh(command, args, { env: { ...process.env, ...env } });
  if (status !== 0) {
    console.error(`\n✗ ${title} failed (exit ${status})`);
    process.exit(status);
  }
}

function ensureTools() {
  const missing = [];
  if (!existsSync(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium')) missing.push('chromium');
  if (sh('sh', ['-c', 'command -v ffmpeg >/dev/null']) !== 0) missing.push('ffmpeg');
  // pdftoppm rasterises the print views' PDFs so the e2e tests can read their QR codes back.
  if (sh('sh', ['-c', 'command -v pdftoppm >/dev/null']) !== 0) missing.push('poppler-utils');
  if (missing.length === 0) return;
  if (!isRoot || !onDebian) {
    console.error(`The end-to-end tests need ${missing.join(' and ')}. Install: sudo apt-get install -y ${missing.join(' ')}`);
    process.exit(1);
  }
  console.log(`\n━━ Installing ${missing.join(', ')} from Debian's packages`);
  if (sh('apt-get', ['update', '-qq']) !== 0 || sh('apt-get', ['install', '-y', '-qq', ...missing], { env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } }) !== 0) {
    console.error(`Could not install ${missing.join(' ')} with apt-get.`);
    process.exit(1);
  }
}

function ensurePostgres() {
  if (process.env.TEST_DATABASE_URL) return;
  if (sh('sh', ['-c', 'pg_isready -q -h 127.0.0.1 -p 5432'], { stdio: 'ignore' }) === 0) return;
  if (isRoot && existsSync('/etc/postgresql')) {
    console.log('\n━━ Starting the local PostgreSQL');
    sh('sh', ['-c', 'pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start']);
  }
  // If it is still down, the PostgreSQL tests fail loudly and say how to start it.
}

/** Sums vitest's JSON reports into the plain closing line CI reads: "N passed, N failed". */
function summarize(reports) {
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  for (const file of reports) {
    if (!existsSync(file)) continue;
    const report = JSON.parse(readFileSync(file, 'utf8'));
    passed += report.numPassedTests ?? 0;
    failed += report.numFailedTests ?? 0;
    skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
  }
  console.log(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
}

const reportsDir = 'test-results';
rmSync(reportsDir, { recursive: true, force: true });
mkdirSync(reportsDir, { recursive: true });
const unitReport = join(reportsDir, 'unit.json');
const e2eReport = join(reportsDir, 'e2e.json');
const reporters = (file) => ['--reporter=default', '--reporter=json', `--outputFile.json=${file}`];

ensureTools();
ensurePostgres();
step('Lint (zero warnings)', 'npx', ['eslint', '.', '--max-warnings', '0']);
step('Typecheck', 'npx', ['tsc', '-p', 'tsconfig.json', '--noEmit']);
step('Unit, component and server tests', 'npx', ['vitest', 'run', ...reporters(unitReport)]);
step('Build the app and the server', 'npm', ['run', 'build'], { LOUPE_BUILD_ID: 'test-v1' });
step('End-to-end tests in Chromium', 'npx', ['vitest', 'run', '-c', 'vitest.e2e.config.ts', ...reporters(e2eReport)]);
summarize([unitReport, e2eReport]);
