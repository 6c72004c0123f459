/**
 * Charts drawn on the server with Apache ECharts (its server-side SVG renderer): the page gets
 * finished SVG, so the charts need no script to show, print crisply, scale to any width and can
 * be saved as images in the browser. Each chart's numbers are also on the page as a table.
 */
import { BarChart, LineChart } from "echarts/charts";
import { GridComponent, LegendComponent } from "echarts/components";
import * as echarts from "echarts/core";
import { SVGRenderer } from "echarts/renderers";

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, SVGRenderer]);

// Single quotes: the SVG writes the font into a style attribute in double quotes.
const FONT = "'Noto Sans CJK SC', 'PingFang SC', 'Microsoft YaHei', sans-serif";
/** Colours that keep ≥ 3:1 against white and stay apart in greyscale print. */
export const PALETTE = ["#1d5fbf", "#64748b", "#0f766e", "#b45309", "#7c3aed", "#be123c", "#334155"];

type Option = echarts.EChartsCoreOption;

function render(option: Option, width: number, height: number): string {
  const chart = echarts.init(null, null, { renderer: "svg", ssr: true, width, height });
  chart.setOption({ animation: false, color: PALETTE, textStyle: { fontFamily: FONT, color: "#334155" }, ...option });
  const svg = chart.renderToSVGString();
  chart.dispose();
  // Hover styles are for live charts; the static one scales to its box.
  return svg.replace(/<style[\s\S]*?<\/style>/, "").replace(/^<svg width="\d+" height="\d+"/, '<svg width="100%" preserveAspectRatio="xMidYMid meet"');
}

const axisLabel = { color: "#334155", fontSize: 12 };

/** Horizontal bars, one per category (the funnel): values labelled at the bar's end. */
export function horizontalBars(categories: string[], values: number[], opts: { width?: number; height?: number } = {}): string {
  const height = opts.height ?? Math.max(160, 28 * categories.length + 30);
  return render(
    {
      grid: { left: 8, right: 56, top: 8, bottom: 8, outerBoundsMode: "same", outerBoundsContain: "axisLabel" },
      xAxis: { type: "value", axisLabel: { show: false }, splitLine: { show: false } },
      yAxis: { type: "category", data: categories, inverse: true, axisLabel, axisTick: { show: false } },
      series: [{ type: "bar", data: values, barMaxWidth: 18, label: { show: true, position: "right", color: "#0f172a", fontSize: 12 } }],
    },
    opts.width ?? 520,
    height,
  );
}

/** This year's and last year's monthly counts as bars, the amounts as lines on a second axis. */
export function monthlyBarsAndLines(
  months: string[],
  bars: { name: string; data: number[] }[],
  lines: { name: string; data: number[] }[],
  axes: { left: string; right: string },
  opts: { width?: number; height?: number } = {},
): string {
  return render(
    {
      legend: { top: 0, textStyle: { color: "#334155", fontSize: 12 } },
      grid: { left: 8, right: 8, top: 36, bottom: 8, outerBoundsMode: "same", outerBoundsContain: "axisLabel" },
      xAxis: { type: "category", data: months, axisLabel, axisTick: { alignWithLabel: true } },
      yAxis: [
        { type: "value", name: axes.left, nameTextStyle: { color: "#334155" }, axisLabel, minInterval: 1 },
        { type: "value", name: axes.right, nameTextStyle: { color: "#334155" }, axisLabel, splitLine: { show: false } },
      ],
      series: [
        ...bars.map((b, i) => ({ type: "bar", name: b.name, data: b.data, barMaxWidth: 16, itemStyle: { color: PALETTE[i] } })),
        ...lines.map((l, i) => ({
          type: "line",
          name: l.name,
          data: l.data,
          yAxisIndex: 1,
          symbolSize: 6,
          lineStyle: { width: 2, type: i === 0 ? "solid" : "dashed", color: i === 0 ? PALETTE[3] : PALETTE[4] },
          itemStyle: { color: i === 0 ? PALETTE[3] : PALETTE[4] },
        })),
      ],
    },
    opts.width ?? 960,
    opts.height ?? 300,
  );
}

/** Stacked horizontal bars: one bar per category, one segment per series (land by status). */
export function stackedBars(categories: string[], series: { name: string; data: number[] }[], opts: { width?: number; height?: number } = {}): string {
  return render(
    {
      legend: { top: 0, textStyle: { color: "#334155", fontSize: 12 } },
      grid: { left: 8, right: 16, top: 40, bottom: 8, outerBoundsMode: "same", outerBoundsContain: "axisLabel" },
      xAxis: { type: "value", axisLabel },
      yAxis: { type: "category", data: categories, inverse: true, axisLabel, axisTick: { show: false } },
      series: series.map((s) => ({ type: "bar", name: s.name, stack: "total", data: s.data, barMaxWidth: 22 })),
    },
    opts.width ?? 640,
    opts.height ?? Math.max(160, 40 * categories.length + 60),
  );
}
