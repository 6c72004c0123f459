import { z } from "zod";
import { text } from "@/lib/validation";
import { importKindEnum } from "@/db/schema/enums";

// Shared by the import page (client) and the server. Messages are i18n keys ("imports.errors.*" in dataio.json).

export const IMPORT_KINDS = importKindEnum.enumValues;
export const IMPORT_MODES = ["dry", "commit"] as const;
export type ImportMode = (typeof IMPORT_MODES)[number];

/** Header → field ("" leaves the column out). */
export const mappingSchema = z.record(z.string().max(200), z.string().max(40)).refine((m) => Object.keys(m).length <= 200, "imports.errors.mapping");
export type Mapping = z.infer<typeof mappingSchema>;

/** The query of POST /api/v1/imports (the file itself is the body). */
export const importRequestSchema = z.object({
  kind: z.enum(IMPORT_KINDS, { error: "imports.errors.kind" }),
  mode: z.enum(IMPORT_MODES).default("dry"),
  fileName: text().min(1, "imports.errors.fileName").max(200, "imports.errors.fileName"),
  /** JSON of the mapping; absent: worked out from the headers. */
  mapping: z
    .string()
    .max(20_000)
    .optional()
    .transform((s, ctx) => {
      if (!s) return null;
      try {
        const parsed = mappingSchema.safeParse(JSON.parse(s));
        if (parsed.success) return parsed.data;
      } catch {
        // reported below
      }
      ctx.addIssue({ code: "custom", message: "imports.errors.mapping" });
      return z.NEVER;
    }),
  /** Commit the valid rows and leave out the invalid ones (otherwise any invalid row refuses the whole import). */
  skipInvalid: z.enum(["1", "0"]).default("0").transform((v) => v === "1"),
});
export type ImportRequest = z.output<typeof importRequestSchema>;

/** 保存映射: a named mapping for one kind of file. */
export const saveMappingSchema = z.object({
  kind: z.enum(IMPORT_KINDS),
  name: text().min(1, "errors.required").max(50, "errors.tooLong50"),
  mapping: mappingSchema,
});
export type SaveMappingInput = z.input<typeof saveMappingSchema>;

export const IMPORT_PAGE_SIZE = 20;
