import { describe, expect, it } from "vitest";
import { isEditable, mayReview, orderWarnings, stageAfterApproval } from "@/lib/milestones/rules";
import { planSchema, reportSchema, reviewSchema } from "@/lib/milestones/validation";
import { fundsEntrySchema, signingSchema } from "@/lib/signings/validation";

const errorsOf = (schema: { safeParse: (v: unknown) => { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } } }, input: unknown) => {
  const r = schema.safeParse(input);
  return r.success ? {} : Object.fromEntries(r.error!.issues.map((i) => [i.path.join("."), i.message]));
};

describe("orderWarnings", () => {
  const none = { actualDate: null, reviewStatus: null };
  it("says nothing for the next stage in order, dated after the one before", () => {
    expect(
      orderWarnings({
        stage: "land_secured",
        actualDate: "2023-06-15",
        signingDate: "2023-02-16",
        projectStage: "registered",
        others: [{ stage: "registered", actualDate: "2023-03-22", reviewStatus: "approved" }],
      }),
    ).toEqual([]);
  });

  it("names the earlier stages not reported yet, counting a submitted one as reported", () => {
    expect(
      orderWarnings({
        stage: "construction",
        actualDate: "2023-06-30",
        signingDate: "2023-02-16",
        projectStage: "signed",
        others: [
          { stage: "registered", actualDate: "2023-03-22", reviewStatus: "pending" },
          { stage: "land_secured", ...none },
        ],
      }),
    ).toEqual([{ kind: "earlierMissing", stages: ["land_secured"] }]);
  });

  it("a saved or returned report does not count; stages the project already reached do", () => {
    expect(
      orderWarnings({
        stage: "construction",
        actualDate: "2023-06-30",
        signingDate: null,
        projectStage: "registered",
        others: [{ stage: "land_secured", actualDate: "2023-06-15", reviewStatus: "rejected" }],
      }),
    ).toEqual([{ kind: "earlierMissing", stages: ["land_secured"] }]);
  });

  it("flags dates before an earlier stage, after a later one, or before the signing", () => {
    expect(
      orderWarnings({
        stage: "land_secured",
        actualDate: "2023-01-10",
        signingDate: "2023-02-16",
        projectStage: "registered",
        others: [
          { stage: "registered", actualDate: "2023-03-22", reviewStatus: "approved" },
          { stage: "construction", actualDate: "2023-01-05", reviewStatus: "pending" },
        ],
      }),
    ).toEqual([
      { kind: "beforeEarlier", stage: "registered", date: "2023-03-22" },
      { kind: "laterAlready", stage: "construction", date: "2023-01-05" },
      { kind: "beforeSigning", date: "2023-02-16" },
    ]);
  });
});

describe("who may review", () => {
  const above = ["unit-parent", "unit-root"];
  it("a manager of a unit above the project's unit, or an admin — never whoever submitted it", () => {
    expect(mayReview({ id: "m", role: "manager", unitId: "unit-parent" }, { ancestors: above, submittedById: "s" })).toBe(true);
    expect(mayReview({ id: "m", role: "manager", unitId: "unit-root" }, { ancestors: above, submittedById: "s" })).toBe(true);
    expect(mayReview({ id: "m", role: "manager", unitId: "unit-own" }, { ancestors: above, submittedById: "s" })).toBe(false);
    expect(mayReview({ id: "s2", role: "staff", unitId: "unit-parent" }, { ancestors: above, submittedById: "s" })).toBe(false);
    expect(mayReview({ id: "a", role: "admin", unitId: "x" }, { ancestors: [], submittedById: "s" })).toBe(true);
    expect(mayReview({ id: "m", role: "manager", unitId: "unit-parent" }, { ancestors: above, submittedById: "m" })).toBe(false);
    expect(mayReview({ id: "a", role: "admin", unitId: "x" }, { ancestors: [], submittedById: "a" })).toBe(false);
  });

  it("approval moves the project forward to the report's stage, never back", () => {
    expect(stageAfterApproval("signed", "registered")).toBe("registered");
    expect(stageAfterApproval("signed", "construction")).toBe("construction");
    expect(stageAfterApproval("construction", "registered")).toBe("construction");
  });

  it("a report can change while new, saved or returned; not while in review or once approved", () => {
    expect([null, "draft", "rejected", "pending", "approved"].map((s) => isEditable(s as never))).toEqual([true, true, true, false, false]);
  });
});

