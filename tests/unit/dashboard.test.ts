import { describe, expect, it } from "vitest";
import { links, type DrillContext } from "@/lib/dashboard/links";
import { addDays, lastDayOfMonth, monthsOf, quarterOf, quarterRange, resolvePeriod, splitPeriod, yearsBefore } from "@/lib/dashboard/period";
import { amountProgress, amountRate, progress, rate } from "@/lib/dashboard/rates";
import { dashboardQuery, dashboardSchema } from "@/lib/dashboard/validation";
import { projectListSchema } from "@/lib/projects/validation";
import { signedListSchema } from "@/lib/signed/validation";
import { unitsTarget, unitTarget, type TargetFigures } from "@/lib/targets/rollup";

const query = (href: string) => Object.fromEntries(new URL(href, "http://x").searchParams);

describe("periods", () => {
  it("default to this year; a quarter; a custom range, turned round when given backwards", () => {
    expect(resolvePeriod({}, "2026-06-15")).toEqual({ kind: "year", from: "2026-01-01", to: "2026-12-31", year: 2026 });
    expect(resolvePeriod({ year: 2025, quarter: 3 }, "2026-06-15")).toEqual({ kind: "quarter", from: "2025-07-01", to: "2025-09-30", year: 2025, quarter: 3 });
    expect(resolvePeriod({ from: "2026-05-10", to: "2026-02-01", year: 2020 }, "2026-06-15")).toEqual({ kind: "custom", from: "2026-02-01", to: "2026-05-10", year: 2026 });
    // One end of a range alone is not a range: the year applies.
    expect(resolvePeriod({ from: "2026-05-10" }, "2026-06-15").kind).toBe("year");
  });

  it("count months, quarters and leap years right", () => {
    expect(lastDayOfMonth(2024, 2)).toBe(29);
    expect(lastDayOfMonth(2026, 2)).toBe(28);
    expect(quarterRange(2026, 4)).toEqual({ from: "2026-10-01", to: "2026-12-31" });
    expect(quarterOf("2026-04-01")).toBe(2);
    expect(monthsOf(2026)[1]).toEqual({ month: 2, from: "2026-02-01", to: "2026-02-28" });
    expect(yearsBefore("2024-02-29", 1)).toBe("2023-02-28");
    expect(addDays("2026-03-01", -1)).toBe("2026-02-28");
    expect(addDays("2025-12-31", 1)).toBe("2026-01-01");
  });

  it("split a range into whole months and the days at its edges", () => {
    expect(splitPeriod("2026-01-01", "2026-12-31")).toEqual({ months: { from: "2026-01-01", until: "2027-01-01" }, days: [] });
    expect(splitPeriod("2026-01-15", "2026-03-10")).toEqual({
      months: { from: "2026-02-01", until: "2026-03-01" },
      days: [
        ["2026-01-15", "2026-01-31"],
        ["2026-03-01", "2026-03-10"],
      ],
    });
    expect(splitPeriod("2026-01-15", "2026-01-20")).toEqual({ months: null, days: [["2026-01-15", "2026-01-20"]] });
    expect(splitPeriod("2026-02-01", "2026-02-28")).toEqual({ months: { from: "2026-02-01", until: "2026-03-01" }, days: [] });
    expect(splitPeriod("1900-01-01", "2026-11-01")).toEqual({ months: { from: "1900-01-01", until: "2026-11-01" }, days: [["2026-11-01", "2026-11-01"]] });
    expect(splitPeriod("2026-03-02", "2026-03-01")).toEqual({ months: null, days: [] });
  });
});

describe("rates", () => {
  it("are a percentage to one decimal, rounded half up, or null over nothing", () => {
    expect(rate(1, 3)).toBe("33.3%");
    expect(rate(2, 3)).toBe("66.7%");
    expect(rate(1, 8)).toBe("12.5%");
    expect(rate(1, 2000)).toBe("0.1%"); // 0.05% rounds up
    expect(rate(0, 5)).toBe("0.0%");
    expect(rate(7, 5)).toBe("140.0%");
    expect(rate(3, 0)).toBeNull();
    expect(() => rate(0.5, 2)).toThrow();
  });

  it("of amounts are exact on 元 (资金到位率)", () => {
    expect(amountRate("90000000.00", "560000000.00")).toBe("16.1%");
    expect(amountRate("1", "0")).toBeNull();
  });

  it("fill progress bars to at most 100", () => {
    expect(progress(3, 14)).toBe(21);
    expect(progress(20, 14)).toBe(100);
    expect(progress(1, 0)).toBeNull();
    expect(amountProgress("11500000000", "8000000000")).toBe(100);
    expect(amountProgress("4000000000", "8000000000")).toBe(50);
  });
});

