/**
 * 青岛高新区's grid service (网格化服务) as the district publishes it: 1,200+ key enterprises
 * and carriers in 24 grids, the "1+3" model, 83 full-time grid officers, 2,785 enterprise
 * issues handled, 办结率 98%.
 *
 * Grids and officers are as reported (24 grids; 24 网格长 and 59 网格员: "1+3" in 11 grids,
 * "1+2" in 13). Enterprises and requests are scaled down by SCALE = 5, keeping the ratios:
 * 240 enterprises and 557 requests over the past 12 months, 546 of them resolved (98.0 %),
 * most on time and a few late, and 11 open — at least one red and one yellow on the day of
 * seeding. Everything is dated relative to the moment of seeding, like db/demo-data.ts, and
 * random choices come from a fixed seed, so two runs on the same day give the same rows.
 *
 * The officers are users of a new unit, 高新区企业服务网格中心, under 青岛高新区投资促进部
 * (so the demo manager sees them); like DEMO_COLLEAGUES they have a random password: no login.
 * The State Council's 2025 and 2026 holidays are seeded here too (lib/grids/official-holidays.ts).
 */
import { and, eq, gte, inArray, like, lte, sql } from "drizzle-orm";
import { randomBytes } from "node:crypto";
import { hashPassword } from "../lib/auth/password";
import { usccCheckChar } from "../lib/enterprises/uscc";
import { addDays, addWorkingDays, chinaDay, makeCalendar, subtractWorkingDays, workingDayOnOrAfter, workingDaysBetween, type Calendar } from "../lib/grids/calendar";
import { OFFICIAL_HOLIDAYS, officialHolidayRows } from "../lib/grids/official-holidays";
import type { Db, Tx } from "./client";
import { enterprises, gridOfficers, grids, holidays, serviceRequests, units, users } from "./schema";
import type { OwnershipType, RequestCategory, RequestStatus } from "./schema/enums";

export const SCALE = 5;
export const GRID_UNIT = { code: "QDHT-WGZX", name: "高新区企业服务网格中心", parent: "QDHT-TZCJ" } as const;
export const GRID_OFFICER_COUNT = 83;
export const GRID_ENTERPRISE_COUNT = Math.round(1200 / SCALE); // 240
export const GRID_REQUEST_COUNT = Math.round(2785 / SCALE); // 557
export const GRID_OPEN_COUNT = 11; // 546 resolved of 557: 98.0 %

/** The 24 grids: parks, their areas and the buildings that carry enterprises. */
export const DEMO_GRIDS: { code: string; name: string; area: string }[] = [
  ["医药器械片区第一网格", "生物医药及医疗器械产业园医药器械片区北区，创新药及罕见病用药企业"],
  ["医药器械片区第二网格", "医药器械片区南区，体外诊断及先进治疗器械企业"],
  ["康复医疗片区网格", "康复医疗片区及康复大学周边，康复医学及辅具企业"],
  ["蓝色生物医药科技园网格", "蓝色生物医药科技园 1–12 号楼"],
  ["国药科技城网格", "国药科技城一期及周边地块"],
  ["精密仪器核心区第一网格", "精密仪器仪表产业园核心区北部，工业测控系统企业"],
  ["精密仪器核心区第二网格", "精密仪器仪表产业园核心区南部，实验分析仪器企业"],
  ["精密仪器拓展区网格", "精密仪器仪表产业园拓展区，传感器及核心零部件企业"],
  ["海洋仪器仪表园网格", "海洋仪器仪表产业园及海洋工程装备企业"],
  ["软件科技城网格", "软件科技城 A、B、C 区"],
  ["国际创新园网格", "国际创新园 A1–A6 座"],
  ["创业中心孵化器网格", "高新区创业中心及众创空间"],
  ["科技金融中心楼宇网格", "科技金融中心及周边商务楼宇"],
  ["智能制造产业园第一网格", "智能制造产业园一期标准厂房"],
  ["智能制造产业园第二网格", "智能制造产业园二期及配套厂房"],
  ["新材料产业园网格", "新材料产业园及中试基地"],
  ["检验检测认证园网格", "检验检测认证产业园"],
  ["人工智能产业园网格", "人工智能产业园及算力中心"],
  ["集成电路产业园网格", "集成电路设计及封测企业聚集区"],
  ["科创大厦楼宇网格", "科创大厦、研发大厦等楼宇"],
  ["红岛站商务区网格", "红岛站周边商务区"],
  ["胶州湾北部科创园网格", "胶州湾北部科创园及沿海地块"],
  ["大学科技园网格", "大学科技园及高校成果转化平台"],
  ["现代服务业集聚区网格", "现代服务业集聚区，总部及专业服务企业"],
].map(([name, area], i) => ({ code: `GX-WG-${String(i + 1).padStart(2, "0")}`, name: name!, area: area! }));

