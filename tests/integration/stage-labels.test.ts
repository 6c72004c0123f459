import type pg from "pg";
import { createTranslator, NextIntlClientProvider } from "next-intl";
import { createElement, type ComponentProps, type ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { enterprises } from "@/db/schema";
import type { Viewer } from "@/lib/auth/roles";
import { ForbiddenError, ValidationError } from "@/lib/errors";
import { MESSAGES } from "@/lib/i18n/messages";
import { loadBoard } from "@/lib/projects/board";
import { reachedStages } from "@/lib/projects/queries";
import { changeStage, createProject } from "@/lib/projects/service";
import { hiddenStages, listStageLabels, saveStageLabels, stageMessages } from "@/lib/reference/stage-labels";
import { loadConversion, loadDashboard } from "@/lib/dashboard/load";
import { dashboardSchema } from "@/lib/dashboard/validation";
import { exportPipeline } from "@/lib/projects/export";
import { projectFormOptions } from "@/lib/projects/options";
import { projectListSchema } from "@/lib/projects/validation";
import { signedColumns } from "@/lib/signed/columns";
import { filterSummary } from "@/lib/signed/summary";
import { signedFiltersSchema } from "@/lib/signed/validation";
import { stageCell } from "@/lib/imports/values";
import { parseCsv } from "../support/csv-parse";
import { createTestDb } from "../support/db";
import { insertUnit, insertViewer, rejection } from "./fixtures";

const zh = createTranslator({ locale: "zh-CN", messages: MESSAGES["zh-CN"] });
vi.mock("next-intl/server", () => ({ getTranslations: async () => zh }));
const { StageStepper } = await import("@/components/projects/stage-stepper");

const { db } = await createTestDb();
/** Markup of a server component with client parts (they read the messages from the provider). */
const markup = (node: ReactNode) => renderToStaticMarkup(createElement(NextIntlClientProvider, { locale: "zh-CN", messages: MESSAGES["zh-CN"], timeZone: "Asia/Shanghai" } as ComponentProps<typeof NextIntlClientProvider>, node));
const { filterNames } = await import("@/lib/signed/queries");
const pool = (db as unknown as { $client: pg.Pool }).$client;
let admin: Viewer, manager: Viewer, staff: Viewer, projectId: string;

beforeAll(async () => {
  const root = await insertUnit(db, { name: "青岛市投资促进局" });
  const unitA = (await insertUnit(db, { name: "生物医药招商组", parentId: root.id })).id;
  admin = await insertViewer(db, "admin", root.id);
  manager = await insertViewer(db, "manager", root.id);
  staff = await insertViewer(db, "staff", unitA);
  const [e] = await db.insert(enterprises).values({ name: "国药融资租赁有限公司", unitId: unitA }).returning();
  const p = await createProject(db, staff, { name: "国药科技城", enterpriseId: e!.id, source: "promotion_event", totalInvestmentYi: "10", capitalOrigin: "local", ownerId: staff.id, unitId: unitA });
  projectId = p.id;
  // 线索 → 意向 directly: 在谈 was skipped (many districts put 意向 first).
  await changeStage(db, staff, p.id, { toStage: "intent", toStatus: "active", version: p.version });
});

describe("a district's stage labels", () => {
  it("admins rename stages and hide unused ones; the keys stay; a stage in use cannot be hidden", async () => {
    const stages = (await listStageLabels(db)).map((r) => ({ stage: r.stage, labelZh: "", labelEn: "", hidden: false }));
    const named = stages.map((s) => (s.stage === "intent" ? { ...s, labelZh: "签约意向" } : s.stage === "negotiating" ? { ...s, hidden: true } : s));
    expect(await rejection(saveStageLabels(db, manager, { stages: named }))).toBeInstanceOf(ForbiddenError);
    await saveStageLabels(db, admin, { stages: named });
    const rows = await listStageLabels(db);
    expect(stageMessages(rows, "zh-CN", MESSAGES["zh-CN"].stages as Record<string, string>)).toMatchObject({ intent: "签约意向", negotiating: "在谈", lead: "线索" });
    expect([...hiddenStages(rows)]).toEqual(["negotiating"]);
    // The board has no 在谈 column now; 意向 (where the project is) cannot be hidden.
    const columns = (await loadBoard(db, admin, {} as never)).map((c) => c.stage);
    expect(columns).not.toContain("negotiating");
    expect(columns).toContain("intent");
    const inUse = await rejection(saveStageLabels(db, admin, { stages: named.map((s) => (s.stage === "intent" ? { ...s, hidden: true } : s)) }));
    expect(inUse).toBeInstanceOf(ValidationError);
    expect((inUse as ValidationError).fields).toHaveProperty(`stages.${stages.findIndex((s) => s.stage === "intent")}.hidden`);
    expect((await listStageLabels(db)).find((r) => r.stage === "intent")!.hidden).toBe(false);
  });

  it("the exports and their filter line use the district's names; the import reads them back", async () => {
    // (Labels as the test above left them: 意向 is 签约意向, 在谈 hidden.)
    const { page: _p, size: _s, ...params } = projectListSchema.parse({ stage: "intent" });
    const stream = await exportPipeline({ pool, db, viewer: admin, params, format: "csv", now: new Date("2026-03-15T02:00:00Z") });
    const table = parseCsv(Buffer.from(await new Response(stream).arrayBuffer()).toString("utf8").slice(1));
    const stageCol = table[0]!.indexOf("当前阶段");
    expect(table[1]![table[0]!.indexOf("项目名称")]).toBe("国药科技城");
    expect(table[1]![stageCol]).toBe("签约意向");
    const names = await filterNames(db, params);
    expect(filterSummary(params, names, "全部项目")).toBe("阶段：签约意向");
    // The 签约项目清单's column and its filter line, with the district's names.
    await saveStageLabels(db, admin, {
      stages: (await listStageLabels(db)).map((r) => (r.stage === "registered" ? { ...r, labelZh: "工商注册" } : r)),
    });
    const renamed = (await filterNames(db, signedFiltersSchema.parse({ stage: ["registered"], pending: "land_secured" }))).stages!;
    expect(filterSummary(signedFiltersSchema.parse({ stage: ["registered"] }), { stages: renamed })).toBe("阶段：工商注册");
    const col = signedColumns(renamed).find((c) => c.header === "当前阶段")!;
    expect(col.value!({ stage: "registered", status: "active", pendingStages: ["land_secured"] } as never)).toBe("工商注册（供地审核中）");
    // What the export wrote imports back as the same stage.
    expect(stageCell("签约意向", renamed)).toBe("intent");
    expect(stageCell("工商注册（供地审核中）", renamed)).toBe("registered");
    expect(stageCell("签约意向")).toBeNull();
  });

  it("a hidden stage is left out of the stage filters and of the dashboard's funnel and conversion while no project is at it", async () => {
    const options = await projectFormOptions(db, admin);
    expect(options.stages).not.toContain("negotiating");
    expect(options.stages).toContain("intent");
    const { ProjectFilters } = await import("@/components/projects/project-filters");
    const chips = async (query: Record<string, string>) =>
      [...markup(await ProjectFilters({ params: projectListSchema.parse(query), options, action: "/projects" })).matchAll(/name="stage"[^>]*?value="(\w+)"/g)].map((m) => m[1]);
    expect(await chips({})).toEqual(["lead", "intent", "signed", "registered", "land_secured", "construction", "completed", "operating"]);
    // A bookmarked filter on the hidden stage still shows what it filters by.
    expect(await chips({ stage: "negotiating" })).toContain("negotiating");
    const { SignedFilters } = await import("@/components/signed/signed-filters");
    const { signedListSchema } = await import("@/lib/signed/validation");
    await saveStageLabels(db, admin, { stages: (await listStageLabels(db)).map((r) => (r.stage === "completed" ? { ...r, hidden: true } : r)) });
    const signedOptions = { ...(await projectFormOptions(db, admin)), events: [], parks: [] };
    const signedHtml = markup(await SignedFilters({ params: signedListSchema.parse({}), options: signedOptions }));
    expect([...signedHtml.matchAll(/name="stage"[^>]*?value="(\w+)"/g)].map((m) => m[1])).toEqual(["signed", "registered", "land_secured", "construction", "operating"]);

    const params = dashboardSchema.parse({ year: "2026" });
    const today = "2026-12-07";
    expect((await loadDashboard(db, admin, params, today)).funnel.map((s) => s.stage)).toEqual(["lead", "intent", "signed", "registered", "land_secured", "construction", "operating"]);
    const conversion = (await loadConversion(db, admin, params, today)).rows.map((r) => r.stage);
    expect(conversion).not.toContain("completed");
    expect(conversion).toContain("construction");
  });

  it("the stepper ticks only stages the project's stage changes show it reached", async () => {
    const reached = await reachedStages(db, projectId);
    expect([...reached].sort()).toEqual(["intent", "lead"]);
    const states = async (hidden: Set<"negotiating">) => {
      const html = renderToStaticMarkup(await StageStepper({ stage: "intent", reached, hidden }));
      return [...html.matchAll(/data-state="(\w+)"[^>]*>.*?<\/span>([^<]+)/g)].map((m) => `${m[2]}:${m[1]}`);
    };
    expect(await states(new Set())).toEqual(["线索:done", "在谈:skipped", "意向:current", "签约:ahead", "注册:ahead", "供地:ahead", "开工:ahead", "竣工:ahead", "投产:ahead"]);
    // Hidden by the district and never reached: not shown at all.
    expect((await states(new Set(["negotiating"])))[1]).toBe("意向:current");
  });
});
