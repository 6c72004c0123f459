/**
 * Synthetic pipeline data for benchmarks: `npm run db:seed -- --scale N` adds N projects with
 * their enterprises (about N/3), contacts, stage events, activities, tasks, and for signed
 * projects their signing facts (agreement, phase 1, event, steward, responsible unit,
 * progress), approved stage reports (milestones) and the planned dates of the next stages,
 * funds in place, a park and a land need;
 * plus promotion events and signing ceremonies. The `signedShare` option makes that
 * share of the projects signed or beyond, for the export benchmark.
 *
 * Reproducible: every choice comes from a seeded PRNG (mulberry32) and every id from a hash
 * of the run and the row's number, so the same N on the same database state gives the same
 * rows. Dates are counted back from an anchor day (`--anchor YYYY-MM-DD`, default today), so
 * the pipeline always looks current. Fast: rows go in as arrays through `unnest`, a few
 * thousand per statement, in one transaction.
 */
import { createHash, randomBytes } from "node:crypto";
import type pg from "pg";
import { hashPassword } from "../lib/auth/password";
import { usccCheckChar } from "../lib/enterprises/uscc";
import type { Db } from "./client";
import { PARK, templatesFor } from "./demo-data";
import { projectStageEnum, type ProjectStage, type ProjectStatus } from "./schema/enums";

const STAGES = projectStageEnum.enumValues;
const DAY = 86_400_000;
const HOUR = 3_600_000;
/** Marks the enterprises this generator made (their notes), so a second run continues after them. */
export const SYNTHETIC_NOTE = "合成数据（npm run db:seed -- --scale）";

// ── PRNG ────────────────────────────────────────────────────────────────────────

export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function hash32(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

class Random {
  constructor(readonly next: () => number) {}
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(list: readonly T[]): T {
    return list[Math.floor(this.next() * list.length)]!;
  }
  weighted<T>(table: readonly (readonly [T, number])[]): T {
    const total = table.reduce((s, [, w]) => s + w, 0);
    let r = this.next() * total;
    for (const [v, w] of table) if ((r -= w) < 0) return v;
    return table[table.length - 1]![0];
  }
  normal(): number {
    const u = 1 - this.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * this.next());
  }
}

// ── Vocabulary ──────────────────────────────────────────────────────────────────

const BRAND_CHARS = Array.from("华瑞康泰德恒盛安博远和信诚达明正鼎嘉宏卓辰星海润景睿智科天新源联众益祥悦晟骏阳光云川峰宇越宁锦宸铭森禾蓝汇启辉旭昊澜弘凯航捷迈朗思维拓创力佳美诺百奥格普迪赛因帕");
const SECTOR_WORDS: Record<string, string[]> = {
  "GX-SWYY": ["生物科技", "生物医药", "制药", "药业", "医疗器械"],
  "SB-SWYY": ["生物科技", "生物医药", "制药", "药业", "生物技术"],
  "SB-YLQX": ["医疗器械", "医疗科技", "医疗设备", "医学科技"],
  "SB-SZYL": ["数字健康", "医疗信息技术", "智慧医疗", "健康科技"],
  "SB-JKFW": ["健康管理", "医疗管理", "康养服务", "医学检验"],
  "GX-XXJS": ["信息技术", "软件", "数据科技", "智能科技", "微电子"],
  "GX-ZNZZ": ["精密仪器", "智能装备", "传感技术", "测控技术", "仪器仪表"],
  "GX-XDFW": ["科技服务", "检测认证", "供应链管理", "产业发展"],
};
const SECTOR_PROJECTS: Record<string, string[]> = {
  "GX-SWYY": ["创新药研发生产基地", "高端医疗器械生产基地", "体外诊断试剂产业化项目", "生物制剂产业化项目", "医用耗材智能制造项目", "康复辅具研发制造项目"],
  "SB-SWYY": ["创新药研发生产基地", "原料药及制剂生产线", "多肽药物中试平台", "细胞治疗产业化基地", "疫苗研发中心", "医药研发总部"],
  "SB-YLQX": ["高端医疗器械生产基地", "体外诊断试剂产业化项目", "医用耗材智能制造项目", "医学影像设备研发中心", "介入器械生产线"],
  "SB-SZYL": ["互联网医院平台", "医疗大数据中心", "智慧医疗软件研发中心", "远程诊疗平台"],
  "SB-JKFW": ["康养综合体", "专科医院", "第三方医学检验中心", "健康管理中心", "医养结合项目"],
  "GX-XXJS": ["软件研发中心", "工业互联网平台", "数据中心", "集成电路设计中心", "人工智能创新中心"],
  "GX-ZNZZ": ["精密测量仪器生产基地", "工业传感器产业化项目", "实验室分析仪器研发生产项目", "智能测控系统项目", "智能装备制造基地"],
  "GX-XDFW": ["区域总部", "研发总部", "供应链服务中心", "检验检测公共服务平台", "产业园区运营项目"],
};
const INDUSTRY_CODES: Record<string, string[]> = {
  "GX-SWYY": ["C2720", "C2761", "C3584", "C3586", "C2762"],
  "SB-SWYY": ["C2710", "C2720", "C2761", "C2762", "M7340"],
  "SB-YLQX": ["C3581", "C3584", "C3586", "C3589"],
  "SB-SZYL": ["I6513", "I6519", "I6550"],
  "SB-JKFW": ["Q8411", "Q8421", "M7452", "O8090"],
  "GX-XXJS": ["I6511", "I6513", "I6520", "C3973"],
  "GX-ZNZZ": ["C4011", "C4012", "C4014", "C4016", "C4019"],
  "GX-XDFW": ["L7221", "M7452", "L7212", "G5990"],
};
const DOMESTIC_HQ: readonly (readonly [{ hq: string; short: string; region: string }, number])[] = [
  [{ hq: "山东省青岛市", short: "青岛", region: "370200" }, 45],
  [{ hq: "山东省济南市", short: "济南", region: "370100" }, 4],
  [{ hq: "山东省烟台市", short: "烟台", region: "370600" }, 3],
  [{ hq: "山东省潍坊市", short: "潍坊", region: "370700" }, 3],
  [{ hq: "山东省威海市", short: "威海", region: "371000" }, 2],
  [{ hq: "北京市", short: "北京", region: "110108" }, 8],
  [{ hq: "上海市", short: "上海", region: "310115" }, 8],
  [{ hq: "广东省深圳市", short: "深圳", region: "440300" }, 6],
  [{ hq: "江苏省苏州市", short: "苏州", region: "320594" }, 5],
  [{ hq: "浙江省杭州市", short: "杭州", region: "330108" }, 5],
  [{ hq: "江苏省南京市", short: "南京", region: "320100" }, 3],
  [{ hq: "湖北省武汉市", short: "武汉", region: "420100" }, 2],
  [{ hq: "四川省成都市", short: "成都", region: "510100" }, 2],
  [{ hq: "天津市", short: "天津", region: "120116" }, 2],
  [{ hq: "安徽省合肥市", short: "合肥", region: "340100" }, 2],
];
const FOREIGN_HQ = ["德国斯图加特", "日本大阪", "美国波士顿", "瑞典斯德哥尔摩", "韩国首尔", "新加坡", "瑞士巴塞尔", "英国剑桥"];
const HMT_HQ = ["香港特别行政区", "台湾地区", "澳门特别行政区"];
const SURNAMES = Array.from("王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段");
const GIVEN = Array.from("伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华建文辉力鹏玲红飞斌宇浩凯晨欣怡博雪琳婷轩然泽亮新春海波");
const TITLES = ["董事长", "总经理", "副总经理", "投资总监", "战略发展部经理", "行政总监", "项目经理", "副总裁", "财务总监"];
const LEADERS = ["刘志强（高新区管委会主任）", "孙立新（高新区管委会副主任）", "陈国华（市北区副区长）", "马卫东（李沧区副区长）", "周海燕（市投资促进局副局长）"];
const STATUS_REASONS: Record<Exclude<ProjectStatus, "active">, string[]> = {
  on_hold: ["企业融资计划推迟，暂缓推进", "企业内部战略调整，项目暂缓", "用地指标尚未落实，待下批次供地", "环评审批标准待明确，企业暂缓推进", "企业主要负责人变动，待新团队重新决策"],
  lost: ["企业选择落户其他城市", "企业决定在原址扩产，本项目终止", "双方在投资强度上未达成一致", "企业经营困难，取消投资计划", "项目不符合园区产业定位"],
};
const TASK_TITLES = ["跟进{p}投资协议进度", "整理{p}用地需求", "协调{p}项目公司注册", "报送{p}推进情况", "回访{e}，确认下一步安排", "组织{p}项目推进会", "核实{p}签约资料"];

