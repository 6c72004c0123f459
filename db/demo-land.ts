/**
 * Demo parks, zones and parcels as Qingdao's districts publish them, the demo projects' parks and
 * land needs, and a few parcels matched to their projects. Called by db/seed.ts after the
 * pipeline; writes nothing when the parks are already there (the marker is 健康谷).
 *
 * 健康谷's parcels add up to its 1,071 亩 and its 核心区's to 383 亩; every status occurs;
 * some parcels were typed in ㎡, as parcel notices give them. 核心区 keeps unmatched parcels
 * on offer (已腾空, 已挂牌) for the matching to find.
 */
import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import { areaToMu } from "../lib/land/area";
import { wanToYuan } from "../lib/land/price";
import type { Tx } from "./client";
import { DEMO_PROJECTS, PARK, type ChainCode } from "./demo-data";
import { parcelStatusChanges, parcels, parks, projects, zones } from "./schema";
import type { AreaUnit, LandUse, ParcelStatus } from "./schema/enums";

const DAY = 86_400_000;

type DemoPark = {
  name: string;
  districtCode: string;
  areaMu: string | null;
  chain: ChainCode | null;
  operator: string;
  description: string;
  zones: { name: string; areaMu?: string; description?: string }[];
};

export const DEMO_PARKS: DemoPark[] = [
  {
    name: "健康谷",
    districtCode: "370203",
    areaMu: "1071",
    chain: "SB-YLQX",
    operator: "融汇集团",
    description:
      "位于孤山北片区，总面积 1,071 亩，可开发约 800 亩，分核心区、美青工业园及周边、孤山北、中商地块四个组团。链主企业百洋医药集团；周边有 10 家三甲医院、881 家医疗机构。按“7个1”工作体系推进低效片区开发。",
    zones: [
      { name: "核心区", areaMu: "383", description: "RCEP 医贸中心、国际交流平台、北方特色医疗中心；土地整理已完成" },
      { name: "美青工业园及周边", areaMu: "300", description: "老工业园区改造" },
      { name: "孤山北", areaMu: "250" },
      { name: "中商地块", areaMu: "138" },
    ],
  },
  {
    name: "生物医药及医疗器械产业园",
    districtCode: "",
    areaMu: "4600",
    chain: "GX-SWYY",
    operator: "青岛高新区管委会",
    description:
      "2023 年 4 月 6 日揭牌的市级专业园区，实行“一园一业”和“5个1”工作机制。聚焦创新药和罕见病药、体外诊断及高端治疗器械、康复医疗；市级财政连续 3 年每年支持 1 亿元，目标 2028 年营收 400 亿元（2023 年 6 月报道面积扩至 6,400 多亩）。",
    zones: [
      { name: "医药器械片区", description: "国药科技城、阿斯利康、威高、海尔大健康等重点项目" },
      { name: "康复医疗片区", description: "毗邻康复大学" },
    ],
  },
  {
    name: "精密仪器仪表产业园",
    districtCode: "",
    areaMu: "2900",
    chain: "GX-ZNZZ",
    operator: "青岛高新区管委会",
    description: "2023 年 4 月 6 日揭牌，聚焦工业测控系统、实验分析仪器、传感器及核心部件；链主企业海克斯康。",
    zones: [{ name: "核心区" }, { name: "拓展区" }],
  },
  {
    name: "生命药洲",
    districtCode: "370213",
    areaMu: null,
    chain: "SB-SWYY",
    operator: "",
    description: "入驻企业 52 家，2022 年产值 55 亿元；方向：药品研发生产、器械研发生产、特色医疗应用。",
    zones: [{ name: "一期园区" }],
  },
  {
    name: "信联天地",
    districtCode: "370213",
    areaMu: null,
    chain: "GX-XDFW",
    operator: "青岛金水集团",
    description: "186 米地标楼宇，签约入驻企业 118 家、已装修入驻 113 家；发展总部经济和“四新”经济，政策“一事一议”“一企一议”。",
    zones: [],
  },
];

/** A history step: the status, and when — days ago, or a fixed date. */
type Step = [ParcelStatus, number | string];

type DemoParcel = {
  code: string;
  park: string;
  zone?: string;
  location: string;
  area: string;
  unit?: AreaUnit;
  landUse: LandUse;
  far?: string;
  floorArea?: string;
  /** From the first status (待腾空 or later) to the current one, oldest first. */
  steps: Step[];
  /** 出让金 in 万元. */
  priceWan?: string;
  /** The demo project (by name) it is matched to. */
  project?: string;
};

