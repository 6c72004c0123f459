import { describe, expect, it } from "vitest";
import { checkTransition, isMilestoneStage, isSignedStage, MILESTONE_STAGES, nextStage, STAGES } from "@/lib/projects/stages";
import { stageChangeSchema } from "@/lib/projects/validation";

const at = (stage: (typeof STAGES)[number], status: "active" | "on_hold" | "lost" = "active", hasSigning = false) => ({ stage, status, hasSigning });

describe("the pipeline", () => {
  it("runs from 线索 to 投产 in the glossary's order", () => {
    expect(STAGES).toEqual(["lead", "negotiating", "intent", "signed", "registered", "land_secured", "construction", "completed", "operating"]);
    expect(isSignedStage("intent")).toBe(false);
    expect(isSignedStage("signed")).toBe(true);
    expect(isSignedStage("operating")).toBe(true);
  });
});

describe("checkTransition", () => {
  it("a forward move needs nothing", () => {
    expect(checkTransition(at("lead"), { stage: "intent", status: "active" })).toEqual({ needs: [] });
  });

  it("moving back needs a reason", () => {
    expect(checkTransition(at("intent"), { stage: "negotiating", status: "active" })).toEqual({ needs: ["reason"] });
  });

  it("on hold and lost need a reason; reactivating does not", () => {
    expect(checkTransition(at("intent"), { stage: "intent", status: "on_hold" })).toEqual({ needs: ["reason"] });
    expect(checkTransition(at("intent"), { stage: "intent", status: "lost" })).toEqual({ needs: ["reason"] });
    expect(checkTransition(at("intent", "on_hold"), { stage: "intent", status: "active" })).toEqual({ needs: [] });
  });

  it("reaching 签约 for the first time needs the signing facts; an unsigned project cannot skip past 签约", () => {
    expect(checkTransition(at("intent"), { stage: "signed", status: "active" })).toEqual({ needs: ["signing"] });
    expect(checkTransition(at("lead"), { stage: "signed", status: "active" })).toEqual({ needs: ["signing"] });
    expect(checkTransition(at("lead"), { stage: "construction", status: "active" })).toEqual({ error: "signFirst" });
    expect(checkTransition(at("registered", "active", true), { stage: "signed", status: "active" })).toEqual({ needs: ["reason"] });
  });

  it("after 签约, moving forward is a stage report, on an active project and on its own", () => {
    expect(isMilestoneStage("signed")).toBe(false);
    expect(MILESTONE_STAGES).toEqual(["registered", "land_secured", "construction", "completed", "operating"]);
    expect(checkTransition(at("signed", "active", true), { stage: "registered", status: "active" })).toEqual({ needs: ["report"] });
    expect(checkTransition(at("registered", "active", true), { stage: "construction", status: "active" })).toEqual({ needs: ["report"] });
    expect(checkTransition(at("signed", "on_hold", true), { stage: "registered", status: "active" })).toEqual({ error: "reportAlone" });
    expect(checkTransition(at("signed", "active", true), { stage: "registered", status: "on_hold" })).toEqual({ error: "reportAlone" });
    // Moving back stays a direct change with a reason.
    expect(checkTransition(at("construction", "active", true), { stage: "registered", status: "active" })).toEqual({ needs: ["reason"] });
  });

  it("no change, and a stage move while on hold without reactivating, are errors", () => {
    expect(checkTransition(at("intent"), { stage: "intent", status: "active" })).toEqual({ error: "noChange" });
    expect(checkTransition(at("intent", "on_hold"), { stage: "signed", status: "on_hold" })).toEqual({ error: "reactivateFirst" });
    expect(checkTransition(at("intent", "lost"), { stage: "negotiating", status: "active" })).toEqual({ needs: ["reason"] });
  });
});

describe("stageChangeSchema", () => {
  const errorsOf = (from: ReturnType<typeof at>, input: Record<string, unknown>) => {
    const r = stageChangeSchema(from).safeParse({ version: 1, ...input });
    return r.success ? {} : Object.fromEntries(r.error.issues.map((i) => [i.path.join("."), i.message]));
  };

  it("asks for exactly what the change needs", () => {
    expect(errorsOf(at("intent"), { toStage: "signed", toStatus: "active" })).toEqual({ signingDate: "errors.required", contractInvestmentYi: "errors.required" });
    expect(errorsOf(at("intent"), { toStage: "signed", toStatus: "active", signingDate: "2026-02-30", contractInvestmentYi: "1.23456" })).toEqual({
      signingDate: "projects.errors.date",
      contractInvestmentYi: "projects.errors.amount",
    });
    expect(errorsOf(at("intent"), { toStage: "signed", toStatus: "active", signingDate: "2999-01-01", contractInvestmentYi: "60" })).toEqual({ signingDate: "projects.errors.futureDate" });
    expect(errorsOf(at("intent"), { toStage: "signed", toStatus: "active", signingDate: "2026-02-28", contractInvestmentYi: "60", phase1InvestmentYi: "60.0001" })).toEqual({
      phase1InvestmentYi: "signing.errors.phase1OverContract",
    });
    expect(errorsOf(at("intent"), { toStage: "signed", toStatus: "active", signingDate: "2026-02-28", contractInvestmentYi: "60", agreementType: "deal" })).toEqual({
      agreementType: "errors.required",
    });
    expect(errorsOf(at("intent"), { toStage: "signed", toStatus: "active", signingDate: "2026-02-28", contractInvestmentYi: "60", eventId: "not-an-id" })).toEqual({
      eventId: "errors.invalidChoice",
    });
    expect(errorsOf(at("intent"), { toStage: "signed", toStatus: "active", signingDate: "2026-02-28", contractInvestmentYi: "60", phase1InvestmentYi: "20" })).toEqual({});
    expect(errorsOf(at("signed", "active", true), { toStage: "registered", toStatus: "active" })).toEqual({ toStage: "projects.errors.reportRequired" });
    expect(errorsOf(at("intent"), { toStage: "lead", toStatus: "active", reason: "  " })).toEqual({ reason: "projects.errors.reasonRequired" });
    expect(errorsOf(at("intent"), { toStage: "intent", toStatus: "active" })).toEqual({ toStage: "projects.errors.noChange" });
  });
});

describe("the next stage a district uses", () => {
  it("skips the stages the district hid, and there is none after 投产", () => {
    expect(nextStage("lead")).toBe("negotiating");
    expect(nextStage("lead", ["negotiating"])).toBe("intent");
    expect(nextStage("lead", ["negotiating", "intent"])).toBe("signed");
    expect(nextStage("operating")).toBeUndefined();
  });
});
