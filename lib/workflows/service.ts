import { and, asc, eq, inArray, isNotNull, ne, sql } from "drizzle-orm";
import type { Db, DbOrTx, Tx } from "@/db/client";
import { checklistItems, checklists, milestones, parks, projects, signings, templateItems, users, workflowTemplates, zones } from "@/db/schema";
import { diffRows, writeAudit } from "@/lib/audit";
import { assertRole, type Viewer } from "@/lib/auth/roles";
import { scopeIncludesUnit, scopeOf } from "@/lib/auth/scope";
import { ConflictError, isUniqueViolation, NotFoundError, ValidationError } from "@/lib/errors";
import { todayInChina } from "@/lib/i18n/format";
import { visibleProjects } from "@/lib/projects/queries";
import { parseOrThrow, parseVersionedSave } from "@/lib/validation";
import { checklistEditFacts } from "./queries";
import { completionProblem, dueDateFor, mayEditItem, orderByPhase, type Anchors } from "./rules";
import { applySchema, closeItemSchema, itemFormValues, itemUpdateSchema, templateItemSchema, templateSchema } from "./validation";

type Ctx = { ip?: string | null };

// ── Templates: admins only; every change raises the revision ──────────────────

function codeTaken(e: unknown): never {
  if (isUniqueViolation(e, "workflow_templates_code_unique")) throw new ValidationError({ code: ["workflows.errors.codeTaken"] });
  throw e;
}

export async function createTemplate(db: Db, actor: Viewer, input: unknown, ctx: Ctx = {}) {
  assertRole(actor, "admin");
  const { version: _v, ...data } = parseOrThrow(templateSchema, input);
  return db
    .transaction(async (tx) => {
      const [{ next }] = (await tx.select({ next: sql<number>`coalesce(max(${workflowTemplates.sortOrder}), 0) + 1` }).from(workflowTemplates)) as [{ next: number }];
      const [created] = await tx.insert(workflowTemplates).values({ ...data, sortOrder: next }).returning();
      await writeAudit(tx, { actorId: actor.id, action: "create", entityType: "workflow_template", entityId: created!.id, after: created, ip: ctx.ip });
      return created!;
    })
    .catch(codeTaken);
}

/**
 * Locks the template for a change and raises its revision (checklists already started keep
 * theirs). `version` guards the template's own fields, so it moves only when they change: an
 * item added on the same page leaves the open form of the fields current.
 */
async function reviseTemplate(tx: Tx, actor: Viewer, id: string, expectedVersion: number | null, set: Partial<typeof workflowTemplates.$inferInsert>, ctx: Ctx) {
  const [before] = await tx.select().from(workflowTemplates).where(eq(workflowTemplates.id, id)).for("update");
  if (!before) throw new NotFoundError();
  if (expectedVersion !== null && before.version !== expectedVersion) throw new ConflictError(before);
  const fieldsChange = Object.keys(set).length > 0;
  const [after] = await tx
    .update(workflowTemplates)
    .set({ ...set, revision: sql`${workflowTemplates.revision} + 1`, ...(fieldsChange ? { version: sql`${workflowTemplates.version} + 1` } : {}) })
    .where(eq(workflowTemplates.id, id))
    .returning();
  const changes = diffRows(before, after!);
  await writeAudit(tx, { actorId: actor.id, action: "update", entityType: "workflow_template", entityId: id, ...changes, ip: ctx.ip });
  return after!;
}

/**
 * Saves the template's own fields. A save that changes nothing leaves the revision alone; a
 * phase may only be dropped once no item is left in it.
 */