describe("reportSchema", () => {
  const base = { actualDate: "2023-06-15", version: 0 };
  it("asks each stage for its facts", () => {
    expect(errorsOf(reportSchema, { ...base, stage: "registered" })).toEqual({ companyName: "milestones.errors.companyName", companyUscc: "errors.required" });
    expect(errorsOf(reportSchema, { ...base, stage: "registered", companyName: "威高（青岛）有限公司", companyUscc: "91370202MA3C0IOS" })).toEqual({
      companyUscc: "enterprises.errors.usccPattern",
    });
    expect(errorsOf(reportSchema, { ...base, stage: "registered", companyName: "威高（青岛）有限公司", companyUscc: "91350200776049653a" })).toEqual({});
    expect(errorsOf(reportSchema, { ...base, stage: "land_secured" })).toEqual({ parcelId: "milestones.errors.parcelOrCarrier" });
    expect(errorsOf(reportSchema, { ...base, stage: "land_secured", note: "租用高新区创业园 3 号厂房 2,000 ㎡" })).toEqual({});
    expect(errorsOf(reportSchema, { ...base, stage: "construction" })).toEqual({});
  });

  it("refuses a date in the future, or none", () => {
    expect(errorsOf(reportSchema, { ...base, stage: "construction", actualDate: "2999-01-01" })).toEqual({ actualDate: "projects.errors.futureDate" });
    expect(errorsOf(reportSchema, { ...base, stage: "construction", actualDate: "" })).toEqual({ actualDate: "errors.required" });
    expect(errorsOf(reportSchema, { ...base, stage: "signed" })).toHaveProperty("stage");
  });

  it("upper-cases the credit code", () => {
    const r = reportSchema.parse({ ...base, stage: "registered", companyName: "某某有限公司", companyUscc: " 91350200776049653a " });
    expect(r.companyUscc).toBe("91350200776049653A");
  });

  it("returning a report needs a comment; approving does not", () => {
    expect(errorsOf(reviewSchema, { decision: "reject", comment: " ", version: 2 })).toEqual({ comment: "milestones.errors.commentRequired" });
    expect(errorsOf(reviewSchema, { decision: "approve", version: 2 })).toEqual({});
  });

  it("plans: each milestone's date or none", () => {
    const versions = { registered: 0, land_secured: 1, construction: 0, completed: 0, operating: 0 };
    const r = planSchema.parse({ dates: { registered: "2027-01-15", land_secured: "", construction: null }, versions });
    expect(r.dates).toEqual({ registered: "2027-01-15", land_secured: null, construction: null, completed: null, operating: null });
    expect(errorsOf(planSchema, { dates: { registered: "2027-02-30" }, versions })).toEqual({ "dates.registered": "projects.errors.date" });
  });
});

describe("signing form and funds", () => {
  const signing = { signingDate: "2023-04-06", agreementType: "investment", contractInvestmentYi: "4.5", version: 1 };
  it("keeps 一期投资 within the contract investment, and the free text within bounds", () => {
    expect(errorsOf(signingSchema, { ...signing, phase1InvestmentYi: "4.5" })).toEqual({});
    expect(errorsOf(signingSchema, { ...signing, phase1InvestmentYi: "4.5001" })).toEqual({ phase1InvestmentYi: "signing.errors.phase1OverContract" });
    expect(errorsOf(signingSchema, { ...signing, issues: "问".repeat(2001) })).toEqual({ issues: "projects.errors.tooLong2000" });
  });

  it("funds: a dated amount in 亿元, negative to correct, never 0", () => {
    expect(errorsOf(fundsEntrySchema, { receivedOn: "2024-01-05", amountYi: "1.25" })).toEqual({});
    expect(errorsOf(fundsEntrySchema, { receivedOn: "2024-01-05", amountYi: "-0.5" })).toEqual({});
    expect(errorsOf(fundsEntrySchema, { receivedOn: "2024-01-05", amountYi: "0.0000" })).toEqual({ amountYi: "signing.errors.zeroAmount" });
    expect(errorsOf(fundsEntrySchema, { receivedOn: "2024-01-05", amountYi: "1.23456" })).toEqual({ amountYi: "projects.errors.amount" });
    expect(errorsOf(fundsEntrySchema, { receivedOn: "", amountYi: "" })).toEqual({ receivedOn: "errors.required", amountYi: "errors.required" });
  });
});
