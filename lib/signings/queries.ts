import { asc, desc, eq, sum } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { DbOrTx } from "@/db/client";
import { events, fundsInPlace, signings, units, users } from "@/db/schema";
import { listEventOptions } from "@/lib/events/queries";
import type { Viewer } from "@/lib/auth/roles";
import { getUnitTree } from "@/lib/units/queries";
import { pickablePeople } from "@/lib/users/people";

// Call these only for a project the viewer may see (getProject first): they take its id as given.

const stewards = alias(users, "steward");

/** The signing facts of one project, with the names behind its references; null before it signs. */
export async function getSigning(db: DbOrTx, projectId: string) {
  const [row] = await db
    .select({
      projectId: signings.projectId,
      signingDate: signings.signingDate,
      agreementType: signings.agreementType,
      contractInvestment: signings.contractInvestment,
      phase1Investment: signings.phase1Investment,
      eventId: signings.eventId,
      eventName: events.name,
      stewardId: signings.stewardId,
      stewardName: stewards.displayName,
      responsibleUnitId: signings.responsibleUnitId,
      responsibleUnitName: units.name,
      progress: signings.progress,
      issues: signings.issues,
      note: signings.note,
      version: signings.version,
      updatedAt: signings.updatedAt,
    })
    .from(signings)
    .leftJoin(events, eq(events.id, signings.eventId))
    .leftJoin(stewards, eq(stewards.id, signings.stewardId))
    .leftJoin(units, eq(units.id, signings.responsibleUnitId))
    .where(eq(signings.projectId, projectId));
  return row ?? null;
}
export type SigningDetail = NonNullable<Awaited<ReturnType<typeof getSigning>>>;

/**
 * What the signing form offers: events (newest first), people who can be the service steward
 * (any active user: stewards often sit in another unit, e.g. the 落地办), and the unit tree for
 * the responsible unit. Names only — nothing private.
 */
export async function signingFormOptions(db: DbOrTx, viewer: Viewer) {
  const [eventRows, people, tree] = await Promise.all([
    listEventOptions(db),
    db
      .select({ id: users.id, name: users.displayName, unitId: users.unitId, unitName: units.name })
      .from(users)
      .innerJoin(units, eq(units.id, users.unitId))
      .where(eq(users.active, true))
      .orderBy(asc(units.sortOrder), asc(users.displayName)),
    getUnitTree(db),
  ]);
  return { events: eventRows, people: pickablePeople(people, viewer.unitId), units: tree.map(({ id, name, depth }) => ({ id, name, depth })) };
}
export type SigningFormOptions = Awaited<ReturnType<typeof signingFormOptions>>;

/** 到位资金 entries of a project, newest first, with their exact sum in 元. */
export async function listFunds(db: DbOrTx, projectId: string) {
  const [entries, [total]] = await Promise.all([
    db
      .select({ id: fundsInPlace.id, receivedOn: fundsInPlace.receivedOn, amount: fundsInPlace.amount, note: fundsInPlace.note, createdBy: users.displayName })
      .from(fundsInPlace)
      .leftJoin(users, eq(users.id, fundsInPlace.createdById))
      .where(eq(fundsInPlace.projectId, projectId))
      .orderBy(desc(fundsInPlace.receivedOn), desc(fundsInPlace.createdAt)),
    db.select({ total: sum(fundsInPlace.amount) }).from(fundsInPlace).where(eq(fundsInPlace.projectId, projectId)),
  ]);
  return { entries, total: total?.total ?? "0" };
}
