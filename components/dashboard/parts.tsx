import Link from "next/link";
import { yuanToYi } from "@/lib/money";
import { cn } from "@/lib/utils";

/** Whole numbers with thousands separators. */
export const int = (n: number) => n.toLocaleString("zh-CN");
/** 元 → 亿元, two decimals. */
export const yi = (yuan: string) => yuanToYi(yuan);

/**
 * A dashboard section: a titled card (the heading names the region for screen readers), with
 * an optional line under the title and actions on the right. Sections do not break across
 * printed pages.
 */
export function Section({
  id,
  title,
  subtitle,
  actions,
  className,
  children,
}: {
  id: string;
  title: string;
  subtitle?: string;
  actions?: React.ReactNode;
  className?: string;
  children: React.ReactNode;
}) {
  return (
    <section aria-labelledby={`${id}-title`} className={cn("min-w-0 break-inside-avoid rounded-lg border border-slate-200 bg-white shadow-xs", className)}>
      <div className="flex flex-wrap items-start justify-between gap-2 border-b border-slate-200 px-4 py-3">
        <div className="min-w-0">
          <h2 id={`${id}-title`} className="text-base font-semibold text-slate-900">
            {title}
          </h2>
          {subtitle && <p className="mt-0.5 text-xs text-slate-600">{subtitle}</p>}
        </div>
        {actions}
      </div>
      <div className="p-4">{children}</div>
    </section>
  );
}

/**
 * A figure that opens the list behind it. The visible text is the number; the link's name says
 * what it counts ("签约率 2 个项目") for screen readers, and the list it opens shows the same count.
 */
export function Figure({ href, label, children, className }: { href: string; label: string; children: React.ReactNode; className?: string }) {
  return (
    <Link href={href} aria-label={label} className={cn("tabular-nums text-brand-700 underline decoration-brand-200 underline-offset-2 hover:decoration-brand-700", className)}>
      {children}
    </Link>
  );
}

/** A progress bar for a rate (0–100), drawn in HTML so it prints and needs no chart. */
export function Bar({ percent, tone = "brand" }: { percent: number | null; tone?: "brand" | "amber" }) {
  const width = percent === null ? 0 : Math.max(0, Math.min(100, percent));
  return (
    <div className="h-2 w-full overflow-hidden rounded-full bg-slate-100 print:border print:border-slate-400" aria-hidden="true">
      <div className={cn("h-full rounded-full", tone === "brand" ? "bg-brand-600" : "bg-amber-600")} style={{ width: `${width}%` }} />
    </div>
  );
}

/** The number in a rate string ("37.5%" → 37.5), for a bar's width. */
export const percentValue = (rate: string | null) => (rate === null ? null : Number(rate.replace("%", "")));
