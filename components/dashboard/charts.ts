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

/**
 * Each chart comes in two drawings: "wide" for a desktop card and "phone" for a 390 px screen,
 * drawn at about the width it is shown at so its text stays 12 px (a wide chart scaled down to
 * a phone shrinks its text to 4 px): legend below the plot, fewer ticks. Axis titles sit
 * inside the drawing (aligned to their axis, never centred over the edge) in both.
 */
export type ChartLayout = "wide" | "phone";
export const PHONE_WIDTH = 360;
const legendText = { color: "#334155", fontSize: 12 };
const legendOf = (layout: ChartLayout) =>
  layout === "phone" ? { bottom: 0, left: 0, itemGap: 12, itemWidth: 18, textStyle: legendText } : { top: 0, textStyle: legendText };

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
  opts: { width?: number; height?: number; layout?: ChartLayout } = {},
): string {
  const phone = opts.layout === "phone";
  // Axis titles start at their axis and run inward, so neither is cut off at the drawing's edge.
  const axisName = (align: "left" | "right") => ({ color: "#334155", fontSize: 12, align, padding: [0, 0, 2, 0] });
  return render(
    {
      legend: legendOf(opts.layout ?? "wide"),
      grid: { left: 8, right: 8, top: phone ? 28 : 56, bottom: phone ? 56 : 8, outerBoundsMode: "same", outerBoundsContain: "axisLabel" },
      xAxis: { type: "category", data: months, axisLabel: { ...axisLabel, interval: phone ? 2 : 0 }, axisTick: { alignWithLabel: true } },
      yAxis: [
        { type: "value", name: axes.left, nameTextStyle: axisName("left"), axisLabel, minInterval: 1, splitNumber: phone ? 3 : 5 },
        { type: "value", name: axes.right, nameTextStyle: axisName("right"), axisLabel, splitLine: { show: false }, splitNumber: phone ? 3 : 5 },
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
    opts.width ?? (phone ? PHONE_WIDTH : 960),
    opts.height ?? (phone ? 300 : 320),
  );
}

/** Stacked horizontal bars: one bar per category, one segment per series (land by status). */
export function stackedBars(
  categories: string[],
  series: { name: string; data: number[] }[],
  opts: { width?: number; height?: number; layout?: ChartLayout } = {},
): string {
  const phone = opts.layout === "phone";
  // The legend wraps on a phone: room for two lines of it below the plot.
  const legendRoom = phone ? 24 * Math.ceil(series.length / 2) + 8 : 40;
  return render(
    {
      legend: legendOf(opts.layout ?? "wide"),
      grid: { left: 8, right: 16, top: phone ? 8 : legendRoom, bottom: phone ? legendRoom : 8, outerBoundsMode: "same", outerBoundsContain: "axisLabel" },
      xAxis: { type: "value", axisLabel, splitNumber: phone ? 3 : 5 },
      yAxis: { type: "category", data: categories, inverse: true, axisLabel, axisTick: { show: false } },
      series: series.map((s) => ({ type: "bar", name: s.name, stack: "total", data: s.data, barMaxWidth: 22 })),
    },
    opts.width ?? (phone ? PHONE_WIDTH : 640),
    opts.height ?? Math.max(160, 40 * categories.length + 20 + legendRoom),
  );
}
