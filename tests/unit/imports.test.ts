import { describe, expect, it } from "vitest";
import { CSV_BOM, CSV_HEADER, csvLine } from "@/lib/signed/csv";
import { EXPORT_COLUMNS } from "@/lib/signed/columns";
import { CsvDecoder, CsvParser } from "@/lib/imports/csv";
import { DEFAULT_LIMITS, importLimits, parseLimit } from "@/lib/imports/limits";
import { autoMapping, headerScore, normaliseHeader, uniqueHeaders } from "@/lib/imports/fields";
import { agreementTypeCell, booleanCell, capitalOriginCell, dateCell, isTotalsRow, listCell, numberText, stageCell, yiCell } from "@/lib/imports/values";

/** Feeds text to the parser in pieces of `size` characters. */
function parse(text: string, size = 3) {
  const p = new CsvParser();
  const rows: string[][] = [];
  for (let i = 0; i < text.length; i += size) rows.push(...p.push(text.slice(i, i + size)));
  return [...rows, ...p.end()];
}

describe("CSV reading", () => {
  it("reads quoted fields with commas, doubled quotes and line breaks, whatever the chunk size", () => {
    const text = '项目名称,总投资(亿元),备注\r\n"创新药""一号"",一期",60.5,"第一行\n第二行"\r\n简单项目,1,\r\n';
    const expected = [
      ["项目名称", "总投资(亿元)", "备注"],
      ['创新药"一号",一期', "60.5", "第一行\n第二行"],
      ["简单项目", "1", ""],
    ];
    for (const size of [1, 2, 3, 7, 1000]) expect(parse(text, size)).toEqual(expected);
  });

  it("takes LF or CRLF, a last line without a break, and drops a byte-order mark", () => {
    expect(parse("\uFEFFa,b\nc,d")).toEqual([["a", "b"], ["c", "d"]]);
    expect(parse("a,b\r\nc,d\r\n")).toEqual([["a", "b"], ["c", "d"]]);
    expect(parse("")).toEqual([]);
  });

  it("reads back the signed list's own CSV export", () => {
    const text = CSV_BOM + CSV_HEADER + csvLine(["1", '项目"甲",一期', "投资方", "'=1+1"]);
    const rows = parse(text, 5);
    expect(rows[0]).toEqual(EXPORT_COLUMNS.map((c) => c.header));
    expect(rows[1]).toEqual(["1", '项目"甲",一期', "投资方", "'=1+1"]);
  });

  it("decodes UTF-8, and GB18030 (Excel's CSV on a Chinese Windows), even when a character is split between chunks", () => {
    const utf8 = new TextEncoder().encode("项目名称,总投资\r\n国药科技城,60\r\n");
    const d = new CsvDecoder();
    expect(d.decode(utf8.slice(0, 4)) + d.decode(utf8.slice(4)) + d.end()).toBe("项目名称,总投资\r\n国药科技城,60\r\n");
    // "项目" in GB18030.
    const gbk = new Uint8Array([0xcf, 0xee, 0xc4, 0xbf, 0x2c, 0x31]);
    const g = new CsvDecoder();
    expect(g.decode(gbk.slice(0, 3)) + g.decode(gbk.slice(3)) + g.end()).toBe("项目,1");
  });
});

describe("header mapping", () => {
  it("maps the 签约项目清单's own columns, Chinese or English, full-width or not", () => {
    const headers = EXPORT_COLUMNS.map((c) => c.header);
    const mapping = autoMapping("projects", headers);
    expect(mapping).toMatchObject({
      项目名称: "name",
      投资方: "enterpriseName",
      "总投资(亿元)": "totalInvestmentYi",
      "协议投资额(亿元)": "contractInvestmentYi",
      签约时间: "signingDate",
      签约活动: "event",
      当前阶段: "stage",
      招商专员: "owner",
      序号: "",
      "到位资金(亿元)": "",
    });
    expect(autoMapping("projects", ["项目名称 *", "总投资（亿元）", "Total Investment", "统一社会信用代码"])).toEqual({
      "项目名称 *": "name",
      "总投资（亿元）": "totalInvestmentYi",
      "Total Investment": "",
      统一社会信用代码: "enterpriseUscc",
    });
    expect(autoMapping("enterprises", ["企业名称", "统一社会信用代码", "Website"])).toEqual({ 企业名称: "name", 统一社会信用代码: "uscc", Website: "website" });
    expect(normaliseHeader("总投资（亿元）")).toBe("总投资(亿元)");
  });

  it("reads 投资方来源地 under its name and under the old headers 内外资 and 资金来源", () => {
    for (const header of ["投资方来源地", "内外资", "资金来源"]) expect(autoMapping("projects", [header]), header).toEqual({ [header]: "capitalOrigin" });
    expect(autoMapping("projects", [EXPORT_COLUMNS.find((c) => c.header.includes("来源地"))!.header])).toEqual({ 投资方来源地: "capitalOrigin" });
  });

  it("finds the header row under an export's title row, and names blank or repeated headers", () => {
    expect(headerScore("projects", ["签约项目清单　高新区投资促进部　筛选条件：全部"])).toBe(0);
    expect(headerScore("projects", EXPORT_COLUMNS.map((c) => c.header))).toBeGreaterThan(20);
    expect(uniqueHeaders(["备注", "", "备注"])).toEqual(["备注", "第2列", "备注 (2)"]);
  });
});

