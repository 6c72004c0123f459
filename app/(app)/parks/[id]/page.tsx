import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { LandByStatus, LandHeadline } from "@/components/land/land-totals";
import { ParcelsTable } from "@/components/land/parcels-table";
import { StageBadge } from "@/components/projects/stage-badge";
import { Alert } from "@/components/ui/alert";
import { ButtonLink } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { ChecklistsCard } from "@/components/workflows/checklists-card";
import { BackLink, PageHeader } from "@/components/ui/page-header";
import { Table, Td, Th } from "@/components/ui/table";
import { getDb } from "@/db";
import { requirePageViewer } from "@/lib/auth/page";
import { hasRole } from "@/lib/auth/roles";
import { formatMu, formatMuShort, formatSqm } from "@/lib/land/area";
import { getPark, listParcels, listParkProjects, listZones, parkTotals } from "@/lib/land/queries";
import { DISTRICTS, parcelListSchema } from "@/lib/land/validation";
import { yuanToYi } from "@/lib/money";
import { FactList } from "@/components/ui/fact-list";

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const park = await getPark(getDb(), (await params).id);
  return { title: park?.name ?? (await getTranslations("parks"))("title") };
}

const PARCELS_SHOWN = 50;

export default async function ParkPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ saved?: string }> }) {
  const viewer = await requirePageViewer();
  const { id } = await params;
  const db = getDb();
  const park = await getPark(db, id);
  if (!park) notFound();
  const parcelParams = parcelListSchema.parse({ park: id, size: PARCELS_SHOWN });
  const [t, totals, { zones, unzoned }, parcels, projects] = await Promise.all([
    getTranslations(),
    parkTotals(db, id),
    listZones(db, id),
    listParcels(db, viewer, parcelParams),
    listParkProjects(db, viewer, id),
  ]);
  const { saved } = await searchParams;
  const none = t("parks.none");
  const facts: [string, React.ReactNode][] = [
    [t("parks.district"), park.districtCode ? `${DISTRICTS[park.districtCode] ?? ""}（${park.districtCode}）` : t("parks.functionalZone")],
    [t("parks.areaMu"), park.areaMu ? `${formatMuShort(park.areaMu)} 亩（${formatSqm(park.areaMu)} ㎡）` : none],
    [t("parks.leadingChain"), park.chainName ? `${park.chainName}${park.chainSystem ? `（${park.chainSystem}）` : ""}` : none],
    [t("parks.operator"), park.operator || none],
  ];

  return (
    <div className="space-y-5">
      <BackLink href="/parks">{t("parks.back")}</BackLink>
      <PageHeader
        title={park.name}
        actions={
          <>
            {hasRole(viewer, "manager") && (
              <ButtonLink href={`/parcels/new?park=${park.id}`} variant="secondary">
                {t("parcels.new")}
              </ButtonLink>
            )}
            {hasRole(viewer, "admin") && <ButtonLink href={`/parks/${park.id}/edit`}>{t("parks.edit")}</ButtonLink>}
          </>
        }
      />
      {saved && <Alert tone="success">{t("parks.saved")}</Alert>}
      <div className="grid grid-cols-1 gap-5 lg:grid-cols-[22rem_1fr]">
        <Card aria-labelledby="park-facts-heading">
          <CardHeader id="park-facts-heading" title={t("parks.details")} />
          <CardBody>
            <FactList facts={facts} />
            {park.description && <p className="mt-3 text-sm whitespace-pre-line text-slate-700">{park.description}</p>}
          </CardBody>
        </Card>
        <Card aria-labelledby="park-land-heading" className="min-w-0">
          <CardHeader id="park-land-heading" title={t("parks.land")} />
          <CardBody className="space-y-3">
            <LandHeadline totals={totals} />
          </CardBody>
          <LandByStatus totals={totals} byStatus={totals.byStatus} filter={`park=${park.id}`} label={t("parks.byStatus")} />
          <p className="px-4 py-2 text-xs text-slate-500">{t("parks.cumulativeHint")}</p>
        </Card>
      </div>

      {/* 7个1 / 5个1: the park's mechanism checklists, whole park and per zone. */}
      <ChecklistsCard target={{ parkId: park.id }} />

      <Card aria-labelledby="park-zones-heading">
        <CardHeader id="park-zones-heading" title={t("parks.zones")} />
        {zones.length === 0 ? (
          <p className="px-4 py-3 text-sm text-slate-500">{t("parks.noZones")}</p>
        ) : (
          <Table label={t("parks.zones")}>
            <thead>
              <tr>
                <Th>{t("parks.zoneName")}</Th>
                <Th className="text-right">{t("parks.zoneArea")}</Th>
                <Th className="text-right">{t("parks.parcelCount")}</Th>
                <Th className="text-right">{t("parks.parcelArea")}</Th>
                <Th className="text-right">{t("parks.clearedArea")}</Th>
                <Th className="text-right">{t("parks.transferredArea")}</Th>
                <Th>{t("parks.zoneDescription")}</Th>
              </tr>
            </thead>
            <tbody>
              {zones.map((z) => (
                <tr key={z.id}>
                  <Td className="min-w-32 font-medium">
                    <Link href={`/parcels?park=${park.id}&zone=${z.id}`} className="text-brand-700 hover:underline">
                      {z.name}
                    </Link>
                  </Td>
                  <Td className="text-right tabular-nums">{z.areaMu ? formatMu(z.areaMu) : none}</Td>
                  <Td className="text-right tabular-nums">{z.totals.parcels}</Td>
                  <Td className="text-right tabular-nums">{formatMu(z.totals.area)}</Td>
                  <Td className="text-right tabular-nums">{formatMu(z.totals.cleared)}</Td>
                  <Td className="text-right tabular-nums">{formatMu(z.totals.transferred)}</Td>
                  <Td className="min-w-48 text-slate-600">{z.description || none}</Td>
                </tr>
              ))}
              {unzoned.parcels > 0 && (
                <tr>
                  <Td className="text-slate-600">{t("parks.unzoned")}</Td>
                  <Td className="text-right">{none}</Td>
                  <Td className="text-right tabular-nums">{unzoned.parcels}</Td>
                  <Td className="text-right tabular-nums">{formatMu(unzoned.area)}</Td>
                  <Td className="text-right tabular-nums">{formatMu(unzoned.cleared)}</Td>
                  <Td className="text-right tabular-nums">{formatMu(unzoned.transferred)}</Td>
                  <Td />
                </tr>
              )}
            </tbody>
          </Table>
        )}
      </Card>

      <Card aria-labelledby="park-parcels-heading">
        <CardHeader
          id="park-parcels-heading"
          title={t("parks.parcels")}
          actions={
            <Link href={`/parcels?park=${park.id}`} className="text-sm text-brand-700 hover:underline">
              {t("parks.allParcels", { count: parcels.total })}
            </Link>
          }
        />
        {parcels.rows.length === 0 ? (
          <p className="px-4 py-3 text-sm text-slate-500">{t("parks.noParcels")}</p>
        ) : (
          <ParcelsTable rows={parcels.rows} label={t("parks.parcels")} hidePark />
        )}
      </Card>

      <Card aria-labelledby="park-projects-heading">
        <CardHeader id="park-projects-heading" title={t("parks.projects")} />
        <p className="px-4 pt-3 text-sm text-slate-600" role="status">
          {t("parks.projectsSummary", { count: projects.rows.length, yi: yuanToYi(projects.totalInvestment) })}
        </p>
        {projects.rows.length === 0 ? (
          <p className="px-4 py-3 text-sm text-slate-500">{t("parks.noProjects")}</p>
        ) : (
          <Table label={t("parks.projects")}>
            <thead>
              <tr>
                <Th>{t("projects.name")}</Th>
                <Th>{t("projects.stage")}</Th>
                <Th className="text-right">{t("projects.totalInvestment")}</Th>
                <Th className="text-right">{t("land.needMu")}</Th>
                <Th>{t("projects.owner")}</Th>
              </tr>
            </thead>
            <tbody>
              {projects.rows.map((p) => (
                <tr key={p.id}>
                  <Td className="min-w-56">
                    <Link href={`/projects/${p.id}`} className="text-brand-700 hover:underline">
                      {p.name}
                    </Link>
                  </Td>
                  <Td>
                    <StageBadge stage={p.stage} status={p.status} />
                  </Td>
                  <Td className="text-right tabular-nums">{yuanToYi(p.totalInvestment)}</Td>
                  <Td className="text-right tabular-nums">{p.landNeedMu ? formatMu(p.landNeedMu) : none}</Td>
                  <Td className="whitespace-nowrap">{p.ownerName}</Td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr className="font-medium">
                <Td>{t("parks.totalRow")}</Td>
                <Td />
                <Td className="text-right tabular-nums">{yuanToYi(projects.totalInvestment)}</Td>
                <Td />
                <Td />
              </tr>
            </tfoot>
          </Table>
        )}
      </Card>
    </div>
  );
}