export async function updateTemplate(db: Db, actor: Viewer, id: string, input: unknown, ctx: Ctx = {}) {
  assertRole(actor, "admin");
  const { version, ...data } = parseOrThrow(templateSchema, input);
  return db
    .transaction(async (tx) => {
      const [before] = await tx.select().from(workflowTemplates).where(eq(workflowTemplates.id, id)).for("update");
      if (!before) throw new NotFoundError();
      if (before.version !== version) throw new ConflictError(before);
      if (!Object.keys(diffRows(before, { ...before, ...data }).after).length) return before;
      const dropped = before.phases.filter((p) => !data.phases.includes(p));
      if (dropped.length) {
        const [inUse] = await tx
          .select({ phase: templateItems.phase })
          .from(templateItems)
          .where(and(eq(templateItems.templateId, id), inArray(templateItems.phase, dropped)))
          .limit(1);
        if (inUse) throw new ValidationError({ phases: ["workflows.errors.phaseInUse"] });
      }
      return reviseTemplate(tx, actor, id, version, data, ctx);
    })
    .catch(codeTaken);
}

/** A phased template's items sit in one of its phases; a flat template's in none. */
function checkPhase(template: { phases: string[] }, phase: string) {
  const ok = template.phases.length ? template.phases.includes(phase) : phase === "";
  if (!ok) throw new ValidationError({ phase: ["workflows.errors.unknownPhase"] });
}

export async function addTemplateItem(db: Db, actor: Viewer, templateId: string, input: unknown, ctx: Ctx = {}) {
  assertRole(actor, "admin");
  const { version: _v, ...data } = parseOrThrow(templateItemSchema, input);
  return db.transaction(async (tx) => {
    const template = await reviseTemplate(tx, actor, templateId, null, {}, ctx);
    checkPhase(template, data.phase);
    const [{ next }] = (await tx
      .select({ next: sql<number>`coalesce(max(${templateItems.sortOrder}), 0) + 1` })
      .from(templateItems)
      .where(eq(templateItems.templateId, templateId))) as [{ next: number }];
    const [created] = await tx.insert(templateItems).values({ ...data, templateId, sortOrder: next }).returning();
    await writeAudit(tx, { actorId: actor.id, action: "create", entityType: "template_item", entityId: created!.id, after: created, ip: ctx.ip });
    return created!;
  });
}

export async function updateTemplateItem(db: Db, actor: Viewer, itemId: string, input: unknown, ctx: Ctx = {}) {
  assertRole(actor, "admin");
  const { version, ...data } = parseOrThrow(templateItemSchema, input);
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(templateItems).where(eq(templateItems.id, itemId)).for("update");
    if (!before) throw new NotFoundError();
    if (before.version !== version) throw new ConflictError(before);
    // Saving the form unchanged is not a new revision.
    if (!Object.keys(diffRows(before, { ...before, ...data }).after).length) return before;
    const template = await reviseTemplate(tx, actor, before.templateId, null, {}, ctx);
    checkPhase(template, data.phase);
    const [after] = await tx
      .update(templateItems)
      .set({ ...data, version: sql`${templateItems.version} + 1` })
      .where(eq(templateItems.id, itemId))
      .returning();
    await writeAudit(tx, { actorId: actor.id, action: "update", entityType: "template_item", entityId: itemId, ...diffRows(before, after!), ip: ctx.ip });
    return after!;
  });
}

/** Removes an item from the template; checklists already started keep their copy. */
export async function deleteTemplateItem(db: Db, actor: Viewer, itemId: string, ctx: Ctx = {}) {
  assertRole(actor, "admin");
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(templateItems).where(eq(templateItems.id, itemId)).for("update");
    if (!before) throw new NotFoundError();
    await reviseTemplate(tx, actor, before.templateId, null, {}, ctx);
    await tx.delete(templateItems).where(eq(templateItems.id, itemId));
    await writeAudit(tx, { actorId: actor.id, action: "delete", entityType: "template_item", entityId: itemId, before, ip: ctx.ip });
  });
}

/**
 * Moves an item one place up or down among the items of its phase (the editor shows them
 * grouped by phase). At the top or bottom already, nothing changes and the revision stays.
 */