// Which grids a 高新区 demo enterprise belongs in: biomedicine in grids 1–5, instruments in 6–9.
const BIOMED_GRIDS = [0, 1, 2, 3, 4];
const INSTRUMENT_GRIDS = [5, 6, 7, 8];

/** mulberry32: a small deterministic generator, so the demo is the same on every run. */
function generator(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1));
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  const weighted = <T>(list: readonly (readonly [T, number])[]): T => {
    let r = next() * list.reduce((s, [, w]) => s + w, 0);
    for (const [v, w] of list) if ((r -= w) < 0) return v;
    return list[list.length - 1]![0];
  };
  return { next, int, pick, weighted, chance: (p: number) => next() < p };
}
type Rng = ReturnType<typeof generator>;

const SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文";
const GIVEN = ["志强", "秀英", "海燕", "建华", "晓东", "丽娜", "文博", "静怡", "国栋", "雪梅", "振华", "婷婷", "俊杰", "慧敏", "宏伟", "晨曦", "立新", "佳琪", "明轩", "雅琳", "广平", "春燕", "子涵", "德胜", "玉兰", "浩然", "思远", "海波", "红霞", "鹏飞", "凤英", "永刚", "梦瑶", "家豪", "桂芳", "天宇", "欣然", "长青", "美玲", "少华"];

const NAME_CORES = ["海川", "瑞泰", "康源", "博远", "华诚", "蓝海", "中科", "恒信", "润德", "启明", "鼎盛", "泰和", "远航", "晟达", "汇智", "卓越", "德润", "科迈", "嘉禾", "众诚", "明德", "盛元", "青科", "海晟", "睿达", "宏图", "新源", "安泰", "融通", "聚力", "天成", "精测", "诺康", "凯瑞", "维尔", "博雅", "奥森", "海纳", "云帆", "智源"];
const BUSINESSES: readonly (readonly [string, string, number])[] = [
  ["生物科技", "C2761", 18],
  ["医疗器械", "C3581", 14],
  ["医药科技", "C2720", 8],
  ["精密仪器", "C4014", 12],
  ["传感技术", "C3983", 8],
  ["智能装备", "C3499", 10],
  ["软件科技", "I6513", 10],
  ["信息技术", "I6531", 6],
  ["新材料科技", "C2651", 6],
  ["检测技术", "M7450", 6],
  ["电子科技", "C3976", 6],
  ["海洋科技", "M7340", 5],
];
const CARRIERS = ["产业园运营管理有限公司", "科技企业孵化器有限公司", "众创空间管理有限公司", "楼宇运营管理有限公司"];

/** A USCC for the demo's i-th grid enterprise: 91 + 370214 (城阳区) + "MAG" + 6 characters + check. */
function gridUscc(i: number): string {
  const alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
  let v = (i * 7_919 + 104_729) % 31 ** 6;
  let tail = "";
  for (let k = 0; k < 6; k++) {
    tail = alphabet[v % 31]! + tail;
    v = Math.floor(v / 31);
  }
  const first17 = `91370214MAG${tail}`;
  return first17 + usccCheckChar(first17);
}

type Text = { title: string; description: string; reply: string; resolution: string };

