/** /api/v1/search: the top bar's global search as JSON (lib/search). */
import { z } from "zod";
import { eventKindEnum, parcelStatusEnum, projectStageEnum, projectStatusEnum } from "@/db/schema/enums";
import { MIN_SEARCH_LENGTH } from "@/lib/search/validation";
import { dateOut, muOut, uuidOut } from "./shared";

export { searchQuerySchema as searchApiQuerySchema } from "@/lib/search/validation";

const group = <K extends string, T extends z.ZodType>(kind: K, item: T) =>
  z.object({
    kind: z.literal(kind),
    total: z.number().int().describe("How many match in all (the list page filtered by the same text counts the same)"),
    items: z.array(item).describe("The best `limit` matches: a match in the name first"),
  });

export const searchOut = z.object({
  q: z.string().describe("The text searched, trimmed"),
  searchable: z.boolean().describe(`False when the text has fewer than ${MIN_SEARCH_LENGTH} characters: nothing was looked up`),
  hint: z.string().nullable().describe("What to do when nothing was looked up, in the caller's language"),
  groups: z
    .array(
      z.discriminatedUnion("kind", [
        group(
          "projects",
          z.object({
            id: uuidOut,
            name: z.string(),
            stage: z.enum(projectStageEnum.enumValues),
            status: z.enum(projectStatusEnum.enumValues),
            ownerName: z.string(),
            enterpriseName: z.string(),
          }),
        ),
        group(
          "enterprises",
          z.object({
            id: uuidOut,
            name: z.string(),
            uscc: z.string().nullable(),
            headquarters: z.string(),
            contactName: z.string().nullable().describe("A contact whose name matches, when there is one"),
          }),
        ),
        group(
          "parcels",
          z.object({
            id: uuidOut,
            code: z.string(),
            parkName: z.string(),
            zoneName: z.string().nullable(),
            location: z.string(),
            areaMu: muOut,
            status: z.enum(parcelStatusEnum.enumValues),
          }),
        ),
        group("events", z.object({ id: uuidOut, name: z.string(), kind: z.enum(eventKindEnum.enumValues), heldOn: dateOut, place: z.string() })),
      ]),
    )
    .describe("项目, 企业, 地块, 招商活动 in that order; empty when nothing was looked up"),
});
export type SearchOut = z.infer<typeof searchOut>;