export const DEMO_PARCELS: DemoParcel[] = [
  // ── 健康谷 · 核心区 (383 亩) ──
  {
    code: "SB-HXQ-01",
    park: "健康谷",
    zone: "核心区",
    location: "孤山北核心区 A-01 地块，重庆南路以东",
    area: "98.5",
    landUse: "new_industrial_m0",
    far: "2.50",
    steps: [["reserved", 700], ["cleared", 400], ["listed", 60]],
    project: "百洋医药健康谷总部及创新产业园",
  },
  { code: "SB-HXQ-02", park: "健康谷", zone: "核心区", location: "孤山北核心区 A-02 地块", area: "86.2", landUse: "industrial_m1", far: "1.80", steps: [["reserved", 700], ["cleared", 380]] },
  {
    code: "SB-HXQ-03",
    park: "健康谷",
    zone: "核心区",
    location: "孤山北核心区 A-03 地块，南邻规划地铁站",
    area: "50000",
    unit: "sqm",
    landUse: "new_industrial_m0",
    far: "3.00",
    floorArea: "150000",
    steps: [["reserved", 700], ["cleared", 380], ["listed", 45]],
  },
  {
    code: "SB-HXQ-04",
    park: "健康谷",
    zone: "核心区",
    location: "孤山北核心区 B-01 地块",
    area: "42200",
    unit: "sqm",
    landUse: "commercial",
    far: "2.80",
    floorArea: "118160",
    steps: [["reserved", 700], ["cleared", 380], ["listed", 150], ["transferred", 90]],
    priceWan: "2848.5",
    project: "健康谷国际医学中心",
  },
  { code: "SB-HXQ-05", park: "健康谷", zone: "核心区", location: "孤山北核心区 B-02 地块", area: "60", landUse: "rnd", steps: [["reserved", 700], ["cleared", 300]] },
  // ── 健康谷 · 美青工业园及周边 (300 亩) ──
  { code: "SB-MQ-01", park: "健康谷", zone: "美青工业园及周边", location: "美青工业园东区（原厂房待征收）", area: "120", landUse: "industrial_m1", steps: [["reserved", 600]] },
  { code: "SB-MQ-02", park: "健康谷", zone: "美青工业园及周边", location: "美青工业园西区", area: "100", landUse: "industrial_m1", steps: [["reserved", 600]] },
  { code: "SB-MQ-03", park: "健康谷", zone: "美青工业园及周边", location: "美青工业园北侧", area: "80", landUse: "new_industrial_m0", steps: [["reserved", 600], ["cleared", 200]] },
  // ── 健康谷 · 孤山北 (250 亩) ──
  { code: "SB-GSB-01", park: "健康谷", zone: "孤山北", location: "孤山北路以北", area: "150", landUse: "industrial_m1", steps: [["reserved", 650]] },
  { code: "SB-GSB-02", park: "健康谷", zone: "孤山北", location: "孤山北路以南", area: "100", landUse: "new_industrial_m0", steps: [["reserved", 650], ["cleared", 320], ["listed", 30]] },
  // ── 健康谷 · 中商地块 (138 亩) ──
  {
    code: "SB-ZS-01",
    park: "健康谷",
    zone: "中商地块",
    location: "原中商仓储地块",
    area: "88",
    landUse: "new_industrial_m0",
    steps: [["reserved", 900], ["cleared", 700], ["listed", 520], ["transferred", 480], ["under_construction", 470]],
    priceWan: "3520",
  },
  {
    code: "SB-ZS-02",
    park: "健康谷",
    zone: "中商地块",
    location: "原中商仓储地块北侧",
    area: "50",
    landUse: "industrial_m1",
    steps: [["reserved", 1400], ["cleared", 1200], ["listed", 1000], ["transferred", 960], ["under_construction", 950], ["completed", 120]],
    priceWan: "1500",
  },

  // ── 生物医药及医疗器械产业园 ──
  {
    code: "HTQ-2022-11",
    park: "生物医药及医疗器械产业园",
    zone: "医药器械片区",
    location: "医药器械片区 11 号地块",
    area: "471",
    landUse: "industrial_m1",
    far: "1.60",
    steps: [["reserved", 800], ["cleared", 500], ["listed", 80], ["transferred", 40]],
    priceWan: "15072",
    project: "国药融资租赁医药器械产业项目（471 亩）",
  },
  {
    code: "HTQ-2023-05",
    park: "生物医药及医疗器械产业园",
    zone: "医药器械片区",
    location: "医药器械片区 5 号地块",
    area: "72.6",
    landUse: "industrial_m1",
    far: "1.50",
    // "拿地即开工": land contract 15 June, construction permit 30 June 2023 (facts.md).
    steps: [["reserved", "2022-03-01"], ["cleared", "2022-11-20"], ["listed", "2023-05-12"], ["transferred", "2023-06-15"], ["under_construction", "2023-06-30"]],
    priceWan: "2178",
    project: "海尔生物安全科创产业园",
  },
  {
    code: "HTQ-2023-09",
    park: "生物医药及医疗器械产业园",
    zone: "医药器械片区",
    location: "医药器械片区 9 号地块",
    area: "150",
    landUse: "industrial_m1",
    steps: [["reserved", 700], ["cleared", 450], ["listed", 120], ["transferred", 30]],
    priceWan: "4650",
    project: "威高（青岛）高端医疗器械产业园",
  },
  {
    code: "HTQ-2024-02",
    park: "生物医药及医疗器械产业园",
    zone: "医药器械片区",
    location: "医药器械片区 2 号地块",
    area: "30000",
    unit: "sqm",
    landUse: "industrial_m1",
    steps: [["reserved", 600], ["cleared", 300], ["listed", 60], ["transferred", 20]],
    priceWan: "1395",
    project: "华谱体外诊断试剂及仪器产业化项目",
  },
  {
    code: "HTQ-2019-03",
    park: "生物医药及医疗器械产业园",
    zone: "医药器械片区",
    location: "医药器械片区 3 号地块",
    area: "95",
    landUse: "industrial_m1",
    steps: [["reserved", 1500], ["cleared", 1300], ["listed", 1120], ["transferred", 1080], ["under_construction", 1060], ["completed", 600]],
    priceWan: "2375",
    project: "阿斯利康吸入气雾剂生产供应基地",
  },
  { code: "HTQ-2024-06", park: "生物医药及医疗器械产业园", zone: "医药器械片区", location: "医药器械片区 6 号地块", area: "60", landUse: "new_industrial_m0", steps: [["reserved", 400], ["cleared", 200], ["listed", 25]] },
  { code: "HTQ-2024-07", park: "生物医药及医疗器械产业园", zone: "医药器械片区", location: "医药器械片区 7 号地块", area: "12345.67", unit: "sqm", landUse: "rnd", steps: [["reserved", 400], ["cleared", 150]] },
  { code: "HTQ-KF-01", park: "生物医药及医疗器械产业园", zone: "康复医疗片区", location: "康复大学以西", area: "120", landUse: "industrial_m1", steps: [["reserved", 300]] },
  { code: "HTQ-KF-02", park: "生物医药及医疗器械产业园", zone: "康复医疗片区", location: "康复大学以北", area: "85", landUse: "new_industrial_m0", steps: [["reserved", 300], ["cleared", 90]] },
  { code: "HTQ-KF-03", park: "生物医药及医疗器械产业园", zone: "康复医疗片区", location: "康复大学东南", area: "38666.67", unit: "sqm", landUse: "rnd", steps: [["reserved", 300], ["cleared", 120], ["listed", 15]] },

  // ── 精密仪器仪表产业园 ──
  {
    code: "JM-HX-2021-01",
    park: "精密仪器仪表产业园",
    zone: "核心区",
    location: "核心区 1 号地块",
    area: "80",
    landUse: "industrial_m1",
    steps: [["reserved", 1200], ["cleared", 1000], ["listed", 900], ["transferred", 860], ["under_construction", 840], ["completed", 200]],
    priceWan: "2000",
    project: "海克斯康精密测量仪器研发生产基地扩建",
  },
  {
    code: "JM-HX-2022-03",
    park: "精密仪器仪表产业园",
    zone: "核心区",
    location: "核心区 3 号地块",
    area: "110",
    landUse: "industrial_m1",
    steps: [["reserved", 800], ["cleared", 600], ["listed", 260], ["transferred", 200], ["under_construction", 150]],
    priceWan: "3190",
    project: "伟隆智能阀门制造项目",
  },
  { code: "JM-HX-2024-01", park: "精密仪器仪表产业园", zone: "核心区", location: "核心区 5 号地块", area: "60", landUse: "industrial_m1", steps: [["reserved", 500], ["cleared", 250], ["listed", 20]] },
  { code: "JM-HX-2024-02", park: "精密仪器仪表产业园", zone: "核心区", location: "核心区 6 号地块", area: "45", landUse: "new_industrial_m0", steps: [["reserved", 500], ["cleared", 180]] },
  { code: "JM-TZ-01", park: "精密仪器仪表产业园", zone: "拓展区", location: "拓展区北片", area: "200", landUse: "industrial_m1", steps: [["reserved", 400]] },
  { code: "JM-TZ-02", park: "精密仪器仪表产业园", zone: "拓展区", location: "拓展区南片", area: "26666.67", unit: "sqm", landUse: "industrial_m1", steps: [["reserved", 400], ["cleared", 100]] },

  // ── 李沧区 ──
  {
    code: "LC-SMYZ-2019-01",
    park: "生命药洲",
    zone: "一期园区",
    location: "生命药洲一期 3 号楼地块",
    area: "35",
    landUse: "industrial_m1",
    steps: [["reserved", 1500], ["cleared", 1400], ["listed", 1300], ["transferred", 1250], ["under_construction", 1240], ["completed", 700]],
    priceWan: "875",
    project: "彩晖生物组织工程角膜产业化项目",
  },
  { code: "LC-SMYZ-2024-01", park: "生命药洲", zone: "一期园区", location: "生命药洲二期预留地块", area: "28", landUse: "industrial_m1", steps: [["reserved", 500], ["cleared", 160]] },
  {
    code: "LC-XLTD-01",
    park: "信联天地",
    location: "李沧区九水东路（信联天地塔楼地块）",
    area: "28.6",
    landUse: "commercial",
    far: "8.00",
    steps: [["reserved", 3000], ["cleared", 2900], ["listed", 2800], ["transferred", 2700], ["under_construction", 2650], ["completed", 1500]],
  },
];

