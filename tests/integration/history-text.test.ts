/**
 * Item 4 beyond the project timeline: the /admin/audit log shows every change of the demo data
 * in words — no enum key, field name, record type, id or English word reaches the Chinese page.
 */
import { eq, getTableColumns, isNotNull, type Table } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";
import { createTranslator } from "next-intl";
import { renderToStaticMarkup } from "react-dom/server";
import { beforeAll, describe, expect, it, vi } from "vitest";
import * as s from "@/db/schema";
import { auditLog, users } from "@/db/schema";
import { choiceMessages } from "@/lib/audit/fields";
import { seed } from "@/db/seed";
import type { Viewer } from "@/lib/auth/roles";
import { MESSAGES } from "@/lib/i18n/messages";
import { auditListSchema, auditNames, listAudit } from "@/lib/audit/log";
import { listEntityHistory } from "@/lib/audit/queries";
import { parcelHistory } from "@/lib/land/history-fields";
import { namesForHistory } from "@/lib/land/queries";
import { changeParcelStatus, updateParcel } from "@/lib/land/service";
import { signingHistoryFields } from "@/lib/signings/history-fields";
import { updateSigning } from "@/lib/signings/service";
import { updateEnterprise } from "@/lib/enterprises/service";
import { historyGridNames } from "@/lib/enterprises/queries";
import { createTestDb } from "../support/db";
import { viewerFor } from "./fixtures";

const zh = createTranslator({ locale: "zh-CN", messages: MESSAGES["zh-CN"] });
vi.mock("next-intl/server", () => ({ getTranslations: async () => zh }));
vi.mock("next/link", () => ({ default: ({ children }: { children: unknown }) => children }));
const { AuditEntry } = await import("@/components/audit/audit-entry");
const { HistoryList } = await import("@/components/admin/history-list");
const { EnterpriseHistory } = await import("@/components/enterprises/enterprise-history");

const { db } = await createTestDb();
let admin: Viewer;

beforeAll(async () => {
  await seed(db, () => {});
  const [u] = await db.select({ id: users.id }).from(users).where(eq(users.role, "admin")).limit(1);
  admin = await viewerFor(db, u!.id);
}, 120_000);

