// A fresh PostgreSQL schema per test for the sync tests, dropped afterwards (the same approach as
// postgres-storage.test.ts). Fails loudly, never skips, when PostgreSQL is not reachable.
import { randomBytes } from 'node:crypto';
import pg from 'pg';

export const DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export interface PgTestSchemas {
  /** Creates and returns a new empty schema name. */
  create(label: string): Promise<string>;
  /** Drops every schema this helper created. */
  dropAll(): Promise<void>;
}

export function pgTestSchemas(): PgTestSchemas {
  const runId = randomBytes(4).toString('hex');
  const admin = new pg.Pool({ connectionString: DATABASE_URL, max: 2, connectionTimeoutMillis: 5_000 });
  const created: string[] = [];
  return {
    async create(label) {
      const schema = `loupe_test_${runId}_${label}_${created.length + 1}`;
      try {
        await admin.query(`create schema "${schema}"`);
      } catch (err) {
        throw new Error(
          `These tests need PostgreSQL at ${DATABASE_URL.replace(/:[^:@/]*@/, ':***@')} (set TEST_DATABASE_URL): ${(err as Error).message}`,
        );
      }
      created.push(schema);
      return schema;
    },
    async dropAll() {
      for (const schema of created.splice(0)) await admin.query(`drop schema if exists "${schema}" cascade`).catch(() => {});
      await admin.end();
    },
  };
}
