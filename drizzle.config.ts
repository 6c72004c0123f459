import { defineConfig } from "drizzle-kit";

export default defineConfig({
  dialect: "postgresql",
  schema: "./db/schema/index.ts",
  // db/check-migrations.ts points this elsewhere to see whether the schema has drifted.
  out: process.env.DRIZZLE_OUT ?? "./db/migrations",
  casing: "snake_case",
  dbCredentials: { url: process.env.DATABASE_URL ?? "" },
});
