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

/** A unit as its edit form shows it ("" for no parent): what a save is merged over (parseVersionedSave). */
export function unitFormValues(u: { name: string; code: string; parentId: string | null; sortOrder: number; version: number }) {
  return { name: u.name, code: u.code, parentId: u.parentId ?? "", sortOrder: u.sortOrder, version: u.version };
}
