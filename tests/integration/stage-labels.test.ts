import { createTranslator } from "next-intl";
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
import { createTestDb } from "../support/db";
import { insertUnit, insertViewer, rejection } from "./fixtures";

const zh = createTranslator({ locale: "zh-CN", messages: MESSAGES["zh-CN"] });
vi.mock("next-intl/server", () => ({ getTranslations: async () => zh }));
const { StageStepper } = await import("@/components/projects/stage-stepper");

const { db } = await createTestDb();
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