/** Requests as grid officers write them down, by category. */
const TEXTS: Record<RequestCategory, Text[]> = {
  policy: [
    { title: "咨询高新技术企业认定申报条件", description: "企业拟于今年申报高新技术企业，希望了解研发费用占比、知识产权数量等条件及申报时间。", reply: "已发送认定办法及本年度申报通知，约定上门辅导。", resolution: "网格员陪同科技部门上门辅导，企业已按期提交申报材料。" },
    { title: "申请研发费用加计扣除政策辅导", description: "企业财务人员对研发费用归集口径不清楚，希望税务部门给予指导。", reply: "已联系税务分局，安排专管员对接。", resolution: "税务专管员完成辅导，企业已完成研发费用辅助账调整。" },
    { title: "了解专精特新中小企业申报要求", description: "企业希望申报省级专精特新中小企业，咨询评价指标和所需材料。", reply: "已转工信部门，提供评价指标说明。", resolution: "企业已完成自评并在系统中提交申报。" },
    { title: "咨询园区一企一策扶持政策兑现", description: "企业落户时签订的扶持协议中房租补贴尚未兑现，询问办理流程。", reply: "已核对协议条款，告知需提交的兑现材料。", resolution: "房租补贴已完成审核，资金已拨付到企业账户。" },
    { title: "咨询人才公寓申请政策", description: "企业新引进研发人员 12 名，询问人才公寓申请条件。", reply: "已提供人才公寓申请指南和受理窗口联系方式。", resolution: "8 名符合条件人员已分配人才公寓。" },
  ],
  land_space: [
    { title: "扩产需要新增标准厂房", description: "企业订单增长，计划新增产线，需要约 2000 平方米标准厂房，层高不低于 8 米。", reply: "已梳理园区可用厂房，推荐三处供企业实地查看。", resolution: "企业已与园区运营方签订厂房租赁合同。" },
    { title: "申请入驻孵化器办公空间", description: "初创团队希望入驻孵化器，需要 10 个工位及一间实验室。", reply: "已对接孵化器运营方，安排入驻评审。", resolution: "团队通过入驻评审，已办理入驻手续。" },
    { title: "咨询产业用地供应计划", description: "企业拟建设自有生产基地，需用地约 30 亩，询问近期供地计划。", reply: "已转投资促进部门，纳入地块匹配需求清单。", resolution: "已向企业推介两宗待出让地块，企业已开展选址论证。" },
    { title: "厂房屋面漏水需协调维修", description: "租用厂房雨天屋面漏水，影响车间生产，需协调产权方维修。", reply: "已联系园区产权单位，约定现场查看。", resolution: "产权单位已完成屋面防水维修，企业确认无渗漏。" },
  ],
  financing: [
    { title: "申请科技型企业信用贷款", description: "企业需流动资金 500 万元，缺少抵押物，希望对接科技信贷产品。", reply: "已推送科技信贷产品清单并对接合作银行客户经理。", resolution: "合作银行已发放信用贷款 500 万元。" },
    { title: "对接股权投资机构", description: "企业启动 A 轮融资，希望对接区内引导基金和投资机构。", reply: "已将企业纳入路演项目库，安排参加本月投融资对接会。", resolution: "企业参加路演，已与两家投资机构进入尽调。" },
    { title: "咨询知识产权质押融资", description: "企业拥有发明专利 6 项，希望办理知识产权质押融资。", reply: "已联系知识产权服务机构开展评估。", resolution: "企业已完成专利质押登记，获得贷款 300 万元。" },
    { title: "申请应急转贷资金", description: "企业一笔银行贷款即将到期，续贷审批期间存在资金缺口。", reply: "已转金融服务部门受理应急转贷申请。", resolution: "应急转贷资金已到位，银行续贷完成。" },
  ],
  talent: [
    { title: "招聘研发工程师需要支持", description: "企业急需嵌入式软件和测控算法工程师 5 名，希望参加专场招聘。", reply: "已将岗位纳入高校专场招聘会。", resolution: "企业通过专场招聘会录用 4 名工程师。" },
    { title: "申报高层次人才认定", description: "企业首席科学家拟申报高层次人才认定，咨询材料要求。", reply: "已提供认定标准及申报材料清单。", resolution: "人才认定材料已提交并通过初审。" },
    { title: "员工子女入学咨询", description: "企业引进的骨干员工子女需办理入学，询问学位安排。", reply: "已转教育部门核实学位情况。", resolution: "教育部门已协调安排就近入学。" },
    { title: "申请技能人才培训补贴", description: "企业组织一线员工技能提升培训，询问补贴申领办法。", reply: "已告知申领条件和所需材料。", resolution: "培训补贴已审核通过并拨付。" },
  ],
  approval: [
    { title: "新建车间环评手续办理咨询", description: "企业新建洁净车间，询问环评类别及办理时限。", reply: "已联系生态环境部门，明确按报告表办理。", resolution: "环评批复已取得，企业可开工建设。" },
    { title: "医疗器械生产许可证变更", description: "企业生产地址变更，需办理二类医疗器械生产许可变更。", reply: "已协调药监部门提前介入指导。", resolution: "生产许可证变更已办结。" },
    { title: "办理施工许可证需加快", description: "厂房改造项目已完成图审，希望尽快取得施工许可证。", reply: "已推送至审批服务专班，实行并联审批。", resolution: "施工许可证已核发。" },
    { title: "消防验收预约", description: "车间装修完工，需要预约消防验收。", reply: "已联系住建部门安排验收时间。", resolution: "消防验收已通过。" },
    { title: "进口设备免税手续咨询", description: "企业拟进口检测设备，咨询科教用品免税政策适用条件。", reply: "已转海关及税务部门答复。", resolution: "企业已取得免税确认，设备顺利通关。" },
  ],
  utilities: [
    { title: "新增用电负荷报装", description: "新产线投产需增加用电负荷 800 千伏安，申请报装。", reply: "已联系供电公司客户经理上门勘察。", resolution: "增容工程已完工送电。" },
    { title: "园区道路夜间照明不足", description: "企业门前道路路灯损坏，员工夜间下班存在安全隐患。", reply: "已转市政养护单位处理。", resolution: "路灯已修复。" },
    { title: "天然气接入申请", description: "企业实验室需接入天然气，申请办理接入手续。", reply: "已对接燃气公司，明确接入方案。", resolution: "燃气管道已接通并通过验收。" },
    { title: "供水压力不足影响生产", description: "高峰时段供水压力不足，影响纯水制备设备运行。", reply: "已联系水务公司排查管网。", resolution: "水务公司调整管网后，供水压力恢复正常。" },
  ],
  market: [
    { title: "希望参加医疗器械展会", description: "企业希望以园区展团形式参加国际医疗器械博览会。", reply: "已将企业纳入园区展团报名名单。", resolution: "企业已随园区展团参展，展位费按政策给予补贴。" },
    { title: "对接区内链主企业配套需求", description: "企业生产精密零部件，希望进入链主企业供应链体系。", reply: "已向链主企业推送企业资料，约定对接会。", resolution: "企业已通过链主企业供应商审核。" },
    { title: "产品申请进入政府采购目录", description: "企业自主研发的检测设备希望纳入首台套推广应用目录。", reply: "已提供首台套认定申报指南。", resolution: "产品已列入首台（套）技术装备推广目录。" },
  ],
  other: [
    { title: "企业门前公交站点设置建议", description: "园区员工通勤不便，建议在园区门口增设公交站点。", reply: "已将建议转交通部门研究。", resolution: "交通部门已调整线路，在园区门口增设停靠站。" },
    { title: "协调解决周边施工噪声", description: "周边工地夜间施工噪声影响企业精密检测作业。", reply: "已联系城管部门核查夜间施工许可。", resolution: "施工单位已调整作业时间，噪声问题解决。" },
    { title: "企业名称变更后续事项咨询", description: "企业完成名称变更，询问各类证照和协议的变更办理。", reply: "已整理需变更事项清单发给企业。", resolution: "各项证照变更已全部办结。" },
  ],
};

