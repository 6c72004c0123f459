import { z } from "zod";
import { optionalUuid, version, yiAmount } from "@/lib/validation";

// Messages are i18n keys; "targets.errors.*" live in lib/i18n/messages/*/dashboard.json.

/** A whole number of projects, typed in a form (a string) or given by a script (a number). */
const count = z.coerce
  .string()
  .trim()
  .min(1, "errors.required")
  .regex(/^\d{1,6}$/, "targets.errors.count")
  .transform(Number);

/**
 * 目标: what a unit (or one of its officers) is to achieve in a year. The signed investment is
 * typed in 亿元 and stored in 元.
 */
export const targetSchema = z.object({
  year: z.coerce.number({ error: "targets.errors.year" }).int("targets.errors.year").min(2000, "targets.errors.year").max(2100, "targets.errors.year"),
  unitId: z.uuid({ error: "errors.required" }),
  ownerId: optionalUuid,
  signedCount: count,
  signedInvestmentYi: yiAmount,
  constructionStarts: count,
  operatingProjects: count,
});
export type TargetInput = z.input<typeof targetSchema>;
export type TargetValues = z.output<typeof targetSchema>;

export const updateTargetSchema = targetSchema.extend({ version });
export type UpdateTargetInput = z.input<typeof updateTargetSchema>;

/** /admin/targets?year=: the year shown, this year by default. */
export const targetListSchema = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional().catch(undefined),
});
