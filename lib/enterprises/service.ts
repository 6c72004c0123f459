import { and, eq, isNull, ne, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db, DbOrTx, Tx } from "@/db/client";
import { contacts, enterprises, type Contact, type Enterprise } from "@/db/schema";
import { diffRows, writeAudit } from "@/lib/audit";
import { scopeOf, type Scope } from "@/lib/auth/scope";
import type { Viewer } from "@/lib/auth/roles";
import { isUniqueViolation, NotFoundError, ValidationError } from "@/lib/errors";
import { parseOrThrow, parseVersionedSave } from "@/lib/validation";
import { visibleEnterprises } from "./scope";
import { contactFormValues, contactSchema, enterpriseFormValues, enterpriseSchema, updateContactSchema, updateEnterpriseSchema } from "./validation";

type Ctx = { ip?: string | null };

const USCC_INDEX = "enterprises_uscc_idx";
const usccTaken = () => new ValidationError({ uscc: ["enterprises.errors.usccTaken"] });

/** Refuses a USCC that any enterprise (visible or not) already has: the code identifies one legal entity. */
async function assertUsccFree(db: DbOrTx, uscc: string | null, exceptId?: string) {
  if (!uscc) return;
  const [taken] = await db
    .select({ id: enterprises.id })
    .from(enterprises)
    .where(and(eq(enterprises.uscc, uscc), exceptId ? ne(enterprises.id, exceptId) : undefined));
  if (taken) throw usccTaken();
}

/** Maps the unique index firing (two saves racing past the check) to the same field error. */
async function mappingUsccRace<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    if (isUniqueViolation(e, USCC_INDEX)) throw usccTaken();
    throw e;
  }
}

/** An id that is not even a uuid names nothing the viewer may see. */
function assertId(id: string) {
  if (!z.uuid().safeParse(id).success) throw new NotFoundError();
}

/** The enterprise, locked for the change, if the viewer may see (and so change) it. */
async function lockVisibleEnterprise(tx: Tx, scope: Scope, id: string): Promise<Enterprise> {
  assertId(id);
  const [row] = await tx
    .select()
    .from(enterprises)
    .where(and(eq(enterprises.id, id), visibleEnterprises(scope)))
    .for("update", { of: enterprises });
  if (!row) throw new NotFoundError();
  return row;
}

/** Registers an enterprise for the viewer's unit. */
export async function createEnterprise(db: Db, viewer: Viewer, input: unknown, ctx: Ctx = {}) {
  const data = parseOrThrow(enterpriseSchema, input);
  await assertUsccFree(db, data.uscc);
  return mappingUsccRace(() =>
    db.transaction(async (tx) => {
      const [created] = await tx
        .insert(enterprises)
        .values({ ...data, unitId: viewer.unitId, createdById: viewer.id })
        .returning();
      await writeAudit(tx, { actorId: viewer.id, action: "create", entityType: "enterprise", entityId: created!.id, after: created, ip: ctx.ip });
      return created!;
    }),
  );
}

/** Saves the fields the user changed (see parseVersionedSave); refused (nothing written) when someone saved a newer version first. */
export async function updateEnterprise(db: Db, viewer: Viewer, id: string, input: unknown, ctx: Ctx = {}) {
  const scope = await scopeOf(db, viewer);
  return mappingUsccRace(() =>
    db.transaction(async (tx) => {
      const before = await lockVisibleEnterprise(tx, scope, id);
      // Only the fields sent (those the user changed) are written; the rest stay as they are now.
      const { version: _version, ...data } = parseVersionedSave(updateEnterpriseSchema, enterpriseFormValues(before), input);
      if (data.uscc !== before.uscc) await assertUsccFree(tx, data.uscc, id);
      const [after] = await tx
        .update(enterprises)
        .set({ ...data, version: sql`${enterprises.version} + 1` })
        .where(eq(enterprises.id, id))
        .returning();
      const changes = diffRows(before, after!);
      if (Object.keys(changes.after).length) {
        await writeAudit(tx, { actorId: viewer.id, action: "update", entityType: "enterprise", entityId: id, ...changes, ip: ctx.ip });
      }
      return after!;
    }),
  );
}

/** The contact, locked for the change, if it is not archived and its enterprise is visible to the viewer. */
async function lockVisibleContact(tx: Tx, scope: Scope, contactId: string): Promise<Contact> {
  assertId(contactId);
  const [row] = await tx
    .select({ contact: contacts })
    .from(contacts)
    .innerJoin(enterprises, eq(enterprises.id, contacts.enterpriseId))
    .where(and(eq(contacts.id, contactId), isNull(contacts.archivedAt), visibleEnterprises(scope)))
    .for("update", { of: contacts });
  if (!row) throw new NotFoundError();
  return row.contact;
}

export async function createContact(db: Db, viewer: Viewer, enterpriseId: string, input: unknown, ctx: Ctx = {}) {
  const data = parseOrThrow(contactSchema, input);
  assertId(enterpriseId);
  const scope = await scopeOf(db, viewer);
  return db.transaction(async (tx) => {
    // A shared lock: the enterprise cannot be deleted under the new contact.
    const [enterprise] = await tx
      .select({ id: enterprises.id })
      .from(enterprises)
      .where(and(eq(enterprises.id, enterpriseId), visibleEnterprises(scope)))
      .for("key share", { of: enterprises });
    if (!enterprise) throw new NotFoundError();
    const [created] = await tx.insert(contacts).values({ ...data, enterpriseId }).returning();
    await writeAudit(tx, { actorId: viewer.id, action: "create", entityType: "contact", entityId: created!.id, after: created, ip: ctx.ip });
    return created!;
  });
}

export async function updateContact(db: Db, viewer: Viewer, contactId: string, input: unknown, ctx: Ctx = {}) {
  const scope = await scopeOf(db, viewer);
  return db.transaction(async (tx) => {
    const before = await lockVisibleContact(tx, scope, contactId);
    // Only the fields sent (those the user changed) are written; the rest stay as they are now.
    const { version: _version, ...data } = parseVersionedSave(updateContactSchema, contactFormValues(before), input);
    const [after] = await tx
      .update(contacts)
      .set({ ...data, version: sql`${contacts.version} + 1` })
      .where(eq(contacts.id, contactId))
      .returning();
    const changes = diffRows(before, after!);
    if (Object.keys(changes.after).length) {
      // The enterprise id rides along so the enterprise's history can find the change.
      await writeAudit(tx, {
        actorId: viewer.id,
        action: "update",
        entityType: "contact",
        entityId: contactId,
        before: { ...changes.before, enterpriseId: before.enterpriseId, name: before.name },
        after: { ...changes.after, enterpriseId: after!.enterpriseId, name: after!.name },
        ip: ctx.ip,
      });
    }
    return after!;
  });
}

// "删除" on a contact archives it: lib/archive (archiveContact), like every other record.
