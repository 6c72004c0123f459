/**
 * The workflow templates as the districts publish them — 市北区's "7个1", 青岛高新区's "5个1",
 * "用地一件事" and the 落地办专班 — and demo checklists started from them: 7个1 on 健康谷,
 * 5个1 on the two 高新区 parks, 用地一件事 and 落地办专班 on 国药科技城 and 海尔生物安全科创产业园.
 * Idempotent: templates by code, checklists by their unique (template, target).
 */
import { and, eq } from "drizzle-orm";
import { dueDateFor, addDays } from "../lib/workflows/rules";
import type { Tx } from "./client";
import { checklistItems, checklists, milestones, parks, projects, signings, templateItems, units, users, workflowTemplates } from "./schema";
import type { ChecklistItemStatus, DueAnchor, TemplateKind } from "./schema/enums";

type ItemSeed = { title: string; phase?: string; category?: string; description?: string; dept?: string; offset?: number; anchor?: DueAnchor; evidence?: boolean };
type TemplateSeed = { code: string; kind: TemplateKind; name: string; description: string; phases: string[]; items: ItemSeed[] };

export const DEMO_TEMPLATES: TemplateSeed[] = [
  {
    code: "7x1",
    kind: "park_mechanism",
    name: "7个1工作体系",
    description:
      "市北区重点低效片区“7个1”工作体系：每个片区 1 个产业规划、1 支专业团队、1 组项目台账、1 个过渡园区、1 支配套基金、1 套产业政策和一系列推介活动；片区“成熟一个、推出一个”。",
    phases: [],
    items: [
      { title: "1个产业规划", description: "编制片区产业规划，明确主导产业、空间布局和招商方向", dept: "区发展和改革局", offset: 60, evidence: true },
      { title: "1支专业团队", description: "组建片区专业招商和运营服务团队，明确牵头领导和专员", dept: "区投资促进局", offset: 30 },
      { title: "1组项目台账", description: "建立在谈、签约、落地项目台账，按周更新", dept: "区投资促进局", offset: 30 },
      { title: "1个过渡园区", description: "确定过渡园区（临时载体），承接先期入驻企业", dept: "片区运营公司", offset: 90 },
      { title: "1支配套基金", description: "设立或对接片区产业配套基金", dept: "区财政局", offset: 180, evidence: true },
      { title: "1套产业政策", description: "出台片区专项产业扶持政策", dept: "区发展和改革局", offset: 120, evidence: true },
      { title: "一系列推介活动", description: "策划开展片区系列招商推介活动", dept: "区投资促进局", offset: 365 },
    ],
  },
  {
    code: "5x1",
    kind: "park_mechanism",
    name: "5个1工作机制",
    description:
      "青岛高新区专业园区“5个1”工作机制。公开报道提到该机制但未列出五项的具体表述，此处依据同一报道中园区已具备的做法拟定，请区里确认后修改措辞。",
    phases: [],
    items: [
      { title: "一园一业主导产业规划", description: "明确园区主导产业和产业链图谱（一园一业）", dept: "高新区投资促进部", offset: 60, evidence: true },
      { title: "一支专业招商运营团队", description: "园区专班和运营团队到位", dept: "高新区投资促进部", offset: 30 },
      { title: "一园区一政策", description: "园区配套政策包（一事一议、一企一议）", dept: "高新区经济发展部", offset: 120, evidence: true },
      { title: "一笔市级专项资金", description: "市级专项资金每年 1 亿元、连续 3 年，企业在园区产业化最高支持 2,000 万元", dept: "高新区财政金融部", offset: 180 },
      { title: "一套落地服务机制", description: "落地办专班和项目服务管家，一对一服务签约项目落地", dept: "项目落地服务专班", offset: 30 },
    ],
  },
  {
    code: "land-one-thing",
    kind: "project_service",
    name: "用地一件事",
    description:
      "“用地一件事”改革：企业拿地时一次性交付开工前、建设中、建成后三个阶段 7 大类 53 项事项清单，“阶段分包、全程串联”。此处为常用事项，管理员可补充至完整的 53 项。",
    phases: ["开工前", "建设中", "建成后"],
    items: [
      { phase: "开工前", category: "用地规划许可", title: "建设用地规划许可证", dept: "自然资源局", offset: 5, anchor: "land", evidence: true },
      { phase: "开工前", category: "用地规划许可", title: "土地出让合同备案及不动产权证（土地）", dept: "自然资源局", offset: 20, anchor: "land" },
      { phase: "开工前", category: "工程规划许可", title: "建设工程设计方案审查", dept: "自然资源局", offset: 10, anchor: "land" },
      { phase: "开工前", category: "工程规划许可", title: "建设工程规划许可证", dept: "自然资源局", offset: 12, anchor: "land", evidence: true },
      { phase: "开工前", category: "工程规划许可", title: "施工图设计文件审查", dept: "住房和城乡建设局", offset: 14, anchor: "land" },
      { phase: "开工前", category: "施工许可", title: "环境影响评价审批", dept: "生态环境分局", offset: 10, anchor: "land" },
      { phase: "开工前", category: "施工许可", title: "固定资产投资项目节能审查", dept: "发展和改革局", offset: 10, anchor: "land" },
      { phase: "开工前", category: "施工许可", title: "消防设计审查", dept: "住房和城乡建设局", offset: 14, anchor: "land" },
      { phase: "开工前", category: "施工许可", title: "建筑工程施工许可证", dept: "住房和城乡建设局", offset: 15, anchor: "land", evidence: true },
      { phase: "建设中", category: "质量安全监督", title: "工程质量安全监督手续", dept: "住房和城乡建设局", offset: 20, anchor: "land" },
      { phase: "建设中", category: "质量安全监督", title: "施工临时用水用电接入", dept: "供电公司、水务集团", offset: 25, anchor: "land" },
      { phase: "建设中", category: "质量安全监督", title: "施工过程质量安全巡查", dept: "住房和城乡建设局" },
      { phase: "建设中", category: "专项验收", title: "规划条件核实", dept: "自然资源局", offset: 330, anchor: "land" },
      { phase: "建设中", category: "专项验收", title: "消防验收", dept: "住房和城乡建设局", offset: 340, anchor: "land", evidence: true },
      { phase: "建设中", category: "专项验收", title: "人防工程验收", dept: "人防办", offset: 340, anchor: "land" },
      { phase: "建成后", category: "联合竣工验收", title: "联合竣工验收", dept: "住房和城乡建设局（牵头）", offset: 360, anchor: "land", evidence: true },
      { phase: "建成后", category: "联合竣工验收", title: "竣工验收备案", dept: "住房和城乡建设局", offset: 370, anchor: "land" },
      { phase: "建成后", category: "不动产登记", title: "不动产首次登记（房屋）", dept: "不动产登记中心", offset: 390, anchor: "land", evidence: true },
      { phase: "建成后", category: "不动产登记", title: "正式水电气暖接入", dept: "公用事业单位", offset: 380, anchor: "land" },
    ],
  },
  {
    code: "landing-taskforce",
    kind: "project_service",
    name: "落地办专班服务",
    description: "落地办专班对签约项目的一对一服务：地块匹配、公司注册、立项备案、政策兑现等，每个项目一名项目服务管家。",
    phases: ["签约后", "落地中"],
    items: [
      { phase: "签约后", title: "确定项目服务管家并对接企业", dept: "项目落地服务专班", offset: 3, anchor: "signing" },
      { phase: "签约后", title: "地块或载体匹配", dept: "项目落地服务专班", offset: 30, anchor: "signing" },
      { phase: "签约后", title: "项目公司注册", dept: "市场监督管理局", offset: 30, anchor: "signing", evidence: true },
      { phase: "签约后", title: "银行开户及税务登记", dept: "税务局", offset: 45, anchor: "signing" },
      { phase: "落地中", title: "投资项目备案", dept: "发展和改革局", offset: 60, anchor: "signing" },
      { phase: "落地中", title: "过渡厂房或办公载体协调", dept: "园区运营公司", offset: 60, anchor: "signing" },
      { phase: "落地中", title: "扶持政策兑现", dept: "投资促进部", offset: 120, anchor: "signing", evidence: true },
      { phase: "落地中", title: "人才引进与用工对接", dept: "人力资源和社会保障局", offset: 120, anchor: "signing" },
    ],
  },
];

