// Row types of the current schema, as kysely sees them. Migrations must NOT import these: a
// migration describes the schema of its own day, which later changes would silently rewrite.

export interface MetaTable {
  key: string;
  value: string;
}

export interface Database {
  meta: MetaTable;
}
