import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { openApiDocument } from "@/lib/api-v1/openapi";
import { MESSAGES } from "@/lib/i18n/messages";
import { hitContext, hitsOf, hitTitle, type Translate } from "@/lib/search/context";
import { latestOnly } from "@/lib/search/latest";
import { isSearchable, listHref, recordHref, resultsHref, searchQuerySchema } from "@/lib/search/validation";

describe("search text", () => {
  it("needs at least two characters, counted as characters", () => {
    expect(isSearchable("")).toBe(false);
    expect(isSearchable("   ")).toBe(false);
    expect(isSearchable("海")).toBe(false);
    expect(isSearchable(" 海 ")).toBe(false);
    expect(isSearchable("𠀀")).toBe(false); // one character, two UTF-16 units
    expect(isSearchable("海尔")).toBe(true);
    expect(isSearchable("ab")).toBe(true);
  });

  it("is trimmed like the list pages' q, and the limit falls back to 5 when out of range", () => {
    expect(searchQuerySchema.parse({ q: "  海尔 " })).toEqual({ q: "海尔", limit: 5 });
    expect(searchQuerySchema.parse({})).toEqual({ q: "", limit: 5 });
    expect(searchQuerySchema.parse({ q: "海尔", limit: "12" }).limit).toBe(12);
    for (const limit of ["0", "21", "-1", "x", "2.5"]) expect(searchQuerySchema.parse({ q: "海尔", limit }).limit, limit).toBe(5);
    expect(searchQuerySchema.parse({ q: "x".repeat(101) }).q).toBe("");
  });

  it("links to the list filtered by the same text, the record and the results page", () => {
    expect(listHref("projects", "海尔 生物&1")).toBe("/projects?q=%E6%B5%B7%E5%B0%94+%E7%94%9F%E7%89%A9%261");
    expect(new URL(listHref("parcels", "SB-HXQ"), "http://x").searchParams.get("q")).toBe("SB-HXQ");
    expect(recordHref("events", "a/b")).toBe("/events/a%2Fb");
    expect(resultsHref(" 赛诺 ")).toBe(`/search?q=${encodeURIComponent("赛诺")}`);
  });
});

describe("latestOnly", () => {
  it("keeps only the newest request's answer", () => {
    const latest = latestOnly();
    const first = latest.next();
    expect(latest.isLatest(first)).toBe(true);
    const second = latest.next();
    // The first keystroke's answer arrives after the second was sent: dropped.
    expect(latest.isLatest(first)).toBe(false);
    expect(latest.isLatest(second)).toBe(true);
    latest.next(); // the text became too short: no request, but older answers are stale too
    expect(latest.isLatest(second)).toBe(false);
  });
});

describe("hit context", () => {
  const zh = createTranslator({ locale: "zh-CN", messages: MESSAGES["zh-CN"] }) as unknown as Translate;
  const en = createTranslator({ locale: "en", messages: MESSAGES.en }) as unknown as Translate;
  const id = "00000000-0000-4000-8000-000000000000";

  it("says a project's stage, its status when not active, its owner and its investor", () => {
    const hit = { kind: "projects", item: { id, name: "赛诺细胞", stage: "negotiating", status: "active", ownerName: "王磊", enterpriseName: "苏州赛诺" } } as const;
    expect(hitContext(hit, zh)).toBe("在谈 · 跟踪人 王磊 · 苏州赛诺");
    expect(hitContext({ kind: "projects", item: { ...hit.item, status: "on_hold" } }, zh)).toBe("在谈 · 搁置 · 跟踪人 王磊 · 苏州赛诺");
    expect(hitContext(hit, en)).toContain("Owner 王磊");
  });

  it("says an investor's credit code, seat and the contact that matched", () => {
    const item = { id, name: "苏州赛诺", uscc: "91320594MA1WC5N3XB", headquarters: "江苏省苏州市", contactName: "陆文轩" };
    expect(hitContext({ kind: "enterprises", item }, zh)).toBe("信用代码 91320594MA1WC5N3XB · 江苏省苏州市 · 联系人 陆文轩");
    expect(hitContext({ kind: "enterprises", item: { ...item, uscc: null, headquarters: "", contactName: null } }, zh)).toBe("无信用代码");
  });

  it("says a parcel's park and zone, area in 亩 and status; an event's date, kind and place", () => {
    const parcel = { id, code: "SB-HXQ-01", parkName: "健康谷", zoneName: "核心区", location: "", areaMu: "1071.500000", status: "cleared" } as const;
    expect(hitContext({ kind: "parcels", item: parcel }, zh)).toBe("健康谷 核心区 · 1,071.5 亩 · 已腾空");
    expect(hitTitle({ kind: "parcels", item: parcel })).toBe("SB-HXQ-01");
    const event = { id, name: "推介会", kind: "promotion_event", heldOn: "2026-10-04", place: "青岛市市北区" } as const;
    expect(hitContext({ kind: "events", item: event }, zh)).toBe("2026-10-04 · 推介会 · 青岛市市北区");
    expect(hitsOf({ kind: "events", total: 3, items: [event] })).toEqual([{ kind: "events", item: event }]);
  });
});

describe("OpenAPI", () => {
  it("documents GET /api/v1/search with its parameters and result", () => {
    const doc = openApiDocument() as { paths: Record<string, { get?: { parameters: { name: string }[] } }>; components: { schemas: Record<string, unknown> } };
    expect(doc.paths["/api/v1/search"]!.get!.parameters.map((p) => p.name)).toEqual(["q", "limit"]);
    expect(doc.components.schemas.SearchResult).toBeTruthy();
  });
});
