import { ArchivedNotice } from "@/components/archive/archived-notice";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { Suspense } from "react";
import { ParcelFilters } from "@/components/land/parcel-filters";
import { ParcelsTable } from "@/components/land/parcels-table";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { getDb } from "@/db";
import { requirePageViewer } from "@/lib/auth/page";
import { hasRole, type Viewer } from "@/lib/auth/roles";
import { formatMu, formatSqm } from "@/lib/land/area";
import { listParcels, parkOptions } from "@/lib/land/queries";
import { parcelQuery } from "@/lib/land/url";
import { PARCEL_PAGE_SIZES, parcelListSchema, type ParcelListParams } from "@/lib/land/validation";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("parcels"))("title") };
}

export default async function ParcelsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const viewer = await requirePageViewer();
  const search = await searchParams;
  const params = parcelListSchema.parse(search);
  const [t, parks] = await Promise.all([getTranslations(), parkOptions(getDb())]);
  return (
    <div>
      <PageHeader
        title={t("parcels.title")}
        description={t("parcels.intro")}
        actions={
          <>
            <ButtonLink href="/parks" variant="secondary">
              {t("parks.title")}
            </ButtonLink>
            {hasRole(viewer, "manager") && <ButtonLink href={`/parcels/new${params.park ? `?park=${params.park}` : ""}`}>{t("parcels.new")}</ButtonLink>}
          </>
        }
      />
      <ArchivedNotice search={search} />
      <Card>
        <ParcelFilters params={params} parks={parks} />
        {/* Keyed on the query, so a new filter streams a fresh table while the filters stay. */}
        <Suspense key={parcelQuery(params)} fallback={<p className="p-6 text-sm text-slate-500">{t("common.loading")}</p>}>
          <Results viewer={viewer} params={params} />
        </Suspense>
      </Card>
    </div>
  );
}

async function Results({ viewer, params }: { viewer: Viewer; params: ParcelListParams }) {
  const t = await getTranslations();
  const { rows, total, area } = await listParcels(getDb(), viewer, params);
  const pages = Math.max(1, Math.ceil(total / params.size));
  const link = "inline-flex min-h-10 items-center rounded-md border border-slate-300 bg-white px-3 text-sm hover:bg-slate-50";
  return (
    <>
      <p className="px-4 py-2 text-sm text-slate-600" role="status">
        {t("parcels.total", { count: total, mu: formatMu(area), sqm: formatSqm(area) })}
      </p>
      {rows.length > 0 ? (
        <ParcelsTable rows={rows} params={params} label={t("parcels.title")} />
      ) : (
        <div className="px-4 py-10 text-center">
          <p className="font-medium text-slate-700">{t("parcels.empty")}</p>
          <p className="mt-1 text-sm text-slate-500">{t("parcels.emptyHint")}</p>
        </div>
      )}
      <nav aria-label={t("parcels.pagination")} className="flex flex-wrap items-center justify-between gap-3 px-4 py-3 text-sm text-slate-600">
        <span>{t("parcels.page", { page: Math.min(params.page, pages), pages })}</span>
        <span className="flex flex-wrap items-center gap-2">
          <span>{t("parcels.pageSize")}</span>
          {PARCEL_PAGE_SIZES.map((size) =>
            size === params.size ? (
              <span key={size} aria-current="true" className="rounded bg-slate-100 px-2 py-1 font-medium">
                {size}
              </span>
            ) : (
              <Link key={size} href={parcelQuery(params, { size, page: 1 })} className="rounded px-2 py-1 text-brand-700 hover:bg-slate-50">
                {size}
              </Link>
            ),
          )}
          {params.page > 1 && (
            <Link className={link} href={parcelQuery(params, { page: params.page - 1 })} rel="prev">
              {t("parcels.prev")}
            </Link>
          )}
          {params.page < pages && (
            <Link className={link} href={parcelQuery(params, { page: params.page + 1 })} rel="next">
              {t("parcels.next")}
            </Link>
          )}
        </span>
      </nav>
    </>
  );
}
