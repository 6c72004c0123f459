import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { MESSAGES } from "@/lib/i18n/messages";
import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { unitSchema, updateUnitSchema } from "@/lib/units/validation";
import {
  changePasswordSchema,
  createUserSchema,
  resetPasswordSchema,
  setActiveSchema,
  signInSchema,
  updateUserSchema,
  userListSchema,
} from "@/lib/users/validation";
import { parseOrThrow } from "@/lib/validation";
import { ValidationError } from "@/lib/errors";

const ROOT = path.resolve(import.meta.dirname, "../..");
const UNIT_ID = "0b5c1c8e-7f1a-4c2e-9a55-3f0f2b9d6a11";

/** The messages zod reports for each field path ("" for the whole object). */
function issues(schema: z.ZodType, input: unknown): Record<string, string[]> {
  const result = schema.safeParse(input);
  if (result.success) return {};
  const out: Record<string, string[]> = {};
  for (const issue of result.error.issues) {
    const key = issue.path.join(".");
    (out[key] ??= []).push(issue.message);
  }
  return out;
}

const validUser = { username: "wang.jg", displayName: "王建国", role: "manager", unitId: UNIT_ID, password: "longenough" };

describe("user schemas", () => {
  it("accept a valid new user, trimming text", () => {
    expect(createUserSchema.parse({ ...validUser, username: "  wang.jg ", displayName: " 王建国 " })).toEqual(validUser);
  });

  it("report username problems as i18n keys", () => {
    expect(issues(createUserSchema, { ...validUser, username: "ab" })).toEqual({ username: ["errors.usernameLength"] });
    expect(issues(createUserSchema, { ...validUser, username: "a".repeat(33) })).toEqual({ username: ["errors.usernameLength"] });
    expect(issues(createUserSchema, { ...validUser, username: "wang jg" })).toEqual({ username: ["errors.usernameChars"] });
    expect(issues(createUserSchema, { ...validUser, username: "王建国" })).toEqual({ username: ["errors.usernameChars"] });
  });

  it("report password length as i18n keys", () => {
    expect(issues(createUserSchema, { ...validUser, password: "1234567" })).toEqual({ password: ["errors.passwordMin"] });
    expect(issues(createUserSchema, { ...validUser, password: "x".repeat(129) })).toEqual({ password: ["errors.passwordMax"] });
    expect(createUserSchema.safeParse({ ...validUser, password: "12345678" }).success).toBe(true);
    expect(issues(resetPasswordSchema, { password: "short" })).toEqual({ password: ["errors.passwordMin"] });
  });

  it("report missing or bad fields as errors.required", () => {
    expect(issues(createUserSchema, { ...validUser, displayName: "   " })).toEqual({ displayName: ["errors.required"] });
    expect(issues(createUserSchema, { ...validUser, role: "root" })).toEqual({ role: ["errors.required"] });
    expect(issues(createUserSchema, { ...validUser, unitId: "not-a-uuid" })).toEqual({ unitId: ["errors.required"] });
    expect(issues(createUserSchema, { ...validUser, displayName: "名".repeat(51) })).toEqual({ displayName: ["errors.tooLong50"] });
  });

  it("require a positive integer version for updates", () => {
    const base = { displayName: "李明", role: "staff", unitId: UNIT_ID };
    expect(updateUserSchema.parse({ ...base, version: "3" }).version).toBe(3);
    expect(updateUserSchema.safeParse({ ...base, version: 0 }).success).toBe(false);
    expect(updateUserSchema.safeParse({ ...base }).success).toBe(false);
    expect(setActiveSchema.safeParse({ active: "false", version: 1 }).success).toBe(false);
  });

  it("check the new password on change", () => {
    const ok = { currentPassword: "old-password", newPassword: "new-password", confirmPassword: "new-password" };
    expect(changePasswordSchema.safeParse(ok).success).toBe(true);
    expect(issues(changePasswordSchema, { ...ok, confirmPassword: "new-passwurd" })).toEqual({ confirmPassword: ["errors.passwordMismatch"] });
    expect(issues(changePasswordSchema, { currentPassword: "same-password", newPassword: "same-password", confirmPassword: "same-password" })).toEqual({
      newPassword: ["errors.passwordUnchanged"],
    });
    expect(issues(changePasswordSchema, { ...ok, newPassword: "short", confirmPassword: "short" })).toEqual({ newPassword: ["errors.passwordMin"] });
    expect(issues(changePasswordSchema, { ...ok, currentPassword: "" })).toEqual({ currentPassword: ["errors.required"] });
  });

  it("sign-in needs both fields", () => {
    expect(issues(signInSchema, { username: " ", password: "" })).toEqual({ username: ["errors.required"], password: ["errors.required"] });
  });

  it("list parameters fall back to defaults instead of failing", () => {
    expect(userListSchema.parse({})).toEqual({ page: 1, pageSize: 50 });
    expect(userListSchema.parse({ q: " 王 ", role: "root", status: "gone", unitId: "x", page: "abc", pageSize: "5000" })).toEqual({
      q: "王",
      page: 1,
      pageSize: 50,
    });
    expect(userListSchema.parse({ role: "staff", status: "inactive", unitId: UNIT_ID, page: "3", pageSize: "10" })).toEqual({
      role: "staff",
      status: "inactive",
      unitId: UNIT_ID,
      page: 3,
      pageSize: 10,
    });
  });
});

