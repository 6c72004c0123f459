import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Board } from "@/components/projects/board/board";
import { BoardFilters } from "@/components/projects/board/board-filters";
import { ButtonLink } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { getDb } from "@/db";
import { requirePageViewer } from "@/lib/auth/page";
import { sumYuan, yuanToYi } from "@/lib/money";
import { boardFilterOptions, filtersToQuery, loadBoard, parseBoardFilters } from "@/lib/projects/board";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("board"))("title") };
}

export default async function ProjectBoardPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const viewer = await requirePageViewer();
  const filters = parseBoardFilters(await searchParams);
  const t = await getTranslations();
  const db = getDb();
  const [columns, options] = await Promise.all([loadBoard(db, viewer, filters), boardFilterOptions(db, viewer)]);
  const count = columns.reduce((n, c) => n + c.count, 0);
  const total = sumYuan(columns.map((c) => c.total));
  const query = filtersToQuery(filters);

  return (
    <div className="min-w-0">
      <PageHeader
        title={t("board.title")}
        description={t("board.summary", { count, amount: yuanToYi(total) })}
        actions={
          <ButtonLink href={`/projects${query ? `?${query}` : ""}`} variant="secondary">
            {t("board.listView")}
          </ButtonLink>
        }
      />
      <BoardFilters filters={filters} options={options} />
      <p className="mb-3 text-xs text-slate-600">{t("board.hint")}</p>
      {/* Keyed on the filters: new filters start the columns afresh; the same ones keep what was loaded. */}
      <Board key={query} initial={columns} filters={filters} />
    </div>
  );
}
