/**
 * Importing projects (signed ones with their signing facts). Each row is checked with the
 * forms' own schemas (projectSchema, signingSchema, enterpriseSchema) and the same scope
 * rules as the forms (unit and owner within the viewer's scope, the investor visible).
 *
 * The investor is matched by 统一社会信用代码, then by exact name among the enterprises the
 * viewer may see, or else created (for the project's unit). A project is matched on its stable
 * key — the investor and the exact project name — among the projects the viewer may see: a
 * match is updated (only with the cells that are filled: an empty cell never clears a value),
 * anything else created. Re-importing the same file therefore changes nothing.
 *
 * Stages: a row with signing facts (签约时间, 协议投资额) is a signed project at 签约; a row
 * before 签约 takes the stage its 当前阶段 names. Stages after 签约 (注册 … 投产) are reached
 * through stage reports that a manager reviews, so an import never sets them (it warns).
 */
import { randomUUID } from "node:crypto";
import { and, eq, inArray, sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { enterprises, parcels, projects, signings, stageEvents, type Project, type Signing } from "@/db/schema";
import type { ProjectStage } from "@/db/schema/enums";
import { chineseStageNames, listStageLabels } from "@/lib/reference/stage-labels";
import { diffRows, redact } from "@/lib/audit";
import { scopeIncludesUnit } from "@/lib/auth/scope";
import { visibleEnterprises } from "@/lib/enterprises/scope";
import { enterpriseSchema } from "@/lib/enterprises/validation";
import { areaToMu, MU_PATTERN } from "@/lib/land/area";
import { yiToYuan, yuanToYiInput } from "@/lib/money";
import { visibleProjects } from "@/lib/projects/queries";
import { isSignedStage } from "@/lib/projects/stages";
import { projectSchema, type ProjectValues } from "@/lib/projects/validation";
import { signingColumns } from "@/lib/signings/service";
import { signingSchema, type SigningValues } from "@/lib/signings/validation";
import { AUDIT_COLUMNS, bulkInsert, IMPORT_CHANGE_COLUMNS, PROJECT_COLUMNS, SIGNING_COLUMNS, STAGE_EVENT_COLUMNS } from "./bulk";
import { fieldChanges, type RowChange } from "./changes";
import type { ImportContext } from "./context";
import { exactName } from "./exact";
import { issue, issuesOf, type BatchPlan, type Counts, type ImportHandler, type RowInput, type RowIssue } from "./types";
import { agreementTypeCell, booleanCell, capitalOriginCell, dateCell, listCell, muCell, sourceCell, stageCell, yiCell } from "./values";

type EnterpriseRef = { id: string; create?: Record<string, unknown> };

type Plan =
  | { op: "create"; id: string; enterprise: EnterpriseRef; values: Record<string, unknown>; stage: ProjectStage; signing: Record<string, unknown> | null }
  | {
      op: "update";
      id: string;
      enterprise: EnterpriseRef;
      before: Project;
      set: Record<string, unknown>;
      stage: ProjectStage | null;
      signing: { op: "create"; values: Record<string, unknown> } | { op: "update"; before: Signing; set: Record<string, unknown> } | null;
    };

/** Zod paths of the forms' schemas → the import's field that holds them. */
const FIELD_OF: Record<string, string> = {
  enterpriseId: "enterpriseName",
  ownerId: "owner",
  unitId: "unit",
  industryChainId: "chain",
  eventId: "event",
  sourceEventId: "sourceEvent",
  stewardId: "steward",
  responsibleUnitId: "responsibleUnit",
};
const fieldOf = (path: string) => FIELD_OF[path] ?? path;

const has = (v: Record<string, string>, f: string) => (v[f] ?? "") !== "";

/** The area of the parcels matched to the project (what the signed list writes under 用地(亩) when there are any). */
const parcelMuOf = sql<string | null>`(select sum(${parcels.areaMu}) from ${parcels} where ${parcels.projectId} = ${projects.id} and ${parcels.archivedAt} is null)`;

/** The project as its form holds it (亿元), to merge the row's filled cells over. */
function projectForm(p: Project) {
  return {
    name: p.name,
    enterpriseId: p.enterpriseId,
    industryChainId: p.industryChainId,
    sourceEventId: p.sourceEventId,
    source: p.source,
    totalInvestmentYi: yuanToYiInput(p.totalInvestment),
    capitalOrigin: p.capitalOrigin,
    ownerId: p.ownerId,
    unitId: p.unitId,
    responsibleLeader: p.responsibleLeader,
    isKey: p.isKey,
    expectedSigningDate: p.expectedSigningDate,
    description: p.description,
  };
}

function signingForm(s: Signing) {
  return {
    signingDate: s.signingDate,
    agreementType: s.agreementType,
    contractInvestmentYi: yuanToYiInput(s.contractInvestment),
    phase1InvestmentYi: s.phase1Investment ? yuanToYiInput(s.phase1Investment) : "",
    eventId: s.eventId,
    stewardId: s.stewardId,
    responsibleUnitId: s.responsibleUnitId,
    progress: s.progress,
    issues: s.issues,
    note: s.note,
  };
}

function projectColumns(v: ProjectValues) {
  const { totalInvestmentYi, ...rest } = v;
  return { ...rest, totalInvestment: yiToYuan(totalInvestmentYi)! };
}

function signingRowColumns(v: SigningValues) {
  return { ...signingColumns(v), progress: v.progress, issues: v.issues, note: v.note };
}

/** Numeric columns compare as numbers ("100000000" and "100000000.00" are the same amount). */
function sameValue(a: unknown, b: unknown): boolean {
  if (typeof a === "string" && typeof b === "string" && /^-?\d+(\.\d+)?$/.test(a) && /^-?\d+(\.\d+)?$/.test(b)) {
    const norm = (s: string) => (s.includes(".") ? s.replace(/0+$/, "").replace(/\.$/, "") : s);
    return norm(a) === norm(b);
  }
  return JSON.stringify(a) === JSON.stringify(b);
}

function changed(before: Record<string, unknown>, after: Record<string, unknown>): Record<string, unknown> {
  const set: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(after)) if (!sameValue(before[k], v)) set[k] = v;
  return set;
}