/** Where projects are chased, and how many of them each unit holds. */
const UNIT_WEIGHTS: readonly (readonly [string, number])[] = [
  ["QDHT-SWYY", 24],
  ["QDHT-JMYQ", 17],
  ["QDHT-TZCJ", 5],
  ["QDHT-LDB", 3],
  ["370203-TZCJ", 7],
  ["370203-JKG", 18],
  ["370213-TZCJ", 6],
  ["370213-SMYZ", 14],
  ["QD-TZCJ", 6],
];
const ALL_CHAINS = Object.keys(SECTOR_WORDS);
const UNIT_SECTORS: Record<string, readonly (readonly [string, number])[]> = {
  "QDHT-SWYY": [["GX-SWYY", 85], ["GX-XXJS", 5], ["GX-ZNZZ", 5], ["GX-XDFW", 5]],
  "QDHT-JMYQ": [["GX-ZNZZ", 80], ["GX-XXJS", 15], ["GX-XDFW", 5]],
  "QDHT-TZCJ": [["GX-SWYY", 25], ["GX-XXJS", 25], ["GX-ZNZZ", 25], ["GX-XDFW", 25]],
  "QDHT-LDB": [["GX-SWYY", 25], ["GX-XXJS", 25], ["GX-ZNZZ", 25], ["GX-XDFW", 25]],
  "370203-TZCJ": [["SB-YLQX", 30], ["SB-SWYY", 30], ["SB-SZYL", 20], ["SB-JKFW", 20]],
  "370203-JKG": [["SB-YLQX", 30], ["SB-SWYY", 30], ["SB-SZYL", 20], ["SB-JKFW", 20]],
};
const STAGE_WEIGHTS: readonly (readonly [number, number])[] = [
  [0, 28],
  [1, 22],
  [2, 14],
  [3, 10],
  [4, 7],
  [5, 6],
  [6, 7],
  [7, 3],
  [8, 3],
];
/** Stage index → 项目进展 lines for signed projects ({p}: a percentage). */
const PROGRESS: Record<number, string[]> = {
  3: ["已签订投资协议，正在筹备设立项目公司", "协议已签订，企业正在编制项目可行性研究报告", "已签约，正在对接意向地块和过渡厂房"],
  4: ["项目公司已注册，正在对接用地和规划条件", "已完成工商注册和银行开户，正在办理项目备案", "项目公司已落户，正在开展方案设计"],
  5: ["已取得土地，正在办理规划许可和施工图审查", "土地出让合同已签订，正在办理“用地一件事”开工前事项", "已摘牌拿地，施工单位招标进行中"],
  6: ["主体工程施工中，形象进度约{p}%", "已实质性开工，累计完成投资约{p}%", "厂房主体结构施工中，设备采购同步推进"],
  7: ["已竣工验收，正在进行设备安装调试", "工程竣工备案已完成，正在办理投产前手续"],
  8: ["已投产运营，正在逐步达产", "一期已投产，二期前期工作启动"],
};
const ISSUES = ["用地指标尚待落实", "环评审批进度偏慢，需协调提前介入", "企业融资到位较慢", "电力增容接入方案待确定", "施工许可办理中，需压缩审批时间", "人才公寓配套需求待对接", "过渡厂房改造进度滞后"];
const RETURN_COMMENTS = ["证明材料不全，请补充营业执照复印件", "实际开工日期与施工许可证不一致，请核实", "请补充土地出让合同扫描件", "竣工验收备案表缺少盖章页"];
const EVENT_PLACES = ["青岛国际会议中心", "青岛高新区管委会会议中心", "市北区政务服务中心会议室", "李沧区招商中心", "上海国际会议中心", "深圳会展中心", "北京国家会议中心"];
const DISTRICT_OF_UNIT: Record<string, string> = { QDHT: "高新区", "370203": "市北区", "370213": "李沧区", QD: "青岛市" };
const EVENT_THEMES = ["生物医药", "医疗器械", "精密仪器仪表", "新一代信息技术", "数字健康", "健康服务", "智能制造", "现代服务业"];
const SIGNED_WEIGHTS = STAGE_WEIGHTS.filter(([s]) => s >= 3);
const UNSIGNED_WEIGHTS = STAGE_WEIGHTS.filter(([s]) => s < 3);
const SOURCES = [
  ["promotion_event", 22],
  ["business_referral", 20],
  ["intermediary", 12],
  ["resident_office", 10],
  ["online", 6],
  ["walk_in", 15],
  ["other", 15],
] as const;
const OWNERSHIPS = [
  ["private", 62],
  ["local_soe", 10],
  ["central_soe", 5],
  ["foreign", 10],
  ["hk_macao_taiwan", 5],
  ["other", 8],
] as const;

