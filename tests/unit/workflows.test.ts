import { describe, expect, it } from "vitest";
import { todayInChina } from "@/lib/i18n/format";
import { addDays, completionProblem, dueDateFor, groupByPhase, groupByPhaseAndCategory, isOverdue, mayEditItem, percentDone, phaseRollups, rollup } from "@/lib/workflows/rules";
import { applySchema, closeItemSchema, itemUpdateSchema, templateItemSchema, templateSchema, worklistParamsSchema } from "@/lib/workflows/validation";

const errorsOf = (schema: { safeParse: (v: unknown) => { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } } }, input: unknown) => {
  const r = schema.safeParse(input);
  return r.success ? {} : Object.fromEntries(r.error!.issues.map((i) => [i.path.join("."), i.message]));
};

const UUID = "3d0398a8-4b45-46b0-8848-d9ce7b5e476e";

describe("due dates", () => {
  const anchors = { start: "2026-03-01", signing: "2026-02-16", land: "2026-06-15" };

  it("adds calendar days across months, leap days and years", () => {
    expect(addDays("2024-02-28", 1)).toBe("2024-02-29");
    expect(addDays("2023-02-28", 1)).toBe("2023-03-01");
    expect(addDays("2026-12-25", 10)).toBe("2027-01-04");
    expect(addDays("2026-03-01", 0)).toBe("2026-03-01");
  });

  it("counts each item from its own anchor", () => {
    expect(dueDateFor({ dueOffsetDays: 30, dueAnchor: "start" }, anchors)).toBe("2026-03-31");
    expect(dueDateFor({ dueOffsetDays: 3, dueAnchor: "signing" }, anchors)).toBe("2026-02-19");
    // 拿地即开工: the construction permit 15 days after the land contract.
    expect(dueDateFor({ dueOffsetDays: 15, dueAnchor: "land" }, anchors)).toBe("2026-06-30");
  });

  it("has none without an offset, or while the anchor (the land date) is unknown", () => {
    expect(dueDateFor({ dueOffsetDays: null, dueAnchor: "start" }, anchors)).toBeNull();
    expect(dueDateFor({ dueOffsetDays: 5, dueAnchor: "land" }, { ...anchors, land: null })).toBeNull();
    expect(dueDateFor({ dueOffsetDays: 5, dueAnchor: "signing" }, { ...anchors, signing: null })).toBeNull();
  });
});

describe("overdue and roll-ups", () => {
  const today = "2026-05-10";
  it("an open item is overdue the day after its due date, never a done or undated one", () => {
    expect(isOverdue({ status: "in_progress", dueDate: "2026-05-09" }, today)).toBe(true);
    expect(isOverdue({ status: "not_started", dueDate: "2026-05-10" }, today)).toBe(false);
    expect(isOverdue({ status: "done", dueDate: "2026-01-01" }, today)).toBe(false);
    expect(isOverdue({ status: "not_started", dueDate: null }, today)).toBe(false);
  });

  it("counts by status and overdue, with the share done rounded down", () => {
    const items = [
      { status: "done" as const, dueDate: "2026-01-01" },
      { status: "done" as const, dueDate: null },
      { status: "in_progress" as const, dueDate: "2026-05-01" },
      { status: "not_started" as const, dueDate: "2026-04-01" },
      { status: "not_started" as const, dueDate: null },
      { status: "not_started" as const, dueDate: "2026-12-01" },
    ];
    expect(rollup(items, today)).toEqual({ total: 6, done: 2, inProgress: 1, notStarted: 3, overdue: 2, percent: 33 });
    expect(rollup([], today)).toEqual({ total: 0, done: 0, inProgress: 0, notStarted: 0, overdue: 0, percent: 0 });
    expect(percentDone(199, 200)).toBe(99);
    expect(percentDone(7, 7)).toBe(100);
  });

  it("rolls up per phase in the template's order", () => {
    const items = [
      { phase: "建设中", status: "done" as const, dueDate: null },
      { phase: "开工前", status: "done" as const, dueDate: null },
      { phase: "开工前", status: "not_started" as const, dueDate: "2026-05-01" },
    ];
    expect(phaseRollups(items, ["开工前", "建设中", "建成后"], today)).toEqual([
      { phase: "开工前", rollup: { total: 2, done: 1, inProgress: 0, notStarted: 1, overdue: 1, percent: 50 } },
      { phase: "建设中", rollup: { total: 1, done: 1, inProgress: 0, notStarted: 0, overdue: 0, percent: 100 } },
    ]);
  });
});

