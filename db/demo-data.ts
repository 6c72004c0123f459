/**
 * The demo pipeline: enterprises and projects taken from Qingdao's districts' published 招商 news, spread over
 * stages, units and owners, with the history that got each project where it stands (stage
 * events over the past 18 months, activities, tasks, signings). Everything is dated relative
 * to the moment of seeding, so "overdue", "due soon" and "no activity for 30 days" always
 * have content.
 *
 * People are fictional (contacts, leaders, phone numbers 1380000xxxx). Real enterprises named
 * in facts.md carry no 统一社会信用代码: only invented enterprises get one, with a valid check
 * character computed by usccCheckChar.
 */
import { eq, inArray, sql } from "drizzle-orm";
import { yiToYuan } from "../lib/money";
import { USCC_PATTERN, usccCheckChar } from "../lib/enterprises/uscc";
import type { Tx } from "./client";
import { activities, auditLog, contacts, enterprises, events as eventsTable, fundsInPlace, milestones as milestonesTable, projects, signings, stageEvents, tasks } from "./schema";
import {
  projectStageEnum,
  type ActivityKind,
  type CapitalOrigin,
  type OwnershipType,
  type ProjectSource,
  type ProjectStage,
  type ProjectStatus,
  type AgreementType,
} from "./schema/enums";

const STAGES = projectStageEnum.enumValues;
const MILESTONE_STAGES = STAGES.slice(STAGES.indexOf("signed") + 1) as MilestoneStage[];
type MilestoneStage = "registered" | "land_secured" | "construction" | "completed" | "operating";
const DAY = 86_400_000;

/** The industry chains: 市北区 "3+1" and 青岛高新区 "1+2+1" (facts.md). */
export const DEMO_CHAINS = [
  { code: "SB-YLQX", name: "医疗器械", system: "3+1", sortOrder: 1 },
  { code: "SB-SWYY", name: "生物医药", system: "3+1", sortOrder: 2 },
  { code: "SB-SZYL", name: "数字医疗", system: "3+1", sortOrder: 3 },
  { code: "SB-JKFW", name: "健康服务", system: "3+1", sortOrder: 4 },
  { code: "GX-SWYY", name: "生物医药及医疗器械", system: "1+2+1", sortOrder: 5 },
  { code: "GX-XXJS", name: "新一代信息技术", system: "1+2+1", sortOrder: 6 },
  { code: "GX-ZNZZ", name: "智能制造（精密仪器仪表）", system: "1+2+1", sortOrder: 7 },
  { code: "GX-XDFW", name: "现代服务业", system: "1+2+1", sortOrder: 8 },
] as const;
export type ChainCode = (typeof DEMO_CHAINS)[number]["code"];

type Contact = { name: string; title: string; phone: string };

export type DemoEnterprise = {
  key: string;
  name: string;
  ownership: OwnershipType;
  headquarters: string;
  industryCode: string;
  tags: string[];
  unit: string;
  website?: string;
  notes?: string;
  /** First 17 characters of an invented USCC; the check character is computed. */
  usccBase?: string;
  contacts: Contact[];
};

/** An activity `ago` days before seeding, or `on` a fixed date. */
type DemoActivity = { kind: ActivityKind; ago?: number; on?: string; summary: string; nextStep?: string; participants?: string };
type DemoTask = { title: string; assignee?: string; due: number; done?: boolean };

export type DemoProject = {
  name: string;
  enterprise: string;
  chain: ChainCode | null;
  source: ProjectSource;
  /** 总投资 in 亿元. */
  yi: string;
  origin: CapitalOrigin;
  stage: ProjectStage;
  status?: Exclude<ProjectStatus, "active">;
  reason?: string;
  unit: string;
  owner: string;
  leader?: string;
  key?: boolean;
  /** Expected signing date, in days from now (projects not yet signed). */
  expected?: number;
  description: string;
  /** Days ago the project was logged as a lead (for a signing `on` a fixed date: days before that). */
  created: number;
  /** Days ago it reached its current stage (default: spread evenly after `created`). */
  reached?: number;
  /**
   * Signing: `ago` days ago or `on` a date, contract investment (亿元), the stage event's note,
   * and the facts of the 签约项目清单 (defaults: investment agreement, no phase 1 amount).
   */
  signed?: {
    ago?: number;
    on?: string;
    yi: string;
    note?: string;
    event?: "ceremony";
    agreement?: AgreementType;
    phase1?: string;
    /** 项目服务管家 (username); default: the 落地办 of the district. */
    steward?: string;
    progress?: string;
    issues?: string;
  };
  /** Dates the stages after signing were reached, where facts.md gives them. */
  reachedOn?: Partial<Record<MilestoneStage, string>>;
  /** A stage report beyond the current stage that is not approved (yet). */
  report?: { stage: MilestoneStage; status: "draft" | "pending" | "rejected"; ago: number; by: string; company?: string; usccBase?: string; note?: string; comment?: string };
  /** Days ago it was put on hold or dropped. */
  statusAgo?: number;
  /** Days since the last activity (default 2–12): 30+ puts the project on the stalled lists. */
  quiet?: number;
  activities?: DemoActivity[];
  tasks?: DemoTask[];
  /** 来源活动: the key of the demo 推介会 (DEMO_EVENTS) the lead came from. */
  from?: "swyy-promotion" | "jkg-promotion";
};

/** 6 April 2023: 12 projects, 6 per park, signed at one ceremony as the two parks were unveiled (facts.md). */
export const CEREMONY_DATE = "2023-04-06";
export const CEREMONY = "高新区生物医药及医疗器械、精密仪器仪表产业园集中签约仪式";

function uscc(base: string): string {
  const code = base + usccCheckChar(base);
  if (!USCC_PATTERN.test(code)) throw new Error(`not a USCC: ${code}`);
  return code;
}

