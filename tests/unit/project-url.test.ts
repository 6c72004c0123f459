import { describe, expect, it } from "vitest";
import { projectQuery, activeFilterCount, PROJECT_FORM_FILTERS, SIGNED_FORM_FILTERS } from "@/lib/projects/url";
import { projectListSchema } from "@/lib/projects/validation";

describe("project list URLs", () => {
  it("leave out defaults and keep lists as repeated keys", () => {
    expect(projectQuery({ sort: "updatedAt", dir: "desc", page: 1, size: 50 })).toBe("");
    expect(projectQuery({ stage: ["lead", "intent"], q: "国药", page: 2 })).toBe("?stage=lead&stage=intent&q=%E5%9B%BD%E8%8D%AF&page=2");
    expect(projectQuery({ sort: "name", dir: "asc" }, { page: 3 })).toBe("?sort=name&dir=asc&page=3");
  });

  it("round-trip through the list schema", () => {
    const params = projectListSchema.parse({ stage: ["lead", "intent"], minYi: "1.5", sort: "totalInvestment", dir: "asc", page: "2", size: "100" });
    // As Next.js hands searchParams to the page: a repeated key becomes an array.
    const search: Record<string, string | string[]> = {};
    for (const [k, v] of new URLSearchParams(projectQuery(params))) {
      const prev = search[k];
      search[k] = prev === undefined ? v : ([] as string[]).concat(prev, v);
    }
    const back = projectListSchema.parse(search);
    expect(back).toEqual(params);
  });

  it("drops malformed values instead of failing", () => {
    expect(projectListSchema.parse({ stage: "lead,bogus", size: "7", page: "-3", minYi: "abc", sort: "hack", created: "x" })).toMatchObject({
      stage: ["lead"],
      size: 50,
      page: 1,
      minYi: undefined,
      sort: "updatedAt",
    });
  });
});

describe("activeFilterCount (the phone's 筛选 button)", () => {
  it("counts each filter of the form in use once, lists once, and ignores empty ones and the dashboard's own conditions", () => {
    expect(activeFilterCount({}, PROJECT_FORM_FILTERS)).toBe(0);
    expect(activeFilterCount({ q: "", stage: [], sort: "name" }, PROJECT_FORM_FILTERS)).toBe(0);
    expect(activeFilterCount({ q: "医药", stage: ["signed", "registered"], owner: "u1", overdue: "1" }, PROJECT_FORM_FILTERS)).toBe(3);
    expect(activeFilterCount({ signedFrom: "2026-01-01", event: "e1" }, PROJECT_FORM_FILTERS)).toBe(0);
    expect(activeFilterCount({ signedFrom: "2026-01-01", event: "e1", key: "1" }, SIGNED_FORM_FILTERS)).toBe(3);
  });
});
