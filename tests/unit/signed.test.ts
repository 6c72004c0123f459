import { describe, expect, it } from "vitest";
import { canExportSigned } from "@/lib/signed/access";
import { EXPORT_COLUMNS, exportCells, ExportTotals, muExact, stageText, yiExact, type ExportRow } from "@/lib/signed/columns";
import { CSV_BOM, CSV_HEADER, csvCell, csvField, csvLine, neutralizeFormula } from "@/lib/signed/csv";
import { contentDisposition, exportFilename } from "@/lib/signed/export";
import { filterSummary } from "@/lib/signed/summary";
import { exportQuery, signedQuery } from "@/lib/signed/url";
import { searchParamsRecord, signedFiltersSchema, signedListSchema } from "@/lib/signed/validation";
import { parseCsv } from "../support/csv-parse";

const row: ExportRow = {
  name: "国药科技城",
  enterpriseName: "国药融资租赁有限公司",
  headquarters: "上海市",
  tags: ["央企", "世界500强"],
  capitalOrigin: "out_of_province",
  totalInvestment: "6000000000.00",
  contractInvestment: "6000000000.00",
  phase1Investment: "1500000000.50",
  description: "四期建设，一期引入 20 余家企业",
  chainName: "生物医药及医疗器械",
  industryCode: "L7212",
  signingDate: "2023-04-06",
  eventName: "高新区生物医药及医疗器械、精密仪器仪表产业园集中签约仪式",
  agreementType: "formal_contract",
  parkName: "生物医药及医疗器械产业园",
  parcelCodes: "GX-01、GX-02",
  landMu: "471.000000",
  stage: "land_secured",
  status: "active",
  pendingStages: ["construction"],
  progress: "已摘牌拿地",
  issues: "",
  responsibleLeader: "刘志强",
  responsibleUnitName: "项目落地服务专班",
  stewardName: "孙鹏",
  ownerName: "李明",
  fundsInPlace: "120000000.00",
  note: "",
};