export const DEMO_ENTERPRISES: DemoEnterprise[] = [
  {
    key: "sinopharm",
    name: "国药融资租赁有限公司",
    ownership: "central_soe",
    headquarters: "上海市",
    industryCode: "J6631",
    tags: ["央企", "世界500强"],
    unit: "QDHT-SWYY",
    notes: "国药集团所属融资租赁企业，牵头国药科技城项目。",
    contacts: [
      { name: "周振宇", title: "投资发展部总经理", phone: "13800001001" },
      { name: "沈晓雯", title: "项目经理", phone: "13800001002" },
    ],
  },
  {
    key: "haierbio",
    name: "青岛海尔生物医疗股份有限公司",
    ownership: "private",
    headquarters: "山东省青岛市",
    industryCode: "C3589",
    tags: ["上市公司", "链主企业"],
    unit: "QDHT-SWYY",
    contacts: [{ name: "孔令飞", title: "战略投资部部长", phone: "13800001011" }],
  },
  {
    key: "haier",
    name: "海尔集团公司",
    ownership: "private",
    headquarters: "山东省青岛市",
    industryCode: "C3851",
    tags: ["中国500强", "链主企业"],
    unit: "QDHT-SWYY",
    contacts: [{ name: "于海涛", title: "大健康产业平台投资总监", phone: "13800001021" }],
  },
  {
    key: "astrazeneca",
    name: "阿斯利康投资（中国）有限公司",
    ownership: "foreign",
    headquarters: "上海市",
    industryCode: "C2720",
    tags: ["世界500强", "上市公司"],
    unit: "QDHT-SWYY",
    contacts: [{ name: "黄嘉怡", title: "政府事务总监", phone: "13800001031" }],
  },
  {
    key: "weigao",
    name: "威高集团有限公司",
    ownership: "private",
    headquarters: "山东省威海市",
    industryCode: "C3584",
    tags: ["上市公司", "链主企业"],
    unit: "QDHT-SWYY",
    contacts: [
      { name: "曲文斌", title: "副总裁", phone: "13800001041" },
      { name: "丛珊", title: "投资发展部经理", phone: "13800001042" },
    ],
  },
  {
    key: "qibebt",
    name: "中国科学院青岛生物能源与过程研究所",
    ownership: "other",
    headquarters: "山东省青岛市崂山区",
    industryCode: "M7320",
    tags: ["科研院所"],
    unit: "QDHT-SWYY",
    contacts: [{ name: "韩立群", title: "成果转化处处长", phone: "13800001051" }],
  },
  {
    key: "standard",
    name: "斯坦德检测集团股份有限公司",
    ownership: "private",
    headquarters: "山东省青岛市",
    industryCode: "M7452",
    tags: ["专精特新", "高新技术企业"],
    unit: "QDHT-SWYY",
    contacts: [{ name: "宋佳明", title: "董事会秘书", phone: "13800001061" }],
  },
  {
    key: "ruize",
    name: "青岛瑞泽医疗器械有限公司",
    ownership: "private",
    headquarters: "山东省青岛市",
    industryCode: "C3586",
    tags: ["专精特新"],
    unit: "QDHT-SWYY",
    usccBase: "91370214MA3RX7Q2K",
    contacts: [{ name: "姜瑞", title: "总经理", phone: "13800001071" }],
  },
  {
    key: "huapu",
    name: "山东华谱诊断技术有限公司",
    ownership: "private",
    headquarters: "山东省济南市",
    industryCode: "C2762",
    tags: ["高新技术企业"],
    unit: "QDHT-SWYY",
    usccBase: "91370100MA3PH4D8N",
    contacts: [{ name: "邢志远", title: "董事长", phone: "13800001081" }],
  },
  {
    key: "kangmai",
    name: "青岛康迈智能康复设备有限公司",
    ownership: "private",
    headquarters: "山东省青岛市",
    industryCode: "C3586",
    tags: ["专精特新"],
    unit: "QDHT-SWYY",
    usccBase: "91370214MA3TK2M6B",
    contacts: [{ name: "綦宏伟", title: "总经理", phone: "13800001091" }],
  },
  {
    key: "saino",
    name: "苏州赛诺细胞科技有限公司",
    ownership: "private",
    headquarters: "江苏省苏州市",
    industryCode: "C2761",
    tags: ["高新技术企业"],
    unit: "QDHT-SWYY",
    usccBase: "91320594MA1WC5N3X",
    contacts: [{ name: "陆文轩", title: "副总经理", phone: "13800001101" }],
  },
  {
    key: "qiyuan",
    name: "上海启元生物医药研发服务有限公司",
    ownership: "private",
    headquarters: "上海市",
    industryCode: "M7340",
    tags: [],
    unit: "QDHT-SWYY",
    usccBase: "91310115MA1K4QY7R",
    contacts: [{ name: "施云峰", title: "商务拓展总监", phone: "13800001111" }],
  },
  {
    key: "xinyuan",
    name: "青岛新元生物制药有限公司",
    ownership: "private",
    headquarters: "山东省青岛市",
    industryCode: "C2761",
    tags: [],
    unit: "QDHT-SWYY",
    usccBase: "91370212MA3U8XN4G",
    contacts: [{ name: "毕晓东", title: "总经理", phone: "13800001121" }],
  },
  {
    key: "kangfu",
    name: "山东康复医疗产业投资有限公司",
    ownership: "local_soe",
    headquarters: "山东省济南市",
    industryCode: "L7212",
    tags: ["国企"],
    unit: "QDHT-SWYY",
    usccBase: "91370100MA94R2T6C",
    contacts: [{ name: "隋凤英", title: "投资部经理", phone: "13800001131" }],
  },
  {
    key: "hexagon",
    name: "海克斯康制造智能技术（青岛）有限公司",
    ownership: "foreign",
    headquarters: "山东省青岛市",
    industryCode: "C4019",
    tags: ["链主企业", "上市公司"],
    unit: "QDHT-JMYQ",
    contacts: [
      { name: "林慕白", title: "中国区运营副总裁", phone: "13800002001" },
      { name: "郭娜", title: "政府关系经理", phone: "13800002002" },
    ],
  },
  {
    key: "langsen",
    name: "青岛朗森精密仪器有限公司",
    ownership: "private",
    headquarters: "山东省青岛市",
    industryCode: "C4014",
    tags: ["专精特新"],
    unit: "QDHT-JMYQ",
    contacts: [{ name: "臧国栋", title: "总经理", phone: "13800002011" }],
  },
  {
    key: "weilong",
    name: "青岛伟隆阀门股份有限公司",
    ownership: "private",
    headquarters: "山东省青岛市",
    industryCode: "C3443",
    tags: ["上市公司", "专精特新"],
    unit: "QDHT-JMYQ",
    contacts: [{ name: "范成业", title: "副总经理", phone: "13800002021" }],
  },
  {
    key: "ruigan",
    name: "深圳锐感传感技术有限公司",
    ownership: "private",
    headquarters: "广东省深圳市",
    industryCode: "C3983",
    tags: ["专精特新", "高新技术企业"],
    unit: "QDHT-JMYQ",
    usccBase: "91440300MA5G2LR8P",
    contacts: [{ name: "钟启航", title: "董事长", phone: "13800002031" }],
  },
  {
    key: "puxi",
    name: "北京谱析科学仪器有限公司",
    ownership: "private",
    headquarters: "北京市",
    industryCode: "C4014",
    tags: ["高新技术企业"],
    unit: "QDHT-JMYQ",
    usccBase: "91110108MA01T3K5W",
    contacts: [{ name: "魏长青", title: "总经理", phone: "13800002041" }],
  },
  {
    key: "haice",
    name: "青岛海测海洋仪器有限公司",
    ownership: "private",
    headquarters: "山东省青岛市",
    industryCode: "C4016",
    tags: ["专精特新"],
    unit: "QDHT-JMYQ",
    usccBase: "91370214MA3W6CE1D",
    contacts: [{ name: "牟海波", title: "总工程师", phone: "13800002051" }],
  },
  {
    key: "hengzhun",
    name: "杭州衡准智能计量有限公司",
    ownership: "private",
    headquarters: "浙江省杭州市",
    industryCode: "C4012",
    tags: [],
    unit: "QDHT-JMYQ",
    usccBase: "91330108MA2H7PK3L",
    contacts: [{ name: "俞晨", title: "副总经理", phone: "13800002061" }],
  },
  {
    key: "aipu",
    name: "青岛艾普智能仪器有限公司",
    ownership: "private",
    headquarters: "山东省青岛市",
    industryCode: "C4011",
    tags: ["专精特新"],
    unit: "QDHT-JMYQ",
    contacts: [{ name: "解文涛", title: "总经理", phone: "13800002071" }],
  },
  {
    key: "zhiteng",
    name: "青岛智腾微电子有限公司",
    ownership: "private",
    headquarters: "山东省青岛市",
    industryCode: "C3973",
    tags: ["高新技术企业"],
    unit: "QDHT-JMYQ",
    contacts: [{ name: "战凯", title: "董事长", phone: "13800002081" }],
  },
  {
    key: "pengsheng",
    name: "青岛鹏晟海洋工程装备有限公司",
    ownership: "private",
    headquarters: "山东省青岛市",
    industryCode: "C3737",
    tags: [],
    unit: "QDHT-JMYQ",
    contacts: [{ name: "逄志刚", title: "总经理", phone: "13800002091" }],
  },
  {
    key: "jingliang",
    name: "无锡精量仪表有限公司",
    ownership: "private",
    headquarters: "江苏省无锡市",
    industryCode: "C4012",
    tags: [],
    unit: "QDHT-JMYQ",
    usccBase: "91320214MA1Y3NF9T",
    contacts: [{ name: "过建新", title: "总经理", phone: "13800002101" }],
  },
  {
    key: "baiyang",
    name: "青岛百洋医药股份有限公司",
    ownership: "private",
    headquarters: "山东省青岛市",
    industryCode: "F5151",
    tags: ["上市公司", "链主企业"],
    unit: "370203-JKG",
    contacts: [
      { name: "付国庆", title: "副总裁", phone: "13800003001" },
      { name: "王雪", title: "投资者关系经理", phone: "13800003002" },
    ],
  },
  {
    key: "ronghui",
    name: "青岛融汇集团有限公司",
    ownership: "local_soe",
    headquarters: "山东省青岛市市北区",
    industryCode: "L7221",
    tags: ["国企"],
    unit: "370203-JKG",
    notes: "健康谷园区运营方。",
    contacts: [{ name: "薛红", title: "园区运营部经理", phone: "13800003011" }],
  },
  {
    key: "huanhai",
    name: "青岛环海医贸供应链有限公司",
    ownership: "private",
    headquarters: "山东省青岛市",
    industryCode: "F5154",
    tags: [],
    unit: "370203-JKG",
    usccBase: "91370203MA3Q9HK2E",
    contacts: [{ name: "盛立伟", title: "总经理", phone: "13800003021" }],
  },
  {
    key: "yunyi",
    name: "上海云医数字健康科技有限公司",
    ownership: "private",
    headquarters: "上海市",
    industryCode: "I6513",
    tags: ["高新技术企业"],
    unit: "370203-JKG",
    usccBase: "91310104MA1FR6W3N",
    contacts: [{ name: "卜思远", title: "创始人、首席执行官", phone: "13800003031" }],
  },
  {
    key: "mingying",
    name: "青岛明影医学影像科技有限公司",
    ownership: "private",
    headquarters: "山东省青岛市",
    industryCode: "C3581",
    tags: [],
    unit: "370203-JKG",
    usccBase: "91370203MA3N2KB7X",
    contacts: [{ name: "房明", title: "总经理", phone: "13800003041" }],
  },
  {
    key: "renhe",
    name: "青岛仁和国际医疗管理有限公司",
    ownership: "hk_macao_taiwan",
    headquarters: "香港特别行政区",
    industryCode: "Q8411",
    tags: [],
    unit: "370203-JKG",
    usccBase: "91370203MA3RM8C5Q",
    contacts: [{ name: "梁颂恩", title: "董事", phone: "13800003051" }],
  },
  {
    key: "caihui",
    name: "青岛彩晖生物科技有限公司",
    ownership: "private",
    headquarters: "山东省青岛市李沧区",
    industryCode: "C2761",
    tags: ["专精特新", "高新技术企业"],
    unit: "370213-SMYZ",
    contacts: [{ name: "鞠晓光", title: "总经理", phone: "13800004001" }],
  },
  {
    key: "huayan",
    name: "青岛华研药业有限公司",
    ownership: "private",
    headquarters: "山东省青岛市",
    industryCode: "C2710",
    tags: [],
    unit: "370213-SMYZ",
    usccBase: "91370213MA3P5TY1H",
    contacts: [{ name: "栾世杰", title: "董事长", phone: "13800004011" }],
  },
  {
    key: "sinochem",
    name: "中国中化控股有限责任公司",
    ownership: "central_soe",
    headquarters: "北京市",
    industryCode: "L7212",
    tags: ["央企", "世界500强"],
    unit: "370213-TZCJ",
    contacts: [{ name: "程远航", title: "区域投资部总经理", phone: "13800004021" }],
  },
  {
    key: "liandong",
    name: "北京联东投资（集团）有限公司",
    ownership: "private",
    headquarters: "北京市",
    industryCode: "L7221",
    tags: [],
    unit: "370213-TZCJ",
    contacts: [{ name: "马骁", title: "青岛区域总经理", phone: "13800004031" }],
  },
];

