import { and, desc, eq, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { auditLog, users } from "@/db/schema";

/** Audit rows matching `where`, newest first, with who did each change. */
export async function listHistory(db: DbOrTx, where: SQL | undefined, limit = 20) {
  return db
    .select({
      id: auditLog.id,
      action: auditLog.action,
      at: auditLog.at,
      before: auditLog.before,
      after: auditLog.after,
      actorName: users.displayName,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorId))
    .where(where)
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(limit);
}

/** A record's history, newest first, with who did each change. */
export async function listEntityHistory(db: DbOrTx, entityType: string, entityId: string, limit = 20) {
  return listHistory(db, and(eq(auditLog.entityType, entityType), eq(auditLog.entityId, entityId)), limit);
}

export async function listRecentSignIns(db: DbOrTx, userId: string, limit = 5) {
  return db
    .select({ at: auditLog.at, ip: auditLog.ip })
    .from(auditLog)
    .where(and(eq(auditLog.actorId, userId), eq(auditLog.action, "sign_in")))
    .orderBy(desc(auditLog.at))
    .limit(limit);
}