describe("grouping", () => {
  const items = [
    { id: 1, phase: "建设中", category: "质量安全监督" },
    { id: 2, phase: "开工前", category: "用地规划许可" },
    { id: 3, phase: "旧阶段", category: "" },
    { id: 4, phase: "开工前", category: "施工许可" },
    { id: 5, phase: "开工前", category: "用地规划许可" },
  ];

  it("groups by phase in the template's order, keeping item order, an unknown phase last, empty phases left out", () => {
    expect(groupByPhase(items, ["开工前", "建设中", "建成后"]).map((g) => [g.phase, g.items.map((i) => i.id)])).toEqual([
      ["开工前", [2, 4, 5]],
      ["建设中", [1]],
      ["旧阶段", [3]],
    ]);
    expect(groupByPhase([{ phase: "" }, { phase: "" }], [])).toEqual([{ phase: "", items: [{ phase: "" }, { phase: "" }] }]);
  });

  it("then by category in the order categories first appear", () => {
    const grouped = groupByPhaseAndCategory(items, ["开工前", "建设中"]);
    expect(grouped[0]).toEqual({
      phase: "开工前",
      categories: [
        { category: "用地规划许可", items: [items[1], items[4]] },
        { category: "施工许可", items: [items[3]] },
      ],
    });
  });
});

describe("completion rule", () => {
  it("done needs a completion date and, where asked, evidence; other statuses need neither", () => {
    expect(completionProblem({ evidenceRequired: true }, { status: "in_progress", completedOn: null, evidence: [] })).toBeNull();
    expect(completionProblem({ evidenceRequired: false }, { status: "done", completedOn: null, evidence: [] })).toBe("completedOnRequired");
    expect(completionProblem({ evidenceRequired: true }, { status: "done", completedOn: "2026-05-01", evidence: [] })).toBe("evidenceRequired");
    expect(completionProblem({ evidenceRequired: true }, { status: "done", completedOn: "2026-05-01", evidence: [{ url: "https://x.cn" }] })).toBeNull();
    expect(completionProblem({ evidenceRequired: false }, { status: "done", completedOn: "2026-05-01", evidence: [] })).toBeNull();
  });
});

describe("who may edit an item", () => {
  const none = { itemOwnerId: null, checklistOwnerId: null, unitInScope: false, mayChangeProject: false };
  const staff = { id: "s", role: "staff" as const };
  it("its owner, the checklist's owner, whoever may change the project, an admin", () => {
    expect(mayEditItem(staff, none)).toBe(false);
    expect(mayEditItem(staff, { ...none, itemOwnerId: "s" })).toBe(true);
    expect(mayEditItem(staff, { ...none, checklistOwnerId: "s" })).toBe(true);
    expect(mayEditItem(staff, { ...none, mayChangeProject: true })).toBe(true);
    expect(mayEditItem({ id: "a", role: "admin" }, none)).toBe(true);
  });
  it("a manager over the checklist's unit, but not staff merely in that unit", () => {
    expect(mayEditItem({ id: "m", role: "manager" }, { ...none, unitInScope: true })).toBe(true);
    expect(mayEditItem({ id: "m", role: "manager" }, none)).toBe(false);
    expect(mayEditItem(staff, { ...none, unitInScope: true })).toBe(false);
  });
});

describe("templateSchema", () => {
  const valid = { name: "用地一件事", code: "land-one-thing", kind: "project_service", description: "", phases: "开工前\n 建设中 \n\n建成后\n开工前", active: true, version: 1 };
  it("takes phases one per line, trimmed, without blanks or repeats", () => {
    const r = templateSchema.parse(valid);
    expect(r.phases).toEqual(["开工前", "建设中", "建成后"]);
    expect(templateSchema.parse({ ...valid, phases: "" }).phases).toEqual([]);
    expect(templateSchema.parse({ ...valid, phases: ["a", " b "] }).phases).toEqual(["a", "b"]);
  });
  it("names the field of each mistake", () => {
    expect(errorsOf(templateSchema, { ...valid, name: "7", code: "用地", kind: "x" })).toEqual({ name: "workflows.errors.nameLength", code: "errors.codeChars", kind: "errors.required" });
    expect(errorsOf(templateSchema, { ...valid, phases: "一二三四五六七八九十一二三四五六七八九十一" })).toEqual({ phases: "workflows.errors.phaseLength" });
    expect(errorsOf(templateSchema, { ...valid, phases: Array.from({ length: 13 }, (_, i) => `阶段${i}`).join("\n") })).toEqual({ phases: "workflows.errors.tooManyPhases" });
  });
});

