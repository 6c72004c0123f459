import { projectStageEnum, projectStatusEnum, type ProjectStage, type ProjectStatus } from "@/db/schema/enums";

/** The pipeline in order: 线索 → 在谈 → 意向 → 签约 → 注册 → 供地 → 开工 → 竣工 → 投产. */
export const STAGES = projectStageEnum.enumValues;
export const STATUSES = projectStatusEnum.enumValues;

export function stageIndex(stage: ProjectStage): number {
  return STAGES.indexOf(stage);
}

/** The stage after `stage` that the district uses (`hidden`: admin → 阶段名称), or undefined at 投产. */
export function nextStage(stage: ProjectStage, hidden: readonly ProjectStage[] = []): ProjectStage | undefined {
  return STAGES.slice(stageIndex(stage) + 1).find((s) => !hidden.includes(s));
}

/** Signed or beyond: the project has (or must have) its signing facts. */
export function isSignedStage(stage: ProjectStage): boolean {
  return stageIndex(stage) >= stageIndex("signed");
}

export type ProjectPosition = { stage: ProjectStage; status: ProjectStatus; hasSigning: boolean };
export type Target = { stage: ProjectStage; status: ProjectStatus };

/**
 * The stages after 签约, each reached by a stage report (节点填报) that a manager of a unit
 * above approves (lib/milestones): registered, land_secured, construction, completed, operating.
 */
export const MILESTONE_STAGES = STAGES.slice(STAGES.indexOf("signed") + 1) as Exclude<ProjectStage, "lead" | "negotiating" | "intent" | "signed">[];
export type MilestoneStage = (typeof MILESTONE_STAGES)[number];

export function isMilestoneStage(stage: ProjectStage): stage is MilestoneStage {
  return (MILESTONE_STAGES as ProjectStage[]).includes(stage);
}

/**
 * What a change asks for besides the target itself: a reason, the signing facts, or — for a
 * move forward past 签约 — a stage report, which moves the project only once approved.
 */
export type Need = "reason" | "signing" | "report";

/** Why a change is not allowed at all (message keys under projects.errors). */
export type TransitionError = "noChange" | "reactivateFirst" | "signFirst" | "reportAlone";

/**
 * The rules of the pipeline, used by the form, the board's dialog and the server alike:
 * - putting a project on hold (搁置) or dropping it (终止) needs a reason;
 * - moving back a stage needs a reason;
 * - reaching 签约 needs the signing facts (date, agreement, amounts…), and a project that has
 *   not signed cannot skip past 签约;
 * - after 签约, moving forward is a stage report (注册, 供地, 开工, 竣工, 投产) for review, on
 *   an active project and on its own; the stage moves when the report is approved;
 * - a project on hold or dropped changes stage only together with being reactivated.
 */
export function checkTransition(from: ProjectPosition, to: Target): { error: TransitionError } | { needs: Need[] } {
  const stageChanges = to.stage !== from.stage;
  const statusChanges = to.status !== from.status;
  if (!stageChanges && !statusChanges) return { error: "noChange" };
  if (stageChanges && from.status !== "active" && to.status !== "active") return { error: "reactivateFirst" };
  const forward = stageIndex(to.stage) > stageIndex(from.stage);
  if (forward && isMilestoneStage(to.stage)) {
    if (!from.hasSigning && !isSignedStage(from.stage)) return { error: "signFirst" };
    if (statusChanges || from.status !== "active") return { error: "reportAlone" };
    return { needs: ["report"] };
  }
  const needs: Need[] = [];
  if ((statusChanges && to.status !== "active") || stageIndex(to.stage) < stageIndex(from.stage)) needs.push("reason");
  if (isSignedStage(to.stage) && !from.hasSigning) needs.push("signing");
  return { needs };
}
