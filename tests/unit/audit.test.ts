import { describe, expect, it } from "vitest";
import { diffRows, redact } from "@/lib/audit";

describe("redact", () => {
  it("drops secrets and converts dates to ISO strings", () => {
    const row = {
      id: "u1",
      username: "wang",
      passwordHash: "$argon2id$v=19$secret",
      password: "hunter22",
      currentPassword: "old-one",
      newPassword: "new-one",
      lastSignInAt: new Date("2026-01-01T00:30:00.000Z"),
      active: true,
      unitId: null,
    };
    expect(redact(row)).toEqual({
      id: "u1",
      username: "wang",
      lastSignInAt: "2026-01-01T00:30:00.000Z",
      active: true,
      unitId: null,
    });
  });

  it("returns undefined for no row", () => {
    expect(redact(null)).toBeUndefined();
    expect(redact(undefined)).toBeUndefined();
  });

  it("does not change its input", () => {
    const row = { password: "x", at: new Date(0) };
    redact(row);
    expect(row.password).toBe("x");
    expect(row.at).toBeInstanceOf(Date);
  });
});

describe("diffRows", () => {
  const before = {
    id: "u1",
    displayName: "李明",
    role: "staff",
    unitId: "a",
    active: true,
    updatedAt: new Date("2026-01-01T00:00:00Z"),
    version: 1,
    lastSignInAt: new Date("2026-01-01T00:00:00Z"),
  };

  it("returns only the changed fields", () => {
    const after = { ...before, displayName: "李明明", role: "manager", updatedAt: new Date("2026-02-01T00:00:00Z"), version: 2 };
    expect(diffRows(before, after)).toEqual({
      before: { displayName: "李明", role: "staff" },
      after: { displayName: "李明明", role: "manager" },
    });
  });

  it("ignores updatedAt and version, and is empty when nothing else changed", () => {
    const after = { ...before, updatedAt: new Date("2026-02-01T00:00:00Z"), version: 7 };
    expect(diffRows(before, after)).toEqual({ before: {}, after: {} });
  });

  it("compares dates by value and reports them as ISO strings", () => {
    const same = { ...before, lastSignInAt: new Date("2026-01-01T00:00:00Z") };
    expect(diffRows(before, same)).toEqual({ before: {}, after: {} });
    const later = { ...before, lastSignInAt: new Date("2026-01-02T00:00:00Z") };
    expect(diffRows(before, later)).toEqual({
      before: { lastSignInAt: "2026-01-01T00:00:00.000Z" },
      after: { lastSignInAt: "2026-01-02T00:00:00.000Z" },
    });
  });

  it("never includes secret fields even when they change", () => {
    const diff = diffRows({ ...before, passwordHash: "h1" }, { ...before, passwordHash: "h2", active: false });
    expect(diff).toEqual({ before: { active: true }, after: { active: false } });
  });

  it("reports added and removed keys", () => {
    expect(diffRows({ a: 1 }, { b: 2 })).toStrictEqual({ before: { a: 1, b: undefined }, after: { a: undefined, b: 2 } });
  });

  it("honours a custom ignore list", () => {
    expect(diffRows({ a: 1, version: 1 }, { a: 2, version: 2 }, ["a"])).toEqual({ before: { version: 1 }, after: { version: 2 } });
  });
});
