"use client";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useHydrated } from "@/components/ui/form";

/**
 * Saves a chart as a PNG: the figure's SVG is drawn onto a canvas at twice its size, on white,
 * and downloaded. (The SVG is the server's own drawing of the chart, fonts from the system.)
 */
export function SaveChartButton({ figureId, title }: { figureId: string; title: string }) {
  const t = useTranslations("dashboard.chart");
  const hydrated = useHydrated();
  const [busy, setBusy] = useState(false);

  async function save() {
    // The drawing on screen (a figure may hold a wide and a phone drawing, one of them hidden).
    const svgs = [...(document.getElementById(figureId)?.querySelectorAll("svg") ?? [])];
    const svg = svgs.find((s) => s.getClientRects().length > 0) ?? svgs[0];
    if (!svg) return;
    setBusy(true);
    try {
      const box = svg.viewBox.baseVal;
      const width = box?.width || svg.clientWidth;
      const height = box?.height || svg.clientHeight;
      const copy = svg.cloneNode(true) as SVGSVGElement;
      copy.setAttribute("width", String(width));
      copy.setAttribute("height", String(height));
      const url = URL.createObjectURL(new Blob([new XMLSerializer().serializeToString(copy)], { type: "image/svg+xml;charset=utf-8" }));
      const image = new Image();
      await new Promise<void>((resolve, reject) => {
        image.onload = () => resolve();
        image.onerror = () => reject(new Error("image"));
        image.src = url;
      });
      const canvas = document.createElement("canvas");
      canvas.width = width * 2;
      canvas.height = height * 2;
      const ctx = canvas.getContext("2d")!;
      ctx.fillStyle = "#ffffff";
      ctx.fillRect(0, 0, canvas.width, canvas.height);
      ctx.scale(2, 2);
      ctx.drawImage(image, 0, 0, width, height);
      URL.revokeObjectURL(url);
      const link = document.createElement("a");
      link.download = `${title}.png`;
      link.href = canvas.toDataURL("image/png");
      link.click();
    } finally {
      setBusy(false);
    }
  }

  return (
    <button
      type="button"
      onClick={save}
      disabled={!hydrated || busy}
      aria-label={t("saveLabel", { title })}
      className="no-print inline-flex min-h-9 items-center rounded-md border border-slate-300 bg-white px-2.5 text-xs text-slate-700 hover:bg-slate-50 disabled:text-slate-600"
    >
      {t("save")}
    </button>
  );
}
