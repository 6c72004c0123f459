import type { DbOrTx } from "@/db/client";
import { auditLog, type AuditAction } from "@/db/schema";

// Never written to the audit log, whatever table they come from.
const SECRET_FIELDS = new Set(["passwordHash", "password", "currentPassword", "newPassword", "token", "tokenHash"]);

type Row = Record<string, unknown>;

function clean(value: unknown): unknown {
  return value instanceof Date ? value.toISOString() : value;
}

export function redact(row: Row | null | undefined): Row | undefined {
  if (!row) return undefined;
  return Object.fromEntries(
    Object.entries(row)
      .filter(([k]) => !SECRET_FIELDS.has(k))
      .map(([k, v]) => [k, clean(v)]),
  );
}

/** The fields that changed between two versions of a record, as {before, after}. */
export function diffRows(before: Row, after: Row, ignore: string[] = ["updatedAt", "version"]): { before: Row; after: Row } {
  const b: Row = {};
  const a: Row = {};
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (ignore.includes(key) || SECRET_FIELDS.has(key)) continue;
    const x = clean(before[key]);
    const y = clean(after[key]);
    if (JSON.stringify(x) !== JSON.stringify(y)) {
      b[key] = x;
      a[key] = y;
    }
  }
  return { before: b, after: a };
}

export type AuditInput = {
  actorId: string | null;
  action: AuditAction;
  entityType: string;
  entityId?: string | null;
  before?: Row | null;
  after?: Row | null;
  ip?: string | null;
};

/** Call with the transaction that makes the change, so the change and its audit row land together. */
export async function writeAudit(db: DbOrTx, entry: AuditInput): Promise<void> {
  await db.insert(auditLog).values({
    actorId: entry.actorId,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId ?? null,
    before: redact(entry.before) ?? null,
    after: redact(entry.after) ?? null,
    ip: entry.ip ?? null,
  });
}
