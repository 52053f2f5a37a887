import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { CHROMIUM_PATH } from './chromium';
import { REPO_ROOT } from './server';
import { isStale } from '../../../scripts/lib/freshness.mjs';

/** The journeys run against the production build: build it when missing or stale. */
export default function setup() {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`Chromium is not at ${CHROMIUM_PATH}. Run \`npm test\` (it installs it as root on Debian) or: apt-get install -y chromium`);
  }
  const at = (p: string) => join(REPO_ROOT, p);
  if (isStale(at('dist/index.html'), ['src', 'public', 'index.html', 'vite.config.ts'].map(at))) {
    // Vitest sets NODE_ENV=test, which would give a development React build without the
    // service worker registration (import.meta.env.PROD false): build as production explicitly.
    execFileSync('npm', ['run', 'build:app'], { cwd: REPO_ROOT, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production', LOUPE_BUILD_ID: process.env.LOUPE_BUILD_ID ?? 'test-v1' } });
  }
  if (isStale(at('dist-server/main.js'), ['sync-server', 'src/protocol', 'src/domain', 'src/security'].map(at))) {
    execFileSync('npm', ['run', 'build:server'], { cwd: REPO_ROOT, stdio: 'inherit' });
  }
}
