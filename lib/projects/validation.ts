import { z } from "zod";
import {
  activityKindEnum,
  capitalOriginEnum,
  projectSourceEnum,
  taskStatusEnum,
  type ProjectStage,
} from "@/db/schema/enums";
import { csv, idOrNone, optionalDate, optionalFilterDate, optionalFilterYi, optionalUuid, pastDay, text, version, yiAmount } from "@/lib/validation";
import { yuanToYiInput } from "@/lib/money";
import { signingFactsSchema } from "@/lib/signings/validation";
import { checkTransition, STAGES, STATUSES, type ProjectPosition } from "./stages";

// Messages are i18n keys; "projects.errors.*" live in lib/i18n/messages/*/projects.json.
export const SOURCES = projectSourceEnum.enumValues;
export const CAPITAL_ORIGINS = capitalOriginEnum.enumValues;
export const ACTIVITY_KINDS = activityKindEnum.enumValues;
export const TASK_STATUSES = taskStatusEnum.enumValues;

export const projectSchema = z.object({
  name: text().min(2, "projects.errors.nameLength").max(100, "projects.errors.nameLength"),
  enterpriseId: z.uuid({ error: "projects.errors.enterpriseRequired" }),
  industryChainId: optionalUuid,
  /** 来源活动: the 推介会 the lead came from. */
  sourceEventId: optionalUuid,
  source: z.enum(SOURCES, { error: "errors.required" }),
  totalInvestmentYi: yiAmount,
  capitalOrigin: z.enum(CAPITAL_ORIGINS, { error: "errors.required" }),
  ownerId: z.uuid({ error: "errors.required" }),
  unitId: z.uuid({ error: "errors.required" }),
  responsibleLeader: text().max(50, "errors.tooLong50").default(""),
  isKey: z.boolean().default(false),
  expectedSigningDate: optionalDate,
  description: text().max(2000, "projects.errors.tooLong2000").default(""),
});
export type ProjectInput = z.input<typeof projectSchema>;
export type ProjectValues = z.output<typeof projectSchema>;

export const updateProjectSchema = projectSchema.extend({ version });
export type ProjectFormValues = z.input<typeof updateProjectSchema> & { version: number };

/** A project as its edit form shows it (amounts in 亿元, "" for none): what a save is merged over. */
export function projectFormValues(p: {
  name: string;
  enterpriseId: string;
  industryChainId: string | null;
  sourceEventId: string | null;
  source: (typeof SOURCES)[number];
  totalInvestment: string;
  capitalOrigin: (typeof CAPITAL_ORIGINS)[number];
  ownerId: string;
  unitId: string;
  responsibleLeader: string;
  isKey: boolean;
  expectedSigningDate: string | null;
  description: string;
  version: number;
}): ProjectFormValues {
  return {
    name: p.name,
    enterpriseId: p.enterpriseId,
    industryChainId: p.industryChainId ?? "",
    sourceEventId: p.sourceEventId ?? "",
    source: p.source,
    totalInvestmentYi: yuanToYiInput(p.totalInvestment),
    capitalOrigin: p.capitalOrigin,
    ownerId: p.ownerId,
    unitId: p.unitId,
    responsibleLeader: p.responsibleLeader,
    isKey: p.isKey,
    expectedSigningDate: p.expectedSigningDate ?? "",
    description: p.description,
    version: p.version,
  };
}

/**
 * A stage or status change, checked against where the project stands now: the same rules
 * (lib/projects/stages.ts) on the board's dialog, the detail page and the server. Reaching
 * 签约 carries the signing facts (lib/signings/validation.ts); a move past 签约 is a stage
 * report instead (lib/milestones), so it is refused here.
 */
export function stageChangeSchema(from: ProjectPosition) {
  return z
    .object({
      toStage: z.enum(STAGES),
      toStatus: z.enum(STATUSES),
      reason: text().max(500, "projects.errors.tooLong500").default(""),
      signingDate: text().default(""),
      agreementType: text().default("investment"),
      contractInvestmentYi: text().default(""),
      phase1InvestmentYi: text().default(""),
      eventId: text().nullish(),
      stewardId: text().nullish(),
      responsibleUnitId: text().nullish(),
      responsibleLeader: text().default(""),
      version,
    })
    .superRefine((v, ctx) => {
      const result = checkTransition(from, { stage: v.toStage, status: v.toStatus });
      if ("error" in result) {
        ctx.addIssue({ code: "custom", path: ["toStage"], message: `projects.errors.${result.error}` });
        return;
      }
      if (result.needs.includes("report")) {
        ctx.addIssue({ code: "custom", path: ["toStage"], message: "projects.errors.reportRequired" });
        return;
      }
      if (result.needs.includes("reason") && !v.reason) ctx.addIssue({ code: "custom", path: ["reason"], message: "projects.errors.reasonRequired" });
      if (result.needs.includes("signing")) {
        const facts = signingFactsSchema.safeParse(v);
        if (!facts.success) for (const issue of facts.error.issues) ctx.addIssue({ code: "custom", path: issue.path, message: issue.message });
      }
    });
}
export type StageChangeInput = z.input<ReturnType<typeof stageChangeSchema>>;

