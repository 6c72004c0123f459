import { describe, expect, it } from "vitest";
import { safeCallbackPath } from "@/lib/utils";

describe("safeCallbackPath", () => {
  it.each([
    ["//evil.com"],
    ["//evil.com/admin"],
    ["https://evil.com"],
    ["http://evil.com/"],
    ["javascript:alert(1)"],
    ["/\\evil.com"],
    // Browsers drop tabs and newlines, so these would become "//evil.com".
    ["/\t/evil.com"],
    ["/\n/evil.com"],
    ["/\r\n/evil.com"],
    ["/login"],
    ["/login?callbackUrl=/admin"],
    ["admin/users"],
    [""],
  ])("rejects %j", (value) => {
    expect(safeCallbackPath(value)).toBe("/");
    expect(safeCallbackPath(value, "/home")).toBe("/home");
  });

  it("falls back for null and undefined", () => {
    expect(safeCallbackPath(null)).toBe("/");
    expect(safeCallbackPath(undefined, "/x")).toBe("/x");
  });

  it.each([["/admin/users?x=1"], ["/"], ["/admin/units#top"], ["/account"]])("accepts %j", (value) => {
    expect(safeCallbackPath(value, "/fallback")).toBe(value);
  });
});
