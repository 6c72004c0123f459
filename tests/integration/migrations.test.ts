import { readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, inject, it } from "vitest";
import { getTableName, is } from "drizzle-orm";
import { isPgEnum, PgTable, type PgEnum } from "drizzle-orm/pg-core";
import { checkConnection, migrateDatabase } from "@/db/migrate";
import * as schema from "@/db/schema";

/** Every table the Drizzle schema declares: the migrations must create exactly these. */
const SCHEMA_TABLES = (Object.values(schema) as unknown[])
  .filter((v): v is PgTable => is(v, PgTable))
  .map((t) => getTableName(t))
  .sort();
const SCHEMA_ENUMS = (Object.values(schema) as unknown[])
  .filter((v): v is PgEnum<[string, ...string[]]> => isPgEnum(v))
  .map((e) => e.enumName)
  .sort();
import { adminQuery, uniqueName, withDatabase } from "../support/test-server";

const adminUrl = inject("adminUrl");
const created: string[] = [];

/** A brand-new, empty database (not copied from the migrated template). */
async function emptyDatabase(): Promise<string> {
  // "crm_test_<pid>_…" so a killed run's leftovers are dropped by dropStaleTestDatabases.
  const name = uniqueName("crm_test");
  await adminQuery(adminUrl, `create database "${name}"`);
  created.push(name);
  return withDatabase(adminUrl, name);
}

afterAll(async () => {
  for (const name of created) await adminQuery(adminUrl, `drop database if exists "${name}" with (force)`);
});

async function query<T extends pg.QueryResultRow>(url: string, text: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(text, values)).rows;
  } finally {
    await client.end();
  }
}

/** The tables (not views, not the partitions a partitioned table keeps its rows in). */
const tables = async (url: string) =>
  (
    await query<{ table_name: string }>(
      url,
      `select c.relname as table_name from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = 'public' and c.relkind in ('r', 'p') and not c.relispartition order by 1`,
    )
  ).map((r) => r.table_name);

const journal = JSON.parse(readFileSync(path.resolve(import.meta.dirname, "../../db/migrations/meta/_journal.json"), "utf8")) as {
  entries: { tag: string }[];
};

describe("migrateDatabase", () => {
  it("creates the schema in an empty database and is idempotent", async () => {
    const url = await emptyDatabase();
    expect(await tables(url)).toEqual([]);

    await migrateDatabase(url);
    expect(await tables(url)).toEqual(SCHEMA_TABLES);
    const enums = await query<{ typname: string }>(url, "select typname from pg_type where typtype = 'e' order by 1");
    expect(enums.map((r) => r.typname)).toEqual(SCHEMA_ENUMS);
    const applied = await query<{ n: number }>(url, "select count(*)::int as n from drizzle.__drizzle_migrations");
    expect(applied[0]!.n).toBe(journal.entries.length);

    // Data written between runs survives a second run, which applies nothing new.
    await query(url, "insert into units (name, code) values ('青岛市投资促进局', 'QD-TZCJ')");
    await migrateDatabase(url);
    expect(await tables(url)).toEqual(SCHEMA_TABLES);
    expect((await query<{ n: number }>(url, "select count(*)::int as n from drizzle.__drizzle_migrations"))[0]!.n).toBe(journal.entries.length);
    expect(await query(url, "select code from units")).toEqual([{ code: "QD-TZCJ" }]);
  });

  it("creates the case-insensitive username index and the foreign keys", async () => {
    const url = await emptyDatabase();
    await migrateDatabase(url);
    const [unit] = await query<{ id: string }>(url, "insert into units (name, code) values ('单位', 'U1') returning id");
    await query(url, "insert into users (username, display_name, password_hash, unit_id) values ('Admin', 'A', 'x', $1)", [unit!.id]);
    await expect(
      query(url, "insert into users (username, display_name, password_hash, unit_id) values ('admin', 'B', 'x', $1)", [unit!.id]),
    ).rejects.toThrow(/users_username_lower_idx/);
    await expect(
      query(url, "insert into users (username, display_name, password_hash, unit_id) values ('other', 'C', 'x', gen_random_uuid())"),
    ).rejects.toThrow(/foreign key/);
  });

  it("lets several instances migrate the same database at once", async () => {
    const url = await emptyDatabase();
    await Promise.all([migrateDatabase(url), migrateDatabase(url), migrateDatabase(url)]);
    expect(await tables(url)).toEqual(SCHEMA_TABLES);
    expect((await query<{ n: number }>(url, "select count(*)::int as n from drizzle.__drizzle_migrations"))[0]!.n).toBe(journal.entries.length);
  });
});

describe("checkConnection", () => {
  it("fails with one line naming the server and the reason", async () => {
    const error = await checkConnection("postgres://postgres:secret@127.0.0.1:1/crm").then(
      () => null,
      (e: Error) => e,
    );
    expect(error?.message).toMatch(/^cannot reach the database at 127\.0\.0\.1:1\/crm: .*ECONNREFUSED/);
    expect(error?.message).not.toContain("secret");
    expect(error?.message).not.toContain("\n");
  });

  it("passes for a reachable server", async () => {
    await expect(checkConnection(inject("adminUrl"))).resolves.toBeUndefined();
  });
});
