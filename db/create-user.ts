/**
 * Creates a user from the command line — how the first real admin is made on a new server:
 *   npm run user:create -- --username zhang --role admin [--name 张三] [--unit CODE] [--unit-name 名称]
 * The password is read from CRM_PASSWORD, or asked for without echo.
 * Without --unit: the first top-level unit, or (on an empty database) a new one named by --unit-name.
 */
import { asc, isNull, eq } from "drizzle-orm";
import { parseArgs } from "node:util";
import { createInterface } from "node:readline";
import { Writable } from "node:stream";
import { z } from "zod";
import { writeAudit } from "../lib/audit";
import { hashPassword } from "../lib/auth/password";
import { normaliseUsername } from "../lib/auth/throttle";
import { createUserSchema } from "../lib/users/validation";
import { createDb, createPool } from "./client";
import { units, users } from "./schema";
import { sql } from "drizzle-orm";
import messages from "../lib/i18n/messages/zh-CN/base.json";

const errorText = (key: string) => (messages.errors as Record<string, string>)[key.replace(/^errors\./, "")] ?? key;

function askHidden(question: string): Promise<string> {
  if (!process.stdin.isTTY) {
    return Promise.reject(new Error("no terminal to ask for the password: set CRM_PASSWORD"));
  }
  let muted = false;
  const output = new Writable({
    write(chunk, _enc, done) {
      if (!muted) process.stdout.write(chunk);
      done();
    },
  });
  const rl = createInterface({ input: process.stdin, output, terminal: true });
  return new Promise((resolve) => {
    rl.question(question, (answer) => {
      rl.close();
      process.stdout.write("\n");
      resolve(answer);
    });
    muted = true;
  });
}

async function main() {
  const { values } = parseArgs({
    options: {
      username: { type: "string" },
      role: { type: "string", default: "admin" },
      name: { type: "string" },
      unit: { type: "string" },
      "unit-name": { type: "string", default: "管理单位" },
    },
  });
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set (run through `npm run user:create`)");
  if (!values.username) throw new Error("--username is required");

  let password = process.env.CRM_PASSWORD ?? "";
  if (!password) {
    password = await askHidden("Password (at least 8 characters): ");
    const again = await askHidden("Repeat the password: ");
    if (again !== password) throw new Error("the passwords do not match");
  }

  const pool = createPool(url, 2);
  const db = createDb(pool);
  try {
    let unitId: string | undefined;
    if (values.unit) {
      const [u] = await db.select({ id: units.id }).from(units).where(eq(units.code, values.unit));
      if (!u) throw new Error(`no unit with code ${values.unit}`);
      unitId = u.id;
    } else {
      const [root] = await db.select({ id: units.id }).from(units).where(isNull(units.parentId)).orderBy(asc(units.sortOrder)).limit(1);
      unitId = root?.id;
      if (!unitId) {
        const [created] = await db.insert(units).values({ code: "ROOT", name: values["unit-name"]! }).returning({ id: units.id });
        unitId = created!.id;
        console.log(`Created the top-level unit "${values["unit-name"]}" (code ROOT); rename it under 系统管理 → 单位管理.`);
      }
    }

    const parsed = createUserSchema.safeParse({
      username: values.username,
      displayName: values.name ?? values.username,
      role: values.role,
      unitId,
      password,
    });
    if (!parsed.success) {
      const fields = z.flattenError(parsed.error).fieldErrors as Record<string, string[]>;
      throw new Error(`invalid input: ${Object.entries(fields).map(([k, v]) => `${k}: ${v.map(errorText).join(", ")}`).join("; ")}`);
    }
    const [taken] = await db.select({ id: users.id }).from(users).where(sql`lower(${users.username}) = ${normaliseUsername(values.username)}`);
    if (taken) throw new Error(`the username ${values.username} is taken`);

    const passwordHash = await hashPassword(parsed.data.password);
    const { password: _pw, ...data } = parsed.data;
    await db.transaction(async (tx) => {
      const [user] = await tx
        .insert(users)
        .values({ ...data, passwordHash, passwordChangedAt: new Date() })
        .returning({ id: users.id, username: users.username, role: users.role, unitId: users.unitId });
      await writeAudit(tx, { actorId: null, action: "create", entityType: "user", entityId: user!.id, after: user });
    });
    console.log(`Created ${parsed.data.role} "${parsed.data.username}".`);
  } finally {
    await pool.end();
  }
}

main().catch((e) => {
  console.error(`✖ ${e instanceof Error ? e.message : e}`);
  process.exit(1);
});
