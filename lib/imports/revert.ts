/**
 * Reverting an import (admins): what it created is archived (hidden everywhere, like "删除",
 * restorable), what it changed gets its earlier values back, and a signing it added is
 * removed. Refused — nothing changes — when a record it changed has been changed again since
 * (its version moved on): reverting would overwrite someone's later work. One transaction;
 * every record gets its audit row.
 */
import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db, Tx } from "@/db/client";
import { auditLog, enterprises, importChanges, imports, projects, signings, stageEvents } from "@/db/schema";
import type { ProjectStage, ProjectStatus } from "@/db/schema/enums";
import { diffRows, writeAudit } from "@/lib/audit";
import { assertRole, type Viewer } from "@/lib/auth/roles";
import { AppError, NotFoundError } from "@/lib/errors";

type Ctx = { ip?: string | null };

export class ImportChangedError extends AppError {
  constructor(names: string[]) {
    super(409, "import_changed", "imports.errors.changedSince", { _form: names });
  }
}

export class AlreadyRevertedError extends AppError {
  constructor() {
    super(409, "already_reverted", "imports.errors.alreadyReverted");
  }
}

const TABLES = { project: projects, enterprise: enterprises } as const;

/** A value from the jsonb `before` back into its column: timestamps were written as ISO text. */
function columnValues(before: Record<string, unknown>): Record<string, unknown> {
  const { version: _v, ...rest } = before;
  return Object.fromEntries(Object.entries(rest).map(([k, v]) => [k, typeof v === "string" && /At$/.test(k) ? new Date(v) : v]));
}

export type RevertResult = { archived: number; restored: number; signingsRemoved: number; enterprisesKept: number };

export async function revertImport(db: Db, viewer: Viewer, importId: string, ctx: Ctx = {}): Promise<RevertResult> {
  assertRole(viewer, "admin");
  if (!z.uuid().safeParse(importId).success) throw new NotFoundError();
  return db.transaction(async (tx) => {
    const [imp] = await tx.select().from(imports).where(eq(imports.id, importId)).for("update");
    if (!imp) throw new NotFoundError();
    if (imp.status === "reverted") throw new AlreadyRevertedError();
    const result: RevertResult = { archived: 0, restored: 0, signingsRemoved: 0, enterprisesKept: 0 };
    const actorId = viewer.id;
    const now = new Date();

    // Changed records: each must still be at the version the import left it at.
    const updates = await tx
      .select()
      .from(importChanges)
      .where(and(eq(importChanges.importId, importId), eq(importChanges.action, "update")))
      .orderBy(importChanges.id);
    const stale: string[] = [];
    for (const c of updates) await checkUnchanged(tx, c, stale);
    if (stale.length) throw new ImportChangedError(stale.slice(0, 20));

    for (const c of [...updates].reverse()) {
      const { version: _v, ...previous } = (c.before ?? {}) as Record<string, unknown>;
      const values = columnValues(previous);
      const table = c.entityType === "signing" ? signings : c.entityType === "project" ? projects : enterprises;
      const key = c.entityType === "signing" ? signings.projectId : c.entityType === "project" ? projects.id : enterprises.id;
      const [current] = (await tx.select().from(table).where(eq(key, c.entityId))) as Record<string, unknown>[];
      await tx
        .update(table)
        .set({ ...values, version: sql`${table.version} + 1` })
        .where(eq(key, c.entityId));
      if (c.entityType === "project" && typeof values.stage === "string" && current && values.stage !== current.stage) {
        await tx.insert(stageEvents).values({
          projectId: c.entityId,
          fromStage: current.stage as ProjectStage,
          toStage: values.stage as ProjectStage,
          fromStatus: current.status as ProjectStatus,
          toStatus: current.status as ProjectStatus,
          actorId,
          note: "撤销导入",
        });
      }
      await writeAudit(tx, { actorId, action: "update", entityType: c.entityType, entityId: c.entityId, ...diffRows(current ?? {}, { ...(current ?? {}), ...values }, ["updatedAt", "version", "stageChangedAt"]), ip: ctx.ip });
      result.restored++;
    }

    // Signings the import added to existing projects.
    const removed = await tx
      .delete(signings)
      .where(
        inArray(
          signings.projectId,
          tx
            .select({ id: importChanges.entityId })
            .from(importChanges)
            .where(and(eq(importChanges.importId, importId), eq(importChanges.entityType, "signing"), eq(importChanges.action, "create"))),
        ),
      )
      .returning();
    for (const s of removed) await writeAudit(tx, { actorId, action: "delete", entityType: "signing", entityId: s.projectId, before: s, ip: ctx.ip });
    result.signingsRemoved = removed.length;

    // Created records are archived, set-based (an import may have created 100,000): projects first, then investors left without live projects.
    for (const type of ["project", "enterprise"] as const) {
      const table = TABLES[type];
      const created = tx
        .select({ id: importChanges.entityId })
        .from(importChanges)
        .where(and(eq(importChanges.importId, importId), eq(importChanges.entityType, type), eq(importChanges.action, "create")));
      const conditions = [inArray(table.id, created), isNull(table.archivedAt)];
      if (type === "enterprise") conditions.push(sql`not exists (select 1 from ${projects} where ${projects.enterpriseId} = ${enterprises.id} and ${projects.archivedAt} is null)`);
      const archived = await tx
        .update(table)
        .set({ archivedAt: now, archivedById: actorId, version: sql`${table.version} + 1` })
        .where(and(...conditions))
        .returning({ id: table.id, name: table.name });
      if (archived.length) {
        for (let i = 0; i < archived.length; i += 1000) {
          await tx.insert(auditLog).values(
            archived.slice(i, i + 1000).map((r) => ({
              actorId,
              action: "archive" as const,
              entityType: type,
              entityId: r.id,
              before: { name: r.name, archivedAt: null },
              after: { name: r.name, archivedAt: now.toISOString() },
              ip: ctx.ip ?? null,
            })),
          );
        }
      }
      result.archived += archived.length;
      if (type === "enterprise") {
        const [{ n }] = (await tx.select({ n: sql<number>`count(*)::int` }).from(created.as("c"))) as [{ n: number }];
        result.enterprisesKept = n - archived.length;
      }
    }

    await tx.update(imports).set({ status: "reverted", revertedAt: now, revertedById: actorId }).where(eq(imports.id, importId));
    await writeAudit(tx, {
      actorId,
      action: "update",
      entityType: "import",
      entityId: importId,
      before: { status: "committed" },
      after: { status: "reverted", fileName: imp.fileName, ...result },
      ip: ctx.ip,
    });
    return result;
  });
}

/** Adds the record's name to `stale` if it changed after the import. */
async function checkUnchanged(tx: Tx, c: typeof importChanges.$inferSelect, stale: string[]) {
  const expected = Number((c.before as { version?: number } | null)?.version ?? 0) + 1;
  if (c.entityType === "signing") {
    const [row] = await tx
      .select({ version: signings.version, name: projects.name })
      .from(signings)
      .innerJoin(projects, eq(projects.id, signings.projectId))
      .where(eq(signings.projectId, c.entityId))
      .for("update", { of: signings });
    if (!row || row.version !== expected) stale.push(row?.name ?? c.entityId);
    return;
  }
  const table = c.entityType === "project" ? projects : enterprises;
  const [row] = await tx.select({ version: table.version, name: table.name }).from(table).where(eq(table.id, c.entityId)).for("update");
  if (!row || row.version !== expected) stale.push(row?.name ?? c.entityId);
}