export function projectImport(ctx: ImportContext): ImportHandler {
  const counts: Counts = { created: 0, updated: 0, unchanged: 0, enterprisesCreated: 0, enterprisesUpdated: 0 };
  /** Investors this import creates, by USCC and by name, so later rows use the same one. */
  const newByUscc = new Map<string, EnterpriseRef>();
  const newByName = new Map<string, EnterpriseRef>();
  /** Stable keys seen in the file → the first row with it. */
  const seen = new Map<string, number>();

  /** A reference cell → an id: a missing or ambiguous name is an issue on that column. */
  function resolve(row: RowInput, field: string, find: ImportContext["unit"], errors: RowIssue[]): string | null {
    if (!has(row.values, field)) return null;
    const r = find(row.values[field]!);
    if (r.ok) return r.value.id;
    errors.push(issue(row, field, r.reason === "ambiguous" ? "imports.errors.ambiguous" : "imports.errors.notFound"));
    return null;
  }

  /** A person named in a cell (display name or username), active. */
  function resolvePerson(row: RowInput, field: string, errors: RowIssue[]) {
    if (!has(row.values, field)) return null;
    const r = ctx.person(row.values[field]!);
    if (r.ok) return r.value;
    errors.push(issue(row, field, r.reason === "ambiguous" ? "imports.errors.ambiguous" : "imports.errors.personNotFound"));
    return null;
  }

  async function plan(tx: Tx, rows: RowInput[], commit: boolean): Promise<BatchPlan> {
    const errors = new Map<number, RowIssue[]>();
    const warnings: RowIssue[] = [];
    const plans: Plan[] = [];
    const rowChanges: RowChange[] = [];
    const v = (row: RowInput, f: string) => row.values[f] ?? "";
    const stageNames = chineseStageNames(await listStageLabels(tx));

    // Investors named in this batch: by USCC (any, visible or not: the code is unique) and by name (visible only).
    const usccs = [...new Set(rows.map((r) => v(r, "enterpriseUscc").toUpperCase()).filter(Boolean))];
    const names = [...new Set(rows.map((r) => v(r, "enterpriseName")).filter(Boolean))];
    const visible = visibleEnterprises(ctx.scope);
    const byUsccRows = usccs.length
      ? await tx
          .select({ id: enterprises.id, name: enterprises.name, uscc: enterprises.uscc, visible: sql<boolean>`coalesce(${visible}, false)` })
          .from(enterprises)
          .where(inArray(enterprises.uscc, usccs))
      : [];
    const byNameRows = names.length
      ? await tx.select({ id: enterprises.id, name: enterprises.name, uscc: enterprises.uscc }).from(enterprises).where(and(inArray(exactName(enterprises.name), names), visible))
      : [];
    const byUscc = new Map(byUsccRows.map((e) => [e.uscc!, e]));
    const byName = new Map<string, { id: string; uscc: string | null }[]>();
    for (const e of byNameRows) byName.set(e.name, [...(byName.get(e.name) ?? []), e]);

    // The investor of each row (an existing id, a new one of this import, or an issue).
    const investor = new Map<number, EnterpriseRef | null>();
    for (const row of rows) {
      const rowErrors: RowIssue[] = [];
      const uscc = v(row, "enterpriseUscc").toUpperCase();
      const name = v(row, "enterpriseName");
      let ref: EnterpriseRef | null = null;
      if (uscc) {
        const found = byUscc.get(uscc);
        if (found && found.visible) ref = { id: found.id };
        else if (found) rowErrors.push(issue(row, "enterpriseUscc", "enterprises.errors.usccTaken"));
      }
      if (!ref && !rowErrors.length) {
        // Then the exact name, among visible investors that have no other code.
        const candidates = (byName.get(name) ?? []).filter((e) => !uscc || !e.uscc || e.uscc === uscc);
        if (candidates.length === 1) ref = { id: candidates[0]!.id };
        else if (candidates.length > 1) rowErrors.push(issue(row, "enterpriseName", "imports.errors.enterpriseAmbiguous"));
      }
      if (!ref && !rowErrors.length) {
        const parsed = enterpriseSchema.safeParse({
          name,
          uscc,
          headquarters: v(row, "headquarters"),
          industryCode: v(row, "industryCode"),
          tags: listCell(v(row, "tags")),
        });
        if (parsed.success) ref = { id: randomUUID(), create: parsed.data };
        else
          rowErrors.push(
            ...issuesOf(row, parsed.error, (p) => ({ name: "enterpriseName", uscc: "enterpriseUscc", tags: "tags", headquarters: "headquarters", industryCode: "industryCode" })[p] ?? p),
          );
      }
      investor.set(row.number, ref);
      if (rowErrors.length) errors.set(row.number, rowErrors);
    }

    // Existing projects on the stable key (investor, name), with their signing; locked when committing.
    const knownIds = [...new Set([...investor.values()].filter((r): r is EnterpriseRef => Boolean(r && !r.create)).map((r) => r.id))];
    const projectNames = [...new Set(rows.map((r) => v(r, "name")).filter(Boolean))];
    let existing: { project: Project; signing: Signing | null; parcelMu: string | null }[] = [];
    if (knownIds.length && projectNames.length) {
      const q = tx
        .select({ project: projects, signing: signings, parcelMu: parcelMuOf })
        .from(projects)
        .leftJoin(signings, eq(signings.projectId, projects.id))
        .where(and(inArray(projects.enterpriseId, knownIds), inArray(exactName(projects.name), projectNames), visibleProjects(ctx.scope)));
      existing = commit ? await q.for("update", { of: projects }) : await q;
    }
    const byKey = new Map<string, (typeof existing)[number][]>();
    for (const e of existing) {
      const key = `${e.project.enterpriseId}|${e.project.name}`;
      byKey.set(key, [...(byKey.get(key) ?? []), e]);
    }

    for (const row of rows) {
      const rowErrors = errors.get(row.number) ?? [];
      let ref = investor.get(row.number) ?? null;
      const name = v(row, "name");
      // An investor an earlier row of the file creates is that same new investor here.
      if (ref?.create) {
        const uscc = ref.create.uscc as string | null;
        const earlier = (uscc ? newByUscc.get(uscc) : undefined) ?? newByName.get(ref.create.name as string);
        if (earlier) ref = { id: earlier.id };
      }
      const key = ref ? `${ref.id}|${name}` : null;
      if (key && name) {
        const first = seen.get(key);
        if (first !== undefined) rowErrors.push(issue(row, "name", "imports.errors.duplicateRow", { row: first }));
        else seen.set(key, row.number);
      }
      const matches = ref && !ref.create ? (byKey.get(`${ref.id}|${name}`) ?? []) : [];
      if (matches.length > 1) rowErrors.push(issue(row, "name", "imports.errors.projectAmbiguous"));
      const current = matches.length === 1 ? matches[0]! : null;

      // References by name.
      const owner = resolvePerson(row, "owner", rowErrors);
      const unitCell = resolve(row, "unit", ctx.unit, rowErrors);
      const chainId = resolve(row, "chain", ctx.chain, rowErrors);
      const parkId = resolve(row, "park", ctx.park, rowErrors);
      const eventId = resolve(row, "event", ctx.event, rowErrors);
      const sourceEventId = resolve(row, "sourceEvent", ctx.event, rowErrors);
      const stewardId = resolvePerson(row, "steward", rowErrors)?.id;
      const responsibleUnitId = resolve(row, "responsibleUnit", ctx.unit, rowErrors);

      // Who owns it and which unit, as the form allows them (the viewer's scope); by default as it is, or the viewer.
      if (owner && !scopeIncludesUnit(ctx.scope, owner.unitId)) rowErrors.push(issue(row, "owner", "projects.errors.ownerOutOfScope"));
      const unitId = unitCell ?? (current ? current.project.unitId : owner ? owner.unitId : ctx.viewer.unitId);
      if (unitCell && !scopeIncludesUnit(ctx.scope, unitCell)) rowErrors.push(issue(row, "unit", "projects.errors.unitOutOfScope"));

      // The project's fields: the current ones (when updating) with the filled cells over them.
      const cells: Record<string, unknown> = {};
      if (has(row.values, "name")) cells.name = name;
      if (has(row.values, "totalInvestmentYi")) cells.totalInvestmentYi = yiCell(v(row, "totalInvestmentYi"));
      if (has(row.values, "source")) cells.source = sourceCell(v(row, "source"));
      if (has(row.values, "capitalOrigin")) cells.capitalOrigin = capitalOriginCell(v(row, "capitalOrigin"));
      if (has(row.values, "responsibleLeader")) cells.responsibleLeader = v(row, "responsibleLeader");
      if (has(row.values, "description")) cells.description = v(row, "description");
      if (has(row.values, "expectedSigningDate")) cells.expectedSigningDate = dateCell(v(row, "expectedSigningDate"));
      if (has(row.values, "isKey")) cells.isKey = booleanCell(v(row, "isKey"));
      if (chainId) cells.industryChainId = chainId;
      if (sourceEventId) cells.sourceEventId = sourceEventId;
      if (owner) cells.ownerId = owner.id;
      const base = current ? projectForm(current.project) : { source: "other", capitalOrigin: "local", ownerId: ctx.viewer.id, isKey: false };
      const projectInput = { ...base, ...cells, enterpriseId: ref?.id ?? randomUUID(), unitId };
      const parsed = projectSchema.safeParse(projectInput);
      if (!parsed.success) rowErrors.push(...issuesOf(row, parsed.error, fieldOf));

      // Land need (亩) and park.
      let landNeedMu: string | null | undefined;
      if (has(row.values, "landNeedMu")) {
        const mu = muCell(v(row, "landNeedMu"));
        landNeedMu = MU_PATTERN.test(mu) ? areaToMu(mu, "mu") : null;
        if (landNeedMu === null) rowErrors.push(issue(row, "landNeedMu", "parks.errors.areaMu"));
      }

      // Stage and signing.
      const stageText = stageCell(v(row, "stage"), stageNames);
      if (has(row.values, "stage") && !stageText) rowErrors.push(issue(row, "stage", "imports.errors.stage"));
      const signingCells = ["signingDate", "contractInvestmentYi", "phase1InvestmentYi", "agreementType", "event"].some((f) => has(row.values, f));
      const signed = Boolean(current?.signing) || signingCells || (stageText !== null && isSignedStage(stageText));
      let signing: SigningValues | null = null;
      if (signed) {
        const s: Record<string, unknown> = current?.signing ? signingForm(current.signing) : { agreementType: "investment" };
        if (has(row.values, "signingDate")) s.signingDate = dateCell(v(row, "signingDate"));
        if (has(row.values, "agreementType")) s.agreementType = agreementTypeCell(v(row, "agreementType"));
        if (has(row.values, "contractInvestmentYi")) s.contractInvestmentYi = yiCell(v(row, "contractInvestmentYi"));
        if (has(row.values, "phase1InvestmentYi")) s.phase1InvestmentYi = yiCell(v(row, "phase1InvestmentYi"));
        if (eventId) s.eventId = eventId;
        if (stewardId) s.stewardId = stewardId;
        // The export writes the project's own unit where the signing names none ("（同项目所属单位）"): that is no change.
        if (responsibleUnitId && !(responsibleUnitId === unitId && !s.responsibleUnitId)) s.responsibleUnitId = responsibleUnitId;
        for (const f of ["progress", "issues", "note"]) if (has(row.values, f)) s[f] = v(row, f);
        const sp = signingSchema.safeParse({ ...s, responsibleLeader: "", version: current?.signing?.version ?? 1 });
        if (sp.success) signing = sp.data;
        else rowErrors.push(...issuesOf(row, sp.error, fieldOf));
      }
      if (stageText && isSignedStage(stageText) && stageText !== "signed" && (!current || !isSignedStage(current.project.stage))) {
        warnings.push(issue(row, "stage", "imports.warnings.laterStage"));
      }

      if (rowErrors.length) {
        errors.set(row.number, rowErrors);
        continue;
      }
      const values = parsed.data!;
      // The investor this row creates is this import's from now on (for the project's unit).
      if (ref?.create) {
        ref.create = { ...ref.create, unitId: values.unitId };
        if (ref.create.uscc) newByUscc.set(ref.create.uscc as string, { id: ref.id });
        newByName.set(ref.create.name as string, { id: ref.id });
      }
      // 用地(亩) as the signed list writes it is the matched parcels' area when there are any: that is not the land need.
      const landIsParcels = landNeedMu && current?.parcelMu != null && sameValue(current.parcelMu, landNeedMu);
      const columns: Record<string, unknown> = { ...projectColumns(values), ...(parkId ? { parkId } : {}), ...(landNeedMu && !landIsParcels ? { landNeedMu } : {}) };
      if (!current) {
        const stage: ProjectStage = signing ? "signed" : stageText && !isSignedStage(stageText) ? stageText : "lead";
        const signingValues = signing ? signingRowColumns(signing) : null;
        plans.push({ op: "create", id: randomUUID(), enterprise: ref!, values: columns, stage, signing: signingValues });
        const { enterpriseId: _e, ...shown } = columns;
        rowChanges.push({
          row: row.number,
          op: "create",
          entity: "project",
          name: values.name,
          fields: [
            { column: row.columns.enterpriseName ?? "投资方", before: "", after: v(row, "enterpriseName") + (ref!.create ? "（新建）" : "") },
            ...fieldChanges("project", row, null, { ...shown, stage, ...signingValues }, ctx.names),
          ],
        });
        continue;
      }
      const before = current.project;
      const set = changed(before as unknown as Record<string, unknown>, columns);
      let stage: ProjectStage | null = null;
      if (signing && !isSignedStage(before.stage)) stage = "signed";
      else if (!signing && stageText && !isSignedStage(stageText) && stageText !== before.stage) stage = stageText;
      let signingPlan: Extract<Plan, { op: "update" }>["signing"] = null;
      if (signing && !current.signing) signingPlan = { op: "create", values: signingRowColumns(signing) };
      else if (signing && current.signing) {
        const s = changed(current.signing as unknown as Record<string, unknown>, signingRowColumns(signing));
        if (Object.keys(s).length) signingPlan = { op: "update", before: current.signing, set: s };
      }
      if (!Object.keys(set).length && !stage && !signingPlan) {
        counts.unchanged++;
        continue;
      }
      plans.push({ op: "update", id: before.id, enterprise: ref!, before, set, stage, signing: signingPlan });
      const beforeRow = before as unknown as Record<string, unknown>;
      rowChanges.push({
        row: row.number,
        op: "update",
        entity: "project",
        name: before.name,
        fields: [
          ...fieldChanges("project", row, beforeRow, { ...set, ...(stage ? { stage } : {}) }, ctx.names),
          ...(signingPlan?.op === "create" ? fieldChanges("project", row, null, signingPlan.values, ctx.names) : []),
          ...(signingPlan?.op === "update" ? fieldChanges("project", row, signingPlan.before as unknown as Record<string, unknown>, signingPlan.set, ctx.names) : []),
        ],
      });
    }

    const planned = {
      creates: plans.filter((p) => p.op === "create").length,
      updates: plans.filter((p) => p.op === "update").length,
      enterpriseCreates: plans.filter((p) => p.enterprise.create).length,
    };
    return { errors, warnings, planned, changes: rowChanges, write: (t, importId) => write(t, importId, plans) };
  }

  async function write(tx: Tx, importId: string, plans: Plan[]) {
    const actorId = ctx.viewer.id;
    const now = new Date();
    const audit: Record<string, unknown>[] = [];
    const changes: Record<string, unknown>[] = [];

    const newEnterprises = plans.flatMap((p) => (p.enterprise.create ? [{ id: p.enterprise.id, ...p.enterprise.create, createdById: actorId }] : []));
    if (newEnterprises.length) {
      // Through the ORM: their tags are an array column.
      await tx.insert(enterprises).values(newEnterprises as (typeof enterprises.$inferInsert)[]);
      for (const e of newEnterprises) {
        audit.push({ actorId, action: "create", entityType: "enterprise", entityId: e.id, after: { ...e, importId } });
        changes.push({ importId, entityType: "enterprise", entityId: e.id, action: "create" });
      }
      counts.enterprisesCreated += newEnterprises.length;
    }

    const creates = plans.filter((p): p is Extract<Plan, { op: "create" }> => p.op === "create");
    if (creates.length) {
      const rows = creates.map((p) => ({ ...p.values, id: p.id, stage: p.stage, status: "active", createdById: actorId, stageChangedAt: now }));
      await bulkInsert(tx, "projects", PROJECT_COLUMNS, rows);
      await bulkInsert(
        tx,
        "stage_events",
        STAGE_EVENT_COLUMNS,
        rows.map((r) => ({ projectId: r.id, toStage: r.stage, toStatus: "active", actorId, note: "导入", at: now })),
      );
      const signed = creates.filter((p) => p.signing);
      await bulkInsert(
        tx,
        "signings",
        SIGNING_COLUMNS,
        signed.map((p) => ({ ...p.signing, projectId: p.id })),
      );
      for (const p of creates) {
        // One row each, the signing facts inside it (as the board's 签约 writes one row for the move).
        audit.push({ actorId, action: "create", entityType: "project", entityId: p.id, after: { ...p.values, id: p.id, stage: p.stage, status: "active", signing: p.signing ?? undefined, importId } });
        changes.push({ importId, entityType: "project", entityId: p.id, action: "create" });
      }
      counts.created += creates.length;
    }

    for (const p of plans) {
      if (p.op !== "update") continue;
      const projectSet: Record<string, unknown> = { ...p.set };
      if (p.stage) Object.assign(projectSet, { stage: p.stage, stageChangedAt: now });
      if (Object.keys(projectSet).length) {
        const [after] = await tx
          .update(projects)
          .set({ ...projectSet, version: sql`${projects.version} + 1` })
          .where(eq(projects.id, p.id))
          .returning();
        const diff = diffRows(p.before as unknown as Record<string, unknown>, after as unknown as Record<string, unknown>, ["updatedAt", "version", "stageChangedAt"]);
        // No import id in an edit's fields: the project's timeline lists them (import_changes links the two).
        audit.push({ actorId, action: "update", entityType: "project", entityId: p.id, before: diff.before, after: diff.after });
        const previous = Object.fromEntries(Object.keys(projectSet).map((k) => [k, (p.before as unknown as Record<string, unknown>)[k]]));
        changes.push({ importId, entityType: "project", entityId: p.id, action: "update", before: { ...redact(previous), version: p.before.version } });
        if (p.stage) {
          await tx.insert(stageEvents).values({ projectId: p.id, fromStage: p.before.stage, toStage: p.stage, fromStatus: p.before.status, toStatus: p.before.status, actorId, note: "导入", at: now });
        }
      }
      if (p.signing?.op === "create") {
        await tx.insert(signings).values({ ...p.signing.values, projectId: p.id } as typeof signings.$inferInsert);
        audit.push({ actorId, action: "create", entityType: "signing", entityId: p.id, after: { ...p.signing.values, importId } });
        changes.push({ importId, entityType: "signing", entityId: p.id, action: "create" });
      } else if (p.signing?.op === "update") {
        await tx
          .update(signings)
          .set({ ...p.signing.set, version: sql`${signings.version} + 1` })
          .where(eq(signings.projectId, p.id));
        const before = p.signing.before as unknown as Record<string, unknown>;
        const previous = Object.fromEntries(Object.keys(p.signing.set).map((k) => [k, before[k]]));
        audit.push({ actorId, action: "update", entityType: "signing", entityId: p.id, before: redact(previous), after: p.signing.set });
        changes.push({ importId, entityType: "signing", entityId: p.id, action: "update", before: { ...redact(previous), version: p.signing.before.version } });
      }
      counts.updated++;
    }

    await bulkInsert(tx, "audit_log", AUDIT_COLUMNS, audit);
    await bulkInsert(tx, "import_changes", IMPORT_CHANGE_COLUMNS, changes);
  }

  return { plan, counts };
}
