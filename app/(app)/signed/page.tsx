import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Suspense } from "react";
import { DrillNotice, withoutDrill } from "@/components/drill/drill-notice";
import { ExportButtons } from "@/components/signed/export-buttons";
import { SignedFilters } from "@/components/signed/signed-filters";
import { SignedTable } from "@/components/signed/signed-table";
import { Card } from "@/components/ui/card";
import { ListPagination } from "@/components/ui/list-pagination";
import { PageHeader } from "@/components/ui/page-header";
import { getDb } from "@/db";
import { requirePageViewer } from "@/lib/auth/page";
import type { Viewer } from "@/lib/auth/roles";
import { listEventOptions } from "@/lib/events/queries";
import { parkOptions } from "@/lib/land/queries";
import { yuanToYi } from "@/lib/money";
import { projectFormOptions } from "@/lib/projects/options";
import { PAGE_SIZES } from "@/lib/projects/validation";
import { canExportSigned } from "@/lib/signed/access";
import { listSignedProjects } from "@/lib/signed/queries";
import { exportQuery, signedQuery } from "@/lib/signed/url";
import { signedListSchema, type SignedListParams } from "@/lib/signed/validation";
import { tableColumnsOf } from "@/lib/tables/service";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("signed"))("title") };
}

export default async function SignedPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const viewer = await requirePageViewer();
  const params = signedListSchema.parse(await searchParams);
  const t = await getTranslations();
  const db = getDb();
  const [options, events, parks] = await Promise.all([projectFormOptions(db, viewer), listEventOptions(db), parkOptions(db)]);
  return (
    <div>
      <PageHeader title={t("signed.title")} description={t("signed.description")} />
      <Card>
        <SignedFilters params={params} options={{ ...options, events, parks }} />
        {/* Keyed on the query, so a new filter streams a fresh table while the filters stay. */}
        <Suspense key={signedQuery(params)} fallback={<p className="p-6 text-sm text-slate-500">{t("common.loading")}</p>}>
          <Results viewer={viewer} params={params} />
        </Suspense>
      </Card>
    </div>
  );
}

async function Results({ viewer, params }: { viewer: Viewer; params: SignedListParams }) {
  const t = await getTranslations();
  const db = getDb();
  const [{ rows, totals }, shown] = await Promise.all([listSignedProjects(db, viewer, params), tableColumnsOf(db, viewer, "signed")]);
  return (
    <>
      <DrillNotice params={params} clearHref={`/signed${signedQuery(withoutDrill(params))}`} />
      <div className="flex flex-wrap items-start justify-between gap-3 px-4 py-3">
        <div className="text-sm text-slate-600">
          <p role="status" className="font-medium text-slate-800">
            {t("signed.total", { count: totals.count })}
          </p>
          <p className="tabular-nums">
            {t("signed.summaryLine", { total: yuanToYi(totals.totalInvestment), contract: yuanToYi(totals.contractInvestment), funds: yuanToYi(totals.fundsInPlace) })}
          </p>
        </div>
        {canExportSigned(viewer) ? (
          <ExportButtons query={exportQuery(params)} total={totals.count} />
        ) : (
          <p className="text-xs text-slate-500">{t("signed.export.notAllowed")}</p>
        )}
      </div>
      {rows.length > 0 || totals.count > 0 ? (
        <SignedTable rows={rows} totals={totals} params={params} shown={shown} />
      ) : (
        <div className="px-4 py-10 text-center">
          <p className="font-medium text-slate-700">{t("signed.empty")}</p>
          <p className="mt-1 text-sm text-slate-500">{t("signed.emptyHint")}</p>
        </div>
      )}
      <ListPagination page={params.page} size={params.size} total={totals.count} sizes={PAGE_SIZES} href={(change) => signedQuery(params, change)} />
    </>
  );
}