export async function moveTemplateItem(db: Db, actor: Viewer, itemId: string, direction: "up" | "down", ctx: Ctx = {}) {
  assertRole(actor, "admin");
  return db.transaction(async (tx) => {
    const [item] = await tx.select().from(templateItems).where(eq(templateItems.id, itemId));
    if (!item) throw new NotFoundError();
    // Lock the template first: two moves at once renumber one after the other.
    await tx.select({ id: workflowTemplates.id }).from(workflowTemplates).where(eq(workflowTemplates.id, item.templateId)).for("update");
    const all = await tx
      .select({ id: templateItems.id, phase: templateItems.phase, sortOrder: templateItems.sortOrder })
      .from(templateItems)
      .where(eq(templateItems.templateId, item.templateId))
      .orderBy(asc(templateItems.sortOrder), asc(templateItems.createdAt));
    const from = all.findIndex((s) => s.id === itemId);
    const step = direction === "up" ? -1 : 1;
    let to = from + step;
    while (to >= 0 && to < all.length && all[to]!.phase !== item.phase) to += step;
    if (to < 0 || to >= all.length) return false;
    [all[from], all[to]] = [all[to]!, all[from]!];
    await reviseTemplate(tx, actor, item.templateId, null, {}, ctx);
    for (const [i, s] of all.entries()) {
      // The order is the template's (its revision rose); an item's own form stays current.
      if (s.sortOrder !== i + 1) await tx.update(templateItems).set({ sortOrder: i + 1 }).where(eq(templateItems.id, s.id));
    }
    const newOrder = all.findIndex((s) => s.id === itemId) + 1;
    await writeAudit(tx, { actorId: actor.id, action: "update", entityType: "template_item", entityId: itemId, before: { sortOrder: item.sortOrder }, after: { sortOrder: newOrder }, ip: ctx.ip });
    return true;
  });
}

// ── Checklists ─────────────────────────────────────────────────────────────────

/**
 * The land date of a project: its 供地 report's actual date once approved (as official figures
 * count it; approval fills the dates in again, see fillLandDueDates), else its planned date.
 */
async function landDate(db: DbOrTx, projectId: string): Promise<string | null> {
  const [m] = await db
    .select({ actual: milestones.actualDate, status: milestones.reviewStatus, planned: milestones.plannedDate })
    .from(milestones)
    .where(and(eq(milestones.projectId, projectId), eq(milestones.stage, "land_secured")));
  if (!m) return null;
  if (m.actual && m.status === "approved") return m.actual;
  return m.planned;
}

/**
 * Starts a checklist from a template: a park mechanism for a park (or one of its zones), by a
 * manager or admin for a unit in their scope; a project service for a signed project, by
 * whoever may change the project. The items are copied with due dates from their offsets.
 */