/** Land needs of demo projects (亩, use) besides those matched to a parcel above. */
export const DEMO_LAND_NEEDS: Record<string, { mu: string; use: LandUse }> = {
  "RCEP 医疗器械国际贸易中心": { mu: "60", use: "commercial" },
  "明影医学影像设备研发生产项目": { mu: "80", use: "industrial_m1" },
  "健康谷过渡园区运营项目": { mu: "85", use: "new_industrial_m0" },
  "海尔大健康产业基地": { mu: "80", use: "industrial_m1" },
  "康迈康复机器人研发制造项目": { mu: "30", use: "new_industrial_m0" },
  "赛诺细胞治疗中试及产业化平台": { mu: "20", use: "rnd" },
  "新元生物创新药生产基地": { mu: "60", use: "industrial_m1" },
  "朗森精密仪器智能制造项目": { mu: "50", use: "industrial_m1" },
  "锐感 MEMS 工业传感器及核心部件产业化项目": { mu: "40", use: "new_industrial_m0" },
  "谱析实验室分析仪器研发生产基地": { mu: "30", use: "new_industrial_m0" },
  "华研药业原料药绿色生产基地": { mu: "40", use: "industrial_m1" },
};

/** The calendar date in China `ago` days before `now`, or a fixed date as given. */
function dateOf(now: Date, when: number | string): string {
  if (typeof when === "string") return when;
  return new Date(now.getTime() - when * DAY + 8 * 3_600_000).toISOString().slice(0, 10);
}

