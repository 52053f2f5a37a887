// SQL only through parameters: the server builds queries with kysely (values become parameters)
// and its `sql` template tag (likewise). This reads the server's source and fails on anything that
// would paste text into SQL: kysely's raw escapes, a driver call with an interpolated string. The
// two that remain interpolate constants of our own, and are named here.
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(__dirname, '../../sync-server');

/** Interpolations of our own constants into SQL, reviewed one by one. */
const REVIEWED = [
  'sync-server/sync/postgres-notifier.ts: LISTEN ${POKE_CHANNEL}',
  'sync-server/storage/sqlite-storage.ts: busy_timeout = ${BUSY_TIMEOUT_MS}',
];

const RAW = [
  { what: 'kysely raw SQL', pattern: /\bsql\s*\.\s*(raw|lit|id|ref|table|join)\s*\(/ },
  { what: 'postgres unsafe()', pattern: /\.unsafe\s*\(/ },
  { what: 'a driver call on an interpolated string', pattern: /\.(query|exec|prepare|pragma)\s*\(\s*`[^`]*\$\{/ },
  { what: 'SQL assembled by concatenation', pattern: /['"`]\s*(select|insert|update|delete)\b[^'"`]*['"`]\s*\+/i },
];

async function sources(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile() && e.name.endsWith('.ts')).map((e) => join(e.parentPath, e.name));
}

describe('SQL only through parameters', () => {
  it('no server file pastes text into SQL, except the reviewed constants', async () => {
    const found: string[] = [];
    for (const file of await sources(ROOT)) {
      const lines = (await readFile(file, 'utf8')).split('\n');
      lines.forEach((line, i) => {
        for (const { what, pattern } of RAW) {
          if (!pattern.test(line)) continue;
          const name = relative(join(ROOT, '..'), file);
          if (REVIEWED.some((r) => r.startsWith(`${name}: `) && line.includes(r.slice(name.length + 2)))) continue;
          found.push(`${name}:${i + 1} ${what}: ${line.trim()}`);
        }
      });
    }
    expect(found).toEqual([]);
  });

  it('the check itself catches each kind of pasted SQL', () => {
    const hostile = ['sql.raw(`select * from t where id = ${id}`)', "db.query(`select * from jobs where id = '${id}'`)", "const q = 'select * from jobs where id = ' + id;"];
    for (const line of hostile) expect(RAW.some(({ pattern }) => pattern.test(line)), line).toBe(true);
  });
});
