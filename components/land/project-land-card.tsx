import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { getDb } from "@/db";
import type { Viewer } from "@/lib/auth/roles";
import { formatMu, formatMuShort } from "@/lib/land/area";
import { rankCandidates, type Reason } from "@/lib/land/matching";
import { getProjectLand, listOpenParcels, listProjectParcels, parkOptions } from "@/lib/land/queries";
import { landNeedFormValues } from "@/lib/land/validation";
import { LandNeedForm } from "./land-need-form";
import { MatchButton } from "./match-button";
import { ParcelStatusBadge } from "./parcel-status-badge";

const CANDIDATES_SHOWN = 5;

/**
 * 用地需求与地块, on the project page: the project's land need (editable by whoever may
 * change the project), the parcels matched to it, and the parcels still on offer ranked by
 * how well they fit, each score explained part by part. Renders nothing for a project the
 * viewer may not see.
 */
export async function ProjectLandCard({ projectId, viewer }: { projectId: string; viewer: Viewer }) {
  const db = getDb();
  const land = await getProjectLand(db, viewer, projectId);
  if (!land) return null;
  const [t, linked, open, parks] = await Promise.all([getTranslations(), listProjectParcels(db, projectId), listOpenParcels(db), parkOptions(db)]);
  const need = { mu: land.landNeedMu, landUse: land.landUse, parkId: land.parkId, parkName: land.parkName, chainId: land.chainId, chainName: land.chainName, chainSystem: land.chainSystem };
  const candidates = rankCandidates(need, open, CANDIDATES_SHOWN);
  const reason = (r: Reason) => {
    const values = { ...r.values };
    for (const key of ["use", "need"] as const) {
      if (typeof values[key] === "string" && r.key.startsWith("landUse.")) values[key] = t(`landUses.${values[key] as "other"}`);
    }
    return t(`match.${r.key}` as never, values as never);
  };
  const summary = [
    land.landNeedMu ? t("land.needSummaryMu", { mu: formatMuShort(land.landNeedMu) }) : t("land.noNeedMu"),
    land.landUse ? t(`landUses.${land.landUse}`) : null,
    land.parkName ? t("land.needSummaryPark", { park: land.parkName }) : null,
  ].filter(Boolean);

  return (
    <Card aria-labelledby="land-heading">
      <CardHeader id="land-heading" title={t("land.title")} />
      <CardBody className="space-y-5">
        <section aria-labelledby="land-need-heading" className="space-y-2">
          <h3 id="land-need-heading" className="text-sm font-semibold text-slate-800">
            {t("land.need")}
          </h3>
          <p className="text-sm text-slate-700">{summary.join(" · ")}</p>
          <details className="group">
            <summary className="cursor-pointer text-sm text-brand-700">{t("land.editNeed")}</summary>
            <div className="mt-3">
              <LandNeedForm
                projectId={projectId}
                parks={parks.map(({ id, name }) => ({ id, name }))}
                values={landNeedFormValues(land)}
              />
            </div>
          </details>
        </section>

        <section aria-labelledby="land-linked-heading" className="space-y-2">
          <h3 id="land-linked-heading" className="text-sm font-semibold text-slate-800">
            {t("land.linked")}
          </h3>
          {linked.length === 0 ? (
            <p className="text-sm text-slate-500">{t("land.noLinked")}</p>
          ) : (
            <ul className="space-y-3">
              {linked.map((p) => (
                <li key={p.id} className="flex items-start justify-between gap-2 text-sm">
                  <div className="min-w-0 flex-1">
                    <Link href={`/parcels/${p.id}`} className="font-medium text-brand-700 hover:underline">
                      {p.code}
                    </Link>
                    <span className="ml-1.5 tabular-nums">{t("land.muValue", { mu: formatMu(p.areaMu) })}</span>
                    <span className="ml-1.5">
                      <ParcelStatusBadge status={p.status} />
                    </span>
                    <p className="text-xs text-slate-500">
                      {p.parkName}
                      {p.zoneName && ` · ${p.zoneName}`}
                    </p>
                  </div>
                  <MatchButton projectId={projectId} parcelId={p.id} code={p.code} unlink />
                </li>
              ))}
            </ul>
          )}
        </section>

        <section aria-labelledby="land-candidates-heading" className="space-y-2">
          <h3 id="land-candidates-heading" className="text-sm font-semibold text-slate-800">
            {t("land.candidates")}
          </h3>
          <p className="text-xs text-slate-500">{land.landNeedMu ? t("land.candidatesHint") : t("land.needFirst")}</p>
          {candidates.length === 0 ? (
            <p className="text-sm text-slate-500">{t("land.noCandidates")}</p>
          ) : (
            <ol className="space-y-3" aria-label={t("land.candidates")}>
              {candidates.map((c) => (
                <li key={c.id} className="rounded-md border border-slate-200 p-3 text-sm" data-preferred={c.preferred}>
                  <div className="flex items-start justify-between gap-2">
                    <div className="min-w-0 flex-1">
                      <Link href={`/parcels/${c.id}`} className="font-medium text-brand-700 hover:underline">
                        {c.code}
                      </Link>
                      <Badge tone={c.total >= 80 ? "green" : c.total >= 60 ? "blue" : "grey"} className="ml-1.5" data-score={c.total}>
                        {t("land.score", { score: c.total })}
                      </Badge>
                      <p className="text-xs text-slate-500">
                        {c.parkName}
                        {c.zoneName && ` · ${c.zoneName}`} · {t("land.muValue", { mu: formatMu(c.areaMu) })} · {t(`parcelStatuses.${c.status}`)}
                      </p>
                    </div>
                    <MatchButton projectId={projectId} parcelId={c.id} code={c.code} />
                  </div>
                  <ul className="mt-2 space-y-1 text-xs leading-relaxed text-slate-700">
                    {c.parts.map((part) => (
                      <li key={part.key}>
                        <span className="mr-1 font-medium whitespace-nowrap text-slate-900">
                          {t(`match.parts.${part.key}`)} <span className="tabular-nums">{part.score}/{part.max}</span>：
                        </span>
                        {part.reasons.map(reason).join("；")}
                      </li>
                    ))}
                  </ul>
                </li>
              ))}
            </ol>
          )}
          <Link href="/parcels?matched=no" className="inline-block text-sm text-brand-700 hover:underline">
            {t("land.allOpenParcels")}
          </Link>
        </section>
      </CardBody>
    </Card>
  );
}
