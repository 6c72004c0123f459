/** Vitest global setup for integration tests: one migrated template database per run. */
import type { TestProject } from "vitest/node";
import { migrateDatabase } from "../../db/migrate";
import { adminQuery, dropStaleTestDatabases, startTestServer, uniqueName, withDatabase } from "./test-server";

declare module "vitest" {
  export interface ProvidedContext {
    adminUrl: string;
    templateDb: string;
  }
}

export default async function setup(project: TestProject) {
  const server = await startTestServer();
  await dropStaleTestDatabases(server.adminUrl);
  const templateDb = uniqueName("crm_test_template");
  await adminQuery(server.adminUrl, `create database "${templateDb}"`);
  await migrateDatabase(withDatabase(server.adminUrl, templateDb));
  project.provide("adminUrl", server.adminUrl);
  project.provide("templateDb", templateDb);
  return async () => {
    await adminQuery(server.adminUrl, `drop database if exists "${templateDb}" with (force)`);
    await server.stop();
  };
}