type ChecklistSeed = {
  template: string;
  park?: string;
  project?: string;
  unit: string;
  owner: string;
  /** Start: days before seeding, or the project's signing / land date. */
  started: number | "signing" | "land";
  /** How far along: items before this index are done, the next `inProgress` are under way. */
  done: number;
  inProgress: number;
};

const DEMO_CHECKLISTS: ChecklistSeed[] = [
  { template: "7x1", park: "健康谷", unit: "370203-JKG", owner: "staff2", started: 200, done: 3, inProgress: 2 },
  { template: "5x1", park: "生物医药及医疗器械产业园", unit: "QDHT-TZCJ", owner: "manager", started: 240, done: 3, inProgress: 1 },
  { template: "5x1", park: "精密仪器仪表产业园", unit: "QDHT-TZCJ", owner: "manager", started: 240, done: 2, inProgress: 2 },
  { template: "land-one-thing", project: "海尔生物安全科创产业园", unit: "", owner: "staff", started: "land", done: 11, inProgress: 2 },
  { template: "land-one-thing", project: "国药科技城", unit: "", owner: "staff", started: "signing", done: 0, inProgress: 2 },
  { template: "landing-taskforce", project: "国药科技城", unit: "", owner: "staff", started: "signing", done: 3, inProgress: 2 },
];

const DAY = 86_400_000;
const cnToday = (now: Date) => new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);

