/**
 * A fresh, migrated database for one integration test file, copied from the run's
 * template in a few milliseconds. Real PostgreSQL, dropped when the file is done.
 */
import { afterAll, inject } from "vitest";
import { createDb, createPool, type Db } from "../../db/client";
import { adminQuery, uniqueName, withDatabase } from "./test-server";

export type TestDb = { db: Db; url: string; name: string };

export async function createTestDb(): Promise<TestDb> {
  const adminUrl = inject("adminUrl");
  const name = uniqueName("crm_test");
  await adminQuery(adminUrl, `create database "${name}" template "${inject("templateDb")}"`);
  const url = withDatabase(adminUrl, name);
  const pool = createPool(url, 5);
  afterAll(async () => {
    await pool.end();
    await adminQuery(adminUrl, `drop database if exists "${name}" with (force)`);
  });
  return { db: createDb(pool), url, name };
}
