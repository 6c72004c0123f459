import { getTranslations } from "next-intl/server";
import Link from "next/link";

/** A list's page size choice and previous / next links; `href` builds the list's URL with those changed. */
export async function ListPagination({
  page,
  size,
  total,
  sizes,
  href,
}: {
  page: number;
  size: number;
  total: number;
  sizes?: readonly number[];
  href: (change: { page: number; size?: number }) => string;
}) {
  const t = await getTranslations("projects");
  const pages = Math.max(1, Math.ceil(total / size));
  const link = "inline-flex min-h-10 items-center rounded-md border border-slate-300 bg-white px-3 text-sm hover:bg-slate-50";
  return (
    <nav aria-label={t("pagination")} className="flex flex-wrap items-center justify-between gap-3 px-4 py-3 text-sm text-slate-600">
      <span>{t("page", { page: Math.min(page, pages), pages })}</span>
      <span className="flex flex-wrap items-center gap-2">
        {sizes && (
          <>
            <span>{t("pageSize")}</span>
            {sizes.map((s) =>
              s === size ? (
                <span key={s} aria-current="true" className="rounded bg-slate-100 px-2 py-1 font-medium">
                  {s}
                </span>
              ) : (
                <Link key={s} href={href({ size: s, page: 1 })} className="rounded px-2 py-1 text-brand-700 hover:bg-slate-50">
                  {s}
                </Link>
              ),
            )}
          </>
        )}
        {page > 1 && (
          <Link className={link} href={href({ page: page - 1 })} rel="prev">
            {t("prev")}
          </Link>
        )}
        {page < pages && (
          <Link className={link} href={href({ page: page + 1 })} rel="next">
            {t("next")}
          </Link>
        )}
      </span>
    </nav>
  );
}
