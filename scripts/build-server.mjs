// Bundles the sync server (TypeScript) into one ESM file for Node 20, which cannot run .ts itself.
// npm packages stay external (resolved from node_modules at run time: better-sqlite3 is native).
//   node scripts/build-server.mjs [--outfile dist-server/main.js]
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));

export async function buildServer({ outfile = 'dist-server/main.js' } = {}) {
  return build({
    absWorkingDir: repoRoot,
    entryPoints: ['sync-server/main.ts'],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    packages: 'external',
    sourcemap: true,
    logLevel: 'warning',
  });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { values } = parseArgs({ options: { outfile: { type: 'string' } } });
  await buildServer(values.outfile ? { outfile: values.outfile } : {});
}