const CATEGORY_WEIGHTS: readonly (readonly [RequestCategory, number])[] = [
  ["policy", 25],
  ["approval", 15],
  ["land_space", 12],
  ["financing", 12],
  ["talent", 12],
  ["utilities", 10],
  ["market", 8],
  ["other", 6],
];

/** A China-time instant on `day` at `minutes` after midnight. */
function atChina(day: string, minutes: number): Date {
  const h = String(Math.floor(minutes / 60)).padStart(2, "0");
  const m = String(minutes % 60).padStart(2, "0");
  return new Date(`${day}T${h}:${m}:00+08:00`);
}

type Plan = { start: string; received: Date; accepted: Date | null; replied: Date | null; resolved: Date | null };

/**
 * One request's times. `start` is its start day (a working day); `accept`, `reply`,
 * `resolve` are working days after it (null: not done). Each step lands at a working-hour
 * time after the one before, and no later than `latest`.
 */
function planTimes(rng: Rng, cal: Calendar, start: string, steps: { accept?: number; reply?: number; resolve?: number }, opts: { receivedOnDayOff?: string; latest: Date }): Plan {
  const received = opts.receivedOnDayOff ? atChina(opts.receivedOnDayOff, rng.int(9 * 60, 20 * 60)) : atChina(start, rng.int(8 * 60 + 30, 16 * 60 + 30));
  let last = received;
  const stamp = (n: number | undefined): Date | null => {
    if (n === undefined) return null;
    const day = addWorkingDays(cal, start, n);
    const lastMinutes = chinaDay(last) === day ? Math.round((last.getTime() - atChina(day, 0).getTime()) / 60_000) : 0;
    const from = Math.max(lastMinutes + 15, 9 * 60);
    let t = atChina(day, rng.int(from, Math.max(from, 17 * 60 + 30)));
    if (t.getTime() > opts.latest.getTime()) t = new Date(Math.max(last.getTime() + 60_000, opts.latest.getTime() - 60_000));
    last = t;
    return t;
  };
  const accepted = stamp(steps.accept);
  const replied = stamp(steps.reply);
  const resolved = stamp(steps.resolve);
  return { start, received, accepted, replied, resolved };
}

