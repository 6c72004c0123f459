import { describe, expect, it } from "vitest";
import { parcelStatusSchema, parcelSchema } from "@/lib/land/validation";
import { checkParcelTransition, isBuilt, isTransferred, nextStatuses, PARCEL_STATUSES } from "@/lib/land/status";

const at = (status: (typeof PARCEL_STATUSES)[number], transferDate: string | null = null, statusChangedOn: string | null = "2024-01-10") => ({
  status,
  transferDate,
  statusChangedOn,
});

describe("parcel life cycle", () => {
  it("runs 待腾空 → 已腾空 → 已挂牌 → 已出让 → 已开工 → 已竣工", () => {
    expect(PARCEL_STATUSES).toEqual(["reserved", "cleared", "listed", "transferred", "under_construction", "completed"]);
    expect(PARCEL_STATUSES.filter(isTransferred)).toEqual(["transferred", "under_construction", "completed"]);
    expect(PARCEL_STATUSES.filter(isBuilt)).toEqual(["under_construction", "completed"]);
  });

  it("moves forward one or more steps freely", () => {
    expect(checkParcelTransition(at("reserved"), "cleared")).toEqual({ needs: [] });
    expect(checkParcelTransition(at("reserved"), "listed")).toEqual({ needs: [] });
    expect(checkParcelTransition(at("listed"), "transferred")).toEqual({ needs: [] });
  });

  it("asks for the transfer date when jumping past 已出让 without one", () => {
    expect(checkParcelTransition(at("listed"), "under_construction")).toEqual({ needs: ["transferDate"] });
    expect(checkParcelTransition(at("transferred", "2023-06-15"), "under_construction")).toEqual({ needs: [] });
  });

  it("goes back only with a note", () => {
    expect(checkParcelTransition(at("listed"), "cleared")).toEqual({ needs: ["note"] });
    expect(checkParcelTransition(at("transferred", "2023-06-15"), "listed")).toEqual({ needs: ["note"] });
    expect(checkParcelTransition(at("completed", "2020-01-01"), "under_construction")).toEqual({ needs: ["note"] });
  });

  it("refuses a change to the same status", () => {
    expect(checkParcelTransition(at("cleared"), "cleared")).toEqual({ error: "noChange" });
  });

  it("offers forward moves first, then back", () => {
    expect(nextStatuses("listed")).toEqual(["transferred", "under_construction", "completed", "cleared", "reserved"]);
  });
});

describe("status change form", () => {
  const today = "2024-06-30";
  const errors = (from: ReturnType<typeof at>, input: Record<string, unknown>) => {
    const r = parcelStatusSchema(from, today).safeParse({ version: 1, ...input });
    return r.success ? {} : Object.fromEntries(r.error.issues.map((i) => [i.path.join("."), i.message]));
  };

  it("needs a date, not in the future and not before the last change", () => {
    expect(errors(at("reserved"), { toStatus: "cleared" })).toEqual({ changedOn: "errors.required" });
    expect(errors(at("reserved"), { toStatus: "cleared", changedOn: "2024-07-01" })).toEqual({ changedOn: "parcels.errors.futureDate" });
    expect(errors(at("reserved"), { toStatus: "cleared", changedOn: "2024-01-09" })).toEqual({ changedOn: "parcels.errors.beforeLastChange" });
    expect(errors(at("reserved"), { toStatus: "cleared", changedOn: "2024-02-30" })).toEqual({ changedOn: "parcels.errors.date" });
    expect(errors(at("reserved"), { toStatus: "cleared", changedOn: "2024-06-30" })).toEqual({});
  });

  it("asks why when going back, and for the transfer date when jumping past 已出让", () => {
    expect(errors(at("listed"), { toStatus: "cleared", changedOn: "2024-03-01" })).toEqual({ note: "parcels.errors.noteRequired" });
    expect(errors(at("listed"), { toStatus: "under_construction", changedOn: "2024-03-01" })).toEqual({ transferDate: "errors.required" });
    expect(errors(at("listed"), { toStatus: "under_construction", changedOn: "2024-03-01", transferDate: "2024-03-02" })).toEqual({
      transferDate: "parcels.errors.transferAfterStatus",
    });
    expect(errors(at("listed"), { toStatus: "under_construction", changedOn: "2024-03-01", transferDate: "2024-02-15" })).toEqual({});
    expect(errors(at("listed"), { toStatus: "transferred", changedOn: "2024-03-01", landPriceWan: "12.345678" })).toEqual({ landPriceWan: "parcels.errors.price" });
    expect(errors(at("listed"), { toStatus: "listed", changedOn: "2024-03-01" })).toEqual({ toStatus: "parcels.errors.noChange" });
  });
});

describe("new parcel form", () => {
  const base = { code: "HTQ-2024-01", parkId: "6f1c8a57-3a4f-4a43-9b5d-1c7b0d1e2f3a", area: "12.5", areaUnit: "mu", landUse: "industrial_m1", status: "reserved", statusDate: "2024-01-01" };
  const issues = (input: Record<string, unknown>) => {
    const r = parcelSchema.safeParse({ ...base, ...input });
    return r.success ? {} : Object.fromEntries(r.error.issues.map((i) => [i.path.join("."), i.message]));
  };

  it("checks the area in the unit it was typed in", () => {
    expect(issues({})).toEqual({});
    expect(issues({ area: "" })).toEqual({ area: "errors.required" });
    expect(issues({ area: "12.3456789" })).toEqual({ area: "parcels.errors.areaMu" });
    expect(issues({ area: "12.345", areaUnit: "sqm" })).toEqual({ area: "parcels.errors.areaSqm" });
    expect(issues({ area: "0", areaUnit: "sqm" })).toEqual({ area: "parcels.errors.areaZero" });
    expect(issues({ area: "abc" })).toEqual({ area: "parcels.errors.areaMu" });
  });

  it("asks a transferred parcel for its transfer date, no later than its status date", () => {
    expect(issues({ status: "transferred" })).toEqual({ transferDate: "parcels.errors.transferDateRequired" });
    expect(issues({ status: "under_construction", transferDate: "2024-01-02" })).toEqual({ transferDate: "parcels.errors.transferAfterStatus" });
    expect(issues({ status: "under_construction", transferDate: "2023-12-20" })).toEqual({});
    expect(issues({ code: "HTQ 01" })).toEqual({ code: "parcels.errors.codeSpaces" });
  });
});
