import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { getDb } from "@/db";
import { requirePageViewer } from "@/lib/auth/page";
import { hasRole } from "@/lib/auth/roles";
import { todayInChina } from "@/lib/i18n/format";
import { getProject } from "@/lib/projects/queries";
import { getSigning } from "@/lib/signings/queries";
import { applyOptions, listChecklists, phaseProgress } from "@/lib/workflows/queries";
import { percentDone } from "@/lib/workflows/rules";
import { ApplyForm } from "./apply-form";
import { ProgressBar } from "./progress";
import { RollupCounts } from "./rollup-counts";

/**
 * The checklists of a park (its 7个1 / 5个1, per zone) or of a signed project (用地一件事,
 * 落地办专班): progress, counts, overdue and per-phase progress, each linking to its page; and
 * "启用清单" for those allowed — a park's managers and admins, whoever may change a signed project.
 */
export async function ChecklistsCard({ target }: { target: { parkId: string } | { projectId: string } }) {
  const viewer = await requirePageViewer();
  const db = getDb();
  const today = todayInChina();
  const isPark = "parkId" in target;
  let canApply = isPark && hasRole(viewer, "manager");
  let defaultOwner = viewer.id;
  if (!isPark) {
    const project = await getProject(db, viewer, target.projectId);
    if (!project) return null;
    canApply = project.signingDate !== null;
    defaultOwner = (await getSigning(db, target.projectId))?.stewardId ?? viewer.id;
  }
  const [t, checklists, options] = await Promise.all([getTranslations(), listChecklists(db, viewer, target, today), canApply ? applyOptions(db, viewer, target) : null]);
  const phases = await phaseProgress(
    db,
    checklists.map((c) => c.id),
    today,
  );
  const title = t(isPark ? "checklists.cardTitlePark" : "checklists.cardTitleProject");

  return (
    <Card aria-labelledby="checklists-heading">
      <CardHeader id="checklists-heading" title={title} />
      <CardBody className="space-y-4">
        {!isPark && canApply && checklists.length === 0 && options && options.templates.length > 0 && (
          <Alert tone="info">{t("checklists.offer", { names: options.templates.map((tpl) => tpl.name).join(" / ") })}</Alert>
        )}
        {checklists.length === 0 ? (
          <p className="text-sm text-slate-500">{t(isPark ? "checklists.noneForPark" : "checklists.noneForProject")}</p>
        ) : (
          <ul className="space-y-4">
            {checklists.map((c) => {
              const label = c.zoneName ? `${c.name} · ${c.zoneName}` : c.name;
              return (
                <li key={c.id} className="space-y-1.5" data-testid="checklist-summary">
                  <div className="flex flex-wrap items-baseline justify-between gap-x-3">
                    <Link href={`/checklists/${c.id}`} className="font-medium text-brand-700 underline-offset-2 hover:underline">
                      {label}
                    </Link>
                    <span className="text-xs text-slate-500">{t("templates.revisionN", { revision: c.templateRevision })}</span>
                  </div>
                  <ProgressBar percent={percentDone(c.done, c.total)} label={t("checklists.progressOf", { name: label })} />
                  <RollupCounts counts={c} />
                  {c.phases.length > 0 && (
                    <ul className="grid gap-1 text-xs text-slate-600" aria-label={t("checklists.byPhase", { name: label })}>
                      {(phases.get(c.id) ?? []).map((p) => (
                        <li key={p.phase} className="grid grid-cols-[5rem_1fr] items-center gap-2">
                          <span className="truncate">{p.phase || t("workflows.noPhase")}</span>
                          <span className="flex items-center gap-2">
                            <span className="tabular-nums">{t("checklists.countDone", { count: p.done, total: p.total })}</span>
                            {p.overdue > 0 && <span className="font-medium text-red-700">{t("checklists.countOverdue", { count: p.overdue })}</span>}
                          </span>
                        </li>
                      ))}
                    </ul>
                  )}
                </li>
              );
            })}
          </ul>
        )}
        {canApply && options && <ApplyForm target={target} options={options} defaults={{ ownerId: defaultOwner, unitId: viewer.unitId }} today={today} />}
      </CardBody>
    </Card>
  );
}