export async function applyTemplate(db: Db, viewer: Viewer, input: unknown, ctx: Ctx = {}) {
  const data = parseOrThrow(applySchema, input);
  const scope = await scopeOf(db, viewer);
  return db
    .transaction(async (tx) => {
      const [template] = await tx.select().from(workflowTemplates).where(and(eq(workflowTemplates.id, data.templateId), eq(workflowTemplates.active, true)));
      if (!template) throw new ValidationError({ templateId: ["workflows.errors.templateRequired"] });
      let target: { parkId: string | null; zoneId: string | null; projectId: string | null; unitId: string };
      const anchors: Anchors = { start: data.startedOn, signing: null, land: null };
      if (template.kind === "park_mechanism") {
        assertRole(viewer, "manager");
        if (!data.parkId) throw new ValidationError({ parkId: ["errors.required"] });
        const [park] = await tx.select({ id: parks.id }).from(parks).where(eq(parks.id, data.parkId));
        if (!park) throw new ValidationError({ parkId: ["errors.invalidChoice"] });
        if (data.zoneId) {
          const [zone] = await tx.select({ id: zones.id }).from(zones).where(and(eq(zones.id, data.zoneId), eq(zones.parkId, data.parkId)));
          if (!zone) throw new ValidationError({ zoneId: ["errors.invalidChoice"] });
        }
        const unitId = data.unitId ?? viewer.unitId;
        if (!scopeIncludesUnit(scope, unitId)) throw new ValidationError({ unitId: ["projects.errors.unitOutOfScope"] });
        target = { parkId: data.parkId, zoneId: data.zoneId, projectId: null, unitId };
      } else {
        if (!data.projectId) throw new ValidationError({ projectId: ["errors.required"] });
        const [project] = await tx
          .select({ id: projects.id, unitId: projects.unitId, signingDate: signings.signingDate })
          .from(projects)
          .leftJoin(signings, eq(signings.projectId, projects.id))
          .where(and(eq(projects.id, data.projectId), visibleProjects(scope)));
        if (!project) throw new NotFoundError();
        if (!project.signingDate) throw new ValidationError({ _form: ["workflows.errors.notSigned"] }, "workflows.errors.notSigned");
        anchors.signing = project.signingDate;
        anchors.land = await landDate(tx, project.id);
        target = { parkId: null, zoneId: null, projectId: project.id, unitId: project.unitId };
      }
      if (data.ownerId) {
        const [owner] = await tx.select({ id: users.id }).from(users).where(and(eq(users.id, data.ownerId), eq(users.active, true)));
        if (!owner) throw new ValidationError({ ownerId: ["errors.invalidChoice"] });
      }
      const [checklist] = await tx
        .insert(checklists)
        .values({
          templateId: template.id,
          templateRevision: template.revision,
          kind: template.kind,
          name: template.name,
          phases: template.phases,
          ...target,
          ownerId: data.ownerId,
          startedOn: data.startedOn,
          createdById: viewer.id,
        })
        .returning();
      const items = orderByPhase(
        await tx.select().from(templateItems).where(eq(templateItems.templateId, template.id)).orderBy(asc(templateItems.sortOrder), asc(templateItems.createdAt)),
        template.phases,
      );
      if (items.length) {
        await tx.insert(checklistItems).values(
          items.map((item, i) => ({
            checklistId: checklist!.id,
            templateItemId: item.id,
            phase: item.phase,
            category: item.category,
            title: item.title,
            description: item.description,
            responsibleDepartment: item.responsibleDepartment,
            evidenceRequired: item.evidenceRequired,
            dueOffsetDays: item.dueOffsetDays,
            dueAnchor: item.dueAnchor,
            dueDate: dueDateFor(item, anchors),
            ownerId: data.ownerId,
            sortOrder: i + 1,
          })),
        );
      }
      await writeAudit(tx, { actorId: viewer.id, action: "create", entityType: "checklist", entityId: checklist!.id, after: { ...checklist, items: items.length }, ip: ctx.ip });
      return checklist!;
    })
    .catch((e: unknown) => {
      if (isUniqueViolation(e, "checklists_template_target_key")) throw new ValidationError({ templateId: ["workflows.errors.alreadyApplied"] }, "workflows.errors.alreadyApplied");
      throw e;
    });
}

/**
 * The item, locked, if the viewer may change it (mayEditItem: its owner, the checklist's owner,
 * a manager over the checklist's unit, an admin; for a project's checklist also whoever may
 * change the project and its 项目服务管家). Anyone else gets "not found".
 */
async function lockEditableItem(tx: Tx, viewer: Viewer, itemId: string) {
  const [row] = await tx
    .select({ item: checklistItems, checklist: checklists })
    .from(checklistItems)
    .innerJoin(checklists, eq(checklists.id, checklistItems.checklistId))
    .where(eq(checklistItems.id, itemId))
    .for("update", { of: checklistItems });
  if (!row) throw new NotFoundError();
  const facts = await checklistEditFacts(tx, viewer, row.checklist);
  if (!mayEditItem(viewer, { ...facts, itemOwnerId: row.item.ownerId })) throw new NotFoundError();
  return row;
}

async function saveItem(tx: Tx, viewer: Viewer, before: typeof checklistItems.$inferSelect, set: Partial<typeof checklistItems.$inferInsert>, ctx: Ctx) {
  const [after] = await tx
    .update(checklistItems)
    .set({ ...set, version: sql`${checklistItems.version} + 1` })
    .where(eq(checklistItems.id, before.id))
    .returning();
  const changes = diffRows(before, after!);
  if (Object.keys(changes.after).length) {
    await writeAudit(tx, { actorId: viewer.id, action: "update", entityType: "checklist_item", entityId: before.id, ...changes, ip: ctx.ip });
  }
  return after!;
}

