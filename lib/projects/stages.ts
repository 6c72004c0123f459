import { projectStageEnum, projectStatusEnum, type ProjectStage, type ProjectStatus } from "@/db/schema/enums";

/** The pipeline in order: 线索 → 在谈 → 意向 → 签约 → 注册 → 供地 → 开工 → 竣工 → 投产. */
export const STAGES = projectStageEnum.enumValues;
export const STATUSES = projectStatusEnum.enumValues;

export function stageIndex(stage: ProjectStage): number {
  return STAGES.indexOf(stage);
}

/** Signed or beyond: the project has (or must have) its signing facts. */
export function isSignedStage(stage: ProjectStage): boolean {
  return stageIndex(stage) >= stageIndex("signed");
}

export type ProjectPosition = { stage: ProjectStage; status: ProjectStatus; hasSigning: boolean };
export type Target = { stage: ProjectStage; status: ProjectStatus };

/** What a change asks for besides the target itself. */
export type Need = "reason" | "signing";

/** Why a change is not allowed at all (message keys under projects.errors). */
export type TransitionError = "noChange" | "reactivateFirst";

/**
 * The rules of the pipeline, used by the form, the board's dialog and the server alike:
 * - putting a project on hold (搁置) or dropping it (终止) needs a reason;
 * - moving back a stage needs a reason;
 * - reaching 签约 (or any later stage) the first time needs the signing date and contract investment;
 * - a project on hold or dropped changes stage only together with being reactivated.
 */
export function checkTransition(from: ProjectPosition, to: Target): { error: TransitionError } | { needs: Need[] } {
  const stageChanges = to.stage !== from.stage;
  const statusChanges = to.status !== from.status;
  if (!stageChanges && !statusChanges) return { error: "noChange" };
  if (stageChanges && from.status !== "active" && to.status !== "active") return { error: "reactivateFirst" };
  const needs: Need[] = [];
  if ((statusChanges && to.status !== "active") || stageIndex(to.stage) < stageIndex(from.stage)) needs.push("reason");
  if (isSignedStage(to.stage) && !from.hasSigning) needs.push("signing");
  return { needs };
}
