// Every migration, statically imported: esbuild bundles the server into one file, so there is no
// migrations folder to read at run time. Kysely applies them in name order.
import type { Migration, MigrationProvider } from 'kysely';
import * as m0001 from './0001_meta';
import * as m0002 from './0002_sync';
import * as m0003 from './0003_security';
import * as m0004 from './0004_job_groups';

export const MIGRATIONS: Record<string, Migration> = {
  '0001_meta': m0001,
  '0002_sync': m0002,
  '0003_security': m0003,
  '0004_job_groups': m0004,
};

export const LATEST_MIGRATION = Object.keys(MIGRATIONS).sort().at(-1) ?? '';

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => MIGRATIONS,
};
