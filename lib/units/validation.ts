import { z } from "zod";
import { text } from "@/lib/validation";

export const unitSchema = z.object({
  name: text().min(1, "errors.required").max(60, "errors.tooLong60"),
  code: z
    .string()
    .trim()
    .min(1, "errors.required")
    .max(40, "errors.tooLong40")
    .regex(/^[A-Za-z0-9_-]+$/, "errors.codeChars"),
  parentId: z.union([z.uuid(), z.literal("")]).transform((v) => v || null),
  sortOrder: z.coerce.number().int().min(0).max(9999).default(0),
});
export type UnitInput = z.input<typeof unitSchema>;

export const updateUnitSchema = unitSchema.extend({ version: z.coerce.number().int().positive() });
