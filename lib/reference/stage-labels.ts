import { and, count, inArray, isNull } from "drizzle-orm";
import type { Db, DbOrTx } from "@/db/client";
import { projects, stageLabels } from "@/db/schema";
import type { ProjectStage } from "@/db/schema/enums";
import { writeAudit } from "@/lib/audit";
import { assertRole, type Viewer } from "@/lib/auth/roles";
import { ValidationError } from "@/lib/errors";
import type { Locale } from "@/lib/i18n/config";
import { STAGES } from "@/lib/projects/stages";
import { parseOrThrow } from "@/lib/validation";
import zhProjects from "@/lib/i18n/messages/zh-CN/projects.json";
import { stageLabelsSchema } from "./validation";

type Ctx = { ip?: string | null };

/** Every stage with the district's label (empty: built-in) and whether it is hidden, in pipeline order. */
export async function listStageLabels(db: DbOrTx) {
  const rows = await db.select().from(stageLabels);
  const byStage = new Map(rows.map((r) => [r.stage, r]));
  return STAGES.map((stage) => ({ stage, labelZh: byStage.get(stage)?.labelZh ?? "", labelEn: byStage.get(stage)?.labelEn ?? "", hidden: byStage.get(stage)?.hidden ?? false }));
}
export type StageLabelRow = Awaited<ReturnType<typeof listStageLabels>>[number];

/**
 * The `stages` messages with the district's labels over the built-in ones, so every place that
 * names a stage (board, lists, stepper, timeline, dashboard, exports) uses them.
 */
export function stageMessages(rows: StageLabelRow[], locale: Locale, builtIn: Record<string, string>): Record<string, string> {
  const out = { ...builtIn };
  for (const r of rows) {
    const label = locale === "en" ? r.labelEn : r.labelZh;
    if (label) out[r.stage] = label;
  }
  return out;
}

/** The stages the district does not use: left off the board and the stepper unless a project is at them. */
export function hiddenStages(rows: StageLabelRow[]): Set<ProjectStage> {
  return new Set(rows.filter((r) => r.hidden).map((r) => r.stage));
}

/** The stages a filter offers: every stage the district uses, in pipeline order (a hidden one only while `keep` names it, so a bookmarked filter still shows what it filters by). */
export function shownStages(rows: StageLabelRow[], keep: readonly ProjectStage[] = []): ProjectStage[] {
  const hidden = hiddenStages(rows);
  return STAGES.filter((s) => !hidden.has(s) || keep.includes(s));
}

/** Rows per stage (a funnel, a conversion) less the hidden stages where `count` is 0: a stage the district does not use shows only while some project is at it. */
export function withoutHiddenEmpty<R extends { stage: ProjectStage }>(rows: R[], hidden: Set<ProjectStage>, count: (r: R) => number): R[] {
  return rows.filter((r) => !hidden.has(r.stage) || count(r) !== 0);
}

/** Each stage's Chinese name as the district calls it: exports are in Chinese whatever the UI language. */
export function chineseStageNames(rows: StageLabelRow[]): Record<ProjectStage, string> {
  return stageMessages(rows, "zh-CN", zhProjects.stages) as Record<ProjectStage, string>;
}

/** Admins rename stages and hide those not used; a stage some project is at cannot be hidden. Audited per stage. */
export async function saveStageLabels(db: Db, viewer: Viewer, input: unknown, ctx: Ctx = {}) {
  assertRole(viewer, "admin");
  const { stages } = parseOrThrow(stageLabelsSchema, input);
  return db.transaction(async (tx) => {
    const hiding = stages.filter((s) => s.hidden).map((s) => s.stage);
    if (hiding.length) {
      const used = await tx
        .select({ stage: projects.stage, n: count() })
        .from(projects)
        .where(and(inArray(projects.stage, hiding), isNull(projects.archivedAt)))
        .groupBy(projects.stage);
      if (used.length) {
        const fields: Record<string, string[]> = {};
        for (const u of used) fields[`stages.${STAGES.indexOf(u.stage)}.hidden`] = ["stageLabels.errors.inUse"];
        throw new ValidationError(fields, "stageLabels.errors.inUse");
      }
    }
    const before = new Map((await listStageLabels(tx)).map((r) => [r.stage, r]));
    for (const s of stages) {
      const was = before.get(s.stage)!;
      if (was.labelZh === s.labelZh && was.labelEn === s.labelEn && was.hidden === s.hidden) continue;
      await tx
        .insert(stageLabels)
        .values(s)
        .onConflictDoUpdate({ target: stageLabels.stage, set: { labelZh: s.labelZh, labelEn: s.labelEn, hidden: s.hidden } });
      const changed = (["labelZh", "labelEn", "hidden"] as const).filter((k) => was[k] !== s[k]);
      await writeAudit(tx, {
        actorId: viewer.id,
        action: "update",
        entityType: "stage_label",
        entityId: s.stage,
        before: Object.fromEntries(changed.map((k) => [k, was[k]])),
        after: Object.fromEntries(changed.map((k) => [k, s[k]])),
        ip: ctx.ip,
      });
    }
    return listStageLabels(tx);
  });
}