describe("unit schemas", () => {
  const valid = { name: "生物医药招商组", code: "QDHT-SWYY", parentId: UNIT_ID, sortOrder: "2" };

  it("accept a valid unit; an empty parent means top level", () => {
    expect(unitSchema.parse(valid)).toEqual({ ...valid, sortOrder: 2 });
    expect(unitSchema.parse({ ...valid, parentId: "" }).parentId).toBeNull();
    expect(unitSchema.parse({ name: "x", code: "X", parentId: "" }).sortOrder).toBe(0);
  });

  it("report problems as i18n keys", () => {
    expect(issues(unitSchema, { ...valid, name: " " })).toEqual({ name: ["errors.required"] });
    expect(issues(unitSchema, { ...valid, name: "名".repeat(61) })).toEqual({ name: ["errors.tooLong60"] });
    // zod keeps checking after the first failure: the form shows the first message.
    expect(issues(unitSchema, { ...valid, code: "" }).code?.[0]).toBe("errors.required");
    expect(issues(unitSchema, { ...valid, code: "X".repeat(41) })).toEqual({ code: ["errors.tooLong40"] });
    expect(issues(unitSchema, { ...valid, code: "QD.HT" })).toEqual({ code: ["errors.codeChars"] });
    expect(issues(unitSchema, { ...valid, code: "高新区" })).toEqual({ code: ["errors.codeChars"] });
  });

  it("update needs a version", () => {
    expect(updateUnitSchema.safeParse(valid).success).toBe(false);
    expect(updateUnitSchema.parse({ ...valid, version: 4 }).version).toBe(4);
  });
});

describe("parseOrThrow", () => {
  it("throws a 422 ValidationError naming each field", () => {
    let error: unknown;
    try {
      parseOrThrow(createUserSchema, { ...validUser, username: "a b", password: "short" });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ValidationError);
    const v = error as ValidationError;
    expect(v.status).toBe(422);
    expect(v.message).toBe("errors.invalidInput");
    expect(v.fields).toEqual({ username: ["errors.usernameChars"], password: ["errors.passwordMin"] });
  });

  it("puts object-level errors under _form", () => {
    const schema = createUserSchema.refine(() => false, { message: "errors.invalidInput" });
    expect(() => parseOrThrow(schema, validUser)).toThrow(ValidationError);
    try {
      parseOrThrow(schema, validUser);
    } catch (e) {
      expect((e as ValidationError).fields).toEqual({ _form: ["errors.invalidInput"] });
    }
  });

  it("returns the parsed data", () => {
    expect(parseOrThrow(unitSchema, { name: " 专班 ", code: "ZB", parentId: "" })).toEqual({ name: "专班", code: "ZB", parentId: null, sortOrder: 0 });
  });
});

describe("error keys", () => {
  function sourceFiles(dir: string): string[] {
    return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) return sourceFiles(p);
      return /\.tsx?$/.test(e.name) ? [p] : [];
    });
  }

  function keysOf(obj: unknown, prefix = ""): string[] {
    if (obj === null || typeof obj !== "object") return [prefix];
    return Object.entries(obj).flatMap(([k, v]) => keysOf(v, prefix ? `${prefix}.${k}` : k));
  }

  const used = new Map<string, string>();
  for (const file of sourceFiles(path.join(ROOT, "lib"))) {
    // Message keys in schemas and errors: "errors.x" or "<namespace>.errors.x".
    for (const m of readFileSync(file, "utf8").matchAll(/["'`]((?:[a-z][A-Za-z]*\.)?errors\.[A-Za-z0-9_]+)["'`]/g)) used.set(m[1]!, path.relative(ROOT, file));
  }

  it("finds the keys the code uses", () => {
    // A sanity check on the scan itself: these are used by lib/errors.ts and the schemas.
    for (const k of ["errors.forbidden", "errors.passwordMin", "errors.passwordMismatch", "errors.passwordUnchanged", "errors.usernameChars", "errors.unitCycle"]) {
      expect(used.has(k), k).toBe(true);
    }
    expect(used.size).toBeGreaterThan(15);
  });

  it.each(["zh-CN", "en"] as const)("every errors.* key used in lib/ exists in the %s messages", (locale) => {
    const messages = MESSAGES[locale] as unknown;
    const defined = new Set(keysOf(messages));
    const missing = [...used].filter(([k]) => !defined.has(k)).map(([k, file]) => `${k} (${file})`);
    expect(missing).toEqual([]);
  });
});
