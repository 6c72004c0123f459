/**
 * Importing investors. Each row is checked with the enterprise form's schema. A row is matched
 * by 统一社会信用代码 (anywhere: the code names one legal entity — one the viewer may not see is
 * refused, as on the form), then by exact name among the enterprises the viewer may see; a match
 * is updated with the row's filled cells (an empty cell never clears a value), anything else is
 * created for the viewer's unit.
 */
import { randomUUID } from "node:crypto";
import { and, eq, inArray, sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { auditLog, enterprises, importChanges, type Enterprise } from "@/db/schema";
import { diffRows, redact } from "@/lib/audit";
import { visibleEnterprises } from "@/lib/enterprises/scope";
import { enterpriseSchema, type EnterpriseValues } from "@/lib/enterprises/validation";
import { fieldChanges, type RowChange } from "./changes";
import type { ImportContext } from "./context";
import { exactName } from "./exact";
import { issue, issuesOf, type BatchPlan, type Counts, type ImportHandler, type RowInput, type RowIssue } from "./types";
import { listCell, ownershipTypeCell } from "./values";

type Plan = { op: "create"; id: string; values: EnterpriseValues } | { op: "update"; before: Enterprise; set: Record<string, unknown> };

function enterpriseForm(e: Enterprise) {
  return {
    name: e.name,
    uscc: e.uscc,
    ownershipType: e.ownershipType,
    headquarters: e.headquarters,
    industryCode: e.industryCode,
    tags: e.tags,
    website: e.website,
    notes: e.notes,
  };
}

export function enterpriseImport(ctx: ImportContext): ImportHandler {
  const counts: Counts = { created: 0, updated: 0, unchanged: 0, enterprisesCreated: 0, enterprisesUpdated: 0 };
  const seen = new Map<string, number>();

  async function plan(tx: Tx, rows: RowInput[], commit: boolean): Promise<BatchPlan> {
    const errors = new Map<number, RowIssue[]>();
    const plans: Plan[] = [];
    const rowChanges: RowChange[] = [];
    const v = (row: RowInput, f: string) => row.values[f] ?? "";
    const usccs = [...new Set(rows.map((r) => v(r, "uscc").toUpperCase()).filter(Boolean))];
    const names = [...new Set(rows.map((r) => v(r, "name")).filter(Boolean))];
    const visible = visibleEnterprises(ctx.scope);
    const byUsccQuery = tx.select({ e: enterprises, visible: sql<boolean>`coalesce(${visible}, false)` }).from(enterprises).where(inArray(enterprises.uscc, usccs));
    const byNameQuery = tx.select({ e: enterprises }).from(enterprises).where(and(inArray(exactName(enterprises.name), names), visible));
    // Locked when committing, so nobody changes them between the check and the write.
    const byUsccRows = !usccs.length ? [] : commit ? await byUsccQuery.for("update", { of: enterprises }) : await byUsccQuery;
    const byNameRows = !names.length ? [] : commit ? await byNameQuery.for("update", { of: enterprises }) : await byNameQuery;
    const byUscc = new Map(byUsccRows.map((r) => [r.e.uscc!, r]));
    const byName = new Map<string, Enterprise[]>();
    for (const { e } of byNameRows) byName.set(e.name, [...(byName.get(e.name) ?? []), e]);

    for (const row of rows) {
      const rowErrors: RowIssue[] = [];
      const uscc = v(row, "uscc").toUpperCase();
      const name = v(row, "name");
      let current: Enterprise | null = null;
      if (uscc) {
        const found = byUscc.get(uscc);
        if (found?.visible) current = found.e;
        else if (found) rowErrors.push(issue(row, "uscc", "enterprises.errors.usccTaken"));
      }
      if (!current && !rowErrors.length) {
        const candidates = (byName.get(name) ?? []).filter((e) => !uscc || !e.uscc || e.uscc === uscc);
        if (candidates.length === 1) current = candidates[0]!;
        else if (candidates.length > 1) rowErrors.push(issue(row, "name", "imports.errors.enterpriseAmbiguous"));
      }
      const key = current ? current.id : uscc || name;
      if (key) {
        const first = seen.get(key);
        if (first !== undefined) rowErrors.push(issue(row, uscc ? "uscc" : "name", "imports.errors.duplicateEnterprise", { row: first }));
        else seen.set(key, row.number);
      }

      const cells: Record<string, unknown> = {};
      for (const f of ["name", "headquarters", "industryCode", "website", "notes"]) if (v(row, f)) cells[f] = v(row, f);
      if (uscc) cells.uscc = uscc;
      if (v(row, "ownershipType")) cells.ownershipType = ownershipTypeCell(v(row, "ownershipType"));
      if (v(row, "tags")) cells.tags = listCell(v(row, "tags"));
      const parsed = enterpriseSchema.safeParse({ ...(current ? enterpriseForm(current) : {}), ...cells });
      if (!parsed.success) rowErrors.push(...issuesOf(row, parsed.error));
      if (rowErrors.length) {
        errors.set(row.number, rowErrors);
        continue;
      }
      if (!current) {
        plans.push({ op: "create", id: randomUUID(), values: parsed.data! });
        rowChanges.push({ row: row.number, op: "create", entity: "enterprise", name: parsed.data!.name, fields: fieldChanges("enterprise", row, null, parsed.data!, ctx.names) });
        continue;
      }
      const after = parsed.data!;
      const set = Object.fromEntries(Object.entries(after).filter(([k, val]) => JSON.stringify((current as Record<string, unknown>)[k]) !== JSON.stringify(val)));
      if (!Object.keys(set).length) counts.unchanged++;
      else {
        plans.push({ op: "update", before: current, set });
        rowChanges.push({ row: row.number, op: "update", entity: "enterprise", name: current.name, fields: fieldChanges("enterprise", row, current as unknown as Record<string, unknown>, set, ctx.names) });
      }
    }
    const planned = { creates: plans.filter((p) => p.op === "create").length, updates: plans.filter((p) => p.op === "update").length, enterpriseCreates: 0 };
    return { errors, warnings: [], planned, changes: rowChanges, write: (t, importId) => write(t, importId, plans) };
  }

  async function write(tx: Tx, importId: string, plans: Plan[]) {
    const actorId = ctx.viewer.id;
    const audit: (typeof auditLog.$inferInsert)[] = [];
    const changes: (typeof importChanges.$inferInsert)[] = [];
    const creates = plans.filter((p): p is Extract<Plan, { op: "create" }> => p.op === "create");
    if (creates.length) {
      const rows = await tx
        .insert(enterprises)
        .values(creates.map((p) => ({ ...p.values, id: p.id, unitId: ctx.viewer.unitId, createdById: actorId })))
        .returning();
      for (const e of rows) {
        audit.push({ actorId, action: "create", entityType: "enterprise", entityId: e.id, after: { ...redact(e), importId } });
        changes.push({ importId, entityType: "enterprise", entityId: e.id, action: "create" });
      }
      counts.created += rows.length;
    }
    for (const p of plans) {
      if (p.op !== "update") continue;
      const [after] = await tx
        .update(enterprises)
        .set({ ...p.set, version: sql`${enterprises.version} + 1` })
        .where(eq(enterprises.id, p.before.id))
        .returning();
      const diff = diffRows(p.before as unknown as Record<string, unknown>, after as unknown as Record<string, unknown>);
      audit.push({ actorId, action: "update", entityType: "enterprise", entityId: p.before.id, before: diff.before, after: diff.after });
      const previous = Object.fromEntries(Object.keys(p.set).map((k) => [k, (p.before as unknown as Record<string, unknown>)[k]]));
      changes.push({ importId, entityType: "enterprise", entityId: p.before.id, action: "update", before: { ...redact(previous), version: p.before.version } });
      counts.updated++;
    }
    if (audit.length) await tx.insert(auditLog).values(audit);
    if (changes.length) await tx.insert(importChanges).values(changes);
  }

  return { plan, counts };
}
