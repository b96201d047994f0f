/**
 * Kysely's PostgreSQL introspector reads every table of every schema in the database and
 * names each schema in `has_schema_privilege(...)` and `pg_get_serial_sequence(...)`;
 * when another store's schema is dropped while that query runs (tests, benches, several
 * tenants on one server), the query fails with `schema "…" does not exist`. The Migrator
 * is its only user here and asks only which tables exist, so this one lists the tables of
 * the schemas on the connection's search path, by catalogue joins, without columns.
 */
import { PostgresDialect, PostgresIntrospector, sql, type DatabaseIntrospector, type DatabaseMetadata, type DatabaseMetadataOptions, type Kysely, type SchemaMetadata, type TableMetadata } from 'kysely';

class SchemaScopedIntrospector implements DatabaseIntrospector {
  readonly #db: Kysely<unknown>;

  constructor(db: Kysely<unknown>) {
    this.#db = db;
  }

  getSchemas(): Promise<SchemaMetadata[]> {
    return new PostgresIntrospector(this.#db).getSchemas();
  }

  async getTables(options: DatabaseMetadataOptions = { withInternalKyselyTables: false }): Promise<TableMetadata[]> {
    const { rows } = await sql<{ schema: string; name: string; kind: string }>`
      select n.nspname as schema, c.relname as name, c.relkind as kind
      from pg_catalog.pg_class c join pg_catalog.pg_namespace n on n.oid = c.relnamespace
      where c.relkind in ('r', 'v', 'p') and n.nspname = any (current_schemas(false))
      order by n.nspname, c.relname`.execute(this.#db);
    return rows
      .filter((row) => options.withInternalKyselyTables || !row.name.startsWith('kysely_migration'))
      .map((row) => ({ name: row.name, schema: row.schema, isView: row.kind === 'v', columns: [] }));
  }

  async getMetadata(options?: DatabaseMetadataOptions): Promise<DatabaseMetadata> {
    return { tables: await this.getTables(options) };
  }
}

/** PostgresDialect with the schema-scoped introspector. */
export class ScopedPostgresDialect extends PostgresDialect {
  override createIntrospector(db: Kysely<unknown>): DatabaseIntrospector {
    return new SchemaScopedIntrospector(db);
  }
}