/** Colleagues the synthetic projects are spread over (no password anyone knows). */
export const SYNTHETIC_USERS = [
  ["synth01", "刘洋", "QDHT-SWYY"],
  ["synth02", "陈静", "QDHT-SWYY"],
  ["synth03", "杨帆", "QDHT-SWYY"],
  ["synth04", "黄磊", "QDHT-JMYQ"],
  ["synth05", "周婷", "QDHT-JMYQ"],
  ["synth06", "吴昊", "QDHT-JMYQ"],
  ["synth07", "徐丽", "QDHT-TZCJ"],
  ["synth08", "孙鹏", "QDHT-LDB"],
  ["synth09", "胡敏", "QDHT-LDB"],
  ["synth10", "朱建华", "370203-TZCJ"],
  ["synth11", "高雪", "370203-TZCJ"],
  ["synth12", "林涛", "370203-JKG"],
  ["synth13", "何欣怡", "370203-JKG"],
  ["synth14", "郭凯", "370203-JKG"],
  ["synth15", "马超", "370213-TZCJ"],
  ["synth16", "罗娟", "370213-TZCJ"],
  ["synth17", "梁博", "370213-SMYZ"],
  ["synth18", "宋琳", "370213-SMYZ"],
  ["synth19", "郑宇", "QD-TZCJ"],
  ["synth20", "谢芳", "QD-TZCJ"],
] as const;

// ── Batched inserts through unnest ───────────────────────────────────────────────

type Column = { name: string; type: string; expr?: string };

class Batch {
  private data: unknown[][];
  constructor(
    private readonly table: string,
    private readonly columns: Column[],
  ) {
    this.data = columns.map(() => []);
  }
  get size(): number {
    return this.data[0]!.length;
  }
  add(...values: unknown[]): void {
    if (values.length !== this.columns.length) throw new Error(`${this.table}: ${values.length} values for ${this.columns.length} columns`);
    values.forEach((v, i) => this.data[i]!.push(v));
  }
  /** The statement inserting the rows gathered so far; a new set starts. */
  take(): { text: string; values: unknown[][]; rows: number } {
    const names = this.columns.map((c) => c.name).join(", ");
    const args = this.columns.map((c, i) => `$${i + 1}::${c.type}[]`).join(", ");
    const exprs = this.columns.map((c) => c.expr ?? `t.${c.name}`).join(", ");
    const rows = this.size;
    const values = this.data;
    this.data = this.columns.map(() => []);
    return { text: `insert into ${this.table} (${names}) select ${exprs} from unnest(${args}) as t(${names})`, values, rows };
  }
}

/**
 * Inserts what the batches hold, in order, and resolves to the row counts. The rows are taken
 * at once, so the caller can go on generating the next batch while these are written.
 */
async function send(client: pg.PoolClient, batches: Batch[]): Promise<number[]> {
  const statements = batches.map((b) => b.take());
  for (const s of statements) if (s.rows) await client.query(s.text, s.values);
  return statements.map((s) => s.rows);
}

const col = (name: string, type: string, expr?: string): Column => ({ name, type, expr });

// ── The generator ────────────────────────────────────────────────────────────────

/** From this many projects on (and when adding at least as many as there are), indexes are rebuilt after the load. */
const BULK_MIN = 10_000;
const BULK_TABLES = ["enterprises", "contacts", "projects", "stage_events", "activities", "tasks", "signings", "milestones", "funds_in_place", "events", "event_projects"];

export type SyntheticOptions = {
  scale: number;
  /** The day the data is counted back from (YYYY-MM-DD, China time); default today. */
  anchor?: string;
  /** Projects per batch of inserts. */
  batchSize?: number;
  /** Drop the secondary indexes for the load and build them after; default: for large loads into small databases. */
  rebuildIndexes?: boolean;
  /** The share (0–1) of projects at 签约 or beyond; default about a third, as in the field. */
  signedShare?: number;
  log?: (line: string) => void;
};

export type SyntheticSummary = {
  projects: number;
  enterprises: number;
  contacts: number;
  stageEvents: number;
  activities: number;
  tasks: number;
  signings: number;
  events: number;
  milestones: number;
  funds: number;
  ms: number;
};

/** Today in China. */
export function todayInChina(): string {
  return new Date(Date.now() + 8 * HOUR).toISOString().slice(0, 10);
}