/**
 * The open requests, placed against today so their colours hold on the day of seeding.
 * L is the last working day on or before today and N the next one after today: yellow means
 * due by N, red due before L, green due after N. (Due days: accept = start, reply = start + 5,
 * resolve = start + 10 working days.)
 */
function openPlans(rng: Rng, cal: Calendar, now: Date): Plan[] {
  const today = chinaDay(now);
  const L = cal.isWorkingDay(today) ? today : subtractWorkingDays(cal, today, 1);
  const back = (k: number) => subtractWorkingDays(cal, L, k);
  const latest = atChina(L, 0); // every step before L
  const plans: Plan[] = [
    // Red: resolve was due at L − 2. Red: not accepted, due at L − 2.
    planTimes(rng, cal, back(12), { accept: 0, reply: 3 }, { latest }),
    planTimes(rng, cal, back(2), {}, { latest }),
    // Yellow: reply due at L + 1 = N. Yellow: resolve due at N.
    planTimes(rng, cal, back(4), { accept: 0 }, { latest }),
    planTimes(rng, cal, back(9), { accept: 0, reply: 2 }, { latest }),
    // Green: due at L + 2 or later.
    planTimes(rng, cal, back(1), { accept: 0 }, { latest }),
    planTimes(rng, cal, back(1), { accept: 0 }, { latest }),
    planTimes(rng, cal, back(2), { accept: 0 }, { latest }),
    planTimes(rng, cal, back(3), { accept: 0, reply: 1 }, { latest }),
    planTimes(rng, cal, back(5), { accept: 0, reply: 2 }, { latest }),
    planTimes(rng, cal, back(6), { accept: 0, reply: 4 }, { latest }),
  ];
  // Yellow: received today, not yet accepted (due today, or on N when today is a day off).
  const midnight = atChina(today, 0);
  const received = new Date(Math.max(midnight.getTime() + 60_000, now.getTime() - 40 * 60_000));
  plans.push({ start: workingDayOnOrAfter(cal, today), received: received > now ? now : received, accepted: null, replied: null, resolved: null });
  return plans;
}

