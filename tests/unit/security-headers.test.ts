import { describe, expect, it } from "vitest";
import { newNonce, pageContentSecurityPolicy } from "@/lib/security-headers";

const directives = (policy: string) => Object.fromEntries(policy.split("; ").map((d) => [d.split(" ")[0], d.split(" ").slice(1)]));

describe("pageContentSecurityPolicy", () => {
  it("allows scripts by nonce only, forbids framing, plugins and other sites", () => {
    const d = directives(pageContentSecurityPolicy("abc"));
    expect(d["script-src"]).toEqual(["'self'", "'nonce-abc'", "'strict-dynamic'"]);
    expect(d["style-src"]).toEqual(["'self'", "'nonce-abc'"]);
    expect(d["style-src-attr"]).toEqual(["'unsafe-inline'"]);
    expect(d["frame-ancestors"]).toEqual(["'none'"]);
    expect(d["object-src"]).toEqual(["'none'"]);
    expect(d["default-src"]).toEqual(["'self'"]);
    expect(d["base-uri"]).toEqual(["'self'"]);
    expect(d["form-action"]).toEqual(["'self'"]);
    expect(pageContentSecurityPolicy("abc")).not.toContain("unsafe-eval");
  });

  it("in development allows eval and inline <style> (React's dev tools, Next.js's style injection)", () => {
    const d = directives(pageContentSecurityPolicy("abc", true));
    expect(d["script-src"]).toContain("'unsafe-eval'");
    expect(d["style-src"]).toEqual(["'self'", "'unsafe-inline'"]);
  });
});

describe("newNonce", () => {
  it("is 128 random bits in base64, different every time", () => {
    const a = newNonce();
    expect(a).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(newNonce()).not.toBe(a);
  });
});
