/**
 * /api/v1/signed-projects: the 签约项目清单 as JSON — the /signed filters and visibility, its
 * columns (amounts in 元 and 亿元). POST signs a project (the stage change to 签约 with its
 * signing facts, as on the board); PATCH edits the signing facts (lib/signings/service).
 */
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { Db, DbOrTx } from "@/db/client";
import { projects, signings } from "@/db/schema";
import { CAPITAL_ORIGIN_DOC } from "./projects";
import { agreementTypeEnum, capitalOriginEnum, projectStageEnum, projectStatusEnum } from "@/db/schema/enums";
import type { Viewer } from "@/lib/auth/roles";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { yuanToYiInput } from "@/lib/money";
import { changeStage } from "@/lib/projects/service";
import { signedRowColumns, signedWhere, withDetails } from "@/lib/signed/queries";
import { signedFiltersSchema } from "@/lib/signed/validation";
import { updateSigning } from "@/lib/signings/service";
import { afterCursor, cursorValue, keysetOrder, pageOf, type KeysetColumn } from "./cursor";
import { cursorOf, dateOut, listControls, muOut, patchBody, uuidOut, yiOut, yuanOut } from "./shared";

type Ctx = { ip?: string | null };

const SORTS = {
  signingDate: { column: signings.signingDate, cast: "date" },
  contractInvestment: { column: signings.contractInvestment, cast: "numeric" },
  updatedAt: { column: projects.updatedAt, cast: "timestamptz" },
} satisfies Record<string, KeysetColumn>;
type Sort = keyof typeof SORTS;

/** GET /api/v1/signed-projects: the /signed filters, then order, page size and cursor. */
export const signedApiListSchema = signedFiltersSchema.extend(listControls(Object.keys(SORTS) as [Sort, ...Sort[]], "signingDate", "desc"));
export type SignedApiListParams = z.output<typeof signedApiListSchema>;

export const signedProjectOut = z.object({
  id: uuidOut.describe("The project's id"),
  name: z.string(),
  enterpriseId: uuidOut,
  enterpriseName: z.string(),
  headquarters: z.string(),
  tags: z.array(z.string()),
  capitalOrigin: z.enum(capitalOriginEnum.enumValues).describe(CAPITAL_ORIGIN_DOC),
  totalInvestment: yuanOut,
  totalInvestmentYi: yiOut,
  contractInvestment: yuanOut,
  contractInvestmentYi: yiOut,
  phase1Investment: yuanOut.nullable(),
  description: z.string(),
  chainName: z.string().nullable(),
  industryCode: z.string(),
  signingDate: dateOut,
  eventId: uuidOut.nullable(),
  eventName: z.string().nullable(),
  agreementType: z.enum(agreementTypeEnum.enumValues),
  parkId: uuidOut.nullable(),
  parkName: z.string().nullable(),
  parcelCodes: z.string().nullable(),
  landMu: muOut.nullable(),
  stage: z.enum(projectStageEnum.enumValues),
  status: z.enum(projectStatusEnum.enumValues),
  pendingStages: z.array(z.enum(projectStageEnum.enumValues)).nullable().describe("Stage reports waiting for review"),
  progress: z.string(),
  issues: z.string(),
  responsibleLeader: z.string(),
  responsibleUnitName: z.string().describe("责任单位 as the project page shows it: the signing's unit, or the project's own unit when the signing names none"),
  stewardName: z.string().nullable(),
  ownerName: z.string(),
  fundsInPlace: yuanOut,
  note: z.string(),
  isKey: z.boolean(),
  signingVersion: z.number().int().describe("Send it back with a PATCH"),
});
export type SignedProjectOut = z.infer<typeof signedProjectOut>;

const columns = { ...signedRowColumns, signingVersion: signings.version };

function query(db: DbOrTx, extra: Record<string, unknown> = {}) {
  return withDetails(
    db
      .select({ ...columns, ...extra } as typeof columns & { cursorValue: ReturnType<typeof cursorValue> })
      .from(projects)
      .innerJoin(signings, eq(signings.projectId, projects.id))
      .$dynamic(),
  );
}

function out<R extends { totalInvestment: string; contractInvestment: string }>(r: R) {
  return { ...r, totalInvestmentYi: yuanToYiInput(r.totalInvestment), contractInvestmentYi: yuanToYiInput(r.contractInvestment) };
}

export async function listSignedApi(db: DbOrTx, viewer: Viewer, params: SignedApiListParams) {
  const key = SORTS[params.sort];
  const cursor = cursorOf(params);
  const where = await signedWhere(db, viewer, params);
  const rows = await query(db, { cursorValue: cursorValue(key) })
    .where(and(where, cursor ? afterCursor(key, projects.id, cursor) : undefined))
    .orderBy(...keysetOrder(key, projects.id, params.dir))
    .limit(params.limit + 1);
  const page = pageOf(rows, params.limit, params.sort, params.dir);
  return { data: page.rows.map(out) satisfies SignedProjectOut[], nextCursor: page.nextCursor };
}

/** One signed project the viewer may see (as /signed shows it), or a 404. */
export async function readSignedApi(db: DbOrTx, viewer: Viewer, id: string): Promise<SignedProjectOut> {
  if (!z.uuid().safeParse(id).success) throw new NotFoundError();
  const where = await signedWhere(db, viewer, {});
  const [row] = await query(db).where(and(where, eq(projects.id, id)));
  if (!row) throw new NotFoundError();
  return out(row);
}

/** POST body: the project and its version, and the signing facts (as the board's 签约 dialog takes them). */
export const signProjectSchema = z.looseObject({ projectId: z.uuid({ error: "errors.notFound" }) });

export async function signProjectApi(db: Db, viewer: Viewer, body: unknown, ctx: Ctx = {}) {
  const parsed = signProjectSchema.safeParse(body);
  if (!parsed.success) throw new ValidationError({ projectId: ["errors.notFound"] });
  const { projectId, ...facts } = parsed.data;
  await changeStage(db, viewer, projectId, { ...facts, toStage: "signed", toStatus: "active" }, ctx);
  return readSignedApi(db, viewer, projectId);
}

/** PATCH: only the signing facts sent are written (the rest stay as they are now); `version` is the signing's (signingVersion). */
export async function updateSigningApi(db: Db, viewer: Viewer, id: string, body: unknown, ctx: Ctx = {}) {
  const changes = patchBody(body);
  await readSignedApi(db, viewer, id); // a 404 unless the viewer may see this signed project
  await updateSigning(db, viewer, id, changes, ctx);
  return readSignedApi(db, viewer, id);
}