/** Saves an item's status, owner, due date, progress, completion date and evidence. */
export async function updateChecklistItem(db: Db, viewer: Viewer, itemId: string, input: unknown, ctx: Ctx = {}) {
  return db.transaction(async (tx) => {
    const { item } = await lockEditableItem(tx, viewer, itemId);
    // Only the fields sent (those the user changed) are written; the rest stay as they are now.
    const data = parseVersionedSave(itemUpdateSchema, itemFormValues(item), input);
    const completedOn = data.status === "done" ? data.completedOn : null;
    const problem = completionProblem(item, { status: data.status, completedOn, evidence: data.evidence });
    if (problem) throw new ValidationError({ [problem === "evidenceRequired" ? "evidence" : "completedOn"]: [`workflows.errors.${problem}`] });
    if (data.ownerId) {
      const [owner] = await tx.select({ id: users.id }).from(users).where(and(eq(users.id, data.ownerId), eq(users.active, true)));
      if (!owner) throw new ValidationError({ ownerId: ["errors.invalidChoice"] });
    }
    return saveItem(tx, viewer, item, { status: data.status, ownerId: data.ownerId, dueDate: data.dueDate, completedOn, progressNote: data.progressNote, evidence: data.evidence }, ctx);
  });
}

/** Closes an item in one step: done today, with the note added to its progress and the link to its evidence. */
export async function closeChecklistItem(db: Db, viewer: Viewer, itemId: string, input: unknown, ctx: Ctx = {}) {
  const data = parseOrThrow(closeItemSchema, input);
  return db.transaction(async (tx) => {
    const { item } = await lockEditableItem(tx, viewer, itemId);
    if (item.version !== data.version) throw new ConflictError(item);
    if (item.status === "done") throw new ValidationError({ _form: ["workflows.errors.alreadyDone"] }, "workflows.errors.alreadyDone");
    const evidence = data.evidenceUrl ? [...item.evidence, { label: "", url: data.evidenceUrl }] : item.evidence;
    const today = todayInChina();
    const problem = completionProblem(item, { status: "done", completedOn: today, evidence });
    if (problem) throw new ValidationError({ evidenceUrl: [`workflows.errors.${problem}`] });
    const progressNote = [item.progressNote, data.note].filter(Boolean).join("\n");
    return saveItem(tx, viewer, item, { status: "done", completedOn: today, progressNote, evidence }, ctx);
  });
}

/**
 * Once a project's land date is known (its 供地 report approved), open items counted from it
 * get their due dates. Called in the approving transaction; each changed item is audited
 * under the approver.
 */
export async function fillLandDueDates(tx: Tx, projectId: string, land: string, actorId: string | null = null, ctx: Ctx = {}) {
  const items = await tx
    .select({ id: checklistItems.id, offset: checklistItems.dueOffsetDays, dueDate: checklistItems.dueDate })
    .from(checklistItems)
    .innerJoin(checklists, eq(checklists.id, checklistItems.checklistId))
    .where(and(eq(checklists.projectId, projectId), eq(checklistItems.dueAnchor, "land"), isNotNull(checklistItems.dueOffsetDays), ne(checklistItems.status, "done")))
    .for("update", { of: checklistItems });
  let changed = 0;
  for (const item of items) {
    const dueDate = dueDateFor({ dueOffsetDays: item.offset, dueAnchor: "land" }, { start: land, signing: null, land });
    if (dueDate === item.dueDate) continue;
    await tx
      .update(checklistItems)
      .set({ dueDate, version: sql`${checklistItems.version} + 1` })
      .where(eq(checklistItems.id, item.id));
    await writeAudit(tx, { actorId, action: "update", entityType: "checklist_item", entityId: item.id, before: { dueDate: item.dueDate }, after: { dueDate }, ip: ctx.ip });
    changed++;
  }
  return changed;
}
