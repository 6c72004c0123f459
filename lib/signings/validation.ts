import { z } from "zod";
import { agreementTypeEnum } from "@/db/schema/enums";
import { todayInChina } from "@/lib/i18n/format";
import { YI_PATTERN, yiToYuan } from "@/lib/money";

// Messages are i18n keys: "errors.*" in base.json, "projects.errors.*" in projects.json, "signing.errors.*" in landing.json.
export const AGREEMENT_TYPES = agreementTypeEnum.enumValues;

const choice = z
  .union([z.uuid({ error: "errors.invalidChoice" }), z.literal(""), z.null()])
  .optional()
  .transform((v) => v || null);

const optionalYi = z
  .union([z.string().trim().regex(YI_PATTERN, "projects.errors.amount"), z.literal(""), z.null()])
  .optional()
  .transform((v) => v || null);

/** YYYY-MM-DD, a real calendar date, not after today in China. */
export const pastDate = z
  .string({ error: "errors.required" })
  .trim()
  .min(1, { error: "errors.required", abort: true })
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: "projects.errors.date", abort: true })
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), "projects.errors.date")
  .refine((s) => s <= todayInChina(), "projects.errors.futureDate");

const signingFacts = z.object({
  signingDate: pastDate,
  agreementType: z.enum(AGREEMENT_TYPES, { error: "errors.required" }),
  contractInvestmentYi: z.string().trim().min(1, { error: "errors.required", abort: true }).regex(YI_PATTERN, "projects.errors.amount"),
  phase1InvestmentYi: optionalYi,
  eventId: choice,
  stewardId: choice,
  responsibleUnitId: choice,
  /** 包靠领导: kept on the project; the signing form edits it too. */
  responsibleLeader: z.string().trim().max(50, "errors.tooLong50").default(""),
});

function phase1WithinContract(v: { contractInvestmentYi: string; phase1InvestmentYi: string | null }, ctx: z.RefinementCtx) {
  const contract = yiToYuan(v.contractInvestmentYi);
  const phase1 = v.phase1InvestmentYi ? yiToYuan(v.phase1InvestmentYi) : null;
  if (contract && phase1 && BigInt(phase1) > BigInt(contract)) {
    ctx.addIssue({ code: "custom", path: ["phase1InvestmentYi"], message: "signing.errors.phase1OverContract" });
  }
}

/**
 * 签约: the facts recorded when a project signs (in the stage-change dialog, the first time)
 * and edited later on the signing form. One schema for both, on the client and the server.
 */
export const signingFactsSchema = signingFacts.superRefine(phase1WithinContract);
export type SigningFactsInput = z.input<typeof signingFactsSchema>;
export type SigningFacts = z.output<typeof signingFactsSchema>;

/** The signing form: the facts plus the free text of the 签约项目清单, and the version it was loaded at. */
export const signingSchema = signingFacts
  .extend({
    progress: z.string().trim().max(2000, "projects.errors.tooLong2000").default(""),
    issues: z.string().trim().max(2000, "projects.errors.tooLong2000").default(""),
    note: z.string().trim().max(500, "projects.errors.tooLong500").default(""),
    version: z.coerce.number().int().positive(),
  })
  .superRefine(phase1WithinContract);
export type SigningInput = z.input<typeof signingSchema>;
export type SigningValues = z.output<typeof signingSchema>;

/** 到位资金: one dated entry. A negative amount corrects an earlier one (entries are never deleted). */
export const fundsEntrySchema = z.object({
  receivedOn: pastDate,
  amountYi: z
    .string()
    .trim()
    .min(1, { error: "errors.required", abort: true })
    .regex(/^-?\d{1,10}(\.\d{1,4})?$/, "projects.errors.amount")
    .refine((v) => yiToYuan(v.replace(/^-/, "")) !== "0", "signing.errors.zeroAmount"),
  note: z.string().trim().max(200, "projects.errors.tooLong200").default(""),
});
export type FundsEntryInput = z.input<typeof fundsEntrySchema>;
