import { boolean, integer, pgTable, text } from "drizzle-orm/pg-core";
import { id, timestamps, version } from "./columns";
import { projectStageEnum } from "./enums";

/** 产业链: the district's industry-chain taxonomy ("3+1", "1+2+1"), editable by admins. */
export const industryChains = pgTable("industry_chains", {
  id: id(),
  code: text().notNull().unique(),
  name: text().notNull(),
  /** The system the chain belongs to, e.g. "3+1" (市北区) or "1+2+1" (青岛高新区). */
  system: text().notNull().default(""),
  sortOrder: integer().notNull().default(0),
  active: boolean().notNull().default(true),
  ...timestamps,
  version: version(),
});

export type IndustryChain = typeof industryChains.$inferSelect;

/**
 * A district's names for the pipeline stages, and the stages it does not use. The keys stay
 * fixed (every rule and report is by key); a row overrides the built-in label of its stage,
 * an empty label keeps the built-in one. Edited by admins at /admin/stages.
 */
export const stageLabels = pgTable("stage_labels", {
  stage: projectStageEnum().primaryKey(),
  labelZh: text().notNull().default(""),
  labelEn: text().notNull().default(""),
  hidden: boolean().notNull().default(false),
  ...timestamps,
  version: version(),
});
export type StageLabel = typeof stageLabels.$inferSelect;