describe("targets over the unit tree", () => {
  const t = (n: number): TargetFigures => ({ signedCount: n, signedInvestment: `${n}00000000.00`, constructionStarts: n, operatingProjects: 0 });
  const children = new Map([
    ["city", ["zone", "north"]],
    ["zone", ["bio", "inst"]],
  ]);

  it("are a unit's own, else its children's added up, else none", () => {
    const own = new Map([
      ["bio", t(6)],
      ["inst", t(4)],
      ["north", t(3)],
    ]);
    expect(unitTarget("bio", own, children)).toEqual(t(6));
    expect(unitTarget("zone", own, children)).toEqual({ signedCount: 10, signedInvestment: "1000000000.00", constructionStarts: 10, operatingProjects: 0 });
    expect(unitTarget("city", new Map([...own, ["zone", t(12)]]), children)?.signedCount).toBe(15); // zone's own 12 wins over 6 + 4
    expect(unitTarget("elsewhere", own, children)).toBeNull();
    expect(unitsTarget(["zone", "north"], own, children)?.signedCount).toBe(13);
  });

  it("stop at a cycle in the tree", () => {
    expect(unitTarget("a", new Map(), new Map([["a", ["b"]], ["b", ["a"]]]))).toBeNull();
  });
});

describe("drill-down links", () => {
  const dc: DrillContext = { base: { unit: "11111111-1111-4111-8111-111111111111" }, period: { from: "2026-01-01", to: "2026-12-31", year: 2026 }, asOf: "2026-06-15", today: "2026-06-15", stalledDays: 30 };
  const past: DrillContext = { ...dc, asOf: "2025-06-15" };

  it("open the funnel's list as the projects stand today, or replayed to an earlier day", () => {
    expect(query(links.funnel(dc, "intent"))).toEqual({ unit: dc.base.unit, stage: "intent", status: "active" });
    expect(query(links.funnel(past, "intent"))).toMatchObject({ asOf: "2025-06-15", stage: "intent" });
    expect(projectListSchema.parse(query(links.funnel(past, "intent")))).toMatchObject({ asOf: "2025-06-15", stage: ["intent"], status: ["active"] });
  });

  it("open the cohort's lists with the signing period and the day", () => {
    const started = signedListSchema.parse(query(links.cohortReached(past, "construction")));
    expect(started).toMatchObject({ signedFrom: "2026-01-01", signedTo: "2026-12-31", report: "construction", reportTo: "2025-06-15" });
    expect(signedListSchema.parse(query(links.cohortKept(dc, "pending")))).toMatchObject({ kept: "pending", keptBy: "2026-06-15" });
    expect(signedListSchema.parse(query(links.cohortFunds(dc)))).toMatchObject({ fundsTo: "2026-06-15" });
    expect(signedListSchema.parse(query(links.yearReached(dc, "operating")))).toMatchObject({ report: "operating", reportFrom: "2026-01-01", reportTo: "2026-06-15" }); // the year up to the dashboard's day (no report is dated after today)
  });

  it("name a breakdown's unit alone, not its subtree; empty chains and parks as none", () => {
    expect(query(links.byUnit(dc, "22222222-2222-4222-8222-222222222222"))).toMatchObject({ unit: "22222222-2222-4222-8222-222222222222", unitOnly: "1" });
    expect(signedListSchema.parse(query(links.byChain(dc, null))).chain).toBe("none");
    expect(signedListSchema.parse(query(links.byPark(dc, null))).park).toBe("none");
  });

  it("keep a staff member's own projects in every link", () => {
    const staff: DrillContext = { ...dc, base: { owner: "33333333-3333-4333-8333-333333333333" } };
    for (const href of [links.funnel(staff, "lead"), links.leads(staff), links.signed(staff), links.stalled(staff), links.overdue(staff), links.reached(staff, "signed")]) {
      expect(query(href).owner, href).toBe("33333333-3333-4333-8333-333333333333");
    }
    expect(query(links.reached(staff, "lead")).reached).toBeUndefined();
    expect(query(links.ownerActivities(dc, "33333333-3333-4333-8333-333333333333", "visit"))).toMatchObject({ activity: "visit", activityFrom: "2026-01-01", activityTo: "2026-12-31" });
  });
});

describe("the dashboard's URL", () => {
  it("drops malformed values and leaves defaults out", () => {
    const params = dashboardSchema.parse({ year: "abc", quarter: "5", unit: "x", chain: "none", asOf: "2026-02-30", stalled: "" });
    expect(params).toEqual({ chain: "none", stalled: 30 });
    expect(dashboardQuery(params)).toBe("?chain=none");
    expect(dashboardQuery({ ...params, stalled: 60, year: 2025 })).toBe("?year=2025&chain=none&stalled=60");
  });
});
