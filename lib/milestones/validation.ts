import { z } from "zod";
import { USCC_PATTERN, normaliseUscc } from "@/lib/enterprises/uscc";
import { optionalDate, optionalUuid, pastDate, text } from "@/lib/validation";
import { MILESTONE_STAGES, REPORT_FACTS } from "./rules";

// Messages are i18n keys; "milestones.errors.*" live in lib/i18n/messages/*/landing.json.

/**
 * A stage report: the date the stage was reached and the facts it needs. `submit` sends it
 * for review (otherwise it is saved as a draft); `confirmOrder` is the user's yes to a report
 * out of the usual order; `version` is the milestone's (0 when there is none yet).
 */
export const reportSchema = z
  .object({
    stage: z.enum(MILESTONE_STAGES),
    actualDate: pastDate,
    companyName: text().max(100, "milestones.errors.companyName").default(""),
    companyUscc: z
      .string()
      .default("")
      .transform((v) => normaliseUscc(v)),
    parcelId: optionalUuid,
    note: text().max(500, "projects.errors.tooLong500").default(""),
    submit: z.boolean().default(false),
    confirmOrder: z.boolean().default(false),
    version: z.coerce.number().int().min(0),
  })
  .superRefine((v, ctx) => {
    const facts = REPORT_FACTS[v.stage];
    if (facts.includes("companyName") && v.companyName.length < 2) ctx.addIssue({ code: "custom", path: ["companyName"], message: "milestones.errors.companyName" });
    if (facts.includes("companyUscc")) {
      if (!v.companyUscc) ctx.addIssue({ code: "custom", path: ["companyUscc"], message: "errors.required" });
      else if (!USCC_PATTERN.test(v.companyUscc)) ctx.addIssue({ code: "custom", path: ["companyUscc"], message: "enterprises.errors.usccPattern" });
    }
    // 供地 is a parcel, or a lease of built space (载体) described in the note.
    if (facts.includes("parcelId") && !v.parcelId && !v.note) ctx.addIssue({ code: "custom", path: ["parcelId"], message: "milestones.errors.parcelOrCarrier" });
  });
export type ReportInput = z.input<typeof reportSchema>;
export type ReportValues = z.output<typeof reportSchema>;

/** Approve, or return with a comment that says what to correct. */
export const reviewSchema = z
  .object({
    decision: z.enum(["approve", "reject"]),
    comment: text().max(500, "projects.errors.tooLong500").default(""),
    version: z.coerce.number().int().positive(),
  })
  .superRefine((v, ctx) => {
    if (v.decision === "reject" && !v.comment) ctx.addIssue({ code: "custom", path: ["comment"], message: "milestones.errors.commentRequired" });
  });
export type ReviewInput = z.input<typeof reviewSchema>;

/** Several reports approved at once on 待审核: each with the version the reviewer saw. */
export const bulkApproveSchema = z.object({
  reports: z
    .array(z.object({ id: z.uuid(), version: z.coerce.number().int().positive() }))
    .min(1, "reviews.errors.noneChosen")
    .max(200, "reviews.errors.tooMany"),
});
export type BulkApproveInput = z.input<typeof bulkApproveSchema>;

/** The planned date of each milestone (empty: not planned), with the versions they were loaded at. */
export const planSchema = z.object({
  dates: z.object(Object.fromEntries(MILESTONE_STAGES.map((s) => [s, optionalDate])) as Record<(typeof MILESTONE_STAGES)[number], typeof optionalDate>),
  versions: z.object(Object.fromEntries(MILESTONE_STAGES.map((s) => [s, z.coerce.number().int().min(0)])) as Record<(typeof MILESTONE_STAGES)[number], z.ZodCoercedNumber>),
});
export type PlanInput = z.input<typeof planSchema>;