/**
 * A resolved request whose start day is `start` (≤ L − 1): accepted the same day (97 %),
 * replied within 5 working days (95 %), resolved within 10 (about 94 %), the rest late.
 * Steps never reach today: a recent request was simply handled faster.
 */
function resolvedPlan(rng: Rng, cal: Calendar, start: string, room: number, latest: Date, receivedOnDayOff?: string): Plan {
  const accept = rng.chance(0.03) ? 1 : 0;
  let reply = Math.max(accept, rng.chance(0.05) ? rng.int(6, 8) : rng.int(1, 5));
  let resolve = rng.chance(0.06) ? rng.int(11, 14) : Math.min(10, reply + rng.int(0, 5));
  resolve = Math.max(resolve, reply);
  // `room`: working days between the start day and the last one before today.
  if (resolve > room) {
    resolve = room;
    reply = Math.min(reply, resolve);
  }
  return planTimes(rng, cal, start, { accept: Math.min(accept, resolve), reply: Math.min(reply, resolve), resolve }, { receivedOnDayOff, latest });
}

export type GridSeedSummary = { grids: number; officers: number; enterprises: number; requests: number; resolved: number };

/** Seeds holidays (years with none yet), then the grid demo once; null when it is already there. */
export async function seedDemoGrids(db: Db, log: (line: string) => void = console.log, now = new Date()): Promise<GridSeedSummary | null> {
  for (const year of Object.keys(OFFICIAL_HOLIDAYS).map(Number)) {
    const [existing] = await db
      .select({ day: holidays.day })
      .from(holidays)
      .where(and(gte(holidays.day, `${year}-01-01`), lte(holidays.day, `${year}-12-31`)))
      .limit(1);
    if (!existing) await db.insert(holidays).values(officialHolidayRows(year)).onConflictDoNothing();
  }
  const [parent] = await db.select({ id: units.id }).from(units).where(eq(units.code, GRID_UNIT.parent));
  if (!parent) throw new Error(`demo grids: no unit ${GRID_UNIT.parent}`);
  await db.insert(units).values({ code: GRID_UNIT.code, name: GRID_UNIT.name, parentId: parent.id, sortOrder: 3 }).onConflictDoNothing({ target: units.code });
  const [unit] = await db.select({ id: units.id }).from(units).where(eq(units.code, GRID_UNIT.code));

  const passwordHash = await hashPassword(randomBytes(24).toString("base64url"));
  const summary = await db.transaction(async (tx) => {
    // Two seeds at once take turns, as the pipeline's do.
    await tx.execute(sql`select pg_advisory_xact_lock(7261003)`);
    const [present] = await tx.select({ id: grids.id }).from(grids).where(eq(grids.code, DEMO_GRIDS[0]!.code));
    if (present) return null;
    return insertDemoGrids(tx, unit!.id, passwordHash, now);
  });
  log(
    summary
      ? `[seed] Grid service: ${summary.grids} grids, ${summary.officers} grid officers (no login), ${summary.enterprises} enterprises, ${summary.requests} requests (${summary.resolved} resolved); enterprises and requests at 1/${SCALE} of facts.md.`
      : "[seed] Grid service already present, left unchanged.",
  );
  return summary;
}

