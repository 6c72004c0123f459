import type { ProjectStage, ReviewStatus } from "@/db/schema/enums";
import type { Viewer } from "@/lib/auth/roles";
import { MILESTONE_STAGES, stageIndex, type MilestoneStage } from "@/lib/projects/stages";

/**
 * Stage reports (节点填报) and their review (审核). After 签约, each later stage is a milestone
 * with a planned and an actual date. Recording the actual date with the facts the stage needs
 * is a report: saved (draft) → submitted (pending) → approved, which moves the project to that
 * stage, or returned (rejected) with a comment, to be corrected and submitted again.
 */
export { MILESTONE_STAGES, type MilestoneStage };

/** What each stage's report states besides its date. */
export const REPORT_FACTS: Record<MilestoneStage, readonly ("companyName" | "companyUscc" | "parcelId")[]> = {
  registered: ["companyName", "companyUscc"],
  land_secured: ["parcelId"],
  construction: [],
  completed: [],
  operating: [],
};

/** A report can be edited while saved or returned; once submitted it waits for review, once approved it stands. */
export function isEditable(status: ReviewStatus | null): boolean {
  return status === null || status === "draft" || status === "rejected";
}

/** A report counts as having reached its stage (for ordering) when submitted or approved. */
function hasReached(m: { actualDate: string | null; reviewStatus: ReviewStatus | null }): m is { actualDate: string; reviewStatus: ReviewStatus } {
  return m.actualDate !== null && (m.reviewStatus === "pending" || m.reviewStatus === "approved");
}

export type OrderWarning =
  | { kind: "earlierMissing"; stages: MilestoneStage[] }
  | { kind: "beforeEarlier"; stage: MilestoneStage; date: string }
  | { kind: "laterAlready"; stage: MilestoneStage; date: string }
  | { kind: "beforeSigning"; date: string };

/**
 * Why a report looks out of the usual order (注册 → 供地 → 开工 → 竣工 → 投产), for the user to
 * confirm: an earlier stage not yet reported, a date before an earlier stage's date or before
 * the signing, or a later stage already reported with an earlier date. Stages the project had
 * already reached before milestones were kept count as reported.
 */
export function orderWarnings(input: {
  stage: MilestoneStage;
  actualDate: string;
  signingDate: string | null;
  projectStage: ProjectStage;
  others: { stage: MilestoneStage; actualDate: string | null; reviewStatus: ReviewStatus | null }[];
}): OrderWarning[] {
  const { stage, actualDate, signingDate, projectStage, others } = input;
  const at = stageIndex(stage);
  const byStage = new Map(others.map((m) => [m.stage, m]));
  const warnings: OrderWarning[] = [];
  const missing = MILESTONE_STAGES.filter((s) => stageIndex(s) < at && stageIndex(s) > stageIndex(projectStage) && !hasReached(byStage.get(s) ?? { actualDate: null, reviewStatus: null }));
  if (missing.length) warnings.push({ kind: "earlierMissing", stages: missing });
  for (const s of MILESTONE_STAGES) {
    const m = byStage.get(s);
    if (!m || s === stage || !hasReached(m)) continue;
    if (stageIndex(s) < at && m.actualDate > actualDate) warnings.push({ kind: "beforeEarlier", stage: s, date: m.actualDate });
    if (stageIndex(s) > at && m.actualDate < actualDate) warnings.push({ kind: "laterAlready", stage: s, date: m.actualDate });
  }
  if (signingDate && actualDate < signingDate) warnings.push({ kind: "beforeSigning", date: signingDate });
  return warnings;
}

/**
 * Who may approve or return a report: a manager of a unit above the project's unit, or an
 * admin — and never the person who submitted it. `ancestors` are the units strictly above
 * the project's unit.
 */
export function mayReview(viewer: Pick<Viewer, "id" | "role" | "unitId">, report: { ancestors: string[]; submittedById: string | null }): boolean {
  if (report.submittedById === viewer.id) return false;
  if (viewer.role === "admin") return true;
  return viewer.role === "manager" && report.ancestors.includes(viewer.unitId);
}

/** Approval moves the project forward to the report's stage, never back (a later stage may be approved already). */
export function stageAfterApproval(projectStage: ProjectStage, reportStage: MilestoneStage): ProjectStage {
  return stageIndex(reportStage) > stageIndex(projectStage) ? reportStage : projectStage;
}
