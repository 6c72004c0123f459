import { z } from "zod";
import { yuanToYiInput } from "@/lib/money";
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

/** A target as its edit form shows it (amounts in 亿元, "" for no officer): what a save is merged over (parseVersionedSave). */
export function targetFormValues(t: {
  year: number;
  unitId: string;
  ownerId: string | null;
  signedCount: number;
  signedInvestment: string;
  constructionStarts: number;
  operatingProjects: number;
  version: number;
}) {
  return {
    year: t.year,
    unitId: t.unitId,
    ownerId: t.ownerId ?? "",
    signedCount: String(t.signedCount),
    signedInvestmentYi: yuanToYiInput(t.signedInvestment),
    constructionStarts: String(t.constructionStarts),
    operatingProjects: String(t.operatingProjects),
    version: t.version,
  };
}
export type UpdateTargetInput = z.input<typeof updateTargetSchema>;

/** /admin/targets?year=: the year shown, this year by default. */
export const targetListSchema = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional().catch(undefined),
});
