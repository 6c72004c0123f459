import { SaveChartButton } from "./save-chart-button";

/**
 * A chart drawn on the server (components/dashboard/charts.ts) as an image with its title for
 * screen readers; the numbers it shows are in the table that follows it on the page. With a
 * `phoneSvg` (the same chart drawn for a phone: legend below, fewer ticks) a phone shows that
 * one and wider screens (and print) the wide one; the hidden one is display:none.
 */
export function ChartFigure({ id, title, svg, phoneSvg }: { id: string; title: string; svg: string; phoneSvg?: string }) {
  // The SVG is ECharts' own output for our figures (it escapes every label), with a role and name added.
  const label = (s: string) => s.replace(/^<svg /, `<svg role="img" aria-label="${escapeAttr(title)}" focusable="false" `);
  const box = "w-full [&>svg]:h-auto [&>svg]:max-w-full";
  return (
    <figure id={id} className="break-inside-avoid">
      <div className="flex justify-end">
        <SaveChartButton figureId={id} title={title} />
      </div>
      <div className={phoneSvg ? `${box} hidden sm:block print:block` : box} data-chart="wide" dangerouslySetInnerHTML={{ __html: label(svg) }} />
      {phoneSvg && <div className={`${box} sm:hidden print:hidden`} data-chart="phone" dangerouslySetInnerHTML={{ __html: label(phoneSvg) }} />}
    </figure>
  );
}

function escapeAttr(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}