describe("templateItemSchema", () => {
  const valid = { phase: "开工前", category: "施工许可", title: "建筑工程施工许可证", responsibleDepartment: "住房和城乡建设局", dueOffsetDays: "15", dueAnchor: "land", evidenceRequired: true };
  it("reads the offset typed in the form as whole days, empty as none", () => {
    expect(templateItemSchema.parse(valid).dueOffsetDays).toBe(15);
    expect(templateItemSchema.parse({ ...valid, dueOffsetDays: "" }).dueOffsetDays).toBeNull();
    expect(templateItemSchema.parse({ ...valid, dueOffsetDays: null }).dueOffsetDays).toBeNull();
    expect(templateItemSchema.parse({ ...valid, dueOffsetDays: undefined }).dueOffsetDays).toBeNull();
    expect(templateItemSchema.parse({ title: "消防验收" })).toMatchObject({ phase: "", dueAnchor: "start", evidenceRequired: false, dueOffsetDays: null, version: 0 });
  });
  it("refuses negative, fractional, huge or non-numeric offsets and a short title", () => {
    for (const bad of ["-1", "1.5", "3651", "十天"]) expect(errorsOf(templateItemSchema, { ...valid, dueOffsetDays: bad })).toEqual({ dueOffsetDays: "workflows.errors.offset" });
    expect(errorsOf(templateItemSchema, { ...valid, title: "证" })).toEqual({ title: "workflows.errors.titleLength" });
    expect(errorsOf(templateItemSchema, { ...valid, dueAnchor: "tomorrow" })).toHaveProperty("dueAnchor");
  });
});

describe("applySchema", () => {
  it("needs a template and a start date no later than today", () => {
    expect(applySchema.parse({ templateId: UUID, projectId: UUID, parkId: "", startedOn: "2026-01-05" })).toMatchObject({ parkId: null, zoneId: null, unitId: null, ownerId: null });
    expect(errorsOf(applySchema, { templateId: "", startedOn: "2026-02-30" })).toEqual({ templateId: "workflows.errors.templateRequired", startedOn: "projects.errors.date" });
    expect(errorsOf(applySchema, { templateId: UUID, startedOn: "2999-01-01" })).toEqual({ startedOn: "projects.errors.futureDate" });
  });
});

describe("itemUpdateSchema", () => {
  const valid = { status: "done", ownerId: "", dueDate: "", completedOn: todayInChina(), progressNote: "已取得", evidence: [{ label: "许可证", url: "https://zwfw.qingdao.gov.cn/f/1" }], version: 3 };
  it("takes empty choices as none", () => {
    expect(itemUpdateSchema.parse({ ...valid, completedOn: "" })).toMatchObject({ ownerId: null, dueDate: null, completedOn: null });
  });
  it("accepts only http(s) links, at most 20, and no completion date in the future", () => {
    expect(errorsOf(itemUpdateSchema, { ...valid, evidence: [{ label: "", url: "javascript:alert(1)" }] })).toEqual({ "evidence.0.url": "workflows.errors.url" });
    expect(errorsOf(itemUpdateSchema, { ...valid, evidence: [{ label: "", url: "许可证" }] })).toEqual({ "evidence.0.url": "workflows.errors.url" });
    expect(errorsOf(itemUpdateSchema, { ...valid, evidence: Array.from({ length: 21 }, () => ({ label: "", url: "https://a.cn" })) })).toEqual({ evidence: "workflows.errors.tooManyLinks" });
    expect(errorsOf(itemUpdateSchema, { ...valid, completedOn: "2999-01-01" })).toEqual({ completedOn: "projects.errors.futureDate" });
    expect(errorsOf(itemUpdateSchema, { ...valid, status: "closed" })).toHaveProperty("status");
    expect(errorsOf(itemUpdateSchema, { ...valid, progressNote: "进".repeat(1001) })).toEqual({ progressNote: "workflows.errors.tooLong1000" });
  });
});

describe("closeItemSchema", () => {
  it("a note and an optional http(s) link", () => {
    expect(closeItemSchema.parse({ note: " 已办结 ", version: 2 })).toEqual({ note: "已办结", evidenceUrl: "", version: 2 });
    expect(errorsOf(closeItemSchema, { note: "", evidenceUrl: "ftp://x.cn/a", version: 2 })).toEqual({ evidenceUrl: "workflows.errors.url" });
    expect(errorsOf(closeItemSchema, { note: "", version: 0 })).toHaveProperty("version");
  });
});

describe("worklistParamsSchema", () => {
  it("keeps a well-formed project or park and ignores anything else", () => {
    expect(worklistParamsSchema.parse({ target: `project:${UUID}`, overdue: "1" })).toEqual({ target: `project:${UUID}`, overdue: "1" });
    expect(worklistParamsSchema.parse({ target: "project:1 or 1=1", overdue: "yes" })).toEqual({ target: undefined, overdue: undefined });
  });
});