/** Inserts the templates that are missing (by code), then the demo checklists whose targets exist. */
export async function insertDemoWorkflows(tx: Tx, now = new Date()): Promise<{ templates: number; checklists: number }> {
  let addedTemplates = 0;
  for (const [i, t] of DEMO_TEMPLATES.entries()) {
    const [row] = await tx
      .insert(workflowTemplates)
      .values({ code: t.code, kind: t.kind, name: t.name, description: t.description, phases: t.phases, sortOrder: i + 1 })
      .onConflictDoNothing({ target: workflowTemplates.code })
      .returning({ id: workflowTemplates.id });
    if (!row) continue;
    addedTemplates++;
    await tx.insert(templateItems).values(
      t.items.map((item, k) => ({
        templateId: row.id,
        phase: item.phase ?? "",
        category: item.category ?? "",
        title: item.title,
        description: item.description ?? "",
        responsibleDepartment: item.dept ?? "",
        dueOffsetDays: item.offset ?? null,
        dueAnchor: item.anchor ?? "start",
        evidenceRequired: item.evidence ?? false,
        sortOrder: k + 1,
      })),
    );
  }

  const today = cnToday(now);
  const templates = new Map((await tx.select().from(workflowTemplates)).map((t) => [t.code, t]));
  const people = new Map((await tx.select({ id: users.id, username: users.username }).from(users)).map((u) => [u.username, u.id]));
  const unitIds = new Map((await tx.select({ id: units.id, code: units.code }).from(units)).map((u) => [u.code, u.id]));
  let addedChecklists = 0;
  for (const c of DEMO_CHECKLISTS) {
    const template = templates.get(c.template)!;
    let target: { parkId: string | null; projectId: string | null; unitId: string };
    const anchors = { start: "", signing: null as string | null, land: null as string | null };
    if (c.park) {
      const [park] = await tx.select({ id: parks.id }).from(parks).where(eq(parks.name, c.park));
      if (!park) continue;
      target = { parkId: park.id, projectId: null, unitId: unitIds.get(c.unit)! };
    } else {
      const [project] = await tx
        .select({ id: projects.id, unitId: projects.unitId, signing: signings.signingDate })
        .from(projects)
        .innerJoin(signings, eq(signings.projectId, projects.id))
        .where(eq(projects.name, c.project!));
      if (!project) continue;
      const [land] = await tx
        .select({ actual: milestones.actualDate, planned: milestones.plannedDate })
        .from(milestones)
        .where(and(eq(milestones.projectId, project.id), eq(milestones.stage, "land_secured")));
      anchors.signing = project.signing;
      anchors.land = land?.actual ?? land?.planned ?? null;
      target = { parkId: null, projectId: project.id, unitId: project.unitId };
    }
    anchors.start = typeof c.started === "number" ? cnToday(new Date(now.getTime() - c.started * DAY)) : (anchors[c.started] ?? today);
    if (anchors.start > today) anchors.start = today;
    const [checklist] = await tx
      .insert(checklists)
      .values({
        templateId: template.id,
        templateRevision: template.revision,
        kind: template.kind,
        name: template.name,
        phases: template.phases,
        ...target,
        ownerId: people.get(c.owner) ?? null,
        startedOn: anchors.start,
        createdById: people.get(c.owner) ?? null,
        createdAt: new Date(`${anchors.start}T02:00:00Z`),
        updatedAt: new Date(`${anchors.start}T02:00:00Z`),
      })
      .onConflictDoNothing()
      .returning({ id: checklists.id });
    if (!checklist) continue;
    addedChecklists++;
    const items = await tx.select().from(templateItems).where(eq(templateItems.templateId, template.id)).orderBy(templateItems.sortOrder);
    await tx.insert(checklistItems).values(
      items.map((item, k) => {
        const due = dueDateFor(item, anchors);
        const status: ChecklistItemStatus = k < c.done ? "done" : k < c.done + c.inProgress ? "in_progress" : "not_started";
        // Done on its due date (or a week after the start), never in the future.
        const finished = status === "done" ? [due ?? addDays(anchors.start, 7 * (k + 1)), today].sort()[0]! : null;
        return {
          checklistId: checklist.id,
          templateItemId: item.id,
          phase: item.phase,
          category: item.category,
          title: item.title,
          description: item.description,
          responsibleDepartment: item.responsibleDepartment,
          evidenceRequired: item.evidenceRequired,
          dueOffsetDays: item.dueOffsetDays,
          dueAnchor: item.dueAnchor,
          dueDate: due,
          ownerId: people.get(c.owner) ?? null,
          status,
          completedOn: finished,
          progressNote: status === "done" ? "已办结" : status === "in_progress" ? "正在办理，材料已提交" : "",
          evidence: status === "done" && item.evidenceRequired ? [{ label: `${item.title}（扫描件）`, url: `https://zwfw.example.com/files/${item.id.slice(0, 8)}` }] : [],
          sortOrder: k + 1,
          version: status === "not_started" ? 1 : 2,
        };
      }),
    );
  }
  return { templates: addedTemplates, checklists: addedChecklists };
}

