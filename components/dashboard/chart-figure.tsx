import { SaveChartButton } from "./save-chart-button";

/**
 * A chart drawn on the server (components/dashboard/charts.ts) as an image with its title for
 * screen readers; the numbers it shows are in the table that follows it on the page.
 */
export function ChartFigure({ id, title, svg }: { id: string; title: string; svg: string }) {
  // The SVG is ECharts' own output for our figures (it escapes every label), with a role and name added.
  const labelled = svg.replace(/^<svg /, `<svg role="img" aria-label="${escapeAttr(title)}" focusable="false" `);
  return (
    <figure id={id} className="break-inside-avoid">
      <div className="flex justify-end">
        <SaveChartButton figureId={id} title={title} />
      </div>
      <div className="w-full [&>svg]:h-auto [&>svg]:max-w-full" dangerouslySetInnerHTML={{ __html: labelled }} />
    </figure>
  );
}

function escapeAttr(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}
