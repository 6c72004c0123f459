/**
 * Many rows in one INSERT … SELECT FROM unnest($1::type[], $2::type[], …): one parameter per
 * column however many rows, so a batch of 1,000 imported projects is one short statement that is
 * cheap to build and to parse (an ORM's VALUES list of 20,000 placeholders is neither). Columns
 * left out take their defaults. Only for columns whose values are scalars (unnest would flatten
 * an array column).
 */
import { sql } from "drizzle-orm";
import type { Tx } from "@/db/client";

export type BulkColumn = { name: string; type: string; value: (row: Record<string, unknown>) => unknown };

function scalar(type: string, v: unknown): unknown {
  if (v === undefined || v === null) return null;
  if (type === "jsonb") return JSON.stringify(v);
  if (v instanceof Date) return v.toISOString();
  return v;
}

export async function bulkInsert(tx: Tx, table: string, columns: BulkColumn[], rows: Record<string, unknown>[]): Promise<void> {
  if (!rows.length) return;
  const names = sql.raw(columns.map((c) => `"${c.name}"`).join(", "));
  const arrays = columns.map((c) => sql`${sql.param(rows.map((r) => scalar(c.type, c.value(r))))}::${sql.raw(c.type)}[]`);
  await tx.execute(sql`insert into ${sql.identifier(table)} (${names}) select * from unnest(${sql.join(arrays, sql`, `)})`);
}

const col = (name: string, type: string, key: string = toCamel(name)): BulkColumn => ({ name, type, value: (r) => r[key] });
function toCamel(s: string) {
  return s.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

export const AUDIT_COLUMNS = [
  col("actor_id", "uuid"),
  col("action", "audit_action"),
  col("entity_type", "text"),
  col("entity_id", "text"),
  col("before", "jsonb"),
  col("after", "jsonb"),
  col("ip", "text"),
];

export const IMPORT_CHANGE_COLUMNS = [col("import_id", "uuid"), col("entity_type", "text"), col("entity_id", "uuid"), col("action", "text"), col("before", "jsonb")];

export const STAGE_EVENT_COLUMNS = [col("project_id", "uuid"), col("to_stage", "project_stage"), col("to_status", "project_status"), col("actor_id", "uuid"), col("note", "text"), col("at", "timestamptz")];

export const PROJECT_COLUMNS = [
  col("id", "uuid"),
  col("name", "text"),
  col("enterprise_id", "uuid"),
  col("industry_chain_id", "uuid"),
  col("source_event_id", "uuid"),
  col("source", "project_source"),
  col("total_investment", "numeric"),
  col("capital_origin", "capital_origin"),
  col("stage", "project_stage"),
  col("owner_id", "uuid"),
  col("responsible_leader", "text"),
  col("unit_id", "uuid"),
  col("is_key", "boolean"),
  col("expected_signing_date", "date"),
  col("park_id", "uuid"),
  col("land_need_mu", "numeric"),
  col("description", "text"),
  col("stage_changed_at", "timestamptz"),
  col("created_by_id", "uuid"),
];

export const SIGNING_COLUMNS = [
  col("project_id", "uuid"),
  col("signing_date", "date"),
  col("agreement_type", "agreement_type"),
  col("contract_investment", "numeric"),
  col("phase1_investment", "numeric"),
  col("event_id", "uuid"),
  col("steward_id", "uuid"),
  col("responsible_unit_id", "uuid"),
  col("progress", "text"),
  col("issues", "text"),
  col("note", "text"),
];