describe("签约项目清单 columns", () => {
  it("are the glossary's 27, in its order", () => {
    expect(EXPORT_COLUMNS.map((c) => c.header).join(" · ")).toBe(
      "序号 · 项目名称 · 投资方 · 投资方所在地 · 企业标签 · 投资方来源地 · 总投资(亿元) · 协议投资额(亿元) · 一期投资(亿元) · 建设内容 · 所属产业链 · 行业 · 签约时间 · 签约活动 · 协议类型 · 落地园区 · 地块/载体 · 用地(亩) · 当前阶段 · 项目进展 · 存在问题 · 包靠领导 · 责任单位 · 项目服务管家 · 招商专员 · 到位资金(亿元) · 备注",
    );
    expect(EXPORT_COLUMNS.filter((c) => c.kind === "amount").map((c) => c.header)).toEqual(["总投资(亿元)", "协议投资额(亿元)", "一期投资(亿元)", "到位资金(亿元)"]);
    // Wide enough for the Chinese header (2 per character) in every column.
    for (const c of EXPORT_COLUMNS) expect(c.width, c.header).toBeGreaterThanOrEqual(Math.min(18, [...c.header].reduce((w, ch) => w + (/[\u4e00-\u9fff（）]/.test(ch) ? 2 : 1), 0) - 2));
  });

  it("turn a project into typed cells, labels in Chinese", () => {
    const cells = exportCells(row, 7);
    const at = (header: string) => cells[EXPORT_COLUMNS.findIndex((c) => c.header === header)]!;
    expect(cells).toHaveLength(27);
    expect(at("序号")).toEqual({ kind: "index", value: 7 });
    expect(at("企业标签")).toEqual({ kind: "text", value: "央企、世界500强" });
    expect(at("投资方来源地").value).toBe("省外");
    expect(at("协议类型").value).toBe("正式合同");
    expect(at("总投资(亿元)")).toEqual({ kind: "amount", value: "6000000000.00" });
    expect(at("签约时间")).toEqual({ kind: "date", value: "2023-04-06" });
    expect(at("用地(亩)")).toEqual({ kind: "mu", value: "471.000000" });
    expect(at("当前阶段").value).toBe("供地（开工审核中）");
    expect(at("存在问题").value).toBe("");
    expect(exportCells({ ...row, phase1Investment: null, eventName: null }, 1)[EXPORT_COLUMNS.findIndex((c) => c.header === "一期投资(亿元)")]!.value).toBeNull();
  });

  it("write the stage with the status and a report awaiting review", () => {
    expect(stageText({ stage: "signed", status: "active", pendingStages: null })).toBe("签约");
    expect(stageText({ stage: "signed", status: "on_hold", pendingStages: ["registered", "land_secured"] })).toBe("签约·搁置（注册、供地审核中）");
  });

  it("write amounts and areas exactly", () => {
    expect(yiExact("6050000000")).toBe("60.50");
    expect(yiExact("6050000000.00")).toBe("60.50");
    expect(yiExact("1512340000.37")).toBe("15.1234000037");
    expect(yiExact("0.01")).toBe("0.0000000001");
    expect(muExact("471.000000")).toBe("471.00");
    expect(muExact("12.333333")).toBe("12.333333");
  });

  it("sum the totals row exactly, where floating point would not", () => {
    const totals = new ExportTotals();
    for (const v of ["10000000.10", "20000000.20", "0.01"]) totals.add({ ...row, totalInvestment: v, contractInvestment: v, phase1Investment: null, landMu: "0.100000", fundsInPlace: "0" });
    totals.add({ ...row, totalInvestment: "0", contractInvestment: "0", landMu: null, phase1Investment: "5.05" });
    expect(totals.count).toBe(4);
    expect(totals.sum("总投资(亿元)")).toBe("30000000.31");
    expect(totals.sum("一期投资(亿元)")).toBe("5.05");
    expect(totals.sum("用地(亩)")).toBe("0.300000");
    expect(totals.sum("到位资金(亿元)")).toBe("120000000.00");
    const cells = totals.cells();
    expect(cells[1]).toEqual({ kind: "text", value: "合计（4 个项目）" });
    expect(cells[6]).toEqual({ kind: "amount", value: "30000000.31" });
    expect(cells[0]!.value).toBeNull();
    expect(() => totals.sum("项目名称")).toThrow();
  });

  it("stay exact past what a Number holds, for one huge amount or many large ones", () => {
    const huge = new ExportTotals();
    huge.add({ ...row, totalInvestment: "999999999999999999.99" });
    huge.add({ ...row, totalInvestment: "0.01" });
    huge.add({ ...row, totalInvestment: "-0.02" });
    expect(huge.sum("总投资(亿元)")).toBe("999999999999999999.98");
    const many = new ExportTotals();
    // 3,000 × 9,999,999,999,999.99 元: the running sum passes 2^53 fen several times.
    for (let i = 0; i < 3000; i++) many.add({ ...row, contractInvestment: "9999999999999.99" });
    expect(many.sum("协议投资额(亿元)")).toBe("29999999999999970.00");
  });
});

describe("CSV", () => {
  it("quotes as RFC 4180 says, and only when needed", () => {
    expect(csvField("国药科技城")).toBe("国药科技城");
    expect(csvField("a,b")).toBe('"a,b"');
    expect(csvField('创新药"一号"')).toBe('"创新药""一号"""');
    expect(csvField("第一行\n第二行")).toBe('"第一行\n第二行"');
    expect(csvField("a\rb")).toBe('"a\rb"');
    expect(csvLine(["1", "a,b", ""])).toBe('1,"a,b",\r\n');
  });

  it("keeps text that looks like a formula as text", () => {
    expect(neutralizeFormula("=HYPERLINK(\"x\")")).toBe("'=HYPERLINK(\"x\")");
    for (const s of ["+1", "-1", "@SUM", "\tx", "\rx"]) expect(neutralizeFormula(s)).toBe(`'${s}`);
    expect(neutralizeFormula("国药")).toBe("国药");
    expect(csvCell({ kind: "text", value: "=1+1" })).toBe("'=1+1");
    // Amounts are numbers, negative or not: never prefixed.
    expect(csvCell({ kind: "amount", value: "-100000000" })).toBe("-1.00");
    expect(csvCell({ kind: "amount", value: null })).toBe("");
  });

  it("parses back to the same fields, header first, with a BOM for Excel", () => {
    expect(CSV_BOM).toBe("\uFEFF");
    const text = CSV_HEADER + csvLine(exportCells({ ...row, name: '国药"科技城", 一期', description: "行一\r\n行二" }, 1).map(csvCell));
    const [header, fields] = parseCsv(text);
    expect(header).toEqual(EXPORT_COLUMNS.map((c) => c.header));
    expect(fields![1]).toBe('国药"科技城", 一期');
    expect(fields![9]).toBe("行一\r\n行二");
    expect(fields![6]).toBe("60.00");
    expect(fields![8]).toBe("15.000000005");
  });
});

