import { z } from "zod";
import { checklistItemStatusEnum, dueAnchorEnum, templateKindEnum } from "@/db/schema/enums";
import { optionalDate, optionalUuid, orNone, pastDay, text, version } from "@/lib/validation";

// Messages are i18n keys; "workflows.errors.*" live in lib/i18n/messages/*/workflows.json.
export const TEMPLATE_KINDS = templateKindEnum.enumValues;
export const ITEM_STATUSES = checklistItemStatusEnum.enumValues;
export const DUE_ANCHORS = dueAnchorEnum.enumValues;

export const templateSchema = z.object({
  name: text().min(2, "workflows.errors.nameLength").max(60, "workflows.errors.nameLength"),
  code: z
    .string()
    .trim()
    .min(1, "errors.required")
    .max(40, "errors.tooLong40")
    .regex(/^[A-Za-z0-9_-]+$/, "errors.codeChars"),
  kind: z.enum(TEMPLATE_KINDS, { error: "errors.required" }),
  description: text().max(2000, "projects.errors.tooLong2000").default(""),
  /** Phases in order, one per line in the form. */
  phases: z
    .union([z.string(), z.array(z.string())])
    .default("")
    .transform((v) => [...new Set((Array.isArray(v) ? v : v.split(/\r?\n/)).map((p) => p.trim()).filter(Boolean))])
    // Checked on the whole list, so the message sits on the one field the form has.
    .pipe(
      z
        .array(text())
        .max(12, "workflows.errors.tooManyPhases")
        .refine((phases) => phases.every((p) => p.length <= 20), "workflows.errors.phaseLength"),
    ),
  active: z.boolean().default(true),
  version,
});
export type TemplateInput = z.input<typeof templateSchema>;

export const templateItemSchema = z.object({
  phase: text().max(20, "workflows.errors.phaseLength").default(""),
  category: text().max(40, "errors.tooLong40").default(""),
  title: text().min(2, "workflows.errors.titleLength").max(100, "workflows.errors.titleLength"),
  description: text().max(500, "projects.errors.tooLong500").default(""),
  responsibleDepartment: text().max(40, "errors.tooLong40").default(""),
  // Empty means no deadline. (A union here would report a bad number as a generic "invalid input".)
  dueOffsetDays: z.preprocess(
    (v) => (v === "" || v === null || v === undefined ? null : v),
    z.coerce.number({ error: "workflows.errors.offset" }).int("workflows.errors.offset").min(0, "workflows.errors.offset").max(3650, "workflows.errors.offset").nullable(),
  ),
  dueAnchor: z.enum(DUE_ANCHORS).default("start"),
  evidenceRequired: z.boolean().default(false),
  version: z.coerce.number().int().min(0).default(0),
});
export type TemplateItemInput = z.input<typeof templateItemSchema>;

/** Start a checklist from a template, for a park (or one of its zones) or a signed project. */
export const applySchema = z.object({
  templateId: z.uuid({ error: "workflows.errors.templateRequired" }),
  parkId: optionalUuid,
  zoneId: optionalUuid,
  projectId: optionalUuid,
  /** Responsible unit (park checklists); a project's checklist belongs to the project's unit. */
  unitId: optionalUuid,
  ownerId: optionalUuid,
  startedOn: pastDay(),
});
export type ApplyInput = z.input<typeof applySchema>;

/** A full http(s) link: evidence opens in the browser, so no javascript:, file: or bare names. */
export function isWebLink(value: string): boolean {
  if (!/^https?:\/\//i.test(value)) return false;
  try {
    return Boolean(new URL(value).hostname);
  } catch {
    return false;
  }
}
const webLink = text().max(2000, "workflows.errors.url").refine(isWebLink, "workflows.errors.url");

const evidenceLink = z.object({
  label: text().max(60, "errors.tooLong60").default(""),
  url: webLink,
});

/** An item's state: status, owner, due date, progress, completion date, evidence links. */
export const itemUpdateSchema = z.object({
  status: z.enum(ITEM_STATUSES),
  ownerId: optionalUuid,
  dueDate: optionalDate,
  completedOn: orNone(pastDay()),
  progressNote: text().max(1000, "workflows.errors.tooLong1000").default(""),
  evidence: z.array(evidenceLink).max(20, "workflows.errors.tooManyLinks").default([]),
  version,
});
export type ItemUpdateInput = z.input<typeof itemUpdateSchema>;

/** A checklist item as its "更新" form shows it ("" for none): what a save is merged over (parseVersionedSave). */
export function itemFormValues(i: {
  status: (typeof ITEM_STATUSES)[number];
  ownerId: string | null;
  dueDate: string | null;
  completedOn: string | null;
  progressNote: string;
  evidence: { label: string; url: string }[];
  version: number;
}) {
  return {
    status: i.status,
    ownerId: i.ownerId ?? "",
    dueDate: i.dueDate ?? "",
    completedOn: i.completedOn ?? "",
    progressNote: i.progressNote,
    evidence: i.evidence,
    version: i.version,
  };
}

/** Close an item in one step (the steward's worklist): a note and, if asked for, a link. */
export const closeItemSchema = z.object({
  note: text().max(1000, "workflows.errors.tooLong1000").default(""),
  evidenceUrl: z.union([z.literal(""), webLink]).default(""),
  version,
});
export type CloseItemInput = z.input<typeof closeItemSchema>;


/** /service's filters, from the URL: one project or park ("project:<id>", "park:<id>"), overdue only. Anything malformed is ignored. */
export const worklistParamsSchema = z.object({
  target: z
    .string()
    .regex(/^(project|park):[0-9a-f-]{36}$/i)
    .optional()
    .catch(undefined),
  overdue: z.literal("1").optional().catch(undefined),
});
export type WorklistParams = z.output<typeof worklistParamsSchema>;