export type LandRefs = { chainIds: Map<string, string>; adminId: string | null };

/**
 * Inserts the demo parks, zones and parcels (with their status histories), sets the demo
 * projects' parks and land needs, and matches the parcels above to their projects, in the
 * caller's transaction. Null (nothing written) when the parks are already there.
 */
export async function insertDemoLand(tx: Tx, refs: LandRefs, now = new Date()): Promise<{ parks: number; parcels: number; matched: number } | null> {
  const [exists] = await tx.select({ id: parks.id }).from(parks).where(eq(parks.name, DEMO_PARKS[0]!.name));
  if (exists) return null;

  const parkRows = await tx
    .insert(parks)
    .values(
      DEMO_PARKS.map((p, i) => ({
        name: p.name,
        districtCode: p.districtCode,
        areaMu: p.areaMu,
        leadingChainId: p.chain ? (refs.chainIds.get(p.chain) ?? null) : null,
        operator: p.operator,
        description: p.description,
        sortOrder: i + 1,
      })),
    )
    .returning({ id: parks.id, name: parks.name });
  const parkIds = new Map(parkRows.map((p) => [p.name, p.id]));

  const zoneValues = DEMO_PARKS.flatMap((p) =>
    p.zones.map((z, i) => ({ parkId: parkIds.get(p.name)!, name: z.name, areaMu: z.areaMu ?? null, description: z.description ?? "", sortOrder: i })),
  );
  const zoneRows = zoneValues.length ? await tx.insert(zones).values(zoneValues).returning({ id: zones.id, parkId: zones.parkId, name: zones.name }) : [];
  const zoneId = (park: string, zone?: string) => (zone ? zoneRows.find((z) => z.parkId === parkIds.get(park) && z.name === zone)?.id : undefined);

  const projectNames = [...new Set([...DEMO_PARCELS.flatMap((p) => (p.project ? [p.project] : [])), ...Object.keys(DEMO_LAND_NEEDS), ...DEMO_PROJECTS.map((p) => p.name)])];
  const projectRows = await tx.select({ id: projects.id, name: projects.name }).from(projects).where(inArray(projects.name, projectNames));
  const projectIds = new Map(projectRows.map((p) => [p.name, p.id]));

  // Seeding is not an edit: the projects keep their "last updated" time.
  const keep = sql`${projects.updatedAt}`;
  let matched = 0;
  for (const p of DEMO_PARCELS) {
    const steps = p.steps.map(([status, when]) => ({ status, on: dateOf(now, when) }));
    const last = steps[steps.length - 1]!;
    const transfer = steps.find((s) => s.status === "transferred");
    const projectId = p.project ? (projectIds.get(p.project) ?? null) : null;
    if (projectId) matched++;
    const [row] = await tx
      .insert(parcels)
      .values({
        code: p.code,
        parkId: parkIds.get(p.park)!,
        zoneId: zoneId(p.park, p.zone) ?? null,
        location: p.location,
        areaMu: areaToMu(p.area, p.unit ?? "mu")!,
        areaEnteredIn: p.unit ?? "mu",
        landUse: p.landUse,
        floorAreaRatio: p.far ?? null,
        plannedFloorAreaSqm: p.floorArea ?? null,
        status: last.status,
        statusChangedOn: last.on,
        transferDate: transfer?.on ?? null,
        landPrice: p.priceWan ? wanToYuan(p.priceWan) : null,
        projectId,
      })
      .returning({ id: parcels.id, areaMu: parcels.areaMu });
    await tx.insert(parcelStatusChanges).values(
      steps.map((s, i) => ({
        parcelId: row!.id,
        fromStatus: i > 0 ? steps[i - 1]!.status : null,
        toStatus: s.status,
        changedOn: s.on,
        actorId: refs.adminId,
        at: new Date(`${s.on}T10:00:00+08:00`),
      })),
    );
    // A matched project needs the land it got.
    if (projectId) {
      await tx
        .update(projects)
        .set({ landNeedMu: row!.areaMu, landUse: p.landUse, parkId: parkIds.get(p.park)!, updatedAt: keep })
        .where(and(eq(projects.id, projectId), isNull(projects.landNeedMu)));
    }
  }

  for (const [name, need] of Object.entries(DEMO_LAND_NEEDS)) {
    const id = projectIds.get(name);
    if (id) await tx.update(projects).set({ landNeedMu: areaToMu(need.mu, "mu"), landUse: need.use, updatedAt: keep }).where(and(eq(projects.id, id), isNull(projects.landNeedMu)));
  }

  // Each demo project lands in (or targets) its unit's park, where that park exists.
  for (const p of DEMO_PROJECTS) {
    const parkId = parkIds.get(PARK[p.unit]?.park ?? "");
    const id = projectIds.get(p.name);
    if (parkId && id) await tx.update(projects).set({ parkId, updatedAt: keep }).where(and(eq(projects.id, id), isNull(projects.parkId)));
  }
  return { parks: parkRows.length, parcels: DEMO_PARCELS.length, matched };
}
