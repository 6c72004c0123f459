import { and, eq, isNull, sql } from "drizzle-orm";
import type { Db, DbOrTx } from "@/db/client";
import { events, fundsInPlace, projects, signings, units, users } from "@/db/schema";
import { diffRows, writeAudit } from "@/lib/audit";
import { scopeOf } from "@/lib/auth/scope";
import type { Viewer } from "@/lib/auth/roles";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { yiToYuan } from "@/lib/money";
import { visibleProjects } from "@/lib/projects/queries";
import { parseOrThrow, parseVersionedSave } from "@/lib/validation";
import { fundsEntrySchema, signingFormValues, signingSchema, type SigningFacts } from "./validation";

type Ctx = { ip?: string | null };

/** The event, steward and responsible unit a signing points at must exist (the steward must be active). */
export async function checkSigningReferences(db: DbOrTx, facts: Pick<SigningFacts, "eventId" | "stewardId" | "responsibleUnitId">) {
  const fields: Record<string, string[]> = {};
  const [event, steward, unit] = await Promise.all([
    facts.eventId ? db.select({ id: events.id }).from(events).where(and(eq(events.id, facts.eventId), isNull(events.archivedAt))) : [{ id: null }],
    facts.stewardId ? db.select({ id: users.id }).from(users).where(and(eq(users.id, facts.stewardId), eq(users.active, true))) : [{ id: null }],
    facts.responsibleUnitId ? db.select({ id: units.id }).from(units).where(eq(units.id, facts.responsibleUnitId)) : [{ id: null }],
  ]);
  if (!event.length) fields.eventId = ["errors.invalidChoice"];
  if (!steward.length) fields.stewardId = ["errors.invalidChoice"];
  if (!unit.length) fields.responsibleUnitId = ["errors.invalidChoice"];
  if (Object.keys(fields).length) throw new ValidationError(fields);
}

/** The signing's columns from the facts typed in the form (amounts in 亿元 → 元). */
export function signingColumns(facts: SigningFacts) {
  return {
    signingDate: facts.signingDate,
    agreementType: facts.agreementType,
    contractInvestment: yiToYuan(facts.contractInvestmentYi)!,
    phase1Investment: facts.phase1InvestmentYi ? yiToYuan(facts.phase1InvestmentYi) : null,
    eventId: facts.eventId,
    stewardId: facts.stewardId,
    responsibleUnitId: facts.responsibleUnitId,
  };
}


/**
 * Saves the signing form: the facts, the 项目进展/存在问题/备注 text and the project's 包靠领导.
 * Whoever may change the project may; a save over a newer version is refused, nothing written.
 */
export async function updateSigning(db: Db, viewer: Viewer, projectId: string, input: unknown, ctx: Ctx = {}) {
  const scope = await scopeOf(db, viewer);
  return db.transaction(async (tx) => {
    const [project] = await tx
      .select({ id: projects.id, responsibleLeader: projects.responsibleLeader })
      .from(projects)
      .where(and(eq(projects.id, projectId), visibleProjects(scope)))
      .for("update");
    if (!project) throw new NotFoundError();
    const [before] = await tx.select().from(signings).where(eq(signings.projectId, projectId)).for("update");
    if (!before) throw new NotFoundError();
    // Only the fields sent (those the user changed) are written; the rest stay as they are now.
    const data = parseVersionedSave(signingSchema, signingFormValues(before, project.responsibleLeader), input);
    await checkSigningReferences(tx, data);
    const [after] = await tx
      .update(signings)
      .set({ ...signingColumns(data), progress: data.progress, issues: data.issues, note: data.note, version: sql`${signings.version} + 1` })
      .where(eq(signings.projectId, projectId))
      .returning();
    const changes = diffRows(before, after!);
    if (project.responsibleLeader !== data.responsibleLeader) {
      changes.before.responsibleLeader = project.responsibleLeader;
      changes.after.responsibleLeader = data.responsibleLeader;
      await tx.update(projects).set({ responsibleLeader: data.responsibleLeader, version: sql`${projects.version} + 1` }).where(eq(projects.id, projectId));
    }
    if (Object.keys(changes.after).length) {
      await writeAudit(tx, { actorId: viewer.id, action: "update", entityType: "signing", entityId: projectId, ...changes, ip: ctx.ip });
    }
    return after!;
  });
}

/** Records money that arrived (到位资金) on a signed project the viewer may change. */
export async function addFundsEntry(db: Db, viewer: Viewer, projectId: string, input: unknown, ctx: Ctx = {}) {
  const data = parseOrThrow(fundsEntrySchema, input);
  const scope = await scopeOf(db, viewer);
  return db.transaction(async (tx) => {
    const [project] = await tx
      .select({ id: projects.id, signed: signings.projectId })
      .from(projects)
      .leftJoin(signings, eq(signings.projectId, projects.id))
      .where(and(eq(projects.id, projectId), visibleProjects(scope)))
      .for("update", { of: projects });
    if (!project) throw new NotFoundError();
    if (!project.signed) throw new ValidationError({ _form: ["signing.errors.notSigned"] }, "signing.errors.notSigned");
    const negative = data.amountYi.startsWith("-");
    const amount = yiToYuan(data.amountYi.replace(/^-/, ""))!;
    const [created] = await tx
      .insert(fundsInPlace)
      .values({ projectId, receivedOn: data.receivedOn, amount: negative ? `-${amount}` : amount, note: data.note, createdById: viewer.id })
      .returning();
    await writeAudit(tx, { actorId: viewer.id, action: "create", entityType: "funds_in_place", entityId: created!.id, after: created, ip: ctx.ip });
    return created!;
  });
}
