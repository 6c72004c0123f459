import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { HistoryList } from "@/components/admin/history-list";
import { ParcelStatusBadge } from "@/components/land/parcel-status-badge";
import { ParcelStatusForm } from "@/components/land/parcel-status-form";
import { Alert } from "@/components/ui/alert";
import { ArchiveButton } from "@/components/archive/archive-button";
import { ButtonLink } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { BackLink } from "@/components/ui/page-header";
import { Table, Td, Th } from "@/components/ui/table";
import { getDb } from "@/db";
import { listEntityHistory } from "@/lib/audit/queries";
import { requirePageViewer } from "@/lib/auth/page";
import { hasRole } from "@/lib/auth/roles";
import { formatDateTime, todayInChina } from "@/lib/i18n/format";
import { formatMu, formatSqm, groupThousands } from "@/lib/land/area";
import { formatWan } from "@/lib/land/price";
import { parcelHistory } from "@/lib/land/history-fields";
import { getParcel, listStatusChanges, namesForHistory } from "@/lib/land/queries";
import { FactList } from "@/components/ui/fact-list";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("parcels"))("details") };
}

export default async function ParcelPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ saved?: string }> }) {
  const viewer = await requirePageViewer();
  const { id } = await params;
  const db = getDb();
  const parcel = await getParcel(db, viewer, id);
  if (!parcel) notFound();
  const [t, changes, history] = await Promise.all([getTranslations(), listStatusChanges(db, id), listEntityHistory(db, "parcel", id, 30)]);
  const names = await namesForHistory(db, viewer, history);
  const { saved } = await searchParams;
  const none = t("parks.none");
  const canEdit = hasRole(viewer, "manager");

  const facts: [string, React.ReactNode][] = [
    [
      t("parcels.park"),
      <Link key="park" href={`/parks/${parcel.parkId}`} className="text-brand-700 hover:underline">
        {parcel.parkName}
      </Link>,
    ],
    [t("parcels.zone"), parcel.zoneName ?? none],
    [t("parcels.location"), parcel.location || none],
    [
      t("parcels.area"),
      <span key="area" className="tabular-nums">
        {t("parcels.areaBoth", { mu: formatMu(parcel.areaMu), sqm: formatSqm(parcel.areaMu) })}
        <span className="ml-1.5 text-xs text-slate-500">{t(parcel.areaEnteredIn === "sqm" ? "parcels.enteredInSqm" : "parcels.enteredInMu")}</span>
      </span>,
    ],
    [t("parcels.landUse"), t(`landUses.${parcel.landUse}`)],
    [t("parcels.floorAreaRatio"), parcel.floorAreaRatio ?? none],
    [t("parcels.plannedFloorArea"), parcel.plannedFloorAreaSqm ? `${groupThousands(parcel.plannedFloorAreaSqm)} ㎡` : none],
    [t("parcels.statusSince"), parcel.statusChangedOn ?? none],
    [t("parcels.transferDate"), parcel.transferDate ?? none],
    [t("parcels.landPrice"), parcel.landPrice ? formatWan(parcel.landPrice) : none],
  ];

  const { entries, labels: fieldLabels, format } = parcelHistory(t, names, history);

  return (
    <div className="space-y-5">
      <BackLink href="/parcels">{t("parcels.back")}</BackLink>
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h1 className="text-xl font-semibold">
            {t("parcels.heading", { code: parcel.code })}
          </h1>
          <div className="mt-1.5 flex flex-wrap items-center gap-2 text-sm text-slate-600">
            <ParcelStatusBadge status={parcel.status} />
            <span className="tabular-nums">{t("parcels.areaBoth", { mu: formatMu(parcel.areaMu), sqm: formatSqm(parcel.areaMu) })}</span>
            <span>
              {parcel.parkName}
              {parcel.zoneName && ` · ${parcel.zoneName}`}
            </span>
          </div>
        </div>
        {canEdit && (
          <div className="flex flex-wrap gap-2">
            <ButtonLink href={`/parcels/${parcel.id}/edit`} variant="secondary">
              {t("parcels.edit")}
            </ButtonLink>
            <ArchiveButton type="parcel" id={parcel.id} version={parcel.version} name={parcel.code} />
          </div>
        )}
      </div>
      {saved && <Alert tone="success">{t("parcels.saved")}</Alert>}
      <div className="grid grid-cols-1 gap-5 lg:grid-cols-[1fr_24rem]">
        <div className="min-w-0 space-y-5">
          <Card aria-labelledby="parcel-facts-heading">
            <CardHeader id="parcel-facts-heading" title={t("parcels.details")} />
            <CardBody>
              <FactList facts={facts} className="grid gap-x-4 gap-y-2 text-sm sm:grid-cols-[9rem_1fr]" />
              {parcel.note && <p className="mt-3 text-sm whitespace-pre-line text-slate-700">{parcel.note}</p>}
            </CardBody>
          </Card>
          <Card aria-labelledby="parcel-status-history-heading">
            <CardHeader id="parcel-status-history-heading" title={t("parcels.statusHistory")} />
            <Table label={t("parcels.statusHistory")}>
              <thead>
                <tr>
                  <Th>{t("parcels.changedOn")}</Th>
                  <Th>{t("parcels.change")}</Th>
                  <Th>{t("parcels.statusNote")}</Th>
                  <Th>{t("common.actor")}</Th>
                </tr>
              </thead>
              <tbody>
                {changes.map((c) => (
                  <tr key={c.id}>
                    <Td className="whitespace-nowrap tabular-nums">{c.changedOn}</Td>
                    <Td className="whitespace-nowrap">
                      {c.fromStatus
                        ? t("parcels.changeFromTo", { from: t(`parcelStatuses.${c.fromStatus}`), to: t(`parcelStatuses.${c.toStatus}`) })
                        : t("parcels.changeRegistered", { to: t(`parcelStatuses.${c.toStatus}`) })}
                    </Td>
                    <Td className="min-w-40 text-slate-600">{c.note || none}</Td>
                    <Td className="whitespace-nowrap text-slate-600">
                      {c.actorName ?? t("common.system")}
                      <span className="block text-xs text-slate-500">{formatDateTime(c.at)}</span>
                    </Td>
                  </tr>
                ))}
                {changes.length === 0 && (
                  <tr>
                    <Td colSpan={4} className="text-slate-500">
                      {t("parcels.noStatusHistory")}
                    </Td>
                  </tr>
                )}
              </tbody>
            </Table>
          </Card>
          <Card aria-labelledby="parcel-history-heading">
            <CardHeader id="parcel-history-heading" title={t("parcels.history")} />
            <CardBody>
              <HistoryList entries={entries} fieldLabels={fieldLabels} format={format} />
            </CardBody>
          </Card>
        </div>
        <div className="min-w-0 space-y-5">
          <Card aria-labelledby="parcel-project-heading">
            <CardHeader id="parcel-project-heading" title={t("parcels.matchedProject")} />
            <CardBody className="text-sm">
              {!parcel.matched ? (
                <p className="text-slate-600">{t("parcels.noProjectHint")}</p>
              ) : parcel.projectName ? (
                <Link href={`/projects/${parcel.projectId}`} className="font-medium text-brand-700 hover:underline">
                  {parcel.projectName}
                </Link>
              ) : (
                <p className="text-slate-600">{t("parcels.matchedHidden")}</p>
              )}
            </CardBody>
          </Card>
          {canEdit && (
            <Card aria-labelledby="parcel-status-heading">
              <CardHeader id="parcel-status-heading" title={t("parcels.changeStatus")} />
              <CardBody>
                <ParcelStatusForm
                  parcelId={parcel.id}
                  from={{ status: parcel.status, transferDate: parcel.transferDate, statusChangedOn: parcel.statusChangedOn }}
                  version={parcel.version}
                  today={todayInChina()}
                />
              </CardBody>
            </Card>
          )}
        </div>
      </div>
    </div>
  );
}
