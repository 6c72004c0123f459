import { eq, ne, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { units, users } from "@/db/schema";
import { DEMO_LAND_NEEDS, DEMO_PARCELS, DEMO_PARKS } from "@/db/demo-land";
import { DEMO_GRIDS, GRID_ENTERPRISE_COUNT, GRID_OFFICER_COUNT, GRID_OPEN_COUNT, GRID_REQUEST_COUNT, GRID_UNIT } from "@/db/demo-grids";
import { DEMO_CHAINS, DEMO_COLLEAGUES, DEMO_ENTERPRISES, DEMO_PASSWORD, DEMO_PROJECTS, DEMO_UNITS, DEMO_USERS, seed } from "@/db/seed";
import { generateSynthetic, SYNTHETIC_NOTE } from "@/db/synthetic";
import { authenticate } from "@/lib/auth/authenticate";
import { checkUscc } from "@/lib/enterprises/uscc";
import { makeCalendar } from "@/lib/grids/calendar";
import { rate, requestClocks } from "@/lib/grids/clock";
import { gridOverview } from "@/lib/grids/queries";
import { listProjects } from "@/lib/projects/queries";
import { isSignedStage, STAGES } from "@/lib/projects/stages";
import { listUnits } from "@/lib/units/queries";
import { subtreeIds } from "@/lib/units/tree";
import { createTestDb } from "../support/db";
import { counts, viewerFor } from "./fixtures";

const { db } = await createTestDb();

const firstLog: string[] = [];
const secondLog: string[] = [];
// The demo logins, the colleagues, and the grid officers (高新区企业服务网格中心).
const USERS = DEMO_USERS.length + DEMO_COLLEAGUES.length + GRID_OFFICER_COUNT;
const UNITS = DEMO_UNITS.length + 1;

beforeAll(async () => {
  await seed(db, (line) => firstLog.push(line));
});

async function rows<T>(d: Db, query: ReturnType<typeof sql>): Promise<T[]> {
  return (await d.execute(query)).rows as T[];
}

/** Row counts of every table the pipeline seed writes. */
async function pipelineCounts(d: Db) {
  const [row] = await rows<Record<string, number>>(
    d,
    sql`select (select count(*)::int from industry_chains) as chains, (select count(*)::int from enterprises) as enterprises,
               (select count(*)::int from contacts) as contacts, (select count(*)::int from projects) as projects,
               (select count(*)::int from signings) as signings, (select count(*)::int from stage_events) as stage_events,
               (select count(*)::int from activities) as activities, (select count(*)::int from tasks) as tasks,
               (select count(*)::int from grids) as grids, (select count(*)::int from grid_officers) as grid_officers,
               (select count(*)::int from service_requests) as requests, (select count(*)::int from holidays) as holidays`,
  );
  return row!;
}

async function userByName(username: string) {
  const [row] = await db
    .select({ id: users.id, role: users.role, unitId: users.unitId, unitCode: units.code, active: users.active, passwordHash: users.passwordHash })
    .from(users)
    .innerJoin(units, eq(units.id, users.unitId))
    .where(eq(users.username, username));
  if (!row) throw new Error(`no demo user ${username}`);
  return row;
}

describe("seed", () => {
  it("creates the demo units and users", async () => {
    expect(await counts(db)).toMatchObject({ units: UNITS, users: USERS });
    expect(DEMO_UNITS).toHaveLength(10);
    const rows = await db
      .select({ username: users.username, role: users.role })
      .from(users)
      .innerJoin(units, eq(units.id, users.unitId))
      .where(ne(units.code, GRID_UNIT.code))
      .orderBy(users.username);
    expect(rows).toEqual([
      { username: "admin", role: "admin" },
      { username: "manager", role: "manager" },
      { username: "staff", role: "staff" },
      { username: "staff2", role: "staff" },
      { username: "zhaolei", role: "staff" },
      { username: "zhouzy", role: "staff" },
    ]);
    expect(firstLog[0]).toBe("[seed] 10 units, 4 new demo users (existing ones left unchanged).");
  });

  it("builds the unit tree from the parent codes", async () => {
    const rows = await db.select({ id: units.id, code: units.code, parentId: units.parentId }).from(units);
    const byCode = new Map(rows.map((r) => [r.code, r]));
    for (const u of DEMO_UNITS) {
      expect(byCode.get(u.code)?.parentId ?? null, u.code).toBe(u.parent ? byCode.get(u.parent)!.id : null);
    }
    expect(rows.filter((r) => r.parentId === null).map((r) => r.code)).toEqual(["QD-TZCJ"]);
  });

  it("puts staff inside the manager's subtree and staff2 outside it", async () => {
    const manager = await userByName("manager");
    const staff = await userByName("staff");
    const staff2 = await userByName("staff2");
    const admin = await userByName("admin");
    expect([admin.unitCode, manager.unitCode, staff.unitCode, staff2.unitCode]).toEqual(["QD-TZCJ", "QDHT-TZCJ", "QDHT-SWYY", "370203-JKG"]);

    const managerSubtree = subtreeIds(await listUnits(db), manager.unitId);
    // The two 招商 groups and the grid centre.
    expect(managerSubtree.size).toBe(4);
    expect(managerSubtree.has(staff.unitId)).toBe(true);
    expect(managerSubtree.has(staff2.unitId)).toBe(false);
  });

  it("the colleague who owns the 李沧 projects cannot sign in with the demo password", async () => {
    expect(await authenticate(db, "zhaolei", DEMO_PASSWORD, "127.0.0.2")).toEqual({ ok: false, reason: "invalid" });
  });

  it("seeds the industry chains of both systems with stable codes", async () => {
    const chains = await rows<{ code: string; name: string; system: string }>(db, sql`select code, name, system from industry_chains order by sort_order`);
    expect(chains).toEqual(DEMO_CHAINS.map(({ code, name, system }) => ({ code, name, system })));
    expect(chains.filter((c) => c.system === "3+1").map((c) => c.name)).toEqual(["医疗器械", "生物医药", "数字医疗", "健康服务"]);
    expect(chains.filter((c) => c.system === "1+2+1").map((c) => c.name)).toEqual(["生物医药及医疗器械", "新一代信息技术", "智能制造（精密仪器仪表）", "现代服务业"]);
  });

  it("seeds the demo pipeline: every stage, the facts.md projects, amounts in 元", async () => {
    const c = await pipelineCounts(db);
    // The grid demo adds its key enterprises; the 高新区's local demo enterprises join grids too.
    const [joined] = await rows<{ n: number }>(
      db,
      sql`select count(*)::int as n from enterprises e join units u on u.id = e.unit_id where e.grid_id is not null and u.code <> ${GRID_UNIT.code}`,
    );
    expect(joined!.n).toBe(12);
    expect(c).toMatchObject({ enterprises: DEMO_ENTERPRISES.length + GRID_ENTERPRISE_COUNT - joined!.n, projects: DEMO_PROJECTS.length });
    expect(c.projects).toBeGreaterThanOrEqual(30);
    const byName = new Map(
      (await rows<{ name: string; stage: string; total: string; unit: string; owner: string }>(
        db,
        sql`select p.name, p.stage, p.total_investment as total, u.code as unit, o.username as owner
              from projects p join units u on u.id = p.unit_id join users o on o.id = p.owner_id`,
      )).map((r) => [r.name, r]),
    );
    expect(byName.get("国药科技城")).toMatchObject({ stage: "signed", total: "6000000000.00" });
    expect(byName.get("海尔生物安全科创产业园")).toMatchObject({ stage: "construction", total: "500000000.00" });
    expect(byName.get("中化云谷")).toMatchObject({ total: "10200000000.00", unit: "370213-TZCJ" });
    expect(byName.get("联东U谷青岛中心")).toMatchObject({ total: "3000000000.00" });
    expect(byName.get("百洋医药健康谷总部及创新产业园")).toMatchObject({ unit: "370203-JKG", owner: "staff2" });
    expect(byName.get("彩晖生物组织工程角膜产业化项目")).toMatchObject({ unit: "370213-SMYZ" });
    for (const name of ["中科院青能所合成生物产业技术研究平台", "斯坦德医疗医药产业检测研发公共服务平台", "朗森精密仪器智能制造项目", "伟隆智能阀门制造项目"]) {
      expect(byName.has(name), name).toBe(true);
    }
    // The 12 projects of the 集中签约 ceremony: 6 per park, signed on one day.
    const ceremony = await rows<{ n: number; days: number; chains: string[] }>(
      db,
      sql`select count(*)::int as n, count(distinct s.signing_date)::int as days, array_agg(distinct c.code order by c.code) as chains
            from stage_events e join projects p on p.id = e.project_id join signings s on s.project_id = p.id
            join industry_chains c on c.id = p.industry_chain_id
           where e.note like '%集中签约仪式'`,
    );
    expect(ceremony[0]).toEqual({ n: 12, days: 1, chains: ["GX-SWYY", "GX-ZNZZ"] });

    const stages = await rows<{ stage: string }>(db, sql`select distinct stage::text from projects`);
    expect(new Set(stages.map((s) => s.stage))).toEqual(new Set(STAGES));
    const inactive = await rows<{ status: string; reason: string }>(db, sql`select status::text, status_reason as reason from projects where status <> 'active'`);
    expect(new Set(inactive.map((r) => r.status))).toEqual(new Set(["on_hold", "lost"]));
    for (const r of inactive) expect(r.reason).not.toBe("");
  });

  it("gives enterprises valid USCCs (only invented ones have one), tags and fictional contacts", async () => {
    const list = await rows<{ name: string; uscc: string | null; tags: string[] }>(db, sql`select name, uscc, tags from enterprises`);
    const withUscc = list.filter((e) => e.uscc);
    expect(withUscc.length).toBeGreaterThan(5);
    for (const e of withUscc) expect(checkUscc(e.uscc!), e.name).toBe("valid");
    for (const name of ["国药融资租赁有限公司", "阿斯利康投资（中国）有限公司", "青岛百洋医药股份有限公司"]) {
      expect(list.find((e) => e.name === name)?.uscc, name).toBeNull();
    }
    const tags = new Set(list.flatMap((e) => e.tags));
    for (const t of ["世界500强", "央企", "上市公司", "链主企业", "专精特新"]) expect(tags.has(t), t).toBe(true);
    const phones = await rows<{ phone: string }>(db, sql`select phone from contacts`);
    for (const p of phones) expect(p.phone).toMatch(/^1380000\d{4}$/);
  });

  it("gives every signed-or-beyond project a signing, and none before", async () => {
    const list = await rows<{ name: string; stage: (typeof STAGES)[number]; signing: string | null; signed_event: string | null }>(
      db,
      sql`select p.name, p.stage::text, s.signing_date::text as signing,
                 (select (e.at at time zone 'Asia/Shanghai')::date::text from stage_events e where e.project_id = p.id and e.to_stage = 'signed' and e.from_stage = 'intent') as signed_event
            from projects p left join signings s on s.project_id = p.id`,
    );
    for (const p of list) {
      if (isSignedStage(p.stage)) {
        expect(p.signing, p.name).not.toBeNull();
        expect(p.signing, p.name).toBe(p.signed_event);
      } else expect(p.signing, p.name).toBeNull();
    }
  });

  it("seeds 推介会 with the leads they produced, each logged after its event, some of them signed", async () => {
    const leads = await rows<{ event: string; n: number; signed: number; before_event: number }>(
      db,
      sql`select e.name as event, count(*)::int as n,
                 count(*) filter (where p.stage not in ('lead', 'negotiating', 'intent'))::int as signed,
                 count(*) filter (where (p.created_at at time zone 'Asia/Shanghai')::date < e.held_on)::int as before_event
            from projects p join events e on e.id = p.source_event_id group by e.name order by e.name`,
    );
    expect(leads).toEqual([
      { event: "健康谷生命健康产业推介会", n: 1, signed: 0, before_event: 0 },
      { event: "高新区生物医药产业专场推介会（上海）", n: 2, signed: 2, before_event: 0 },
    ]);
  });

  it("seeds the 2023-04-06 ceremony as an event whose 12 signings total 49.30 亿元, each with its facts", async () => {
    const [ceremony] = await rows<{ name: string; kind: string; held_on: string; n: number; total: string }>(
      db,
      sql`select e.name, e.kind::text, e.held_on::text, count(s.project_id)::int as n, sum(s.contract_investment)::text as total
            from events e join signings s on s.event_id = e.id where e.kind = 'signing_ceremony' group by e.id`,
    );
    expect(ceremony).toEqual({ name: "高新区生物医药及医疗器械、精密仪器仪表产业园集中签约仪式", kind: "signing_ceremony", held_on: "2023-04-06", n: 12, total: "4930000000.00" });
    const [facts] = await rows<{ without_steward: number; without_unit: number; phase1_over: number; signed_on_other_day: number }>(
      db,
      sql`select count(*) filter (where s.steward_id is null)::int as without_steward,
                 count(*) filter (where s.responsible_unit_id is null)::int as without_unit,
                 count(*) filter (where s.phase1_investment > s.contract_investment)::int as phase1_over,
                 count(*) filter (where s.event_id is not null and s.signing_date <> '2023-04-06')::int as signed_on_other_day
            from signings s`,
    );
    expect(facts).toEqual({ without_steward: 0, without_unit: 0, phase1_over: 0, signed_on_other_day: 0 });
  });

  it("gives each stage a project passed after signing an approved report dated the day it was reached", async () => {
    const mismatched = await rows<{ name: string; stage: string }>(
      db,
      sql`select p.name, e.to_stage::text as stage from stage_events e join projects p on p.id = e.project_id
           where e.to_stage > 'signed' and e.from_stage < e.to_stage
             and not exists (select 1 from milestones m where m.project_id = p.id and m.stage = e.to_stage and m.review_status = 'approved'
                              and m.actual_date = (e.at at time zone 'Asia/Shanghai')::date and m.reviewed_at = e.at)`,
    );
    expect(mismatched).toEqual([]);
    // Approved by someone allowed to: never the submitter; a manager only of a unit above the project's unit.
    const wrongReviewer = await rows<{ name: string }>(
      db,
      sql`select p.name from milestones m join projects p on p.id = m.project_id join users r on r.id = m.reviewed_by_id
           where m.review_status in ('approved', 'rejected')
             and (m.reviewed_by_id = m.submitted_by_id
                  or (r.role = 'manager' and not exists (
                        with recursive up as (select parent_id as id from units where id = p.unit_id
                                              union all select u.parent_id from units u join up on u.id = up.id)
                        select 1 from up where up.id = r.unit_id))
                  or r.role = 'staff')`,
    );
    expect(wrongReviewer).toEqual([]);
    const haier = await rows<{ stage: string; actual: string; status: string }>(
      db,
      sql`select m.stage::text, m.actual_date::text as actual, m.review_status::text as status from milestones m join projects p on p.id = m.project_id
           where p.name = '海尔生物安全科创产业园' and m.actual_date is not null order by m.stage`,
    );
    expect(haier).toEqual([
      { stage: "registered", actual: "2023-03-22", status: "approved" },
      { stage: "land_secured", actual: "2023-06-15", status: "approved" },
      { stage: "construction", actual: "2023-06-30", status: "approved" },
    ]);
    const waiting = await rows<{ name: string; stage: string; status: string }>(
      db,
      sql`select p.name, m.stage::text, m.review_status::text as status from milestones m join projects p on p.id = m.project_id
           where m.review_status in ('pending', 'rejected') order by p.name`,
    );
    expect(waiting).toEqual([
      { name: "国药科技城", stage: "registered", status: "pending" },
      { name: "威高（青岛）高端医疗器械产业园", stage: "construction", status: "pending" },
      { name: "瑞泽高端医用耗材生产基地", stage: "land_secured", status: "rejected" },
    ]);
    // Each report's history is in the audit log as the app writes it: submitted by its sender, then
    // approved or returned by its reviewer — so it reads on the project's timeline.
    const history = await rows<{ name: string; stage: string; steps: string }>(
      db,
      sql`select p.name, m.stage::text, string_agg((a.after->>'reviewStatus') || ':' || u.username, ',' order by a.at, a.id) as steps
            from milestones m join projects p on p.id = m.project_id
            join audit_log a on a.entity_type = 'milestone' and a.entity_id = m.id::text join users u on u.id = a.actor_id
           where p.name in ('国药科技城', '瑞泽高端医用耗材生产基地', '海尔生物安全科创产业园') group by 1, 2, m.stage order by 1, m.stage`,
    );
    expect(history).toEqual([
      { name: "国药科技城", stage: "registered", steps: "pending:staff" },
      { name: "海尔生物安全科创产业园", stage: "registered", steps: expect.stringMatching(/^pending:\w+,approved:\w+$/) },
      { name: "海尔生物安全科创产业园", stage: "land_secured", steps: expect.stringMatching(/^pending:\w+,approved:\w+$/) },
      { name: "海尔生物安全科创产业园", stage: "construction", steps: expect.stringMatching(/^pending:\w+,approved:\w+$/) },
      { name: "瑞泽高端医用耗材生产基地", stage: "registered", steps: expect.stringMatching(/^pending:\w+,approved:\w+$/) },
      { name: "瑞泽高端医用耗材生产基地", stage: "land_secured", steps: expect.stringMatching(/^pending:\w+,rejected:\w+$/) },
    ]);
    const [funds] = await rows<{ projects: number; negative: number }>(
      db,
      sql`select count(distinct project_id)::int as projects, count(*) filter (where amount <= 0)::int as negative from funds_in_place`,
    );
    expect(funds!.projects).toBeGreaterThanOrEqual(10);
    expect(funds!.negative).toBe(0);
  });

  it("replays each project's history: from lead, one stage at a time, ending where the project stands", async () => {
    const list = await rows<{
      name: string;
      stage: string;
      status: string;
      created_at: string;
      stage_changed_at: string;
      updated_at: string;
      events: { from_stage: string | null; to_stage: string; from_status: string | null; to_status: string; at: string }[];
    }>(
      db,
      sql`select p.name, p.stage::text, p.status::text, p.created_at::text, p.stage_changed_at::text, p.updated_at::text,
                 (select json_agg(json_build_object('from_stage', e.from_stage, 'to_stage', e.to_stage, 'from_status', e.from_status, 'to_status', e.to_status, 'at', e.at) order by e.at, e.id)
                    from stage_events e where e.project_id = p.id) as events
            from projects p`,
    );
    // The oldest demo history starts before the 2023-04-06 ceremony, in 2022.
    const oldest = Date.parse("2022-01-01T00:00:00+08:00");
    for (const p of list) {
      const ev = p.events;
      expect(ev[0], p.name).toMatchObject({ from_stage: null, to_stage: "lead", from_status: null, to_status: "active" });
      const last = ev[ev.length - 1]!;
      expect([last.to_stage, last.to_status], p.name).toEqual([p.stage, p.status]);
      for (let i = 1; i < ev.length; i++) {
        expect(ev[i]!.from_stage, p.name).toBe(ev[i - 1]!.to_stage);
        expect(ev[i]!.from_status, p.name).toBe(ev[i - 1]!.to_status);
        expect(Date.parse(ev[i]!.at)).toBeGreaterThan(Date.parse(ev[i - 1]!.at));
      }
      expect(Date.parse(ev[0]!.at)).toBe(Date.parse(p.created_at));
      expect(Date.parse(ev[0]!.at)).toBeGreaterThan(oldest);
      expect(Date.parse(last.at)).toBe(Date.parse(p.stage_changed_at));
      expect(Date.parse(p.updated_at)).toBeGreaterThanOrEqual(Date.parse(p.stage_changed_at));
      expect(Date.parse(p.updated_at)).toBeLessThanOrEqual(Date.now());
    }
  });

  it("keeps last_activity_at as the service does, and leaves some projects stalled for 30+ days", async () => {
    const mismatched = await rows<{ name: string }>(
      db,
      sql`select p.name from projects p
           where p.last_activity_at is distinct from (select max(a.occurred_on)::timestamptz from activities a where a.project_id = p.id)`,
    );
    expect(mismatched).toEqual([]);
    const [stalled] = await rows<{ n: number }>(
      db,
      sql`select count(*)::int as n from projects where status = 'active' and last_activity_at < now() - interval '30 days'`,
    );
    expect(stalled!.n).toBeGreaterThanOrEqual(3);
    const kinds = await rows<{ kind: string }>(db, sql`select distinct kind::text from activities`);
    expect(kinds.length).toBeGreaterThanOrEqual(6);
  });

  it("gives staff and manager tasks that are overdue, due soon and done", async () => {
    for (const username of ["staff", "manager"]) {
      const [t] = await rows<{ overdue: number; soon: number; done: number }>(
        db,
        sql`select count(*) filter (where t.status = 'open' and t.due_date < current_date)::int as overdue,
                   count(*) filter (where t.status = 'open' and t.due_date between current_date and current_date + 7)::int as soon,
                   count(*) filter (where t.status = 'done' and t.completed_at is not null)::int as done
              from tasks t join users u on u.id = t.assignee_id where u.username = ${username}`,
      );
      expect(t!.overdue, username).toBeGreaterThan(0);
      expect(t!.soon, username).toBeGreaterThan(0);
      expect(t!.done, username).toBeGreaterThan(0);
    }
  });

  it("keeps staff2's projects out of the manager's scope, and the reverse", async () => {
    const manager = await viewerFor(db, (await userByName("manager")).id);
    const staff2 = await viewerFor(db, (await userByName("staff2")).id);
    const page = { sort: "name", dir: "asc", page: 1, size: 200 } as const;
    const managerSees = await listProjects(db, manager, page);
    const staff2Sees = await listProjects(db, staff2, page);
    const ownedBy = async (username: string) =>
      new Set((await rows<{ id: string }>(db, sql`select p.id from projects p join users u on u.id = p.owner_id where u.username = ${username}`)).map((r) => r.id));
    const staff2Projects = await ownedBy("staff2");
    const managerProjects = await ownedBy("manager");
    expect(staff2Projects.size).toBeGreaterThanOrEqual(5);
    expect(managerSees.total).toBeGreaterThanOrEqual(20);
    expect(managerSees.rows.some((r) => staff2Projects.has(r.id))).toBe(false);
    expect(staff2Sees.rows.length).toBe(staff2Projects.size);
    expect(staff2Sees.rows.some((r) => managerProjects.has(r.id))).toBe(false);
  });

  it("is idempotent and leaves existing users unchanged", async () => {
    await db.update(users).set({ displayName: "改过的名字" }).where(eq(users.username, "manager"));
    const before = await counts(db);
    const pipelineBefore = await pipelineCounts(db);
    const hashes = await db.select({ username: users.username, passwordHash: users.passwordHash, version: users.version }).from(users).orderBy(users.username);

    await seed(db, (line) => secondLog.push(line));

    expect(await counts(db)).toEqual(before);
    expect(await pipelineCounts(db)).toEqual(pipelineBefore);
    expect(await db.select({ username: users.username, passwordHash: users.passwordHash, version: users.version }).from(users).orderBy(users.username)).toEqual(hashes);
    const [m] = await db.select({ displayName: users.displayName }).from(users).where(eq(users.username, "manager"));
    expect(m?.displayName).toBe("改过的名字");
    expect(secondLog[0]).toBe("[seed] 10 units, 0 new demo users (existing ones left unchanged).");
    expect(secondLog[1]).toBe("[seed] Demo pipeline already present, left unchanged.");
    const [{ n } = { n: -1 }] = (await db.execute<{ n: number }>(sql`select count(distinct code)::int as n from units`)).rows;
    expect(n).toBe(UNITS);
  });

  it("does not recreate a demo user whose username now differs in case", async () => {
    await db.update(users).set({ username: "Staff2" }).where(eq(users.username, "staff2"));
    await seed(db, () => {});
    expect((await counts(db)).users).toBe(USERS);
  });

  it("the demo password signs every demo user in", async () => {
    expect(DEMO_PASSWORD).toBe("demo1234");
    for (const u of DEMO_USERS) {
      const result = await authenticate(db, u.username, DEMO_PASSWORD, "127.0.0.1");
      expect(result, u.username).toMatchObject({ ok: true, viewer: { role: u.role, displayName: expect.any(String) } });
    }
    expect(await authenticate(db, "admin", "demo12345", "127.0.0.1")).toEqual({ ok: false, reason: "invalid" });
    const admin = await userByName("admin");
    expect(admin.passwordHash.startsWith("$argon2id$")).toBe(true);
  });

  it("prints the demo logins", () => {
    expect(firstLog.slice(1).join("\n")).toContain("demo1234");
    for (const u of DEMO_USERS) expect(firstLog.some((l) => l.includes(u.username))).toBe(true);
    expect(firstLog.some((l) => l.includes("zhaolei"))).toBe(false);
  });
});

describe("seed: parks, zones and parcels", () => {
  type Totals = { area: string; parcels: number; cleared: string; transferred: string };
  const totalsOf = async (where: ReturnType<typeof sql>) =>
    (
      await rows<Totals>(
        db,
        sql`select coalesce(sum(pa.area_mu), 0)::text as area, count(pa.id)::int as parcels,
                   coalesce(sum(pa.area_mu) filter (where pa.status >= 'cleared'), 0)::text as cleared,
                   coalesce(sum(pa.area_mu) filter (where pa.status >= 'transferred'), 0)::text as transferred
              from parcels pa join parks p on p.id = pa.park_id left join zones z on z.id = pa.zone_id where ${where}`,
      )
    )[0]!;

  it("seeds the facts.md parks with their districts, areas, operators, leading chains and zones", async () => {
    const parks = await rows<{ name: string; district: string; area: string | null; operator: string; chain: string | null; zones: string[] | null }>(
      db,
      sql`select p.name, p.district_code as district, p.area_mu::text as area, p.operator, c.code as chain,
                 (select array_agg(z.name order by z.sort_order) from zones z where z.park_id = p.id) as zones
            from parks p left join industry_chains c on c.id = p.leading_chain_id order by p.sort_order`,
    );
    expect(parks.map((p) => p.name)).toEqual(DEMO_PARKS.map((p) => p.name));
    expect(parks[0]).toEqual({ name: "健康谷", district: "370203", area: "1071.000000", operator: "融汇集团", chain: "SB-YLQX", zones: ["核心区", "美青工业园及周边", "孤山北", "中商地块"] });
    expect(parks[1]).toMatchObject({ name: "生物医药及医疗器械产业园", district: "", area: "4600.000000", chain: "GX-SWYY", zones: ["医药器械片区", "康复医疗片区"] });
    expect(parks[2]).toMatchObject({ name: "精密仪器仪表产业园", area: "2900.000000", chain: "GX-ZNZZ", zones: ["核心区", "拓展区"] });
    expect(parks.slice(3).map((p) => [p.name, p.district])).toEqual([
      ["生命药洲", "370213"],
      ["信联天地", "370213"],
    ]);
    expect(parks[4]!.operator).toBe("青岛金水集团");
  });

  it("gives 健康谷 parcels adding up to its 1,071 亩, 核心区's to 383 亩, each zone to its area", async () => {
    expect(await totalsOf(sql`p.name = '健康谷'`)).toMatchObject({ area: "1071.000000" });
    const zonesOf = await rows<{ zone: string; planned: string; parcels: string }>(
      db,
      sql`select z.name as zone, z.area_mu::text as planned, coalesce(sum(pa.area_mu), 0)::text as parcels
            from zones z join parks p on p.id = z.park_id left join parcels pa on pa.zone_id = z.id
           where p.name = '健康谷' group by z.id order by z.sort_order`,
    );
    expect(zonesOf).toEqual([
      { zone: "核心区", planned: "383.000000", parcels: "383.000000" },
      { zone: "美青工业园及周边", planned: "300.000000", parcels: "300.000000" },
      { zone: "孤山北", planned: "250.000000", parcels: "250.000000" },
      { zone: "中商地块", planned: "138.000000", parcels: "138.000000" },
    ]);
    // The cumulative figures the field reports give, for 健康谷 as seeded.
    const hv = await totalsOf(sql`p.name = '健康谷'`);
    expect(Number(hv.cleared)).toBeGreaterThan(Number(hv.transferred));
    expect(Number(hv.transferred)).toBeGreaterThan(0);
  });

  it("has parcels in every status, some typed in ㎡, each with a status history that ends where it stands", async () => {
    const statuses = await rows<{ status: string }>(db, sql`select distinct status::text from parcels`);
    expect(new Set(statuses.map((s) => s.status))).toEqual(new Set(["reserved", "cleared", "listed", "transferred", "under_construction", "completed"]));
    const hv = await rows<{ status: string }>(db, sql`select distinct pa.status::text from parcels pa join parks p on p.id = pa.park_id where p.name = '健康谷'`);
    expect(hv).toHaveLength(6);
    const [sqm] = await rows<{ n: number }>(db, sql`select count(*)::int as n from parcels where area_entered_in = 'sqm'`);
    expect(sqm!.n).toBeGreaterThanOrEqual(3);
    const [{ n: total } = { n: 0 }] = await rows<{ n: number }>(db, sql`select count(*)::int as n from parcels`);
    expect(total).toBe(DEMO_PARCELS.length);
    const broken = await rows<{ code: string }>(
      db,
      sql`select pa.code from parcels pa
           where pa.status is distinct from (select c.to_status from parcel_status_changes c where c.parcel_id = pa.id order by c.changed_on desc, c.id desc limit 1)
              or pa.status_changed_on is distinct from (select max(c.changed_on) from parcel_status_changes c where c.parcel_id = pa.id)
              or (select count(*) from parcel_status_changes c where c.parcel_id = pa.id and c.from_status is null) <> 1
              or (pa.status >= 'transferred') <> (pa.transfer_date is not null)
              or exists (select 1 from parcel_status_changes c where c.parcel_id = pa.id and c.changed_on > current_date)`,
    );
    expect(broken).toEqual([]);
  });

  it("matches 国药's 471 亩 project and 海尔生物安全科创产业园 to their parcels, and leaves 核心区 parcels on offer", async () => {
    const matched = await rows<{ project: string; code: string; area: string; status: string; transfer: string | null; need: string | null; park: string }>(
      db,
      sql`select pr.name as project, pa.code, pa.area_mu::text as area, pa.status::text, pa.transfer_date::text as transfer,
                 pr.land_need_mu::text as need, p.name as park
            from parcels pa join projects pr on pr.id = pa.project_id join parks p on p.id = pa.park_id`,
    );
    const byProject = new Map(matched.map((m) => [m.project, m]));
    expect(byProject.get("国药融资租赁医药器械产业项目（471 亩）")).toMatchObject({ area: "471.000000", status: "transferred", need: "471.000000", park: "生物医药及医疗器械产业园" });
    expect(byProject.get("海尔生物安全科创产业园")).toMatchObject({ status: "under_construction", transfer: "2023-06-15" });
    const haier = await rows<{ to: string; on: string }>(
      db,
      sql`select c.to_status::text as to, c.changed_on::text as on from parcel_status_changes c join parcels pa on pa.id = c.parcel_id
           where pa.code = 'HTQ-2023-05' order by c.changed_on`,
    );
    expect(haier.slice(-2)).toEqual([
      { to: "transferred", on: "2023-06-15" },
      { to: "under_construction", on: "2023-06-30" },
    ]);
    expect(matched.length).toBeGreaterThanOrEqual(5);
    const open = await rows<{ code: string }>(
      db,
      sql`select pa.code from parcels pa join zones z on z.id = pa.zone_id join parks p on p.id = pa.park_id
           where p.name = '健康谷' and z.name = '核心区' and pa.project_id is null and pa.status in ('cleared', 'listed')`,
    );
    expect(open.length).toBeGreaterThanOrEqual(2);
  });

  it("puts the demo projects in their units' parks and gives some a land need", async () => {
    const byUnit = await rows<{ unit: string; park: string | null; n: number }>(
      db,
      sql`select u.code as unit, p.name as park, count(*)::int as n from projects pr join units u on u.id = pr.unit_id
            left join parks p on p.id = pr.park_id group by 1, 2 order by 1, 2`,
    );
    expect(byUnit.filter((r) => r.unit === "370203-JKG").map((r) => r.park)).toEqual(["健康谷"]);
    expect(byUnit.filter((r) => r.unit === "QDHT-JMYQ").map((r) => r.park)).toEqual(["精密仪器仪表产业园"]);
    expect(byUnit.filter((r) => r.unit === "QDHT-SWYY").map((r) => r.park)).toEqual(["生物医药及医疗器械产业园"]);
    const [needs] = await rows<{ n: number }>(db, sql`select count(*)::int as n from projects where land_need_mu is not null and land_use is not null`);
    expect(needs!.n).toBeGreaterThanOrEqual(Object.keys(DEMO_LAND_NEEDS).length);
  });

  it("does not add the parks twice", async () => {
    const landCounts = () =>
      rows<Record<string, number>>(
        db,
        sql`select (select count(*)::int from parks) as parks, (select count(*)::int from zones) as zones,
                   (select count(*)::int from parcels) as parcels, (select count(*)::int from parcel_status_changes) as changes`,
      );
    const before = await landCounts();
    const log: string[] = [];
    await seed(db, (line) => log.push(line));
    expect(await landCounts()).toEqual(before);
    expect(log[2]).toBe("[seed] Demo parks and parcels already present, left unchanged.");
    expect(firstLog[2]).toMatch(/^\[seed\] Demo land: 5 parks with their zones, \d+ parcels \(\d+ matched to projects\)\.$/);
  });
});

describe("grid service demo", () => {
  const viewerNamed = async (username: string) => viewerFor(db, (await userByName(username)).id);

  it("seeds 24 grids run by the 83 officers of the grid centre, \"1+3\" or \"1+2\", who cannot sign in", async () => {
    const list = await rows<{ code: string; unit: string; parent: string; leads: number; members: number }>(
      db,
      sql`select g.code, u.code as unit, p.code as parent,
                 count(*) filter (where o.role = 'lead')::int as leads, count(*) filter (where o.role = 'member')::int as members
            from grids g join units u on u.id = g.unit_id join units p on p.id = u.parent_id left join grid_officers o on o.grid_id = g.id
           group by g.id, u.code, p.code order by g.sort_order`,
    );
    expect(list.map((g) => g.code)).toEqual(DEMO_GRIDS.map((g) => g.code));
    expect(list).toHaveLength(24);
    for (const g of list) expect(g, g.code).toMatchObject({ unit: GRID_UNIT.code, parent: "QDHT-TZCJ", leads: 1 });
    expect(list.filter((g) => g.members === 3)).toHaveLength(11);
    expect(list.filter((g) => g.members === 2)).toHaveLength(13);
    const [officers] = await rows<{ rows: number; people: number; in_centre: number; staff: number }>(
      db,
      sql`select count(*)::int as rows, count(distinct o.user_id)::int as people,
                 count(*) filter (where u.code = ${GRID_UNIT.code})::int as in_centre, count(*) filter (where p.role = 'staff')::int as staff
            from grid_officers o join users p on p.id = o.user_id join units u on u.id = p.unit_id`,
    );
    expect(officers).toEqual({ rows: 83, people: 83, in_centre: 83, staff: 83 });
    expect(await authenticate(db, "wg001", DEMO_PASSWORD, "127.0.0.3")).toEqual({ ok: false, reason: "invalid" });
  });

  it("assigns 240 key enterprises and carriers, at least 7 to each grid", async () => {
    const perGrid = await rows<{ n: number }>(db, sql`select count(e.id)::int as n from grids g left join enterprises e on e.grid_id = g.id group by g.id`);
    expect(perGrid.reduce((sum, g) => sum + g.n, 0)).toBe(GRID_ENTERPRISE_COUNT);
    expect(Math.min(...perGrid.map((g) => g.n))).toBeGreaterThanOrEqual(7);
    const haixing = await rows<{ grid: string }>(db, sql`select g.code as grid from enterprises e join grids g on g.id = e.grid_id where e.name = '海克斯康制造智能技术（青岛）有限公司'`);
    expect(haixing).toHaveLength(1);
  });

  it("seeds 557 requests over the past 12 months: 98 % resolved, mostly on time, red and yellow open ones today", async () => {
    const now = new Date();
    const [times] = await rows<{ n: number; oldest_days: number; future: number; out_of_order: number; bad_status: number; open: number }>(
      db,
      sql`select count(*)::int as n, extract(day from now() - min(received_at))::int as oldest_days,
                 count(*) filter (where greatest(received_at, accepted_at, replied_at, resolved_at) > now())::int as future,
                 count(*) filter (where accepted_at < received_at or replied_at < accepted_at or resolved_at < replied_at
                                     or (replied_at is not null and accepted_at is null) or (resolved_at is not null and replied_at is null))::int as out_of_order,
                 count(*) filter (where status::text <> case when resolved_at is not null then 'resolved' when replied_at is not null then 'replied'
                                                               when accepted_at is not null then 'accepted' else 'received' end)::int as bad_status,
                 count(*) filter (where resolved_at is null)::int as open
            from service_requests`,
    );
    expect(times).toMatchObject({ n: GRID_REQUEST_COUNT, future: 0, out_of_order: 0, bad_status: 0, open: GRID_OPEN_COUNT });
    expect(times!.oldest_days).toBeLessThanOrEqual(366);
    expect(times!.oldest_days).toBeGreaterThanOrEqual(300);
    const overview = await gridOverview(db, await viewerNamed("manager"), { from: "2000-01-01" }, now);
    expect(overview.grids).toHaveLength(24);
    expect(overview.total).toMatchObject({ received: 557, resolved: 546, closureRate: 98 });
    expect(overview.total.onTimeRate).toBeGreaterThanOrEqual(90);
    expect(overview.total.onTimeRate).toBeLessThan(99);
    expect(overview.total.openRed).toBeGreaterThanOrEqual(1);
    expect(overview.total.openYellow).toBeGreaterThanOrEqual(1);
    const categories = await rows<{ category: string }>(db, sql`select distinct category::text from service_requests`);
    expect(categories).toHaveLength(8);
  });

  it("gives each grid the 办结率 and on-time rate that its rows give by hand", async () => {
    const now = new Date();
    const overview = await gridOverview(db, await viewerNamed("manager"), { from: "2000-01-01" }, now);
    const cal = makeCalendar(await rows<{ day: string; isWorkday: boolean }>(db, sql`select day::text as day, is_workday as "isWorkday" from holidays`));
    const requests = await rows<{ grid_id: string; received_at: Date; accepted_at: Date | null; replied_at: Date | null; resolved_at: Date | null }>(
      db,
      sql`select grid_id, received_at, accepted_at, replied_at, resolved_at from service_requests`,
    );
    const byHand = new Map<string, { received: number; resolved: number; onTime: number }>();
    for (const r of requests) {
      const f = byHand.get(r.grid_id) ?? { received: 0, resolved: 0, onTime: 0 };
      f.received++;
      if (r.resolved_at) f.resolved++;
      const { clocks } = requestClocks(cal, { receivedAt: r.received_at, acceptedAt: r.accepted_at, repliedAt: r.replied_at, resolvedAt: r.resolved_at }, now);
      if (clocks.resolve.state === "on_time") f.onTime++;
      byHand.set(r.grid_id, f);
    }
    for (const g of overview.grids) {
      const f = byHand.get(g.id)!;
      expect({ received: g.received, resolved: g.resolved, onTime: g.resolvedOnTime, closureRate: g.closureRate, onTimeRate: g.onTimeRate }, g.code).toEqual({
        received: f.received,
        resolved: f.resolved,
        onTime: f.onTime,
        closureRate: rate(f.resolved, f.received),
        onTimeRate: rate(f.onTime, f.resolved),
      });
    }
  });

  it("seeds the State Council's 2025 and 2026 holidays and make-up days", async () => {
    const days = await rows<{ year: number; off: number; worked: number }>(
      db,
      sql`select extract(year from day)::int as year, count(*) filter (where not is_workday)::int as off, count(*) filter (where is_workday)::int as worked
            from holidays group by 1 order by 1`,
    );
    expect(days).toEqual([
      { year: 2025, off: 28, worked: 5 },
      { year: 2026, off: 33, worked: 6 },
    ]);
  });

  it("shows the grids to the 高新区 manager and not to staff2", async () => {
    expect((await gridOverview(db, await viewerNamed("manager"), {})).grids).toHaveLength(24);
    expect((await gridOverview(db, await viewerFor(db, (await userByName("Staff2")).id), {})).grids).toHaveLength(0);
  });
});

describe("synthetic generator", () => {
  const ANCHOR = "2026-01-15";

  /** What must come out the same when the same N is generated twice. */
  async function fingerprint(d: Db) {
    const perStage = await rows<{ stage: string; status: string; n: number; total: string }>(
      d,
      sql`select stage::text, status::text, count(*)::int as n, sum(total_investment)::text as total from projects group by 1, 2 order by 1, 2`,
    );
    // Digests of the synthetic rows (the demo rows carry random ids and the time of seeding).
    const [digest] = await rows<Record<string, string>>(
      d,
      sql`with syn as (select p.*, o.username as owner, u.code as unit, coalesce(c.code, '') as chain
                         from projects p join enterprises e on e.id = p.enterprise_id join users o on o.id = p.owner_id
                         join units u on u.id = p.unit_id left join industry_chains c on c.id = p.industry_chain_id
                        where e.notes = ${SYNTHETIC_NOTE})
          select md5(string_agg(p.id::text || p.name || p.total_investment || p.stage || p.status || p.owner || p.unit || p.chain || p.created_at || p.updated_at, ',' order by p.id)) as projects,
                 (select md5(string_agg(e.id::text || e.name || coalesce(e.uscc, ''), ',' order by e.id)) from enterprises e where e.notes = ${SYNTHETIC_NOTE}) as enterprises,
                 (select md5(string_agg(a.id::text || a.occurred_on || a.summary, ',' order by a.id)) from activities a join syn on syn.id = a.project_id) as activities,
                 (select md5(string_agg(s.project_id::text || s.to_stage || s.to_status || s.at, ',' order by s.project_id, s.at)) from stage_events s join syn on syn.id = s.project_id) as events,
                 (select md5(string_agg(t.id::text || t.title || t.status || coalesce(t.due_date::text, ''), ',' order by t.id)) from tasks t join syn on syn.id = t.project_id) as tasks,
                 (select md5(string_agg(s.project_id::text || s.signing_date || s.agreement_type || s.contract_investment || coalesce(s.phase1_investment::text, '') || coalesce(s.event_id::text, '') || s.progress, ',' order by s.project_id)) from signings s join syn on syn.id = s.project_id) as signings,
                 (select md5(string_agg(m.id::text || m.stage || m.review_status || coalesce(m.actual_date::text, ''), ',' order by m.id)) from milestones m join syn on syn.id = m.project_id) as milestones,
                 (select md5(string_agg(f.id::text || f.amount || f.received_on, ',' order by f.id)) from funds_in_place f join syn on syn.id = f.project_id) as funds
            from syn p`,
    );
    return { perStage, digest, counts: await pipelineCounts(d) };
  }

  it("makes exactly N projects, the same ones for the same N in two fresh databases", async () => {
    const [a, b] = [await createTestDb(), await createTestDb()];
    for (const t of [a, b]) {
      await seed(t.db, () => {});
      await generateSynthetic(t.db, { scale: 500, anchor: ANCHOR, log: () => {} });
    }
    const [fa, fb] = [await fingerprint(a.db), await fingerprint(b.db)];
    expect(fa).toEqual(fb);
    expect(fa.counts.projects).toBe(DEMO_PROJECTS.length + 500);
    const [syn] = await rows<{ enterprises: number; contacts: number; without_events: number; signed_without_signing: number; future: number }>(
      a.db,
      sql`select (select count(*)::int from enterprises where notes = ${SYNTHETIC_NOTE}) as enterprises,
                 (select count(*)::int from contacts c join enterprises e on e.id = c.enterprise_id where e.notes = ${SYNTHETIC_NOTE}) as contacts,
                 (select count(*)::int from projects p where not exists (select 1 from stage_events e where e.project_id = p.id)) as without_events,
                 (select count(*)::int from projects p where p.stage >= 'signed' and not exists (select 1 from signings s where s.project_id = p.id)) as signed_without_signing,
                 (select count(*)::int from stage_events s join projects p on p.id = s.project_id join enterprises e on e.id = p.enterprise_id
                   where e.notes = ${SYNTHETIC_NOTE} and s.at >= ${`${ANCHOR}T00:00:00+08:00`}::timestamptz) as future`,
    );
    expect(syn).toEqual({ enterprises: 167, contacts: expect.any(Number), without_events: 0, signed_without_signing: 0, future: 0 });
    expect(syn!.contacts).toBeGreaterThanOrEqual(167);
    // Every stage is there, most projects early in the pipeline.
    const stages = new Map<string, number>();
    for (const r of fa.perStage) stages.set(r.stage, (stages.get(r.stage) ?? 0) + r.n);
    expect(new Set(stages.keys())).toEqual(new Set(STAGES));
    expect(stages.get("lead")!).toBeGreaterThan(stages.get("operating")!);
    const uscc = await rows<{ uscc: string }>(a.db, sql`select uscc from enterprises where uscc is not null and notes = ${SYNTHETIC_NOTE}`);
    for (const r of uscc) expect(checkUscc(r.uscc)).toBe("valid");
  });

  it("gives signed projects their signing facts, approved reports between signing and stage change, and funds", async () => {
    const t = await createTestDb();
    await seed(t.db, () => {});
    await t.db.execute(sql`insert into parks (name) values ('健康谷'), ('生物医药及医疗器械产业园'), ('精密仪器仪表产业园') on conflict do nothing`);
    const summary = await generateSynthetic(t.db, { scale: 1500, anchor: ANCHOR, log: () => {} });
    expect(summary.events).toBeGreaterThanOrEqual(4);
    const syn = sql`(select p.* from projects p join enterprises e on e.id = p.enterprise_id where e.notes = ${SYNTHETIC_NOTE})`;
    const [facts] = await rows<Record<string, number>>(
      t.db,
      sql`select count(*)::int as signed,
                 count(*) filter (where s.event_id is not null)::int as at_event,
                 count(*) filter (where s.event_id is not null and s.signing_date <> ev.held_on)::int as off_event_day,
                 count(*) filter (where s.phase1_investment is not null)::int as phase1,
                 count(*) filter (where s.phase1_investment > s.contract_investment)::int as phase1_over,
                 count(*) filter (where s.steward_id is not null)::int as stewards,
                 count(*) filter (where s.responsible_unit_id is not null)::int as responsible,
                 count(*) filter (where s.progress <> '')::int as progress,
                 count(*) filter (where s.issues <> '')::int as issues,
                 count(*) filter (where p.park_id is not null)::int as parked,
                 count(*) filter (where p.land_need_mu is not null)::int as land,
                 count(*) filter (where p.description <> '')::int as described,
                 count(distinct s.agreement_type)::int as agreement_types
            from ${syn} p join signings s on s.project_id = p.id left join events ev on ev.id = s.event_id`,
    );
    expect(facts!.signed).toBeGreaterThan(300);
    for (const k of ["at_event", "phase1", "stewards", "responsible", "progress", "issues", "parked", "land", "described"]) expect(facts![k], k).toBeGreaterThan(0);
    expect(facts!.at_event).toBeGreaterThan(facts!.signed! * 0.15);
    expect(facts!.parked).toBeGreaterThan(facts!.signed! * 0.7);
    expect(facts).toMatchObject({ off_event_day: 0, phase1_over: 0, agreement_types: 3 });

    // Every stage after 签约 that a project reached has its approved report, dated between the signing and the change.
    const [reports] = await rows<Record<string, number>>(
      t.db,
      sql`with reached as (
            select p.id, st.stage, s.signing_date,
                   (select (max(e.at) at time zone 'Asia/Shanghai')::date from stage_events e where e.project_id = p.id and e.to_stage = st.stage) as moved_on
              from ${syn} p join signings s on s.project_id = p.id
              cross join lateral unnest(enum_range('registered'::project_stage, p.stage)) as st(stage)
             where p.stage >= 'registered')
          select count(*)::int as reached,
                 count(m.id) filter (where m.review_status = 'approved')::int as approved,
                 count(*) filter (where m.actual_date < r.signing_date or m.actual_date > r.moved_on)::int as out_of_range,
                 count(*) filter (where m.reviewed_by_id is null or m.submitted_at > m.reviewed_at)::int as unreviewed
            from reached r left join milestones m on m.project_id = r.id and m.stage = r.stage`,
    );
    expect(reports!.reached).toBeGreaterThan(100);
    expect(reports).toMatchObject({ approved: reports!.reached, out_of_range: 0, unreviewed: 0 });
    // Reports waiting (or returned, or drafts) are for the project's next stage, never dated in the future.
    const [waiting] = await rows<Record<string, number>>(
      t.db,
      sql`select count(*) filter (where m.review_status = 'pending')::int as pending,
                 count(*) filter (where m.review_status = 'rejected' and m.review_comment <> '')::int as rejected,
                 count(*) filter (where m.review_status = 'draft' and m.submitted_at is null)::int as draft,
                 count(*) filter (where m.review_status <> 'approved' and m.stage <= p.stage)::int as behind,
                 count(*) filter (where m.actual_date >= ${ANCHOR}::date)::int as future
            from milestones m join ${syn} p on p.id = m.project_id`,
    );
    expect(waiting!.pending).toBeGreaterThan(0);
    expect(waiting!.rejected! + waiting!.draft!).toBeGreaterThan(0);
    expect(waiting).toMatchObject({ behind: 0, future: 0 });
    // 到位资金 from land on, never more than the contract, dated after the signing.
    const [funds] = await rows<Record<string, number>>(
      t.db,
      sql`select count(distinct f.project_id)::int as projects,
                 count(*) filter (where p.stage < 'land_secured' or f.received_on < s.signing_date or f.received_on >= ${ANCHOR}::date)::int as misplaced,
                 (select count(*)::int from (select f2.project_id from funds_in_place f2 join signings s2 on s2.project_id = f2.project_id
                   group by f2.project_id, s2.contract_investment having sum(f2.amount) > s2.contract_investment) x) as over
            from funds_in_place f join ${syn} p on p.id = f.project_id join signings s on s.project_id = p.id`,
    );
    expect(funds!.projects).toBeGreaterThan(20);
    expect(funds).toMatchObject({ misplaced: 0, over: 0 });
  });

  it("makes every project signed or beyond with signedShare 1", async () => {
    const t = await createTestDb();
    await seed(t.db, () => {});
    const summary = await generateSynthetic(t.db, { scale: 300, anchor: ANCHOR, log: () => {}, signedShare: 1 });
    expect(summary.signings).toBe(300);
    const [c] = await rows<{ unsigned: number }>(
      t.db,
      sql`select count(*)::int as unsigned from projects p join enterprises e on e.id = p.enterprise_id where e.notes = ${SYNTHETIC_NOTE} and p.stage < 'signed'`,
    );
    expect(c!.unsigned).toBe(0);
  });

  it("rebuilds the indexes it drops for a bulk load exactly as they were", async () => {
    const t = await createTestDb();
    await seed(t.db, () => {});
    const indexes = () => rows<{ name: string; def: string }>(t.db, sql`select indexname as name, indexdef as def from pg_indexes where schemaname = 'public' order by 1`);
    const before = await indexes();
    await generateSynthetic(t.db, { scale: 200, anchor: ANCHOR, log: () => {}, rebuildIndexes: true });
    expect(await indexes()).toEqual(before);
    expect(before.length).toBeGreaterThan(30);
  });

  it("adds another N on a second run, with new enterprises and USCCs", async () => {
    const t = await createTestDb();
    await seed(t.db, () => {});
    await generateSynthetic(t.db, { scale: 300, anchor: ANCHOR, log: () => {} });
    const summary = await generateSynthetic(t.db, { scale: 300, anchor: ANCHOR, log: () => {} });
    expect(summary.projects).toBe(300);
    const [c] = await rows<{ projects: number; enterprises: number }>(
      t.db,
      sql`select (select count(*)::int from projects) as projects, (select count(*)::int from enterprises where notes = ${SYNTHETIC_NOTE}) as enterprises`,
    );
    expect(c).toEqual({ projects: DEMO_PROJECTS.length + 600, enterprises: 200 });
  });
});