const GX_LEADER = "刘志强（高新区管委会主任）";
const GX_DEPUTY = "孙立新（高新区管委会副主任）";
const SB_LEADER = "陈国华（市北区副区长）";
const LC_LEADER = "马卫东（李沧区副区长）";

export const DEMO_PROJECTS: DemoProject[] = [
  // ── 青岛高新区 生物医药招商组 ──────────────────────────────────────────────
  {
    name: "国药科技城",
    enterprise: "sinopharm",
    chain: "GX-SWYY",
    source: "business_referral",
    yi: "60",
    origin: "out_of_province",
    stage: "signed",
    unit: "QDHT-SWYY",
    owner: "manager",
    leader: GX_LEADER,
    key: true,
    description: "总投资 60 亿元，分四期建设，一期引入医药器械企业 20 余家，计划次年 10 月竣工验收（竣备）。",
    created: 420,
    signed: {
      ago: 75,
      yi: "60",
      note: "投资协议签约",
      agreement: "investment",
      phase1: "15",
      steward: "staff",
      progress: "一期项目公司已完成名称预核准，注册材料已报审",
      issues: "一期 20 余家配套企业过渡厂房需求约 3 万平方米，需协调载体",
    },
    report: { stage: "registered", status: "pending", ago: 3, by: "staff", company: "国药（青岛）科技城发展有限公司", usccBase: "91370212MAC7K2Q8X" },
    activities: [
      { kind: "visit", ago: 410, summary: "赴上海走访国药融资租赁，介绍生物医药及医疗器械产业园规划和“一园一业”政策", nextStep: "邀请企业来高新区实地考察", participants: "王建国、周振宇" },
      { kind: "reception", ago: 380, summary: "国药集团考察团来访，参观医药器械片区，座谈科技城选址和分期建设设想", nextStep: "提供医药器械片区地块资料", participants: "刘志强、王建国、周振宇、沈晓雯" },
      { kind: "meeting", ago: 300, summary: "就科技城四期开发方案和一期招引企业清单进行洽谈，企业提出一期约 20 家配套企业同步入驻", nextStep: "测算一期用地和过渡厂房需求" },
      { kind: "site_visit", ago: 210, summary: "陪同企业考察医药器械片区两处备选地块，企业倾向靠近康复大学的地块", nextStep: "协调自然资源部门核实规划条件" },
      { kind: "meeting", ago: 120, summary: "投资协议条款第三轮洽谈，重点讨论投资强度、达产税收和分期供地安排", nextStep: "报管委会主任办公会研究" },
      { kind: "meeting", ago: 76, summary: "投资协议定稿，确定签约仪式议程", nextStep: "签约后三个月内完成一期项目公司注册" },
      { kind: "call", ago: 6, summary: "电话沟通一期项目公司注册进度，企业已完成名称预核准", nextStep: "协助办理营业执照和银行开户" },
    ],
    tasks: [
      { title: "督促国药科技城一期项目公司注册", assignee: "manager", due: 5 },
      { title: "报送国药科技城项目推进周报", assignee: "staff", due: -14, done: true },
      { title: "梳理科技城一期 20 家入驻企业清单", assignee: "staff", due: -4 },
    ],
  },
  {
    name: "国药融资租赁医药器械产业项目（471 亩）",
    enterprise: "sinopharm",
    chain: "GX-SWYY",
    source: "business_referral",
    yi: "25",
    origin: "out_of_province",
    stage: "land_secured",
    unit: "QDHT-SWYY",
    owner: "manager",
    leader: GX_LEADER,
    key: true,
    description: "国药融资租赁在医药器械片区实施的关联项目，规划用地 471 亩。",
    created: 520,
    signed: { ago: 260, yi: "25" },
    reached: 40,
    tasks: [{ title: "组织企业领取“用地一件事”开工前事项清单", assignee: "manager", due: 2 }],
  },
  {
    name: "海尔生物安全科创产业园",
    enterprise: "haierbio",
    chain: "GX-SWYY",
    source: "walk_in",
    yi: "5",
    origin: "local",
    stage: "construction",
    unit: "QDHT-SWYY",
    owner: "staff",
    leader: GX_DEPUTY,
    key: true,
    description: "“拿地即开工”项目：2023 年 6 月 15 日签订土地出让合同，6 月 30 日取得施工许可。",
    created: 160,
    signed: { on: "2023-02-16", yi: "5", agreement: "formal_contract", phase1: "3", steward: "staff", progress: "一期已建成，二期主体结构施工中", issues: "二期施工临时用电需扩容" },
    reachedOn: { registered: "2023-03-22", land_secured: "2023-06-15", construction: "2023-06-30" },
    activities: [
      { kind: "visit", on: "2022-09-20", summary: "走访海尔生物医疗，了解生物安全产品线扩产需求", nextStep: "提供医药器械片区可用地块" },
      { kind: "site_visit", on: "2022-11-15", summary: "陪同企业考察两处工业用地，企业确定选址", nextStep: "启动土地挂牌前期工作" },
      { kind: "meeting", on: "2023-02-10", summary: "投资协议洽谈定稿", nextStep: "签约后同步开展施工图设计" },
      { kind: "meeting", on: "2023-05-25", summary: "召开“拿地即开工”专题推进会，规划、住建、自然资源三部门阶段分包、全程串联", nextStep: "土地出让合同签订后 15 日内取得施工许可" },
      { kind: "site_visit", ago: 8, summary: "现场查看二期施工进度，主体结构已完成约四成", nextStep: "协调施工临时用电扩容", participants: "李明、企业工程部负责人" },
    ],
    tasks: [{ title: "协调海尔生物安全科创产业园施工临时用电扩容", assignee: "staff", due: -3 }],
  },
  {
    name: "海尔大健康产业基地",
    enterprise: "haier",
    chain: "GX-SWYY",
    source: "business_referral",
    yi: "20",
    origin: "local",
    stage: "intent",
    unit: "QDHT-SWYY",
    owner: "staff",
    leader: GX_LEADER,
    key: true,
    expected: 45,
    description: "海尔大健康产业平台拟在生物医药及医疗器械产业园建设研发、生产和供应链中心。",
    created: 300,
    reached: 35,
    tasks: [{ title: "起草海尔大健康产业基地投资框架协议", assignee: "staff", due: -10 }],
  },
  {
    name: "阿斯利康吸入气雾剂生产供应基地",
    enterprise: "astrazeneca",
    chain: "GX-SWYY",
    source: "resident_office",
    yi: "17.5",
    origin: "foreign",
    stage: "operating",
    unit: "QDHT-SWYY",
    owner: "staff",
    leader: GX_LEADER,
    key: true,
    description: "吸入气雾剂生产供应基地，产品供应国内并出口。",
    created: 545,
    signed: { ago: 500, yi: "17.5" },
    reached: 20,
    tasks: [{ title: "收集阿斯利康基地投产后产值和税收数据", assignee: "staff", due: -1, done: true }],
  },
  {
    name: "威高（青岛）高端医疗器械产业园",
    enterprise: "weigao",
    chain: "GX-SWYY",
    source: "business_referral",
    yi: "30",
    origin: "out_of_city",
    stage: "land_secured",
    unit: "QDHT-SWYY",
    owner: "staff",
    leader: GX_DEPUTY,
    key: true,
    description: "建设高端医用耗材和介入器械生产基地，配套研发中心。",
    created: 460,
    signed: { ago: 240, yi: "30", agreement: "formal_contract", phase1: "12", progress: "已签订土地出让合同，施工许可证已取得" },
    reached: 30,
    report: { stage: "construction", status: "pending", ago: 1, by: "staff", note: "施工许可证已取得，桩基工程进场" },
    tasks: [{ title: "对接自然资源局办理威高项目不动产权证", assignee: "staff", due: 7 }],
  },
  {
    name: "中科院青能所合成生物产业技术研究平台",
    enterprise: "qibebt",
    chain: "GX-SWYY",
    source: "promotion_event",
    yi: "3",
    origin: "local",
    stage: "registered",
    unit: "QDHT-SWYY",
    owner: "manager",
    leader: GX_DEPUTY,
    description: "依托青能所建设合成生物产业技术研究平台，孵化产业化项目。",
    created: 148,
    from: "swyy-promotion",
    signed: { on: CEREMONY_DATE, event: "ceremony", yi: "3", note: CEREMONY },
    reached: 90,
  },
  {
    name: "斯坦德医疗医药产业检测研发公共服务平台",
    enterprise: "standard",
    chain: "GX-SWYY",
    source: "promotion_event",
    yi: "2.5",
    origin: "local",
    stage: "signed",
    unit: "QDHT-SWYY",
    owner: "staff",
    description: "面向医疗器械和医药企业的检测、注册检验和研发公共服务平台。",
    created: 118,
    from: "swyy-promotion",
    signed: { on: CEREMONY_DATE, event: "ceremony", yi: "2.5", note: CEREMONY },
  },
  {
    name: "瑞泽高端医用耗材生产基地",
    enterprise: "ruize",
    chain: "GX-SWYY",
    source: "promotion_event",
    yi: "6",
    origin: "local",
    stage: "registered",
    unit: "QDHT-SWYY",
    owner: "staff",
    description: "建设高值医用耗材洁净生产车间 2 万平方米。",
    created: 178,
    signed: { on: CEREMONY_DATE, event: "ceremony", yi: "6", note: CEREMONY, issues: "意向地块尚未完成挂牌，企业希望先租用过渡厂房" },
    reached: 120,
    report: { stage: "land_secured", status: "rejected", ago: 6, by: "staff", note: "租用过渡厂房", comment: "请补充过渡厂房的位置、面积和租赁协议编号" },
    tasks: [{ title: "督促瑞泽医疗提交项目备案材料", assignee: "staff", due: 1 }],
  },
  {
    name: "华谱体外诊断试剂及仪器产业化项目",
    enterprise: "huapu",
    chain: "GX-SWYY",
    source: "promotion_event",
    yi: "4.2",
    origin: "out_of_city",
    stage: "land_secured",
    unit: "QDHT-SWYY",
    owner: "staff",
    description: "体外诊断试剂和化学发光仪器产业化，一期租用过渡厂房。",
    created: 198,
    signed: { on: CEREMONY_DATE, event: "ceremony", yi: "4.2", note: CEREMONY },
    reached: 50,
  },
  {
    name: "康迈康复机器人研发制造项目",
    enterprise: "kangmai",
    chain: "GX-SWYY",
    source: "promotion_event",
    yi: "3.5",
    origin: "local",
    stage: "signed",
    unit: "QDHT-SWYY",
    owner: "staff",
    description: "上下肢康复机器人研发和生产，拟落户康复医疗片区。",
    created: 98,
    signed: { on: CEREMONY_DATE, event: "ceremony", yi: "3.5", note: CEREMONY, issues: "企业融资进度滞后，落地时间待定" },
    quiet: 41,
  },
  {
    name: "赛诺细胞治疗中试及产业化平台",
    enterprise: "saino",
    chain: "GX-SWYY",
    source: "promotion_event",
    yi: "5.8",
    origin: "out_of_province",
    stage: "registered",
    unit: "QDHT-SWYY",
    owner: "manager",
    description: "细胞治疗产品 GMP 中试平台及 CDMO 服务。",
    created: 168,
    signed: { on: CEREMONY_DATE, event: "ceremony", yi: "5.8", note: CEREMONY },
    reached: 100,
  },
  {
    name: "启元生物医药研发服务华北区域中心",
    enterprise: "qiyuan",
    chain: "GX-SWYY",
    source: "intermediary",
    yi: "1",
    origin: "out_of_province",
    stage: "lead",
    unit: "QDHT-SWYY",
    owner: "staff",
    expected: 200,
    description: "企业拟在华北设立临床前研究服务中心，正在比选青岛、济南、天津。",
    created: 20,
  },
  {
    name: "新元生物创新药生产基地",
    enterprise: "xinyuan",
    chain: "GX-SWYY",
    source: "walk_in",
    yi: "3.6",
    origin: "local",
    stage: "intent",
    status: "on_hold",
    reason: "企业 B 轮融资推迟，暂缓签约，约定下季度再议。",
    unit: "QDHT-SWYY",
    owner: "staff",
    description: "创新药制剂生产基地。",
    created: 260,
    reached: 110,
    statusAgo: 64,
    quiet: 64,
  },
  {
    name: "康复医疗器械协同创新中心",
    enterprise: "kangfu",
    chain: "GX-SWYY",
    source: "other",
    yi: "2",
    origin: "out_of_city",
    stage: "lead",
    unit: "QDHT-SWYY",
    owner: "staff",
    expected: 150,
    description: "依托康复大学资源，建设康复医疗器械研发、检测和成果转化平台。",
    created: 12,
    tasks: [{ title: "约见山东康复医疗产业投资公司，介绍康复医疗片区", assignee: "staff", due: 4 }],
  },

  // ── 青岛高新区 精密仪器招商组 ──────────────────────────────────────────────
  {
    name: "海克斯康精密测量仪器研发生产基地扩建",
    enterprise: "hexagon",
    chain: "GX-ZNZZ",
    source: "resident_office",
    yi: "8",
    origin: "foreign",
    stage: "completed",
    unit: "QDHT-JMYQ",
    owner: "manager",
    leader: GX_LEADER,
    key: true,
    description: "链主企业扩建三坐标测量机和工业测量系统生产线。",
    created: 540,
    signed: { ago: 470, yi: "8" },
    reached: 25,
  },
  {
    name: "朗森精密仪器智能制造项目",
    enterprise: "langsen",
    chain: "GX-ZNZZ",
    source: "promotion_event",
    yi: "3.2",
    origin: "local",
    stage: "registered",
    unit: "QDHT-JMYQ",
    owner: "manager",
    description: "精密仪器智能制造生产线。",
    created: 128,
    signed: { on: CEREMONY_DATE, event: "ceremony", yi: "3.2", note: CEREMONY },
    reached: 95,
    tasks: [{ title: "协调朗森精密仪器项目公司注册", assignee: "manager", due: -100, done: true }],
  },
  {
    name: "伟隆智能阀门制造项目",
    enterprise: "weilong",
    chain: "GX-ZNZZ",
    source: "promotion_event",
    yi: "10",
    origin: "local",
    stage: "construction",
    unit: "QDHT-JMYQ",
    owner: "manager",
    leader: GX_DEPUTY,
    key: true,
    description: "智能阀门数字化工厂，拿地即开工。",
    created: 218,
    signed: { on: CEREMONY_DATE, event: "ceremony", yi: "10", note: CEREMONY },
    reached: 28,
    tasks: [{ title: "协调伟隆智能阀门项目二期规划方案审查", assignee: "manager", due: 10 }],
  },
  {
    name: "锐感 MEMS 工业传感器及核心部件产业化项目",
    enterprise: "ruigan",
    chain: "GX-ZNZZ",
    source: "promotion_event",
    yi: "4.5",
    origin: "out_of_province",
    stage: "signed",
    unit: "QDHT-JMYQ",
    owner: "manager",
    description: "MEMS 压力、温湿度传感器芯片封测和模组产线。",
    created: 108,
    signed: { on: CEREMONY_DATE, event: "ceremony", yi: "4.5", note: CEREMONY },
  },
  {
    name: "谱析实验室分析仪器研发生产基地",
    enterprise: "puxi",
    chain: "GX-ZNZZ",
    source: "promotion_event",
    yi: "2.8",
    origin: "out_of_province",
    stage: "registered",
    unit: "QDHT-JMYQ",
    owner: "staff",
    description: "色谱、质谱等实验室分析仪器研发和生产。",
    created: 88,
    signed: { on: CEREMONY_DATE, event: "ceremony", yi: "2.8", note: CEREMONY },
    reached: 70,
  },
  {
    name: "海测海洋环境监测仪器产业化项目",
    enterprise: "haice",
    chain: "GX-ZNZZ",
    source: "promotion_event",
    yi: "1.6",
    origin: "local",
    stage: "signed",
    unit: "QDHT-JMYQ",
    owner: "manager",
    description: "海洋环境在线监测浮标和水质传感器产业化。",
    created: 68,
    signed: { on: CEREMONY_DATE, event: "ceremony", yi: "1.6", note: CEREMONY },
    quiet: 52,
  },
  {
    name: "衡准智能计量仪表产业化项目",
    enterprise: "hengzhun",
    chain: "GX-ZNZZ",
    source: "promotion_event",
    yi: "2.2",
    origin: "out_of_province",
    stage: "signed",
    unit: "QDHT-JMYQ",
    owner: "manager",
    description: "智能水表、燃气表及计量模组生产。",
    created: 58,
    signed: { on: CEREMONY_DATE, event: "ceremony", yi: "2.2", note: CEREMONY },
  },
  {
    name: "艾普智能检测装备扩产项目",
    enterprise: "aipu",
    chain: "GX-ZNZZ",
    source: "walk_in",
    yi: "1.5",
    origin: "local",
    stage: "negotiating",
    unit: "QDHT-JMYQ",
    owner: "manager",
    expected: 90,
    description: "机器视觉检测装备扩产，需标准厂房约 1.2 万平方米。",
    created: 95,
    reached: 40,
    tasks: [{ title: "整理艾普智能用地需求，匹配精密仪器仪表产业园地块", assignee: "manager", due: 3 }],
  },
  {
    name: "智腾微电子传感器芯片封测项目",
    enterprise: "zhiteng",
    chain: "GX-XXJS",
    source: "intermediary",
    yi: "6",
    origin: "local",
    stage: "intent",
    unit: "QDHT-JMYQ",
    owner: "manager",
    leader: GX_DEPUTY,
    expected: 30,
    description: "传感器芯片封装测试产线，已签框架协议。",
    created: 230,
    reached: 60,
    quiet: 38,
    tasks: [{ title: "回访智腾微电子，确认投资协议签署时间", assignee: "manager", due: -20 }],
  },
  {
    name: "鹏晟海工智能监测装备项目",
    enterprise: "pengsheng",
    chain: "GX-ZNZZ",
    source: "online",
    yi: "0.8",
    origin: "local",
    stage: "lead",
    unit: "QDHT-JMYQ",
    owner: "staff",
    description: "海洋工程装备状态监测系统研发和集成。",
    created: 70,
    quiet: 45,
  },
  {
    name: "精量智能流量仪表生产线",
    enterprise: "jingliang",
    chain: "GX-ZNZZ",
    source: "intermediary",
    yi: "1.8",
    origin: "out_of_province",
    stage: "negotiating",
    status: "lost",
    reason: "企业决定在无锡本地扩产，本项目终止。",
    unit: "QDHT-JMYQ",
    owner: "manager",
    description: "电磁流量计、超声波流量计生产线。",
    created: 210,
    reached: 150,
    statusAgo: 85,
    quiet: 86,
  },

  // ── 市北区 健康谷招商专班 ──────────────────────────────────────────────────
  {
    name: "百洋医药健康谷总部及创新产业园",
    enterprise: "baiyang",
    chain: "SB-SWYY",
    source: "business_referral",
    yi: "15",
    origin: "local",
    stage: "registered",
    unit: "370203-JKG",
    owner: "staff2",
    leader: SB_LEADER,
    key: true,
    description: "链主企业百洋医药总部及十余家医疗科技初创企业入驻健康谷核心区。",
    created: 480,
    signed: { ago: 210, yi: "15" },
    reached: 120,
    tasks: [{ title: "协调百洋医药健康谷核心区地块出让", assignee: "staff2", due: -2 }],
  },
  {
    name: "健康谷过渡园区运营项目",
    enterprise: "ronghui",
    chain: "SB-JKFW",
    source: "other",
    yi: "2.5",
    origin: "local",
    stage: "intent",
    unit: "370203-JKG",
    owner: "staff2",
    leader: SB_LEADER,
    expected: 20,
    description: "融汇集团改造存量厂房作为健康谷过渡园区，承接先期入驻企业。",
    created: 200,
    reached: 25,
  },
  {
    name: "RCEP 医疗器械国际贸易中心",
    enterprise: "huanhai",
    chain: "SB-YLQX",
    source: "promotion_event",
    yi: "3",
    origin: "local",
    stage: "negotiating",
    unit: "370203-JKG",
    owner: "staff2",
    expected: 120,
    description: "依托健康谷核心区建设 RCEP 医疗器械进出口贸易和展示中心。",
    created: 110,
    reached: 60,
    from: "jkg-promotion",
    tasks: [{ title: "准备 RCEP 医疗器械国际贸易中心洽谈材料", assignee: "staff2", due: 6 }],
  },
  {
    name: "云医互联网医院及区域影像云平台",
    enterprise: "yunyi",
    chain: "SB-SZYL",
    source: "online",
    yi: "1.2",
    origin: "out_of_province",
    stage: "lead",
    unit: "370203-JKG",
    owner: "staff2",
    description: "互联网医院牌照申请和区域医学影像云平台。",
    created: 30,
  },
  {
    name: "明影医学影像设备研发生产项目",
    enterprise: "mingying",
    chain: "SB-YLQX",
    source: "walk_in",
    yi: "2",
    origin: "local",
    stage: "negotiating",
    status: "lost",
    reason: "企业总部决定将产能集中至苏州生产基地，本项目终止。",
    unit: "370203-JKG",
    owner: "staff2",
    description: "数字化 X 射线影像设备研发和生产。",
    created: 300,
    reached: 240,
    statusAgo: 120,
    quiet: 121,
  },
  {
    name: "健康谷国际医学中心",
    enterprise: "renhe",
    chain: "SB-JKFW",
    source: "resident_office",
    yi: "8",
    origin: "hk_macao_taiwan",
    stage: "signed",
    unit: "370203-JKG",
    owner: "staff2",
    leader: SB_LEADER,
    description: "北方特色医疗中心，与三甲医院合作建设国际医学中心。",
    created: 350,
    signed: { ago: 45, yi: "6.5" },
    tasks: [{ title: "核实健康谷国际医学中心签约资料", assignee: "staff2", due: -30, done: true }],
  },

  // ── 李沧区 ───────────────────────────────────────────────────────────────────
  {
    name: "彩晖生物组织工程角膜产业化项目",
    enterprise: "caihui",
    chain: "SB-SWYY",
    source: "walk_in",
    yi: "1.2",
    origin: "local",
    stage: "operating",
    unit: "370213-SMYZ",
    owner: "zhaolei",
    description: "组织工程角膜产品产业化，落户生命药洲。",
    created: 540,
    signed: { ago: 510, yi: "1.2" },
    reached: 60,
  },
  {
    name: "华研药业原料药绿色生产基地",
    enterprise: "huayan",
    chain: "SB-SWYY",
    source: "business_referral",
    yi: "4.5",
    origin: "local",
    stage: "negotiating",
    status: "on_hold",
    reason: "原料药项目环评审批标准待省生态环境厅明确，企业暂缓推进。",
    unit: "370213-SMYZ",
    owner: "zhaolei",
    description: "原料药绿色生产基地。",
    created: 190,
    reached: 150,
    statusAgo: 40,
    quiet: 40,
  },
  {
    name: "中化云谷",
    enterprise: "sinochem",
    chain: "GX-XXJS",
    source: "resident_office",
    yi: "102",
    origin: "out_of_province",
    stage: "construction",
    unit: "370213-TZCJ",
    owner: "zhaolei",
    leader: LC_LEADER,
    key: true,
    description: "数字经济产业园区，总投资 102 亿元。",
    created: 547,
    signed: { ago: 470, yi: "102" },
    reached: 200,
    tasks: [{ title: "调度中化云谷二期施工进度", assignee: "zhaolei", due: 3 }],
  },
  {
    name: "联东U谷青岛中心",
    enterprise: "liandong",
    chain: "GX-XDFW",
    source: "business_referral",
    yi: "30",
    origin: "out_of_province",
    stage: "construction",
    unit: "370213-TZCJ",
    owner: "zhaolei",
    leader: LC_LEADER,
    key: true,
    description: "产业园区开发运营，建设标准厂房和研发楼宇。",
    created: 530,
    signed: { ago: 420, yi: "30" },
    reached: 150,
  },
];