async function insertDemoGrids(tx: Tx, unitId: string, passwordHash: string, now: Date): Promise<GridSeedSummary> {
  const rng = generator(20_250_406);
  const today = chinaDay(now);
  const calRows = await tx.select({ day: holidays.day, isWorkday: holidays.isWorkday }).from(holidays);
  const cal = makeCalendar(calRows);

  // 83 officers: a 网格长 per grid, three 网格员 in the first 11 grids and two in the other 13.
  const names = new Set<string>();
  while (names.size < GRID_OFFICER_COUNT) names.add(rng.pick([...SURNAMES]) + rng.pick(GIVEN));
  const officerNames = [...names];
  const usernames = officerNames.map((_, i) => `wg${String(i + 1).padStart(3, "0")}`);
  await tx
    .insert(users)
    .values(officerNames.map((displayName, i) => ({ username: usernames[i]!, displayName, role: "staff" as const, unitId, passwordHash })))
    .onConflictDoNothing();
  const officerRows = await tx.select({ id: users.id, username: users.username }).from(users).where(inArray(users.username, usernames));
  const officerId = new Map(officerRows.map((u) => [u.username, u.id]));
  const createdAt = new Date(now.getTime() - 400 * 86_400_000);

  const gridRows = await tx
    .insert(grids)
    .values(DEMO_GRIDS.map((g, i) => ({ ...g, unitId, sortOrder: i + 1, createdAt, updatedAt: createdAt })))
    .returning({ id: grids.id, code: grids.code });
  const teams: { lead: string; members: string[] }[] = [];
  let next = 0;
  const take = () => officerId.get(`wg${String(++next).padStart(3, "0")}`)!;
  gridRows.forEach((_, i) => teams.push({ lead: take(), members: Array.from({ length: i < 11 ? 3 : 2 }, take) }));
  await tx.insert(gridOfficers).values(
    gridRows.flatMap((g, i) => [
      { gridId: g.id, userId: teams[i]!.lead, role: "lead" as const },
      ...teams[i]!.members.map((userId) => ({ gridId: g.id, userId, role: "member" as const })),
    ]),
  );

  // The 高新区's own local demo enterprises join the grids of their parks.
  const local = await tx
    .select({ id: enterprises.id, name: enterprises.name, unitCode: units.code })
    .from(enterprises)
    .innerJoin(units, eq(units.id, enterprises.unitId))
    .where(and(inArray(units.code, ["QDHT-SWYY", "QDHT-JMYQ"]), like(enterprises.name, "%青岛%"), sql`${enterprises.gridId} is null`))
    .orderBy(enterprises.name);
  const members: { enterpriseId: string; grid: number }[] = [];
  for (const [k, e] of local.entries()) {
    const choices = e.unitCode === "QDHT-JMYQ" ? INSTRUMENT_GRIDS : BIOMED_GRIDS;
    const grid = choices[k % choices.length]!;
    // Joining a grid is not an edit of the enterprise's own facts: its "last updated" stays.
    await tx
      .update(enterprises)
      .set({ gridId: gridRows[grid]!.id, updatedAt: sql`${enterprises.updatedAt}` })
      .where(eq(enterprises.id, e.id));
    members.push({ enterpriseId: e.id, grid });
  }

  // The rest: key enterprises and the companies that run carriers (孵化器, 园区, 楼宇), 7–13 a grid.
  const newCount = GRID_ENTERPRISE_COUNT - local.length;
  const usedNames = new Set<string>();
  const planned: { name: string; grid: number; code: string; ownership: OwnershipType; tags: string[] }[] = [];
  for (let i = 0; i < newCount; i++) {
    const grid = i < DEMO_GRIDS.length * 7 ? i % DEMO_GRIDS.length : rng.int(0, DEMO_GRIDS.length - 1);
    let name: string;
    let code: string;
    do {
      if (rng.chance(0.08)) {
        name = `青岛${rng.pick(NAME_CORES)}${rng.pick(CARRIERS)}`;
        code = "L7221";
      } else {
        const [business, industry] = rng.weighted(BUSINESSES.map(([b, c, w]) => [[b, c] as const, w] as const));
        name = `青岛${rng.pick(NAME_CORES)}${business}有限公司`;
        code = industry;
      }
    } while (usedNames.has(name));
    usedNames.add(name);
    const ownership = rng.weighted<OwnershipType>([
      ["private", 80],
      ["local_soe", 8],
      ["foreign", 7],
      ["hk_macao_taiwan", 3],
      ["central_soe", 2],
    ]);
    const tags = rng.chance(0.25) ? ["专精特新"] : rng.chance(0.3) ? ["高新技术企业"] : [];
    planned.push({ name, grid, code, ownership, tags });
  }
  const inserted = await tx
    .insert(enterprises)
    .values(
      planned.map((p, i) => ({
        name: p.name,
        uscc: p.ownership === "foreign" && rng.chance(0.5) ? null : gridUscc(i),
        ownershipType: p.ownership,
        headquarters: "山东省青岛市",
        industryCode: p.code,
        tags: p.tags,
        notes: `${DEMO_GRIDS[p.grid]!.name}重点服务企业`,
        unitId,
        gridId: gridRows[p.grid]!.id,
        createdById: teams[p.grid]!.lead,
        createdAt,
        updatedAt: createdAt,
      })),
    )
    .returning({ id: enterprises.id });
  inserted.forEach((e, i) => members.push({ enterpriseId: e.id, grid: planned[i]!.grid }));

  // Requests: 546 resolved over the past 12 months and the 11 open ones.
  const L = cal.isWorkingDay(today) ? today : subtractWorkingDays(cal, today, 1);
  const lastStart = subtractWorkingDays(cal, L, 1);
  const firstStart = workingDayOnOrAfter(cal, addDays(today, -365));
  const latest = atChina(L, 0);
  const plans: Plan[] = [];
  for (let i = 0; i < GRID_REQUEST_COUNT - GRID_OPEN_COUNT; i++) {
    // Receipt days spread evenly over the year; 3 % arrive on a day off (online, by phone).
    const span = Math.max(1, Math.round((Date.parse(lastStart) - Date.parse(firstStart)) / 86_400_000));
    const raw = addDays(firstStart, Math.min(span, Math.floor(((i + rng.next()) / (GRID_REQUEST_COUNT - GRID_OPEN_COUNT)) * span)));
    const onDayOff = !cal.isWorkingDay(raw) && rng.chance(0.3) ? raw : undefined;
    const start = workingDayOnOrAfter(cal, raw) > lastStart ? lastStart : workingDayOnOrAfter(cal, raw);
    const room = workingDaysBetween(cal, start, subtractWorkingDays(cal, L, 1));
    plans.push(resolvedPlan(rng, cal, start, room, latest, onDayOff && onDayOff < start ? onDayOff : undefined));
  }
  plans.push(...openPlans(rng, cal, now));

  const rows = plans.map((p) => {
    const member = rng.pick(members);
    const team = teams[member.grid]!;
    const category = rng.weighted(CATEGORY_WEIGHTS);
    const text = rng.pick(TEXTS[category]);
    const status: RequestStatus = p.resolved ? "resolved" : p.replied ? "replied" : p.accepted ? "accepted" : "received";
    const handler = p.accepted ? rng.pick([team.lead, ...team.members]) : null;
    const touched = p.resolved ?? p.replied ?? p.accepted ?? p.received;
    return {
      enterpriseId: member.enterpriseId,
      gridId: gridRows[member.grid]!.id,
      category,
      title: text.title,
      description: text.description,
      status,
      receivedAt: p.received,
      acceptedAt: p.accepted,
      repliedAt: p.replied,
      resolvedAt: p.resolved,
      handlerId: handler,
      reply: p.replied ? text.reply : "",
      resolution: p.resolved ? text.resolution : "",
      createdById: handler ?? team.lead,
      createdAt: p.received,
      updatedAt: touched,
      version: 1 + [p.accepted, p.replied, p.resolved].filter(Boolean).length,
    };
  });
  for (let i = 0; i < rows.length; i += 500) await tx.insert(serviceRequests).values(rows.slice(i, i + 500));

  return {
    grids: gridRows.length,
    officers: GRID_OFFICER_COUNT,
    enterprises: members.length,
    requests: rows.length,
    resolved: rows.filter((r) => r.resolvedAt).length,
  };
}
