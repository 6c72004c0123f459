import { describe, expect, it } from "vitest";
import { horizontalBars, monthlyBarsAndLines, PHONE_WIDTH, stackedBars, type ChartLayout } from "@/components/dashboard/charts";

type Text = { text: string; left: number; right: number; y: number; size: number };

/** Every text of an ECharts SVG with its estimated extent (CJK and full-width 1 em, others 0.6 em). */
function texts(svg: string): { width: number; height: number; texts: Text[] } {
  const [, w, h] = svg.match(/viewBox="0 0 ([\d.]+) ([\d.]+)"/)!;
  const out: Text[] = [];
  for (const m of svg.matchAll(/<text([^>]*)>([^<]*)<\/text>/g)) {
    const attrs = m[1]!;
    const text = m[2]!;
    const size = Number(attrs.match(/font-size:(\d+)px/)?.[1] ?? 12);
    const [tx, ty] = (attrs.match(/translate\(([-\d.]+) ([-\d.]+)\)/)?.slice(1) ?? ["0", "0"]).map(Number) as [number, number];
    const x = tx + Number(attrs.match(/ x="([-\d.]+)"/)?.[1] ?? 0);
    const y = ty + Number(attrs.match(/ y="([-\d.]+)"/)?.[1] ?? 0);
    const width = [...text].reduce((sum, c) => sum + (/[\u3000-\u9fff\uff00-\uffef]/.test(c) ? size : size * 0.6), 0);
    const anchor = attrs.match(/text-anchor="(\w+)"/)?.[1] ?? "start";
    const left = anchor === "end" ? x - width : anchor === "middle" ? x - width / 2 : x;
    out.push({ text, left, right: left + width, y, size });
  }
  return { width: Number(w), height: Number(h), texts: out };
}

const months = Array.from({ length: 12 }, (_, i) => `${i + 1}月`);
const trend = (layout: ChartLayout) =>
  monthlyBarsAndLines(
    months,
    [
      { name: "2026年签约数", data: months.map((_, i) => i) },
      { name: "2025年签约数", data: months.map((_, i) => 12 - i) },
    ],
    [
      { name: "2026年协议投资额", data: months.map((_, i) => i * 3.5) },
      { name: "2025年协议投资额", data: months.map((_, i) => 40 - i) },
    ],
    { left: "签约数（个）", right: "协议投资额（亿元）" },
    { layout },
  );
const statuses = ["待腾空", "已腾空", "已挂牌", "已出让", "已开工", "已竣工"];
const land = (layout: ChartLayout) =>
  stackedBars(
    ["健康谷", "高新区核心区", "蓝色硅谷"],
    statuses.map((name, i) => ({ name, data: [i * 10, i * 20, 5] })),
    { layout },
  );

describe("dashboard charts", () => {
  const all = { "trend wide": trend("wide"), "trend phone": trend("phone"), "land wide": land("wide"), "land phone": land("phone"), funnel: horizontalBars(["线索", "在谈", "签约"], [12, 8, 3]) };

  it.each(Object.entries(all))("%s: no text runs off the drawing (axis titles included)", (_, svg) => {
    const { width, height, texts: list } = texts(svg);
    expect(list.length).toBeGreaterThan(0);
    for (const t of list) {
      expect.soft(t.left, `"${t.text}" starts at ${t.left}`).toBeGreaterThanOrEqual(0);
      expect.soft(t.right, `"${t.text}" ends at ${t.right} of ${width}`).toBeLessThanOrEqual(width);
      expect.soft(t.y, `"${t.text}" at y ${t.y}`).toBeGreaterThanOrEqual(0);
      expect.soft(t.y, `"${t.text}" at y ${t.y}`).toBeLessThanOrEqual(height);
    }
  });

  it("the phone drawings are phone-sized, so their 12 px text is not shrunk, with the legend below the plot and fewer ticks", () => {
    for (const [svg, legend] of [
      [trend("phone"), "2026年签约数"],
      [land("phone"), "待腾空"],
    ] as const) {
      const { width, height, texts: list } = texts(svg);
      expect(width).toBe(PHONE_WIDTH);
      expect(list.every((t) => t.size >= 12)).toBe(true);
      const item = list.find((t) => t.text === legend)!;
      expect(item.y).toBeGreaterThan(height * 0.6);
    }
    const monthLabels = (svg: string) => texts(svg).texts.filter((t) => /^\d+月$/.test(t.text)).length;
    expect(monthLabels(trend("wide"))).toBe(12);
    expect(monthLabels(trend("phone"))).toBeLessThanOrEqual(4);
    // On a desktop the legend stays above.
    expect(texts(trend("wide")).texts.find((t) => t.text === "2026年签约数")!.y).toBeLessThan(30);
  });
});
