import { describe, expect, it } from "vitest";
import { decodeCursor, encodeCursor, InvalidCursorError, pageOf } from "@/lib/api-v1/cursor";
import { openApiDocument } from "@/lib/api-v1/openapi";
import { projectApiListSchema } from "@/lib/api-v1/projects";
import { YI_PATTERN } from "@/lib/money";

const ID = "1b4e28ba-2fa1-4d2b-8f3e-1c2d3e4f5a6b";

describe("API cursors", () => {
  it("round-trips the last row's sort value and id, exactly", () => {
    const c = { sort: "updatedAt", dir: "desc" as const, value: "2026-03-15 10:00:00.123456+08", id: ID };
    expect(decodeCursor(encodeCursor(c), "updatedAt", "desc")).toEqual(c);
    expect(decodeCursor(encodeCursor({ ...c, value: null }), "updatedAt", "desc").value).toBeNull();
  });

  it("refuses anything else, and a cursor made for another order", () => {
    const c = encodeCursor({ sort: "name", dir: "asc", value: "海尔", id: ID });
    expect(() => decodeCursor(c, "updatedAt", "asc")).toThrow(InvalidCursorError);
    expect(() => decodeCursor(c, "name", "desc")).toThrow(InvalidCursorError);
    expect(() => decodeCursor("not-a-cursor", "name", "asc")).toThrow(InvalidCursorError);
    expect(() => decodeCursor(Buffer.from('["name","asc","x","not-a-uuid"]').toString("base64url"), "name", "asc")).toThrow(InvalidCursorError);
  });

  it("pages: a next cursor only when the query found more than the limit", () => {
    const rows = [1, 2, 3].map((i) => ({ id: ID, cursorValue: String(i), n: i }));
    const full = pageOf(rows, 2, "name", "asc");
    expect(full.rows.map((r) => r.n)).toEqual([1, 2]);
    expect(decodeCursor(full.nextCursor!, "name", "asc").value).toBe("2");
    expect(full.rows[0]).not.toHaveProperty("cursorValue");
    expect(pageOf(rows, 3, "name", "asc").nextCursor).toBeNull();
  });

  it("list parameters: the page's filters, malformed values dropped, limit clamped to a default", () => {
    const p = projectApiListSchema.parse({ stage: "signed,bogus", limit: "9999", sort: "nope", minYi: "abc" });
    expect(p).toMatchObject({ stage: ["signed"], limit: 50, sort: "updatedAt", dir: "desc" });
    expect(p.minYi).toBeUndefined();
  });
});

describe("the OpenAPI document", () => {
  const doc = openApiDocument("https://crm.example") as {
    openapi: string;
    paths: Record<string, Record<string, { parameters?: { name: string }[]; requestBody?: unknown }>>;
    components: { schemas: Record<string, { properties?: Record<string, { pattern?: string; maxLength?: number; enum?: string[] }>; required?: string[] }> };
  };

  it("has every resource, with list, read, create and update", () => {
    expect(doc.openapi).toBe("3.1.0");
    for (const r of ["projects", "enterprises", "parcels", "parks", "events", "signed-projects"]) {
      expect(Object.keys(doc.paths[`/api/v1/${r}`]!).sort()).toEqual(["get", "post"]);
      expect(Object.keys(doc.paths[`/api/v1/${r}/{id}`]!).sort()).toEqual(["get", "patch"]);
    }
  });

  it("is generated from the forms' zod schemas: their rules appear in it", () => {
    const input = doc.components.schemas.ProjectInput!;
    expect(input.required).toEqual(expect.arrayContaining(["name", "enterpriseId", "totalInvestmentYi", "ownerId", "unitId"]));
    expect(input.properties!.totalInvestmentYi!.pattern).toBe(YI_PATTERN.source);
    expect(input.properties!.name!.maxLength).toBe(100);
    expect(doc.components.schemas.ProjectUpdate!.required).toEqual(["version"]);
    expect(doc.components.schemas.Project!.properties!.stage!.enum).toContain("land_secured");
    // The list's parameters are the /projects filters.
    const names = doc.paths["/api/v1/projects"]!.get!.parameters!.map((p) => p.name);
    expect(names).toEqual(expect.arrayContaining(["q", "stage", "status", "chain", "owner", "unit", "minYi", "maxYi", "cursor", "limit"]));
  });
});
