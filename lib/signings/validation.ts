import { z } from "zod";
import { agreementTypeEnum } from "@/db/schema/enums";
import { SIGNED_YI_PATTERN, yiToYuan, yuanToYiInput } from "@/lib/money";
import { optionalYi, pastDate, text, version, yiAmount } from "@/lib/validation";

// Messages are i18n keys: "errors.*" in base.json, "projects.errors.*" in projects.json, "signing.errors.*" in landing.json.
export const AGREEMENT_TYPES = agreementTypeEnum.enumValues;

const choice = z
  .union([z.uuid({ error: "errors.invalidChoice" }), z.literal(""), z.null()])
  .optional()
  .transform((v) => v || null);

const signingFacts = z.object({
  signingDate: pastDate,
  agreementType: z.enum(AGREEMENT_TYPES, { error: "errors.required" }),
  contractInvestmentYi: yiAmount,
  phase1InvestmentYi: optionalYi,
  eventId: choice,
  stewardId: choice,
  responsibleUnitId: choice,
  /** 包靠领导: kept on the project; the signing form edits it too. */
  responsibleLeader: text().max(50, "errors.tooLong50").default(""),
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
    progress: text().max(2000, "projects.errors.tooLong2000").default(""),
    issues: text().max(2000, "projects.errors.tooLong2000").default(""),
    note: text().max(500, "projects.errors.tooLong500").default(""),
    version,
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
    .regex(SIGNED_YI_PATTERN, "projects.errors.amount")
    .refine((v) => yiToYuan(v.replace(/^-/, "")) !== "0", "signing.errors.zeroAmount"),
  note: text().max(200, "projects.errors.tooLong200").default(""),
});
export type FundsEntryInput = z.input<typeof fundsEntrySchema>;

/** A signing as its form shows it (亿元, "" for none) with the project's 包靠领导: what a save is merged over. */
export function signingFormValues(
  s: {
    signingDate: string;
    agreementType: (typeof agreementTypeEnum.enumValues)[number];
    contractInvestment: string;
    phase1Investment: string | null;
    eventId: string | null;
    stewardId: string | null;
    responsibleUnitId: string | null;
    progress: string;
    issues: string;
    note: string;
    version: number;
  },
  responsibleLeader: string,
) {
  return {
    signingDate: s.signingDate,
    agreementType: s.agreementType,
    contractInvestmentYi: yuanToYiInput(s.contractInvestment),
    phase1InvestmentYi: s.phase1Investment ? yuanToYiInput(s.phase1Investment) : "",
    eventId: s.eventId ?? "",
    stewardId: s.stewardId ?? "",
    responsibleUnitId: s.responsibleUnitId ?? "",
    responsibleLeader,
    progress: s.progress,
    issues: s.issues,
    note: s.note,
    version: s.version,
  };
}