function uuidOf(key: string): string {
  const h = createHash("md5").update(key).digest("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${"89ab"[parseInt(h[16]!, 16) & 3]}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

const USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
const USCC_SPACE = 31 ** 7;
/** An invented USCC, unique per index: "91" + region + "MA" + 7 characters (a bijection of the index) + check. */
function syntheticUscc(index: number, region: string): string {
  let v = (index * 1_000_003 + 12_345) % USCC_SPACE; // 1,000,003 is prime, so coprime to 31^7
  let code = "";
  for (let i = 0; i < 7; i++) {
    code = USCC_ALPHABET[v % 31]! + code;
    v = Math.floor(v / 31);
  }
  const first17 = `91${region}MA${code}`;
  return first17 + usccCheckChar(first17);
}

function yuanOfCents(centsOfYi: number): string {
  // 1/100 亿元 = 1,000,000 元
  return `${centsOfYi}000000`;
}

export async function generateSynthetic(db: Db, opts: SyntheticOptions): Promise<SyntheticSummary> {
  const started = Date.now();
  const log = opts.log ?? console.log;
  const scale = Math.floor(opts.scale);
  if (!Number.isFinite(scale) || scale < 1) throw new Error("--scale must be a positive whole number");
  const anchor = opts.anchor ?? todayInChina();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(anchor)) throw new Error("--anchor must be a date, YYYY-MM-DD");
  const batchSize = opts.batchSize ?? 4000;
  /** 00:00 of the anchor day, China time: every event happens before it. */
  const anchorMs = Date.parse(`${anchor}T00:00:00+08:00`);
  const dayStart = (ago: number) => anchorMs - ago * DAY;
  const dateOf = (ms: number) => new Date(ms + 8 * HOUR).toISOString().slice(0, 10);
  const iso = (ms: number) => new Date(ms).toISOString();

  const pool = (db as Db & { $client: pg.Pool }).$client;
  const client = await pool.connect();
  try {
    // ── Reference rows ──
    const units = new Map((await client.query<{ id: string; code: string }>("select id, code from units")).rows.map((r) => [r.code, r.id]));
    for (const [code] of UNIT_WEIGHTS) if (!units.has(code)) throw new Error(`unit ${code} is missing: run the demo seed first`);
    const chains = new Map((await client.query<{ id: string; code: string }>("select id, code from industry_chains")).rows.map((r) => [r.code, r.id]));
    for (const code of ALL_CHAINS) if (!chains.has(code)) throw new Error(`industry chain ${code} is missing: run the demo seed first`);

    const passwordHash = await hashPassword(randomBytes(24).toString("base64url"));
    for (const [username, displayName, unit] of SYNTHETIC_USERS) {
      await client.query(
        `insert into users (username, display_name, role, unit_id, password_hash) select $1, $2, 'staff', $3, $4
         where not exists (select 1 from users where lower(username) = $1)`,
        [username, displayName, units.get(unit), passwordHash],
      );
    }
    const people = (
      await client.query<{ id: string; display_name: string; unit_id: string; role: string }>(
        "select id, display_name, unit_id, role from users where active and role <> 'admin' order by lower(username)",
      )
    ).rows;
    const ownersByUnit = new Map<string, { id: string; name: string }[]>();
    for (const [code] of UNIT_WEIGHTS) {
      const list = people.filter((u) => u.unit_id === units.get(code)).map((u) => ({ id: u.id, name: u.display_name }));
      if (!list.length) throw new Error(`no user to own projects of unit ${code}`);
      ownersByUnit.set(code, list);
    }
    // Managers approve stage reports; parks are whatever exists (none: projects get no park).
    const reviewers = (await client.query<{ id: string }>("select id from users where active and role in ('manager', 'admin') order by lower(username)")).rows.map((r) => r.id);
    const parkRows = (await client.query<{ id: string; name: string }>("select id, name from parks order by sort_order, name")).rows;
    const parkByName = new Map(parkRows.map((r) => [r.name, r.id]));
    const signedShare = opts.signedShare;
    if (signedShare !== undefined && !(signedShare >= 0 && signedShare <= 1)) throw new Error("--signed-share must be between 0 and 1");

    const { rows: [{ n: offset } = { n: 0 }] } = await client.query<{ n: number }>("select count(*)::int as n from enterprises where notes = $1", [SYNTHETIC_NOTE]);
    const runKey = `${scale}:${offset}`;
    const plan = new Random(mulberry32(hash32(`plan:${runKey}`)));
    const rnd = new Random(mulberry32(hash32(`rows:${runKey}`)));
    const idOf = (table: string, i: number) => uuidOf(`${runKey}:${table}:${i}`);

    // ── Plan: enterprises, and which enterprise, stage and age each project gets ──
    const E = Math.max(1, Math.round(scale / 3));
    const entUnit: string[] = [];
    const entSector: string[] = [];
    for (let e = 0; e < E; e++) {
      const unit = plan.weighted(UNIT_WEIGHTS);
      entUnit.push(unit);
      entSector.push(UNIT_SECTORS[unit] ? plan.weighted(UNIT_SECTORS[unit]) : plan.pick(ALL_CHAINS));
    }
    const pEnt = new Int32Array(scale);
    const pStage = new Int8Array(scale);
    const pAge = new Int16Array(scale);
    const entAge = new Int16Array(E);
    for (let p = 0; p < scale; p++) {
      // Every enterprise has a project; the rest go mostly to a few busy enterprises.
      const e = p < E ? p : Math.floor(plan.next() ** 2 * E);
      const s = signedShare === undefined ? plan.weighted(STAGE_WEIGHTS) : plan.weighted(plan.chance(signedShare) ? SIGNED_WEIGHTS : UNSIGNED_WEIGHTS);
      const minAge = 5 + 25 * s;
      const age = minAge + Math.floor(plan.next() ** 1.3 * (548 - minAge));
      pEnt[p] = e;
      pStage[p] = s;
      pAge[p] = age;
      if (age > entAge[e]!) entAge[e] = age;
    }

    // Events: about one for every 20 projects signed at one, held on days spread over the
    // last 18 months; a signed project at an event signs on the event's day.
    const evRnd = new Random(mulberry32(hash32(`events:${runKey}`)));
    let signedPlanned = 0;
    for (let p = 0; p < scale; p++) if (pStage[p]! >= 3) signedPlanned++;
    const nEvents = Math.max(4, Math.round((signedPlanned * 0.3) / 20));
    const eventAgo = Array.from({ length: nEvents }, () => evRnd.int(1, 540)).sort((a, b) => a - b);
    /** Events held between `minAgo` and `maxAgo` days ago (inclusive), as a range of indexes into eventAgo. */
    const firstAtLeast = (ago: number) => {
      let lo = 0;
      let hi = eventAgo.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (eventAgo[mid]! < ago) lo = mid + 1;
        else hi = mid;
      }
      return lo;
    };
    /** One of the events held between `minAgo` and `maxAgo` days ago (inclusive), or null. */
    const eventBetween = (minAgo: number, maxAgo: number): number | null => {
      const lo = firstAtLeast(minAgo);
      const hi = firstAtLeast(maxAgo + 1);
      return hi > lo ? lo + Math.floor(rnd.next() * (hi - lo)) : null;
    };

    await client.query("begin");
    // A large load into a small database: drop the secondary indexes and build them again at
    // the end, in this transaction (so nobody ever sees them missing); sorted builds are far
    // faster than updating each index row by row. Unique indexes and keys stay.
    const existing = (await client.query<{ n: number }>("select count(*)::int as n from projects")).rows[0]!.n;
    const rebuild = (opts.rebuildIndexes ?? (scale >= BULK_MIN && scale >= existing))
      ? (
          await client.query<{ name: string; def: string }>(
            `select c.relname as name, pg_get_indexdef(i.indexrelid) as def
               from pg_index i join pg_class c on c.oid = i.indexrelid join pg_class t on t.oid = i.indrelid
              where t.relname = any($1) and t.relnamespace = current_schema()::regnamespace and not i.indisunique and not i.indisprimary`,
            [BULK_TABLES],
          )
        ).rows
      : [];
    for (const { name } of rebuild) await client.query(`drop index "${name}"`);
    // The dashboard's summary tables are worked out once at the end (dash_rebuild), not row by row.
    await client.query("select set_config('crm.dash_bulk', 'on', true)");

    // ── Events ──
    const eventRows = new Batch("events", [
      col("id", "uuid"),
      col("name", "text"),
      col("kind", "event_kind"),
      col("held_on", "date"),
      col("place", "text"),
      col("host_unit_id", "uuid"),
      col("description", "text"),
      col("created_at", "timestamptz"),
      col("updated_at", "timestamptz"),
    ]);
    for (let i = 0; i < nEvents; i++) {
      const held = dayStart(eventAgo[i]!);
      const host = evRnd.weighted(UNIT_WEIGHTS);
      const district = DISTRICT_OF_UNIT[host.split("-")[0]!] ?? "青岛市";
      const theme = evRnd.pick(EVENT_THEMES);
      const ceremony = evRnd.chance(0.3);
      const year = dateOf(held).slice(0, 4);
      const name = ceremony ? `${year}年${district}${theme}产业项目集中签约仪式（第${i + 1}场）` : `${year}年${district}${theme}产业专场推介会（第${i + 1}场）`;
      const created = held - evRnd.int(10, 40) * DAY;
      eventRows.add(idOf("event", i), name, ceremony ? "signing_ceremony" : "promotion_event", dateOf(held), evRnd.pick(EVENT_PLACES), units.get(host), "", iso(created), iso(created));
    }
    const [eventCount = 0] = await send(client, [eventRows]);

    // ── Enterprises and contacts ──
    const enterpriseBatch = new Batch("enterprises", [
      col("id", "uuid"),
      col("name", "text"),
      col("uscc", "text"),
      col("ownership_type", "ownership_type"),
      col("headquarters", "text"),
      col("industry_code", "text"),
      col("tags", "text", "string_to_array(t.tags, ',')"),
      col("notes", "text"),
      col("unit_id", "uuid"),
      col("created_by_id", "uuid"),
      col("created_at", "timestamptz"),
      col("updated_at", "timestamptz"),
    ]);
    const contactBatch = new Batch("contacts", [
      col("id", "uuid"),
      col("enterprise_id", "uuid"),
      col("name", "text"),
      col("title", "text"),
      col("phone", "text"),
      col("created_at", "timestamptz"),
      col("updated_at", "timestamptz"),
    ]);
    let inflight: Promise<void> = Promise.resolve();
    const entBrand: string[] = [];
    const entOrigin: string[] = [];
    let contactCount = 0;
    let enterpriseCount = 0;
    for (let e = 0; e < E; e++) {
      const ownership = rnd.weighted(OWNERSHIPS);
      const domestic = rnd.weighted(DOMESTIC_HQ);
      const b1 = rnd.pick(BRAND_CHARS);
      let b2 = rnd.pick(BRAND_CHARS);
      if (b2 === b1) b2 = BRAND_CHARS[(BRAND_CHARS.indexOf(b1) + 7) % BRAND_CHARS.length]!;
      const brand = b1 + b2;
      const sector = entSector[e]!;
      const word = rnd.pick(SECTOR_WORDS[sector]!);
      let name: string;
      let hq: string;
      let origin: string;
      if (ownership === "foreign" || ownership === "hk_macao_taiwan") {
        hq = ownership === "foreign" ? rnd.pick(FOREIGN_HQ) : rnd.pick(HMT_HQ);
        origin = ownership === "foreign" ? "foreign" : "hk_macao_taiwan";
        name = `${brand}${word}（${rnd.chance(0.5) ? "中国" : "青岛"}）有限公司`;
      } else {
        hq = domestic.hq;
        origin = domestic.short === "青岛" ? "local" : domestic.hq.startsWith("山东") ? "out_of_city" : "out_of_province";
        const suffix = rnd.weighted([["有限公司", 70], ["股份有限公司", 20], ["集团有限公司", 10]] as const);
        name = `${domestic.short}${brand}${word}${suffix}`;
      }
      const tags: string[] = [];
      if (ownership === "central_soe") tags.push("央企");
      if (ownership === "local_soe") tags.push("国企");
      if ((ownership === "central_soe" && rnd.chance(0.3)) || (ownership === "foreign" && rnd.chance(0.2))) tags.push("世界500强");
      if (rnd.chance(0.1)) tags.push("上市公司");
      if (ownership === "private" && rnd.chance(0.12)) tags.push("专精特新");
      if (rnd.chance(0.25)) tags.push("高新技术企业");
      if (rnd.chance(0.01)) tags.push("链主企业");
      const unit = entUnit[e]!;
      const creator = rnd.pick(ownersByUnit.get(unit)!);
      const createdAt = dayStart(entAge[e]! + rnd.int(1, 20)) + rnd.int(9, 17) * HOUR;
      const id = idOf("enterprise", e);
      const uscc = ownership !== "foreign" && rnd.chance(0.7) ? syntheticUscc(offset + e, domestic.region) : null;
      enterpriseBatch.add(id, name, uscc, ownership, hq, rnd.pick(INDUSTRY_CODES[sector]!), tags.join(","), SYNTHETIC_NOTE, units.get(unit), creator.id, iso(createdAt), iso(createdAt));
      entBrand.push(`${brand}${word}`);
      entOrigin.push(origin);
      const nContacts = 1 + (rnd.chance(0.5) ? 1 : 0) + (rnd.chance(0.15) ? 1 : 0);
      for (let c = 0; c < nContacts; c++) {
        const person = rnd.pick(SURNAMES) + rnd.pick(GIVEN) + (rnd.chance(0.6) ? rnd.pick(GIVEN) : "");
        const phone = `1380000${String(rnd.int(0, 9999)).padStart(4, "0")}`;
        contactBatch.add(idOf("contact", contactCount++), id, person, rnd.pick(TITLES), phone, iso(createdAt), iso(createdAt));
      }
      if (enterpriseBatch.size >= batchSize) {
        await inflight;
        inflight = send(client, [enterpriseBatch, contactBatch]).then(([n = 0]) => void (enterpriseCount += n));
        inflight.catch(() => {}); // awaited (and so reported) before the next batch
      }
    }
    await inflight;
    await send(client, [enterpriseBatch, contactBatch]).then(([n = 0]) => void (enterpriseCount += n));

    // ── Projects and their history ──
    const projectBatch = new Batch("projects", [
      col("id", "uuid"),
      col("name", "text"),
      col("enterprise_id", "uuid"),
      col("industry_chain_id", "uuid"),
      col("source", "project_source"),
      col("total_investment", "numeric"),
      col("capital_origin", "capital_origin"),
      col("stage", "project_stage"),
      col("status", "project_status"),
      col("status_reason", "text"),
      col("owner_id", "uuid"),
      col("responsible_leader", "text"),
      col("unit_id", "uuid"),
      col("is_key", "boolean"),
      col("expected_signing_date", "date"),
      col("description", "text"),
      col("park_id", "uuid"),
      col("land_need_mu", "numeric"),
      col("stage_changed_at", "timestamptz"),
      col("last_activity_at", "date", "t.last_activity_at::timestamptz"),
      col("created_by_id", "uuid"),
      col("created_at", "timestamptz"),
      col("updated_at", "timestamptz"),
      col("version", "int"),
    ]);
    const eventBatch = new Batch("stage_events", [
      col("project_id", "uuid"),
      col("from_stage", "project_stage"),
      col("to_stage", "project_stage"),
      col("from_status", "project_status"),
      col("to_status", "project_status"),
      col("note", "text"),
      col("actor_id", "uuid"),
      col("at", "timestamptz"),
    ]);
    const activityBatch = new Batch("activities", [
      col("id", "uuid"),
      col("project_id", "uuid"),
      col("kind", "activity_kind"),
      col("occurred_on", "date"),
      col("participants", "text"),
      col("summary", "text"),
      col("next_step", "text"),
      col("created_by_id", "uuid"),
      col("created_at", "timestamptz"),
      col("updated_at", "timestamptz"),
    ]);
    const taskBatch = new Batch("tasks", [
      col("id", "uuid"),
      col("project_id", "uuid"),
      col("title", "text"),
      col("assignee_id", "uuid"),
      col("due_date", "date"),
      col("status", "task_status"),
      col("completed_at", "timestamptz"),
      col("created_by_id", "uuid"),
      col("created_at", "timestamptz"),
      col("updated_at", "timestamptz"),
    ]);
    const signingBatch = new Batch("signings", [
      col("project_id", "uuid"),
      col("signing_date", "date"),
      col("agreement_type", "agreement_type"),
      col("contract_investment", "numeric"),
      col("phase1_investment", "numeric"),
      col("event_id", "uuid"),
      col("steward_id", "uuid"),
      col("responsible_unit_id", "uuid"),
      col("progress", "text"),
      col("issues", "text"),
      col("note", "text"),
      col("created_at", "timestamptz"),
      col("updated_at", "timestamptz"),
    ]);
    const milestoneBatch = new Batch("milestones", [
      col("id", "uuid"),
      col("project_id", "uuid"),
      col("stage", "project_stage"),
      col("planned_date", "date"),
      col("actual_date", "date"),
      col("company_name", "text"),
      col("review_status", "review_status"),
      col("submitted_at", "timestamptz"),
      col("submitted_by_id", "uuid"),
      col("reviewed_at", "timestamptz"),
      col("reviewed_by_id", "uuid"),
      col("review_comment", "text"),
      col("created_at", "timestamptz"),
      col("updated_at", "timestamptz"),
    ]);
    const fundsBatch = new Batch("funds_in_place", [
      col("id", "uuid"),
      col("project_id", "uuid"),
      col("received_on", "date"),
      col("amount", "numeric"),
      col("created_by_id", "uuid"),
      col("created_at", "timestamptz"),
      col("updated_at", "timestamptz"),
    ]);
    const metBatch = new Batch("event_projects", [col("event_id", "uuid"), col("project_id", "uuid"), col("created_at", "timestamptz"), col("updated_at", "timestamptz")]);
    const totals = { projects: 0, stageEvents: 0, activities: 0, tasks: 0, signings: 0, milestones: 0, funds: 0 };
    const flushAll = () =>
      send(client, [projectBatch, signingBatch, eventBatch, activityBatch, taskBatch, milestoneBatch, fundsBatch, metBatch]).then(
        ([p = 0, sg = 0, ev = 0, ac = 0, tk = 0, ms = 0, fd = 0]) => {
          totals.projects += p;
          totals.signings += sg;
          totals.stageEvents += ev;
          totals.activities += ac;
          totals.tasks += tk;
          totals.milestones += ms;
          totals.funds += fd;
        },
      );
    let milestoneNo = 0;
    let fundsNo = 0;
    let activityNo = 0;
    let taskNo = 0;
    const logEvery = Math.max(batchSize, Math.round(scale / 10 / batchSize) * batchSize);

    for (let p = 0; p < scale; p++) {
      const id = idOf("project", p);
      const e = pEnt[p]!;
      const s = pStage[p]!;
      const age = pAge[p]!;
      const unit = rnd.chance(0.85) ? entUnit[e]! : rnd.weighted(UNIT_WEIGHTS);
      const owner = rnd.pick(ownersByUnit.get(unit)!);
      const sector = rnd.chance(0.85) ? entSector[e]! : UNIT_SECTORS[unit] ? rnd.weighted(UNIT_SECTORS[unit]) : rnd.pick(ALL_CHAINS);
      const chainId = rnd.chance(UNIT_SECTORS[unit] ? 0.03 : 0.1) ? null : chains.get(sector)!;
      const brand = entBrand[e]!.slice(0, 2);
      const phase = rnd.weighted([["", 85], ["（一期）", 8], ["（二期）", 4], ["扩建项目", 3]] as const);
      const name = `${brand}${rnd.pick(SECTOR_PROJECTS[sector]!)}${phase}`;
      // 总投资: log-normal around 1.2 亿元, from 0.05 to 100 亿元, to the 百万元.
      const yi = Math.min(100, Math.max(0.05, Math.exp(Math.log(1.2) + 1.25 * rnd.normal())));
      const cents = Math.max(5, Math.round(yi * 100));
      const stage = STAGES[s]!;
      let status: ProjectStatus = "active";
      const r = rnd.next();
      if (s <= 2) status = r < 0.08 ? "on_hold" : r < 0.16 ? "lost" : "active";
      else status = r < 0.04 ? "on_hold" : r < 0.05 ? "lost" : "active";
      const reason = status === "active" ? "" : rnd.pick(STATUS_REASONS[status]);

      // Stage history: logged `age` days ago, then each stage on a later day, then any status change.
      const days: number[] = [age];
      const cuts = Array.from({ length: s + (status === "active" ? 0 : 1) }, () => 1 + Math.floor(rnd.next() * (age - 1))).sort((a, b) => b - a);
      days.push(...cuts);
      // A third of the signings happen at an event held between the previous stage and the next change.
      let eventIndex: number | null = null;
      if (s >= 3 && rnd.chance(0.3)) {
        eventIndex = eventBetween(days[4] ?? 1, days[2]!);
        if (eventIndex !== null) days[3] = eventAgo[eventIndex]!;
      }
      const times: number[] = [];
      for (const d of days) {
        let t = dayStart(d) + rnd.int(9 * 60, 18 * 60) * 60_000;
        if (times.length && t <= times[times.length - 1]!) t = times[times.length - 1]! + 60_000;
        times.push(t);
      }
      const stageAtTime = (t: number): ProjectStage => {
        let k = 0;
        for (let i = 1; i <= s; i++) if (times[i]! <= t) k = i;
        return STAGES[k]!;
      };
      for (let i = 0; i < times.length; i++) {
        const isStatus = i > s;
        eventBatch.add(
          id,
          i === 0 ? null : STAGES[Math.min(i - 1, s)]!,
          STAGES[Math.min(i, s)]!,
          i === 0 ? null : "active",
          isStatus ? status : "active",
          isStatus ? reason : "",
          owner.id,
          iso(times[i]!),
        );
      }
      const createdAt = times[0]!;
      const changedAt = times[times.length - 1]!;

      // Where it lands, and the land it needs: most signed projects have a park.
      const parkId = parkRows.length && rnd.chance(s >= 3 ? 0.85 : 0.3) ? (parkByName.get(PARK[unit]?.park ?? "") ?? rnd.pick(parkRows).id) : null;
      const landNeed = s >= 2 && rnd.chance(0.6) ? (Math.round(Math.min(500, Math.exp(Math.log(40) + 0.9 * rnd.normal())) * 100) / 100).toFixed(2) : null;
      // 建设内容, as the signed-project list reports it.
      const description =
        s >= 2 && rnd.chance(0.7)
          ? `主要建设${rnd.pick(["研发中心、生产厂房及配套设施", "标准化厂房、检测中心和仓储物流设施", "区域总部办公及研发平台", "中试基地和产业化生产线"])}` +
            `，达产后预计年产值 ${Math.max(1, Math.round(yi * (1 + rnd.next() * 2)))} 亿元`
          : "";
      // Met at a promotion event shortly before the project was logged.
      if (rnd.chance(0.15)) {
        const met = eventBetween(age, age + 60);
        if (met !== null) metBatch.add(idOf("event", met), id, iso(times[0]!), iso(times[0]!));
      }

      if (s >= 3) {
        const signedAt = times[3]!;
        const contract = Math.max(1, Math.round(cents * (0.6 + 0.4 * rnd.next())));
        const phase1 = rnd.chance(0.7) ? yuanOfCents(Math.max(1, Math.round(contract * (0.3 + 0.4 * rnd.next())))) : null;
        const agreement = rnd.weighted([["framework", 15], ["investment", 60], ["formal_contract", 25]] as const);
        const landingTeam = unit.startsWith("QDHT") ? "QDHT-LDB" : unit;
        const steward = rnd.chance(0.8) ? rnd.pick(ownersByUnit.get(rnd.chance(0.5) ? landingTeam : unit)!).id : null;
        const responsibleUnit = units.get(rnd.chance(0.7) ? unit : landingTeam)!;
        const progress = status === "active" ? rnd.pick(PROGRESS[s]!).replace("{p}", String(rnd.int(20, 90))) : reason;
        const issues = status === "active" && s < 8 && rnd.chance(0.25) ? rnd.pick(ISSUES) : "";
        const note = eventIndex !== null && rnd.chance(0.2) ? "签约活动现场签约" : "";
        signingBatch.add(
          id,
          dateOf(signedAt),
          agreement,
          yuanOfCents(contract),
          phase1,
          eventIndex === null ? null : idOf("event", eventIndex),
          steward,
          responsibleUnit,
          progress,
          issues,
          note,
          iso(signedAt),
          iso(signedAt),
        );

        // Each later stage was reached by an approved report: done a few days before the
        // change (after the signing), submitted, and approved the moment the stage moved.
        const reviewer = reviewers.length ? rnd.pick(reviewers) : null;
        for (let k = 4; k <= s; k++) {
          const moved = times[k]!;
          const actual = Math.max(signedAt, moved - rnd.int(0, 7) * DAY);
          const submitted = Math.max(actual, moved - rnd.int(1, 3) * DAY);
          milestoneBatch.add(
            idOf("milestone", milestoneNo++),
            id,
            STAGES[k]!,
            dateOf(actual + rnd.int(-20, 20) * DAY),
            dateOf(actual),
            k === 4 ? `${entBrand[e]!}（青岛）有限公司` : null,
            "approved",
            iso(submitted),
            owner.id,
            iso(moved),
            reviewer,
            "",
            iso(submitted),
            iso(moved),
          );
        }
        // Plans were set at signing, a stage every few months: the next one or two stages not yet
        // reached have a planned date (履约 is measured against them), some already past.
        const planned = (k: number) => dateOf(signedAt + (60 + 100 * (k - 4) + rnd.int(-15, 30)) * DAY);
        const nextPlanned = s < 8 ? planned(s + 1) : null;
        // Some have the next report waiting for review, returned, or saved but not sent.
        const next = status === "active" && s < 8 ? rnd.weighted([["pending", 6], ["rejected", 2], ["draft", 2], [null, 90]] as const) : null;
        if (s < 8 && !next && rnd.chance(0.8)) {
          milestoneBatch.add(idOf("milestone", milestoneNo++), id, STAGES[s + 1]!, nextPlanned, null, null, null, null, null, null, null, "", iso(signedAt), iso(signedAt));
        }
        if (s < 7 && rnd.chance(0.5)) {
          milestoneBatch.add(idOf("milestone", milestoneNo++), id, STAGES[s + 2]!, planned(s + 2), null, null, null, null, null, null, null, "", iso(signedAt), iso(signedAt));
        }
        if (status === "active" && s < 8) {
          if (next) {
            const last = times[times.length - 1]!;
            const actual = last + Math.floor(rnd.next() * Math.max(0, anchorMs - DAY - last));
            const submitted = next === "draft" ? null : actual + rnd.int(0, Math.max(0, Math.floor((anchorMs - actual) / DAY) - 1)) * DAY;
            milestoneBatch.add(
              idOf("milestone", milestoneNo++),
              id,
              STAGES[s + 1]!,
              nextPlanned,
              dateOf(actual),
              null,
              next,
              submitted === null ? null : iso(submitted),
              submitted === null ? null : owner.id,
              next === "rejected" ? iso(Math.min(anchorMs - HOUR, submitted! + DAY)) : null,
              next === "rejected" ? reviewer : null,
              next === "rejected" ? rnd.pick(RETURN_COMMENTS) : "",
              iso(actual),
              iso(submitted ?? actual),
            );
          }
        }
        // 到位资金: from land on, most have some money in, in one to four dated entries.
        if (s >= 5 && rnd.chance(0.7)) {
          const n = rnd.int(1, 4);
          const share = Math.min(0.95, 0.1 + 0.12 * (s - 4) + 0.2 * rnd.next());
          const each = Math.max(1, Math.floor((contract * share) / n));
          for (let k = 0; k < n; k++) {
            const on = signedAt + Math.floor(rnd.next() * Math.max(DAY, anchorMs - DAY - signedAt));
            fundsBatch.add(idOf("funds", fundsNo++), id, dateOf(on), yuanOfCents(each), owner.id, iso(on), iso(on));
          }
        }
      }

      // Activities: more for projects further along; some projects stalled for a month or more.
      const nActs = s === 0 ? rnd.int(0, 2) : s <= 2 ? rnd.int(1, 4) : rnd.int(2, 6);
      const stalled = status !== "active" || rnd.chance(0.12);
      const lastDay = status !== "active" ? days[days.length - 1]! : stalled ? rnd.int(30, 120) : rnd.int(0, 14);
      const endDay = Math.min(age, lastDay);
      const actDays = Array.from({ length: nActs }, () => endDay + Math.floor(rnd.next() * (age - endDay + 1))).sort((a, b) => b - a);
      let lastActivity: number | null = null;
      let lastActivityDate: string | null = null;
      const place = PARK[unit] ?? { park: "园区", zone: "片区" };
      for (const d of actDays) {
        const at = dayStart(d) + rnd.int(9 * 60, 18 * 60) * 60_000;
        const list = templatesFor(stageAtTime(at));
        const tpl = rnd.pick(list);
        const fill = (x: string) => x.replaceAll("{e}", entBrand[e]!).replaceAll("{park}", place.park).replaceAll("{zone}", place.zone);
        const date = dateOf(at);
        activityBatch.add(idOf("activity", activityNo++), id, tpl.kind, date, `${owner.name}、企业相关负责人`, fill(tpl.summary), fill(tpl.nextStep), owner.id, iso(at), iso(at));
        if (lastActivity === null || at > lastActivity) {
          lastActivity = at;
          lastActivityDate = date;
        }
      }

      // Tasks: about half the projects have one, some two; old ones mostly done.
      const nTasks = rnd.chance(0.45) ? (rnd.chance(0.2) ? 2 : 1) : 0;
      for (let k = 0; k < nTasks; k++) {
        const created = dayStart(rnd.int(1, Math.max(1, Math.min(age, 120)))) + rnd.int(9, 17) * HOUR;
        const due = created + rnd.int(3, 45) * DAY;
        let taskStatus: "open" | "done" | "cancelled" = "open";
        let completed: number | null = null;
        if (due < anchorMs - 5 * DAY) {
          const t = rnd.next();
          if (t < 0.75) {
            taskStatus = "done";
            completed = Math.min(anchorMs - HOUR, created + rnd.int(1, Math.max(1, Math.round((due - created) / DAY) + 10)) * DAY);
          } else if (t < 0.85) taskStatus = "cancelled";
        }
        const title = rnd
          .pick(TASK_TITLES)
          .replaceAll("{p}", name)
          .replaceAll("{e}", entBrand[e]!);
        taskBatch.add(
          idOf("task", taskNo++),
          id,
          title,
          owner.id,
          dateOf(due),
          taskStatus,
          completed === null ? null : iso(completed),
          owner.id,
          iso(created),
          iso(completed ?? created),
        );
      }

      const key = cents >= 1000 ? rnd.chance(0.6) : rnd.chance(0.05);
      const expected = s < 3 && status === "active" && rnd.chance(0.7) ? dateOf(anchorMs + rnd.int(15, 300) * DAY) : null;
      const updatedAt = lastActivity !== null && lastActivity > changedAt ? lastActivity : changedAt;
      projectBatch.add(
        id,
        name,
        idOf("enterprise", e),
        chainId,
        rnd.weighted(SOURCES),
        yuanOfCents(cents),
        entOrigin[e]!,
        stage,
        status,
        reason,
        owner.id,
        rnd.chance(cents >= 500 ? 0.8 : 0.3) ? rnd.pick(LEADERS) : "",
        units.get(unit),
        key,
        expected,
        description,
        parkId,
        landNeed,
        iso(changedAt),
        lastActivityDate,
        owner.id,
        iso(createdAt),
        iso(updatedAt),
        times.length,
      );

      if (projectBatch.size >= batchSize) {
        await inflight;
        if (totals.projects && totals.projects % logEvery === 0) log(`[seed] … ${totals.projects.toLocaleString("en")} of ${scale.toLocaleString("en")} projects`);
        inflight = flushAll();
        inflight.catch(() => {}); // awaited (and so reported) before the next batch
      }
    }
    await inflight;
    await flushAll();
    if (rebuild.length) {
      await client.query("set local maintenance_work_mem = '256MB'");
      for (const { def } of rebuild) await client.query(def);
    }
    await client.query("select dash_rebuild()");
    await client.query("commit");
    await client.query(
      "analyze enterprises; analyze contacts; analyze projects; analyze signings; analyze stage_events; analyze activities; analyze tasks; analyze milestones; analyze funds_in_place; analyze events; analyze event_projects; " +
        "analyze dash_facts; analyze dash_signed; analyze dash_cube; analyze dash_funnel; analyze dash_pipeline",
    );

    const summary = { ...totals, enterprises: enterpriseCount, contacts: contactCount, events: eventCount, ms: Date.now() - started };
    log(
      `[seed] synthetic: ${summary.projects} projects, ${summary.enterprises} enterprises, ${summary.contacts} contacts, ` +
        `${summary.stageEvents} stage events, ${summary.activities} activities, ${summary.tasks} tasks, ${summary.signings} signings, ` +
        `${summary.events} events, ${summary.milestones} milestones, ${summary.funds} funds entries ` +
        `in ${(summary.ms / 1000).toFixed(1)} s (anchor ${anchor}).`,
    );
    return summary;
  } catch (e) {
    await client.query("rollback").catch(() => {});
    throw e;
  } finally {
    client.release();
  }
}
