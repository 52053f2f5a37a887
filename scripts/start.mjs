#!/usr/bin/env node
// `npm start`: build the app and the server if missing or stale, then run the server, which
// serves the app and keeps its data (SQLite + photo files) under LOUPE_DATA_DIR (./data).
// `npm run demo` (--demo): the same, with a demo workshop seeded into the data folder.
import { spawn, spawnSync } from 'node:child_process';
import { isStale } from './lib/freshness.mjs';

const demo = process.argv.includes('--demo');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function run(args) {
  const result = spawnSync(npm, args, { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

const appSources = ['src', 'public', 'index.html', 'vite.config.ts', 'package-lock.json'];
const serverSources = ['sync-server', 'src/protocol', 'src/domain', 'src/security', 'scripts/build-server.mjs', 'package.json', 'package-lock.json'];
if (isStale('dist/index.html', appSources)) run(['run', 'build:app']);
if (isStale('dist-server/main.js', serverSources)) run(['run', 'build:server']);

const env = { ...process.env, NODE_ENV: process.env.NODE_ENV ?? 'production' };
if (demo) env.LOUPE_DEMO = '1';
const server = spawn(process.execPath, ['--enable-source-maps', 'dist-server/main.js'], { stdio: 'inherit', env });
// Pass Ctrl-C and SIGTERM on so the server shuts down gracefully, and exit with its code.
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
