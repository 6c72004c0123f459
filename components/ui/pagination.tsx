import Link from "next/link";
import { getTranslations } from "next-intl/server";

/** Previous / next links that keep the rest of the query string. */
export async function Pagination({ page, pageSize, total, params }: { page: number; pageSize: number; total: number; params: Record<string, string | undefined> }) {
  const t = await getTranslations("users");
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const href = (p: number) => {
    const q = new URLSearchParams(Object.entries(params).filter((e): e is [string, string] => Boolean(e[1])));
    q.set("page", String(p));
    return `?${q}`;
  };
  const linkClass = "inline-flex min-h-10 items-center rounded-md border border-slate-300 bg-white px-3 text-sm hover:bg-slate-50";
  return (
    <nav aria-label={t("pagination")} className="flex items-center justify-between gap-3 px-4 py-3 text-sm text-slate-600">
      <span>{t("page", { page: Math.min(page, pages), pages })}</span>
      <span className="flex gap-2">
        {page > 1 && (
          <Link className={linkClass} href={href(page - 1)} rel="prev">
            {t("prev")}
          </Link>
        )}
        {page < pages && (
          <Link className={linkClass} href={href(page + 1)} rel="next">
            {t("next")}
          </Link>
        )}
      </span>
    </nav>
  );
}