describe("filter summary", () => {
  it("says 全部签约项目 for no filter", () => {
    expect(filterSummary(signedFiltersSchema.parse({}))).toBe("全部签约项目");
  });

  it("names what the filter points at, in Chinese", () => {
    const f = signedFiltersSchema.parse({
      signedFrom: "2023-04-01",
      signedTo: "2023-04-30",
      event: "7326e78a-af1c-4e1f-a8c7-f8afa572713a",
      park: "8326e78a-af1c-4e1f-a8c7-f8afa572713a",
      stage: "signed,construction",
      review: "pending",
      minYi: "1",
      key: "1",
      q: "国药",
    });
    expect(filterSummary(f, { event: "集中签约仪式", park: "健康谷" })).toBe(
      "签约日期 2023-04-01 至 2023-04-30；签约活动：集中签约仪式；落地园区：健康谷；阶段：签约、开工；审核：审核中；总投资不低于 1 亿元；重点项目；搜索“国药”",
    );
    expect(filterSummary(signedFiltersSchema.parse({ signedTo: "2023-12-31", event: "7326e78a-af1c-4e1f-a8c7-f8afa572713a" }))).toBe("签约日期截至 2023-12-31；签约活动：（已不存在）");
    expect(filterSummary(signedFiltersSchema.parse({ signedFrom: "2024-01-01", status: "lost", source: ["walk_in"] }))).toBe("签约日期 2024-01-01 起；状态：终止；来源：自主上门");
  });
});

describe("signed list URLs and export links", () => {
  it("leave out defaults (newest signing first, 50 a page)", () => {
    expect(signedQuery({ sort: "signingDate", dir: "desc", page: 1, size: 50 })).toBe("");
    expect(signedQuery({ sort: "signingDate", dir: "asc" })).toBe("?sort=signingDate&dir=asc");
    expect(signedQuery({ event: "e1", stage: ["signed", "registered"] }, { page: 2 })).toBe("?event=e1&stage=signed&stage=registered&page=2");
  });

  it("export the list's filter and order, not its page", () => {
    const params = signedListSchema.parse({ event: "7326e78a-af1c-4e1f-a8c7-f8afa572713a", sort: "name", dir: "asc", page: "3", size: "100" });
    expect(exportQuery(params)).toBe("?event=7326e78a-af1c-4e1f-a8c7-f8afa572713a&sort=name&dir=asc");
    const back = signedListSchema.parse(searchParamsRecord(new URLSearchParams(exportQuery(params))));
    expect(back).toEqual({ ...params, page: 1, size: 50 });
  });

  it("read repeated keys as a list, like the page does", () => {
    expect(searchParamsRecord(new URLSearchParams("stage=signed&stage=registered&q=a"))).toEqual({ stage: ["signed", "registered"], q: "a" });
    expect(signedListSchema.parse(searchParamsRecord(new URLSearchParams("stage=signed&stage=lead"))).stage).toEqual(["signed"]);
  });
});

describe("export files", () => {
  it("are named by China's date, with the Chinese name in filename*", () => {
    const late = new Date("2026-03-14T17:00:00Z"); // 01:00 on the 15th in Qingdao
    expect(exportFilename("xlsx", late)).toEqual({ name: "签约项目清单-20260315.xlsx", ascii: "signed-projects-20260315.xlsx" });
    expect(contentDisposition("csv", late)).toBe(
      `attachment; filename="signed-projects-20260315.csv"; filename*=UTF-8''${encodeURIComponent("签约项目清单-20260315.csv")}`,
    );
  });

  it("are for managers and admins, and staff only when EXPORT_ALLOW_STAFF=1", () => {
    expect(canExportSigned({ role: "manager" }, {})).toBe(true);
    expect(canExportSigned({ role: "admin" }, {})).toBe(true);
    expect(canExportSigned({ role: "staff" }, {})).toBe(false);
    expect(canExportSigned({ role: "staff" }, { EXPORT_ALLOW_STAFF: "true" })).toBe(false);
    expect(canExportSigned({ role: "staff" }, { EXPORT_ALLOW_STAFF: "1" })).toBe(true);
  });
});