describe("cell values", () => {
  it("reads dates as field tables write them", () => {
    expect(dateCell("2023-04-06")).toBe("2023-04-06");
    expect(dateCell("2023/4/6")).toBe("2023-04-06");
    expect(dateCell("2023.4.6")).toBe("2023-04-06");
    expect(dateCell("2023年4月6日")).toBe("2023-04-06");
    expect(dateCell("20230406")).toBe("2023-04-06");
    expect(dateCell("45022")).toBe("2023-04-06");
    expect(dateCell("2023-02-30")).toBe("2023-02-30");
    expect(dateCell("明年")).toBe("明年");
  });

  it("reads amounts and numbers exactly", () => {
    expect(yiCell(" 1,234.5 ")).toBe("1234.5");
    expect(yiCell("60.5亿元")).toBe("60.5");
    expect(numberText(0.1 + 0.2)).toBe("0.3");
    expect(numberText(60.5)).toBe("60.5");
    expect(numberText(1e21)).toBe("1000000000000000000000");
  });

  it("reads choices by their Chinese label or code; anything else is kept for the schema to refuse", () => {
    expect(capitalOriginCell("港澳台")).toBe("hk_macao_taiwan");
    expect(capitalOriginCell("local")).toBe("local");
    expect(capitalOriginCell("火星")).toBe("火星");
    expect(agreementTypeCell("正式合同")).toBe("formal_contract");
    expect(stageCell("供地·搁置（开工审核中）")).toBe("land_secured");
    expect(stageCell("签约")).toBe("signed");
    expect(stageCell("未知")).toBeNull();
    expect(booleanCell("是")).toBe(true);
    expect(booleanCell("")).toBeUndefined();
    expect(listCell("世界500强、上市公司,专精特新")).toEqual(["世界500强", "上市公司", "专精特新"]);
    expect(isTotalsRow({ name: "合计（12 个项目）" })).toBe(true);
    expect(isTotalsRow({ name: "合计项目", enterpriseName: "某公司" })).toBe(false);
  });
});

describe("import limits from the environment", () => {
  it("reads bytes with K/M/G, whole numbers with underscores, and ignores what it cannot read", () => {
    expect(parseLimit("52428800")).toBe(52_428_800);
    expect(parseLimit("50M")).toBe(50 * 1024 * 1024);
    expect(parseLimit("512 MB")).toBe(512 * 1024 * 1024);
    expect(parseLimit("2g")).toBe(2 * 1024 ** 3);
    expect(parseLimit("1_000_000")).toBe(1_000_000);
    for (const bad of ["", "0", "-5", "1.5M", "lots", undefined]) expect(parseLimit(bad)).toBeNull();
  });

  it("defaults, overridden one by one; a row holds two of the largest cells", () => {
    expect(importLimits({})).toEqual(DEFAULT_LIMITS);
    const limits = importLimits({ IMPORT_MAX_BYTES: "10M", IMPORT_MAX_ROWS: "abc", IMPORT_MAX_CELL_CHARS: "100000", IMPORT_CONCURRENCY: "4" });
    expect(limits).toMatchObject({ maxBytes: 10 * 1024 * 1024, maxRows: DEFAULT_LIMITS.maxRows, maxCellChars: 100_000, maxRowChars: 200_000, concurrency: 4 });
  });
});
