import { describe, expect, it } from "vitest";
import { assertRole, hasRole } from "@/lib/auth/roles";
import { ForbiddenError } from "@/lib/errors";

describe("roles", () => {
  it("orders admin above manager above staff", () => {
    expect(hasRole({ role: "admin" }, "manager")).toBe(true);
    expect(hasRole({ role: "manager" }, "staff")).toBe(true);
    expect(hasRole({ role: "manager" }, "admin")).toBe(false);
    expect(hasRole({ role: "staff" }, "manager")).toBe(false);
    expect(hasRole({ role: "staff" }, "staff")).toBe(true);
  });

  it("assertRole throws a 403 error", () => {
    expect(() => assertRole({ role: "staff" }, "admin")).toThrow(ForbiddenError);
    expect(() => assertRole({ role: "admin" }, "admin")).not.toThrow();
  });
});