// ── Activities made from templates, for projects without hand-written ones ─────

export type ActivityTemplate = { kind: ActivityKind; summary: string; nextStep: string };

export const PARK: Record<string, { park: string; zone: string }> = {
  "QDHT-SWYY": { park: "生物医药及医疗器械产业园", zone: "医药器械片区" },
  "QDHT-JMYQ": { park: "精密仪器仪表产业园", zone: "核心区" },
  "370203-JKG": { park: "健康谷", zone: "核心区" },
  "370213-SMYZ": { park: "生命药洲", zone: "一期园区" },
  "370213-TZCJ": { park: "李沧区", zone: "重点片区" },
};

const EARLY: ActivityTemplate[] = [
  { kind: "call", summary: "电话联系{e}投资负责人，了解其近期扩产和区域布局计划", nextStep: "约定上门走访时间" },
  { kind: "visit", summary: "赴{e}走访，介绍{park}的产业定位、可用载体和扶持政策", nextStep: "根据企业需求整理载体和地块清单" },
  { kind: "reception", summary: "{e}一行来访，参观{park}，座谈产业配套和人才政策", nextStep: "向企业提供项目落地初步方案" },
  { kind: "promotion_event", summary: "在产业专场推介会上与{e}接洽，企业表达初步投资意向", nextStep: "跟进企业内部立项进度" },
];
const TALKS: ActivityTemplate[] = [
  { kind: "meeting", summary: "与{e}就项目投资规模、用地需求和建设周期进行洽谈", nextStep: "起草投资协议文本" },
  { kind: "meeting", summary: "与企业法务、财务团队洽谈协议条款，重点讨论投资强度和达产税收", nextStep: "报主要领导研究" },
  { kind: "site_visit", summary: "陪同{e}考察{park}{zone}备选地块和过渡厂房", nextStep: "协调自然资源部门核实地块规划条件" },
  { kind: "call", summary: "电话沟通协议修改意见，企业对分期供地安排基本认可", nextStep: "修改协议后再次征求企业意见" },
];
const LANDING: ActivityTemplate[] = [
  { kind: "visit", summary: "项目服务管家走访{e}，协调项目公司注册和银行开户事宜", nextStep: "协助办理营业执照" },
  { kind: "meeting", summary: "召开项目推进会，梳理“用地一件事”开工前事项清单", nextStep: "督促企业提交规划设计方案" },
  { kind: "call", summary: "电话了解项目备案和环评手续办理进度", nextStep: "协调生态环境部门提前指导" },
  { kind: "site_visit", summary: "陪同{e}查看{zone}拟供地块现状和周边配套", nextStep: "跟进地块挂牌出让时间" },
];
const BUILDING: ActivityTemplate[] = [
  { kind: "call", summary: "电话了解施工图设计进度，企业预计两周内提交审查", nextStep: "协调住建部门提前介入审图" },
  { kind: "site_visit", summary: "现场查看项目建设进度，协调解决施工临时用水用电问题", nextStep: "跟进供电部门接入方案" },
  { kind: "meeting", summary: "召开项目建设调度会，对照“用地一件事”建设中事项清单逐项销号", nextStep: "督促施工单位按节点推进" },
];
const RUNNING: ActivityTemplate[] = [
  { kind: "visit", summary: "走访{e}了解投产准备情况，企业提出技术工人招聘需求", nextStep: "对接人社部门组织专场招聘" },
  { kind: "visit", summary: "走访{e}了解达产情况和经营中遇到的困难", nextStep: "将企业诉求转网格员跟踪办理" },
  { kind: "call", summary: "电话收集企业产值、税收和用工数据", nextStep: "汇总报送月度运行分析" },
];