export const activitySchema = z.object({
  kind: z.enum(ACTIVITY_KINDS, { error: "errors.required" }),
  // "Today" is China's date: at 00:30 in Qingdao it is still yesterday in UTC.
  occurredOn: pastDay(),
  participants: text().max(200, "projects.errors.tooLong200").default(""),
  summary: text().min(1, "errors.required").max(2000, "projects.errors.tooLong2000"),
  nextStep: text().max(500, "projects.errors.tooLong500").default(""),
});
export type ActivityInput = z.input<typeof activitySchema>;

export const taskSchema = z.object({
  title: text().min(1, "errors.required").max(200, "projects.errors.tooLong200"),
  assigneeId: z.uuid({ error: "errors.required" }),
  dueDate: optionalDate,
});
export type TaskInput = z.input<typeof taskSchema>;

export const SORTS = [
  "name",
  "enterprise",
  "stage",
  "status",
  "totalInvestment",
  "chain",
  "owner",
  "unit",
  "source",
  "expectedSigningDate",
  "createdAt",
  "updatedAt",
] as const;
export type ProjectSort = (typeof SORTS)[number];
export const PAGE_SIZES = [20, 50, 100, 200] as const;

/**
 * Investor classes over the enterprise's tags and ownership: 三个500强 (世界500强, 中国500强,
 * 民营500强), 央企 (the tag or the ownership type) and 上市公司.
 */
export const INVESTOR_CLASSES = ["top500", "central_soe", "listed"] as const;
export type InvestorClass = (typeof INVESTOR_CLASSES)[number];
export const TOP500_TAGS = ["世界500强", "中国500强", "民营500强"] as const;

/** The list's state, as kept in the URL. Anything malformed is dropped rather than refused. */
export const projectFiltersSchema = z.object({
  q: text().max(100).optional().catch(undefined),
  stage: csv<ProjectStage>(STAGES),
  status: csv(STATUSES),
  chain: idOrNone,
  owner: z.uuid().optional().catch(undefined),
  unit: z.uuid().optional().catch(undefined),
  /** With `unit`: that unit's own projects only, not its subtree's. */
  unitOnly: z.enum(["1"]).optional().catch(undefined),
  /** 落地园区. */
  park: idOrNone,
  /** 来源活动: the leads an event produced. */
  sourceEvent: z.uuid().optional().catch(undefined),
  source: csv(SOURCES),
  minYi: optionalFilterYi,
  maxYi: optionalFilterYi,
  createdFrom: optionalFilterDate,
  createdTo: optionalFilterDate,
  updatedFrom: optionalFilterDate,
  updatedTo: optionalFilterDate,
  key: z.enum(["1"]).optional().catch(undefined),
  // The filters below are what the dashboard's figures open (lib/dashboard/links.ts); the list
  // form keeps them as they are and names them above the list.
  /** The pipeline as it stood at the end of this day: `stage` and `status` then apply to the position replayed from the stage events. */
  asOf: optionalFilterDate,
  /** Reached this stage or a later one (from the stage events; by the end of `asOf` when given). */
  reached: z.enum(STAGES).optional().catch(undefined),
  /** With an activity (跟进记录) of these kinds, dated from `activityFrom` to `activityTo`. */
  activity: csv(ACTIVITY_KINDS),
  activityFrom: optionalFilterDate,
  activityTo: optionalFilterDate,
  investor: z.enum(INVESTOR_CLASSES).optional().catch(undefined),
  /** Active, not yet 投产, with no activity for this many days (counted from creation when there is none). */
  stalled: z.coerce.number().int().min(1).max(3650).optional().catch(undefined),
  /** With an open task past its due date. */
  overdue: z.enum(["1"]).optional().catch(undefined),
});
export type ProjectFilters = z.output<typeof projectFiltersSchema>;

export const projectListSchema = projectFiltersSchema.extend({
  sort: z.enum(SORTS).catch("updatedAt").default("updatedAt"),
  dir: z.enum(["asc", "desc"]).catch("desc").default("desc"),
  page: z.coerce.number().int().min(1).max(100_000).catch(1).default(1),
  size: z.coerce
    .number()
    .int()
    .refine((n) => (PAGE_SIZES as readonly number[]).includes(n))
    .catch(50)
    .default(50),
});
export type ProjectListParams = z.output<typeof projectListSchema>;
