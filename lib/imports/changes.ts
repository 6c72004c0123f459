/**
 * What an import would change, row by row and field by field (before → after), as the dry run
 * lists it and the commit then writes it: both come from the same plan. Values are written as a
 * person reads them — 亿元, 亩, names instead of ids, Chinese labels instead of codes. Pure.
 */
import type { AgreementType, CapitalOrigin, OwnershipType, ProjectSource, ProjectStage } from "@/db/schema/enums";
import zhEnterprises from "@/lib/i18n/messages/zh-CN/enterprises.json";
import zhLanding from "@/lib/i18n/messages/zh-CN/landing.json";
import zhProjects from "@/lib/i18n/messages/zh-CN/projects.json";
import { muExact, yiExact } from "@/lib/signed/columns";
import { ENTERPRISE_FIELDS, PROJECT_FIELDS } from "./fields";
import type { RowInput } from "./types";

export type FieldChange = { column: string; before: string; after: string };
export type RowChange = { row: number; op: "create" | "update"; entity: "project" | "enterprise"; name: string; fields: FieldChange[] };

/** A stored column → the import's field that fills it (and whose header names it). */
const FIELD_OF_COLUMN: Record<string, string> = {
  totalInvestment: "totalInvestmentYi",
  contractInvestment: "contractInvestmentYi",
  phase1Investment: "phase1InvestmentYi",
  industryChainId: "chain",
  ownerId: "owner",
  unitId: "unit",
  parkId: "park",
  eventId: "event",
  stewardId: "steward",
  responsibleUnitId: "responsibleUnit",
  enterpriseId: "enterpriseName",
};

const LABELS = {
  stage: zhProjects.stages as Record<ProjectStage, string>,
  capitalOrigin: zhProjects.capitalOrigins as Record<CapitalOrigin, string>,
  source: zhProjects.sources as Record<ProjectSource, string>,
  agreementType: zhLanding.agreementTypes as Record<AgreementType, string>,
  ownershipType: zhEnterprises.ownershipTypes as Record<OwnershipType, string>,
} as Record<string, Record<string, string>>;

const AMOUNTS = new Set(["totalInvestment", "contractInvestment", "phase1Investment"]);
const IDS = new Set(["industryChainId", "ownerId", "unitId", "parkId", "eventId", "stewardId", "responsibleUnitId", "enterpriseId"]);

/** A stored value as a person reads it; `names` turns ids into names. */
export function displayValue(column: string, value: unknown, names: ReadonlyMap<string, string>): string {
  if (value === null || value === undefined || value === "") return "";
  if (AMOUNTS.has(column)) return `${yiExact(String(value))} 亿元`;
  if (column === "landNeedMu") return `${muExact(String(value))} 亩`;
  if (IDS.has(column)) return names.get(String(value)) ?? String(value);
  if (LABELS[column]) return LABELS[column][String(value)] ?? String(value);
  if (typeof value === "boolean") return value ? "是" : "否";
  if (Array.isArray(value)) return value.join("、");
  return String(value);
}

/** The header a column came under in the file, or the Chinese name of its field. */
export function columnLabel(entity: RowChange["entity"], column: string, row: RowInput): string {
  const field = FIELD_OF_COLUMN[column] ?? column;
  const fields = entity === "project" ? PROJECT_FIELDS : ENTERPRISE_FIELDS;
  return row.columns[field] ?? fields.find((f) => f.key === field)?.labels[0] ?? column;
}

/** The fields a write sets, each with what it was and what it becomes (unchanged ones left out). */
export function fieldChanges(
  entity: RowChange["entity"],
  row: RowInput,
  before: Record<string, unknown> | null,
  set: Record<string, unknown>,
  names: ReadonlyMap<string, string>,
): FieldChange[] {
  const out: FieldChange[] = [];
  for (const [column, value] of Object.entries(set)) {
    const b = before ? displayValue(column, before[column], names) : "";
    const a = displayValue(column, value, names);
    if (a === b) continue;
    out.push({ column: columnLabel(entity, column, row), before: b, after: a });
  }
  return out;
}
