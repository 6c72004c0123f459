import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { Suspense } from "react";
import { GridEnterprises } from "@/components/grids/grid-enterprises";
import { RequestFilters } from "@/components/grids/request-filters";
import { RequestsTable } from "@/components/grids/requests-table";
import { RuleNote } from "@/components/grids/rule-note";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { BackLink } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { getDb } from "@/db";
import { requirePageViewer } from "@/lib/auth/page";
import type { Viewer } from "@/lib/auth/roles";
import { formatRate } from "@/lib/grids/clock";
import { getGridAccess, gridFigures, listGridEnterprises, listGridRequests, listOfficers } from "@/lib/grids/queries";
import { gridQuery } from "@/lib/grids/url";
import { periodOf, REQUEST_PAGE_SIZE, requestListSchema, type RequestListParams } from "@/lib/grids/validation";

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const viewer = await requirePageViewer();
  const access = await getGridAccess(getDb(), viewer, (await params).id);
  return { title: access?.grid.name ?? (await getTranslations("grids"))("title") };
}

export default async function GridPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const viewer = await requirePageViewer();
  const { id } = await params;
  const db = getDb();
  const access = await getGridAccess(db, viewer, id);
  if (!access) notFound();
  const raw = await searchParams;
  const filters = requestListSchema.parse(raw);
  const period = periodOf(filters);
  const { grid, canManage, canHandle } = access;
  const [t, tc, officers, enterprises, figures] = await Promise.all([
    getTranslations("grids"),
    getTranslations("common"),
    listOfficers(db, [id]),
    listGridEnterprises(db, viewer, id),
    gridFigures(db, viewer, id, filters),
  ]);
  const stats: [string, string, string?][] = [
    [t("received"), String(figures.received)],
    [t("resolved"), String(figures.resolved)],
    [t("closureRate"), formatRate(figures.closureRate)],
    [t("onTimeRate"), formatRate(figures.onTimeRate)],
    [t("openRed"), String(figures.openRed), figures.openRed ? "text-red-700" : undefined],
    [t("openYellow"), String(figures.openYellow), figures.openYellow ? "text-amber-800" : undefined],
  ];

  return (
    <div className="space-y-5">
      <BackLink href="/grids">{t("back")}</BackLink>
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h1 className="text-xl font-semibold text-slate-900">{grid.name}</h1>
          <p className="mt-1 flex flex-wrap items-center gap-2 text-sm text-slate-600">
            <Badge>{grid.code}</Badge>
            <span>{grid.unitName}</span>
          </p>
        </div>
        <div className="flex flex-wrap gap-2">
          {canManage && (
            <ButtonLink href={`/grids/${grid.id}/edit`} variant="secondary">
              {t("edit")}
            </ButtonLink>
          )}
          {canHandle && <ButtonLink href={`/grids/${grid.id}/requests/new`}>{t("newRequest")}</ButtonLink>}
        </div>
      </div>
      {raw.created && <Alert tone="success">{t("created")}</Alert>}
      {raw.saved && <Alert tone="success">{t("saved")}</Alert>}

      <section aria-labelledby="figures-heading" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="figures-heading" className="text-sm font-medium text-slate-700">
          {t("periodLabel", { from: period.from, to: period.to })}
        </h2>
        <dl className="mt-2 grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-6">
          {stats.map(([label, value, tone]) => (
            <div key={label}>
              <dt className="text-xs text-slate-500">{label}</dt>
              <dd className={`text-lg font-semibold tabular-nums ${tone ?? "text-slate-900"}`}>{value}</dd>
            </div>
          ))}
        </dl>
      </section>

      <Card aria-labelledby="requests-heading">
        <CardHeader id="requests-heading" title={t("requests")} />
        <RequestFilters gridId={grid.id} params={filters} period={period} />
        <Suspense key={gridQuery({ ...filters })} fallback={<p className="p-6 text-sm text-slate-500">{tc("loading")}</p>}>
          <Requests viewer={viewer} gridId={grid.id} params={filters} />
        </Suspense>
      </Card>

      <div className="grid gap-5 lg:grid-cols-2">
        <div className="min-w-0 space-y-5">
          <Card aria-labelledby="details-heading">
            <CardHeader id="details-heading" title={t("details")} />
            <CardBody>
              <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-2 text-sm">
                <dt className="text-slate-500">{t("code")}</dt>
                <dd className="font-mono">{grid.code}</dd>
                <dt className="text-slate-500">{t("unit")}</dt>
                <dd>{grid.unitName}</dd>
                <dt className="text-slate-500">{t("area")}</dt>
                <dd className="min-w-0 break-words">{grid.area || "—"}</dd>
                <dt className="text-slate-500">{t("officers")}</dt>
                <dd>
                  {officers.length === 0 ? (
                    t("noOfficers")
                  ) : (
                    <ul className="space-y-0.5">
                      {officers.map((o) => (
                        <li key={o.userId}>
                          {o.displayName} <span className="text-xs text-slate-500">{t(`roles.${o.role}`)}</span>
                        </li>
                      ))}
                    </ul>
                  )}
                </dd>
              </dl>
            </CardBody>
          </Card>
          <RuleNote />
        </div>
        <Card aria-labelledby="enterprises-heading" className="min-w-0">
          <CardHeader id="enterprises-heading" title={t("enterprisesWithCount", { count: enterprises.length })} />
          <CardBody>
            <GridEnterprises gridId={grid.id} rows={enterprises} canManage={canManage} />
          </CardBody>
        </Card>
      </div>
    </div>
  );
}

async function Requests({ viewer, gridId, params }: { viewer: Viewer; gridId: string; params: RequestListParams }) {
  const t = await getTranslations("grids");
  const { rows, total } = await listGridRequests(getDb(), viewer, gridId, params);
  return (
    <>
      <p className="px-4 py-2 text-sm text-slate-600" role="status">
        {t("requestsTotal", { count: total })}
      </p>
      {rows.length > 0 ? <RequestsTable rows={rows} /> : <p className="px-4 py-10 text-center text-slate-600">{t("noRequests")}</p>}
      <Pagination page={params.page} pageSize={REQUEST_PAGE_SIZE} total={total} params={{ status: params.status, colour: params.colour, from: params.from, to: params.to }} />
    </>
  );
}