/** What a reader sees of an entry: its text without the markup. */
const textOf = (html: string) => html.replace(/<[^>]+>/g, " ").replace(/&[a-z#0-9]+;/g, " ");

/** Raw keys and English: camelCase or snake_case words, uuids, or any Latin word of three letters or more. */
function rawWords(text: string): string[] {
  const found = [
    ...text.matchAll(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g),
    ...text.replace(/https?:\/\/\S+|\S+@\S+/g, " ").matchAll(/\b[A-Za-z][A-Za-z_]{2,}\b/g),
  ].map((m) => m[0]);
  return found;
}

/** The tables whose rows the audit log records, by the entity type it records them under. */
const AUDITED: Record<string, Table> = {
  activity: s.activities,
  api_token: s.apiTokens,
  checklist: s.checklists,
  checklist_item: s.checklistItems,
  contact: s.contacts,
  enterprise: s.enterprises,
  event: s.events,
  event_project: s.eventProjects,
  funds_in_place: s.fundsInPlace,
  grid: s.grids,
  grid_officer: s.gridOfficers,
  holiday: s.holidays,
  import: s.imports,
  import_mapping: s.importMappings,
  industry_chain: s.industryChains,
  milestone: s.milestones,
  parcel: s.parcels,
  park: s.parks,
  project: s.projects,
  service_request: s.serviceRequests,
  signing: s.signings,
  stage_label: s.stageLabels,
  target: s.targets,
  task: s.tasks,
  template_item: s.templateItems,
  unit: s.units,
  user: s.users,
  workflow_template: s.workflowTemplates,
  zone: s.zones,
};
/** Columns that never reach the log (secrets) or that the entry's header already says. */
const NEVER_SHOWN = new Set(["id", "passwordHash", "tokenHash"]);
const at = (messages: unknown, path: string) => path.split(".").reduce<unknown>((m, k) => (m as Record<string, unknown> | undefined)?.[k], messages);

describe("the audit log's field registry", () => {
  it("names every record type and every column of an audited table, and every choice's value, in both languages", () => {
    const missing: string[] = [];
    for (const locale of ["zh-CN", "en"] as const) {
      const m = MESSAGES[locale];
      for (const [type, table] of Object.entries(AUDITED)) {
        if (typeof at(m, `auditLog.types.${type}`) !== "string") missing.push(`${locale} type ${type}`);
        for (const [field, column] of Object.entries(getTableColumns(table)) as [string, PgColumn][]) {
          if (NEVER_SHOWN.has(field)) continue;
          if (typeof at(m, `auditLog.fields.${field}`) !== "string") missing.push(`${locale} ${type}.${field}`);
          const values = (column as PgColumn & { enumValues?: string[] }).enumValues;
          if (column.columnType !== "PgEnumColumn" || !values?.length) continue;
          const ns = choiceMessages(type, field);
          for (const v of values) if (!ns || typeof at(m, `${ns}.${v}`) !== "string") missing.push(`${locale} ${type}.${field}=${v}`);
        }
      }
    }
    expect(missing).toEqual([]);
  });
});

describe("the audit log in words", () => {
  it("renders every entry of the demo data without a raw key", async () => {
    const total = (await db.select({ id: auditLog.id }).from(auditLog)).length;
    expect(total).toBeGreaterThan(0);
    const bad = new Map<string, string>();
    let before: string | undefined;
    let seen = 0;
    for (;;) {
      const { rows, next } = await listAudit(db, admin, auditListSchema.parse({ before }));
      const names = await auditNames(db, rows);
      for (const row of rows) {
        const words = rawWords(textOf(renderToStaticMarkup(await AuditEntry({ row, names }))));
        for (const w of words) if (!bad.has(`${row.entityType}:${w}`)) bad.set(`${row.entityType}:${w}`, `${row.action} ${JSON.stringify(row.after)?.slice(0, 200)}`);
      }
      seen += rows.length;
      if (!next) break;
      before = next;
    }
    expect(seen).toBe(total);
    expect(Object.fromEntries(bad)).toEqual({});
  }, 120_000);
});

describe("a record's 修改记录 in words", () => {
  it("the signing's: amounts, the agreement type, names, and （同项目所属单位） for an emptied 责任单位", async () => {
    const [signing] = await db.select().from(s.signings).where(isNotNull(s.signings.responsibleUnitId)).limit(1);
    await updateSigning(db, admin, signing!.projectId, { agreementType: "formal_contract", phase1InvestmentYi: "3.2", responsibleUnitId: "", note: "已补充协议", version: signing!.version });
    const history = await listEntityHistory(db, "signing", signing!.projectId, 50);
    expect(history.length).toBeGreaterThan(0);
    const { labels, format } = signingHistoryFields(zh as never, await auditNames(db, history));
    const text = textOf(renderToStaticMarkup(await HistoryList({ entries: history, fieldLabels: labels, format })));
    expect(text).toContain("（同项目所属单位）");
    expect(text).toContain("3.20 亿元");
    expect(rawWords(text)).toEqual([]);
  });

  it("the parcel's: 亩, statuses, land uses and names", async () => {
    const [parcel] = await db.select().from(s.parcels).where(isNotNull(s.parcels.zoneId)).limit(1);
    const edited = await updateParcel(db, admin, parcel!.id, {
      code: parcel!.code,
      parkId: parcel!.parkId,
      zoneId: "",
      location: "新址",
      area: "33350",
      areaUnit: "sqm",
      landUse: "rnd",
      version: parcel!.version,
    });
    if (parcel!.status === "reserved") await changeParcelStatus(db, admin, parcel!.id, { toStatus: "cleared", changedOn: "2026-01-05", version: edited.version });
    const history = await listEntityHistory(db, "parcel", parcel!.id, 30);
    const { entries, labels, format } = parcelHistory(zh as never, await namesForHistory(db, admin, history), history);
    const text = textOf(renderToStaticMarkup(await HistoryList({ entries, fieldLabels: labels, format })));
    expect(text).toContain("科研用地");
    expect(rawWords(text)).toEqual([]);
  });

  it("the investor's: ownership in words, tags joined", async () => {
    const [e] = await db.select().from(s.enterprises).limit(1);
    await updateEnterprise(db, admin, e!.id, { ownershipType: e!.ownershipType === "private" ? "local_soe" : "private", tags: ["上市公司", "专精特新"], version: e!.version });
    const entries = (await listEntityHistory(db, "enterprise", e!.id)).map((h) => ({ ...h, kind: "enterprise" as const }));
    const text = textOf(renderToStaticMarkup(await EnterpriseHistory({ entries, gridNames: await historyGridNames(db, admin, entries) })));
    expect(text).toContain("专精特新");
    expect(rawWords(text)).toEqual([]);
  });
});
