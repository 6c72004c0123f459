import { z } from "zod";
import { STAGES } from "@/lib/projects/stages";
import { text } from "@/lib/validation";

export const chainSchema = z.object({
  name: text().min(1, "errors.required").max(40, "errors.tooLong40"),
  code: z
    .string()
    .trim()
    .min(1, "errors.required")
    .max(40, "errors.tooLong40")
    .regex(/^[A-Za-z0-9_-]+$/, "errors.codeChars"),
  system: text().max(20, "chains.errors.systemTooLong").default(""),
  sortOrder: z.coerce.number().int().min(0).max(9999).default(0),
  active: z.boolean().default(true),
});

export const updateChainSchema = chainSchema.extend({ version: z.coerce.number().int().positive() });

/** An industry chain as its edit form shows it: what a save is merged over (parseVersionedSave). */
export function chainFormValues(c: { name: string; code: string; system: string; sortOrder: number; active: boolean; version: number }) {
  return { name: c.name, code: c.code, system: c.system, sortOrder: c.sortOrder, active: c.active, version: c.version };
}

/** A district's stage names (empty: the built-in one) and the stages it hides; the keys never change. */
export const stageLabelsSchema = z.object({
  stages: z
    .array(
      z.object({
        stage: z.enum(STAGES),
        labelZh: text().max(10, "stageLabels.errors.tooLong").default(""),
        labelEn: text().max(30, "stageLabels.errors.tooLong").default(""),
        hidden: z.boolean().default(false),
      }),
    )
    .max(STAGES.length),
});
export type StageLabelsInput = z.input<typeof stageLabelsSchema>;