export function templatesFor(stage: ProjectStage): ActivityTemplate[] {
  const i = STAGES.indexOf(stage);
  if (i <= 0) return EARLY;
  if (i <= 2) return TALKS;
  if (i <= 4) return LANDING;
  return i <= 6 ? BUILDING : RUNNING;
}

/** A short name for templates: the enterprise name without its legal-form suffix. */
function shortName(name: string): string {
  return name.replace(/（[^）]*）/g, "").replace(/(股份有限公司|集团有限公司|有限责任公司|有限公司|集团公司|公司)$/, "");
}

// ── Building the rows ──────────────────────────────────────────────────────────

export type DemoRefs = {
  unitIds: Map<string, string>;
  userIds: Map<string, string>;
  userNames: Map<string, string>;
  chainIds: Map<string, string>;
};

type Event = { stage: ProjectStage; status: ProjectStatus; at: Date; note: string };

/** 10:00 China time (02:00 UTC), `ago` days before `now`, plus a few minutes so rows do not tie. */
function daysAgo(now: Date, ago: number, minutes = 0): Date {
  const d = new Date(now.getTime() - ago * DAY);
  d.setUTCHours(2, minutes, 0, 0);
  return d.getTime() > now.getTime() ? new Date(now.getTime() - 60_000) : d;
}

/** The calendar date in China of a moment. */
function cnDate(d: Date): string {
  return new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

/** Whole days from a date (YYYY-MM-DD) to `now`'s date, as `daysAgo` counts them. */
function agoOf(date: string, now: Date): number {
  return Math.round((Date.parse(now.toISOString().slice(0, 10)) - Date.parse(date)) / DAY);
}

/** A demo project with every date as days before `now`: what the fixed dates (`on`) mean on the day of seeding. */
type Resolved = Omit<DemoProject, "activities"> & {
  created: number;
  signedAgo: number | null;
  stageAgo: Map<number, number>;
  activities?: (DemoActivity & { ago: number })[];
};

export function resolveProject(p: DemoProject, now: Date): Resolved {
  const signedAgo = p.signed ? (p.signed.on ? agoOf(p.signed.on, now) : (p.signed.ago ?? 0)) : null;
  const stageAgo = new Map<number, number>();
  for (const [stage, date] of Object.entries(p.reachedOn ?? {})) stageAgo.set(STAGES.indexOf(stage as ProjectStage), agoOf(date, now));
  return {
    ...p,
    created: p.signed?.on ? signedAgo! + p.created : p.created,
    signedAgo,
    stageAgo,
    activities: p.activities?.map((a) => ({ ...a, ago: a.on ? agoOf(a.on, now) : (a.ago ?? 0) })),
  };
}

/**
 * The project's history: logged as a lead, then each stage in turn, then any status change.
 * Fixed points (logged, signed, stages with known dates, the current stage) come from the demo
 * data; the stages in between are spread evenly between them.
 */
export function historyOf(p: Resolved, now: Date): Event[] {
  const target = STAGES.indexOf(p.stage);
  const signedIndex = STAGES.indexOf("signed");
  const fixed = new Map<number, number>([[0, p.created]]);
  if (p.signedAgo !== null && target >= signedIndex) fixed.set(signedIndex, p.signedAgo);
  for (const [i, ago] of p.stageAgo) if (i <= target) fixed.set(i, ago);
  if (!fixed.has(target)) fixed.set(target, p.reached ?? (target >= signedIndex && p.signedAgo !== null ? p.signedAgo : Math.max(1, Math.round(p.created / 3))));
  const points = [...fixed.entries()].sort((x, y) => x[0] - y[0]);
  const agoAt = (i: number): number => {
    const known = fixed.get(i);
    if (known !== undefined) return known;
    const [fromI, fromAgo] = points.filter(([k]) => k < i).at(-1)!;
    const [toI, toAgo] = points.find(([k]) => k > i)!;
    return Math.round(fromAgo - ((fromAgo - toAgo) * (i - fromI)) / (toI - fromI));
  };
  const events: Event[] = [];
  for (let i = 0; i <= target; i++) {
    const stage = STAGES[i]!;
    const note = stage === "signed" ? (p.signed?.note ?? "") : "";
    events.push({ stage, status: "active", at: daysAgo(now, agoAt(i), i), note });
  }
  if (p.status) events.push({ stage: p.stage, status: p.status, at: daysAgo(now, p.statusAgo ?? 1, 30), note: p.reason ?? "" });
  for (let i = 1; i < events.length; i++) {
    if (events[i]!.at <= events[i - 1]!.at) throw new Error(`demo project ${p.name}: its history goes backwards`);
  }
  return events;
}

function stageAt(events: Event[], at: Date): ProjectStage {
  let stage = events[0]!.stage;
  for (const e of events) if (e.at <= at) stage = e.stage;
  return stage;
}

/** Activities for a project: its own, or 2–5 from templates spread between its start and `quiet` days ago. */
function activitiesOf(p: Resolved, events: Event[], index: number, enterpriseName: string, now: Date): (DemoActivity & { ago: number })[] {
  if (p.activities) return p.activities;
  const last = p.quiet ?? 2 + (index % 10);
  const n = Math.min(5, 2 + Math.floor(STAGES.indexOf(p.stage) / 2) + (index % 2));
  const span = Math.max(1, p.created - last);
  const place = PARK[p.unit] ?? { park: "园区", zone: "片区" };
  const out: (DemoActivity & { ago: number })[] = [];
  for (let k = 0; k < n; k++) {
    const ago = k === n - 1 ? last : Math.round(p.created - (span * (k + 0.5)) / n);
    const list = templatesFor(stageAt(events, new Date(now.getTime() - ago * DAY)));
    const t = list[(index + k) % list.length]!;
    const fill = (s: string) => s.replaceAll("{e}", shortName(enterpriseName)).replaceAll("{park}", place.park).replaceAll("{zone}", place.zone);
    out.push({ kind: t.kind, ago, summary: fill(t.summary), nextStep: fill(t.nextStep) });
  }
  return out;
}

// ── Events, signings, milestones, funds ────────────────────────────────────────

export const DEMO_EVENTS = [
  {
    key: "ceremony",
    name: CEREMONY,
    kind: "signing_ceremony" as const,
    on: CEREMONY_DATE,
    place: "青岛高新区",
    host: "QDHT",
    description: "生物医药及医疗器械产业园、精密仪器仪表产业园揭牌，12 个项目集中签约，每个园区 6 个。",
  },
  {
    key: "swyy-promotion",
    name: "高新区生物医药产业专场推介会（上海）",
    kind: "promotion_event" as const,
    on: "2022-09-22",
    place: "上海市浦东新区",
    host: "QDHT",
    description: "推介高新区生物医药及医疗器械产业园载体和政策；会上接洽的企业中有两家后来在集中签约仪式上签约。",
  },
  {
    key: "jkg-promotion",
    name: "健康谷生命健康产业推介会",
    kind: "promotion_event" as const,
    // Before the RCEP trade centre's lead was logged (110 days ago): that lead came from it.
    ago: 130,
    place: "青岛市市北区",
    host: "370203-TZCJ",
    description: "围绕医疗器械、生物医药、数字医疗和健康服务“3+1”产业体系推介健康谷核心区载体和政策。",
  },
];

/** The demo events; returns their ids by key. */
async function insertDemoEvents(tx: Tx, refs: DemoRefs, now: Date): Promise<Map<string, string>> {
  const rows = await tx
    .insert(eventsTable)
    .values(
      DEMO_EVENTS.map((e) => ({
        name: e.name,
        kind: e.kind,
        heldOn: "on" in e && e.on ? e.on : cnDate(daysAgo(now, "ago" in e ? (e.ago ?? 0) : 0)),
        place: e.place,
        hostUnitId: refs.unitIds.get(e.host) ?? null,
        description: e.description,
      })),
    )
    .returning({ id: eventsTable.id });
  return new Map(DEMO_EVENTS.map((e, i) => [e.key, rows[i]!.id]));
}

/** Who steers signed projects to landing (项目服务管家), by the unit that owns them. */
const STEWARDS: Record<string, string> = { QDHT: "zhouzy", "370203": "staff2", "370213": "zhaolei" };
const PROGRESS: Record<ProjectStage, string> = {
  lead: "",
  negotiating: "",
  intent: "",
  signed: "已签约，正在办理项目公司注册",
  registered: "项目公司已注册，正在对接供地（载体）",
  land_secured: "已签订土地出让合同，正在办理施工许可",
  construction: "主体工程施工中",
  completed: "已竣工验收，设备安装调试中",
  operating: "已投产运营",
};

/** The local company an investor sets up: "威高（青岛）有限公司", "青岛海尔生物医疗科技有限公司". */
function localCompany(enterpriseName: string): string {
  const short = shortName(enterpriseName);
  return short.includes("青岛") ? `${short}科技有限公司` : `${short}（青岛）有限公司`;
}

/** An invented 统一社会信用代码 (first 17 characters) for the local company a demo project registered: 市南区 code, MA series. */
function usccBaseFor(index: number): string {
  const alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
  let x = 1_000_003 + index * 7_919;
  let tail = "";
  for (let k = 0; k < 7; k++) {
    tail += alphabet[x % alphabet.length];
    x = Math.floor(x / alphabet.length) + 17 * (k + 1);
  }
  return `91370202MA${tail}`;
}

/** Exact share of an amount in 亿元 (4 decimals): "60" × 25/100 → "15". */
function shareOf(yi: string, percent: number): string {
  const wan = (BigInt(yiToYuan(yi)!) / 10_000n) * BigInt(percent) / 100n;
  return `${wan / 10_000n}.${(wan % 10_000n).toString().padStart(4, "0")}`;
}

/**
 * What a signed demo project carries besides its history: the signing facts, a milestone
 * for every stage it has passed (reported by its owner on the day, approved by the unit
 * above, as the review rules require), planned dates ahead, the report it has waiting, and
 * 到位资金 entries as it progressed.
 */
function landingOf(
  p: Resolved,
  events: Event[],
  index: number,
  refs: { eventIds: Map<string, string>; userIds: Map<string, string>; unitIds: Map<string, string>; ownerId: string; enterpriseName: string; now: Date },
) {
  const signedAt = events.find((e) => e.stage === "signed")!.at;
  const signed = p.signed!;
  const user = (name: string) => refs.userIds.get(name) ?? null;
  // A manager of a unit above approves; the demo manager sits above the 高新区 groups, except for their own projects.
  const reviewer = p.unit.startsWith("QDHT-") && p.unit !== "QDHT-TZCJ" && p.owner !== "manager" ? user("manager") : user("admin");
  const yi = signed.yi;
  const signing = {
    signingDate: cnDate(signedAt),
    agreementType: signed.agreement ?? (Number(yi) >= 20 ? ("formal_contract" as const) : index % 5 === 0 ? ("framework" as const) : ("investment" as const)),
    contractInvestment: yiToYuan(yi)!,
    phase1Investment: signed.phase1 ? yiToYuan(signed.phase1) : Number(yi) >= 5 ? yiToYuan(shareOf(yi, 40)) : null,
    eventId: signed.event ? (refs.eventIds.get(signed.event) ?? null) : null,
    stewardId: user(signed.steward ?? STEWARDS[p.unit.split("-")[0]!] ?? "admin"),
    responsibleUnitId: refs.unitIds.get(p.unit) ?? null,
    progress: signed.progress ?? PROGRESS[p.stage],
    issues: signed.issues ?? "",
    createdAt: signedAt,
    updatedAt: signedAt,
  };

  const reachedAt = new Map(events.filter((e) => e.status === "active").map((e) => [e.stage, e.at]));
  const milestones: Omit<typeof milestonesTable.$inferInsert, "projectId">[] = [];
  const funds: Omit<typeof fundsInPlace.$inferInsert, "projectId">[] = [];
  let plannedAhead = 0;
  MILESTONE_STAGES.forEach((stage, k) => {
    const at = reachedAt.get(stage);
    // Plans were set at signing: some stages came a little early, some a few weeks late.
    const slip = ((index * 7 + k * 11) % 45) - 15;
    if (at) {
      milestones.push({
        stage,
        plannedDate: cnDate(new Date(at.getTime() - slip * DAY)),
        actualDate: cnDate(at),
        reviewStatus: "approved",
        submittedAt: new Date(at.getTime() - 3_600_000),
        submittedById: refs.ownerId,
        reviewedAt: at,
        reviewedById: reviewer,
        ...(stage === "registered" ? { companyName: localCompany(refs.enterpriseName), companyUscc: uscc(usccBaseFor(index)) } : {}),
        note: stage === "land_secured" ? "土地出让合同已签订" : "",
        createdAt: signedAt,
        updatedAt: at,
        version: 3,
      });
      const percent = { registered: 10, land_secured: 20, construction: 25, completed: 20, operating: 10 }[stage];
      funds.push({ receivedOn: cnDate(at), amount: yiToYuan(shareOf(yi, percent))!, note: "", createdById: refs.ownerId, createdAt: at, updatedAt: at });
      return;
    }
    const report = p.report?.stage === stage ? p.report : null;
    if (!report && plannedAhead >= 2) return;
    plannedAhead++;
    // Planned at signing, a stage every few months: older projects still short of them are behind plan.
    const planned = cnDate(new Date(signedAt.getTime() + (60 + 100 * k + slip) * DAY));
    if (!report) {
      milestones.push({ stage, plannedDate: planned, createdAt: signedAt, updatedAt: signedAt });
      return;
    }
    const sentAt = daysAgo(refs.now, report.ago, 45);
    const by = user(report.by) ?? refs.ownerId;
    milestones.push({
      stage,
      plannedDate: planned,
      actualDate: cnDate(daysAgo(refs.now, report.ago + 7)),
      companyName: report.company ?? null,
      companyUscc: report.usccBase ? uscc(report.usccBase) : null,
      note: report.note ?? "",
      reviewStatus: report.status,
      submittedAt: report.status === "draft" ? null : sentAt,
      submittedById: report.status === "draft" ? null : by,
      reviewedAt: report.status === "rejected" ? daysAgo(refs.now, Math.max(0, report.ago - 1), 50) : null,
      reviewedById: report.status === "rejected" ? reviewer : null,
      reviewComment: report.comment ?? "",
      createdAt: sentAt,
      updatedAt: sentAt,
      version: report.status === "rejected" ? 3 : 2,
    });
  });
  return { signing, milestones, funds };
}

/**
 * Inserts the demo enterprises and projects with their history, in the caller's transaction.
 * Returns false (and writes nothing) when they are already there: the marker is the set of
 * demo enterprise names.
 */
export async function insertDemoPipeline(tx: Tx, refs: DemoRefs, now = new Date()): Promise<{ enterprises: number; projects: number } | null> {
  const names = DEMO_ENTERPRISES.map((e) => e.name);
  const existing = await tx.select({ id: enterprises.id }).from(enterprises).where(inArray(enterprises.name, names)).limit(1);
  if (existing.length) return null;

  const need = <T>(map: Map<string, T>, key: string, what: string): T => {
    const v = map.get(key);
    if (v === undefined) throw new Error(`demo data: no ${what} ${key}`);
    return v;
  };

  const resolved = DEMO_PROJECTS.map((p) => resolveProject(p, now));
  const histories = resolved.map((p) => historyOf(p, now));
  // An enterprise was registered a few days before its first project.
  const firstSeen = new Map<string, Date>();
  DEMO_PROJECTS.forEach((p, i) => {
    const at = histories[i]![0]!.at;
    const seen = firstSeen.get(p.enterprise);
    if (!seen || at < seen) firstSeen.set(p.enterprise, at);
  });
  const firstOwner = new Map<string, string>();
  for (const p of DEMO_PROJECTS) if (!firstOwner.has(p.enterprise)) firstOwner.set(p.enterprise, p.owner);

  const enterpriseRows = await tx
    .insert(enterprises)
    .values(
      DEMO_ENTERPRISES.map((e) => {
        const at = new Date((firstSeen.get(e.key) ?? now).getTime() - 3 * DAY);
        return {
          name: e.name,
          uscc: e.usccBase ? uscc(e.usccBase) : null,
          ownershipType: e.ownership,
          headquarters: e.headquarters,
          industryCode: e.industryCode,
          tags: e.tags,
          website: e.website ?? "",
          notes: e.notes ?? "",
          unitId: need(refs.unitIds, e.unit, "unit"),
          createdById: need(refs.userIds, firstOwner.get(e.key) ?? "admin", "user"),
          createdAt: at,
          updatedAt: at,
        };
      }),
    )
    .returning({ id: enterprises.id, name: enterprises.name, createdAt: enterprises.createdAt });
  const enterpriseIds = new Map(DEMO_ENTERPRISES.map((e, i) => [e.key, enterpriseRows[i]!]));

  await tx.insert(contacts).values(
    DEMO_ENTERPRISES.flatMap((e) =>
      e.contacts.map((c) => ({ enterpriseId: enterpriseIds.get(e.key)!.id, ...c, createdAt: enterpriseIds.get(e.key)!.createdAt, updatedAt: enterpriseIds.get(e.key)!.createdAt })),
    ),
  );

  const plans = resolved.map((p, i) => {
    const events = histories[i]!;
    const enterprise = need(enterpriseIds, p.enterprise, "enterprise");
    const acts = activitiesOf(p, events, i, enterprise.name, now)
      .map((a, k) => ({ ...a, at: daysAgo(now, a.ago, 15 + k) }))
      .sort((a, b) => a.at.getTime() - b.at.getTime());
    const lastEvent = events[events.length - 1]!;
    const lastActivity = acts[acts.length - 1];
    const reportAt = p.report ? daysAgo(now, p.report.ago, 45) : null;
    const latest = [lastEvent.at, lastActivity?.at, reportAt].filter((d): d is Date => d instanceof Date);
    const updatedAt = new Date(Math.max(...latest.map((d) => d.getTime())));
    return { p, events, enterprise, acts, lastEvent, lastActivity, updatedAt };
  });

  const projectRows = await tx
    .insert(projects)
    .values(
      plans.map(({ p, events, enterprise, lastEvent, lastActivity, updatedAt }) => ({
        name: p.name,
        enterpriseId: enterprise.id,
        industryChainId: p.chain ? need(refs.chainIds, p.chain, "industry chain") : null,
        source: p.source,
        totalInvestment: yiToYuan(p.yi)!,
        capitalOrigin: p.origin,
        stage: p.stage,
        status: (p.status ?? "active") as ProjectStatus,
        statusReason: p.status ? (p.reason ?? "") : "",
        ownerId: need(refs.userIds, p.owner, "user"),
        responsibleLeader: p.leader ?? "",
        unitId: need(refs.unitIds, p.unit, "unit"),
        isKey: p.key ?? false,
        expectedSigningDate: p.expected !== undefined ? cnDate(new Date(now.getTime() + p.expected * DAY)) : null,
        description: p.description,
        stageChangedAt: lastEvent.at,
        // As the service keeps it: the newest activity's date, at midnight.
        lastActivityAt: lastActivity ? sql`${cnDate(lastActivity.at)}::date::timestamptz` : null,
        createdById: need(refs.userIds, p.owner, "user"),
        createdAt: events[0]!.at,
        updatedAt,
        version: events.length,
      })),
    )
    .returning({ id: projects.id });

  const eventIds = await insertDemoEvents(tx, refs, now);
  // 来源活动: the leads the demo 推介会 produced (the events are written after the projects).
  for (const [i, plan] of plans.entries()) {
    if (plan.p.from) await tx.update(projects).set({ sourceEventId: need(eventIds, plan.p.from, "event") }).where(eq(projects.id, projectRows[i]!.id));
  }
  const signingRows: (typeof signings.$inferInsert)[] = [];
  const milestoneRows: (typeof milestonesTable.$inferInsert)[] = [];
  const fundsRows: (typeof fundsInPlace.$inferInsert)[] = [];
  const eventRows: (typeof stageEvents.$inferInsert)[] = [];
  const activityRows: (typeof activities.$inferInsert)[] = [];
  const taskRows: (typeof tasks.$inferInsert)[] = [];
  for (const [i, plan] of plans.entries()) {
    const projectId = projectRows[i]!.id;
    const { p, events, acts } = plan;
    const ownerId = need(refs.userIds, p.owner, "user");
    if (STAGES.indexOf(p.stage) >= STAGES.indexOf("signed")) {
      if (!p.signed) throw new Error(`demo project ${p.name} is signed but has no signing`);
      const landing = landingOf(p, events, i, { eventIds, userIds: refs.userIds, unitIds: refs.unitIds, ownerId, enterpriseName: plan.enterprise.name, now });
      signingRows.push({ projectId, ...landing.signing });
      milestoneRows.push(...landing.milestones.map((m) => ({ projectId, ...m })));
      fundsRows.push(...landing.funds.map((f) => ({ projectId, ...f })));
    }
    events.forEach((e, k) => {
      const prev = k > 0 ? events[k - 1]! : null;
      eventRows.push({
        projectId,
        fromStage: prev?.stage ?? null,
        toStage: e.stage,
        fromStatus: prev?.status ?? null,
        toStatus: e.status,
        note: e.note,
        actorId: ownerId,
        at: e.at,
      });
    });
    for (const a of acts) {
      activityRows.push({
        projectId,
        kind: a.kind,
        occurredOn: cnDate(a.at),
        participants: a.participants ?? `${refs.userNames.get(p.owner) ?? ""}、企业相关负责人`,
        summary: a.summary,
        nextStep: a.nextStep ?? "",
        createdById: ownerId,
        createdAt: a.at,
        updatedAt: a.at,
      });
    }
    for (const [k, t] of (p.tasks ?? []).entries()) {
      const due = new Date(now.getTime() + t.due * DAY);
      const created = daysAgo(now, Math.max(1, -t.due + 14), 40 + k);
      const completed = t.done ? (due < now ? due : daysAgo(now, 1, 50)) : null;
      taskRows.push({
        projectId,
        title: t.title,
        assigneeId: need(refs.userIds, t.assignee ?? p.owner, "user"),
        dueDate: cnDate(due),
        status: t.done ? "done" : "open",
        completedAt: completed,
        createdById: ownerId,
        createdAt: created,
        updatedAt: completed ?? created,
        version: t.done ? 2 : 1,
      });
    }
  }
  if (signingRows.length) await tx.insert(signings).values(signingRows);
  if (milestoneRows.length) {
    const inserted = await tx.insert(milestonesTable).values(milestoneRows).returning();
    const reportHistory = inserted.flatMap(reportAuditRows);
    if (reportHistory.length) await tx.insert(auditLog).values(reportHistory);
  }
  if (fundsRows.length) await tx.insert(fundsInPlace).values(fundsRows);
  await tx.insert(stageEvents).values(eventRows);
  await tx.insert(activities).values(activityRows);
  if (taskRows.length) await tx.insert(tasks).values(taskRows);
  return { enterprises: enterpriseRows.length, projects: projectRows.length };
}

/**
 * A seeded stage report's history as the app would have written it — saved, submitted, then
 * approved or returned — so it reads on the project's timeline and in the audit log like one
 * recorded through the form.
 */
function reportAuditRows(m: typeof milestonesTable.$inferSelect): (typeof auditLog.$inferInsert)[] {
  if (!m.reviewStatus) return [];
  const facts = { actualDate: m.actualDate, ...(m.companyName ? { companyName: m.companyName, companyUscc: m.companyUscc } : {}), ...(m.note ? { note: m.note } : {}) };
  const row = (actorId: string | null, at: Date, before: Record<string, unknown> | null, after: Record<string, unknown>) => ({
    actorId,
    action: "update" as const,
    entityType: "milestone",
    entityId: m.id,
    before,
    after,
    at,
  });
  if (m.reviewStatus === "draft") return [row(null, m.createdAt, { reviewStatus: null }, { reviewStatus: "draft", ...facts })];
  const sent = row(m.submittedById, m.submittedAt ?? m.createdAt, { reviewStatus: null }, { reviewStatus: "pending", ...facts });
  if (m.reviewStatus === "pending" || !m.reviewedAt) return [sent];
  return [sent, row(m.reviewedById, m.reviewedAt, { reviewStatus: "pending" }, { reviewStatus: m.reviewStatus, ...(m.reviewComment ? { reviewComment: m.reviewComment } : {}) })];
}
