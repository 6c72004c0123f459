import { getTranslations } from "next-intl/server";
import { formatDateTime } from "@/lib/i18n/format";
import type { TimelineItem } from "@/lib/projects/timeline";

const FIELD_LABELS: Record<string, string> = {
  name: "projects.name",
  enterpriseId: "projects.enterprise",
  industryChainId: "projects.chain",
  source: "projects.source",
  totalInvestment: "projects.totalInvestmentShort",
  capitalOrigin: "projects.capitalOrigin",
  ownerId: "projects.owner",
  responsibleLeader: "projects.responsibleLeader",
  unitId: "projects.unit",
  isKey: "projects.isKey",
  expectedSigningDate: "projects.expectedSigningDate",
  description: "projects.description",
  parkId: "projects.park",
  parcel: "projects.parcel",
  landNeedMu: "projects.landNeed",
  landUse: "projects.landUse",
  signingDate: "signing.signingDate",
  agreementType: "signing.agreementType",
  contractInvestment: "projects.contractAmount",
  phase1Investment: "signing.phase1Short",
  eventId: "signing.event",
  stewardId: "signing.steward",
  responsibleUnitId: "signing.responsibleUnit",
  progress: "signing.progress",
  issues: "signing.issues",
  note: "signing.note",
};

const DOTS: Record<TimelineItem["type"], string> = {
  activity: "bg-brand-600",
  stage: "bg-emerald-600",
  report: "bg-amber-500",
  funds: "bg-emerald-400",
  edit: "bg-slate-400",
  task: "bg-slate-400",
};

/** The project's history, newest first: activities, stage changes, edits and tasks. */
export async function Timeline({ items, format }: { items: TimelineItem[]; format: (field: string, value: unknown) => string }) {
  const t = await getTranslations();
  if (items.length === 0) return <p className="text-sm text-slate-500">{t("projects.timelineEmpty")}</p>;
  return (
    <ol className="space-y-4">
      {items.map((item) => (
        <li key={item.id} className="relative border-l-2 border-slate-200 pl-4">
          <span
            aria-hidden="true"
            className={`absolute top-1.5 -left-[5px] h-2 w-2 rounded-full ${DOTS[item.type]}`}
          />
          <p className="text-xs text-slate-500">
            {item.type === "activity" ? item.occurredOn : formatDateTime(item.at)}
            {item.actor && ` · ${item.actor}`}
          </p>
          {item.type === "activity" && (
            <div className="mt-0.5 text-sm">
              <p>
                <span className="mr-1.5 font-medium">{t(`activityKinds.${item.kind}`)}</span>
                {item.participants && <span className="text-slate-600">（{item.participants}）</span>}
              </p>
              <p className="mt-1 whitespace-pre-line">{item.summary}</p>
              {item.nextStep && (
                <p className="mt-1 text-slate-600">
                  {t("projects.nextStep")}：{item.nextStep}
                </p>
              )}
            </div>
          )}
          {item.type === "stage" && (
            <div className="mt-0.5 text-sm">
              <p className="font-medium">
                {item.fromStage === null
                  ? t("projects.eventCreated", { stage: t(`stages.${item.toStage}`) })
                  : item.fromStage !== item.toStage
                    ? t("projects.eventStage", { from: t(`stages.${item.fromStage}`), to: t(`stages.${item.toStage}`) })
                    : t("projects.eventStatus", { from: t(`statuses.${item.fromStatus ?? "active"}`), to: t(`statuses.${item.toStatus}`) })}
                {item.fromStage !== null && item.fromStage !== item.toStage && item.fromStatus !== item.toStatus && (
                  <span className="ml-1 font-normal text-slate-600">（{t(`statuses.${item.toStatus}`)}）</span>
                )}
              </p>
              {item.note && <p className="mt-1 text-slate-600">{item.note}</p>}
            </div>
          )}
          {item.type === "edit" && (
            <div className="mt-0.5 text-sm">
              <p className="font-medium">{t(item.entity === "signing" ? "projects.editedSigning" : item.entity === "project_land" ? "projects.editedLand" : "projects.edited")}</p>
              <ul className="mt-1 space-y-0.5 text-slate-600">
                {Object.keys(item.after).map((field) => (
                  <li key={field}>
                    {FIELD_LABELS[field] ? t(FIELD_LABELS[field] as never) : field}：{format(field, item.before[field])} → {format(field, item.after[field])}
                  </li>
                ))}
              </ul>
            </div>
          )}
          {item.type === "report" && (
            <div className="mt-0.5 text-sm">
              {item.status && (
                <p className="font-medium">
                  {t(
                    item.status === "pending"
                      ? "milestones.timelineSubmitted"
                      : item.status === "approved"
                        ? "milestones.timelineApproved"
                        : item.status === "rejected"
                          ? "milestones.timelineRejected"
                          : "milestones.timelineSaved",
                    { stage: t(`stages.${item.stage}`) },
                  )}
                </p>
              )}
              {typeof item.plannedDate === "string" && <p className={item.status ? "mt-1 text-slate-600" : "font-medium"}>{t("milestones.timelinePlanned", { stage: t(`stages.${item.stage}`), date: item.plannedDate })}</p>}
              {item.comment && item.status !== "pending" && item.status !== "draft" && <p className="mt-1 text-slate-600">{item.comment}</p>}
            </div>
          )}
          {item.type === "funds" && (
            <p className="mt-0.5 text-sm">
              {t("funds.timeline", { date: item.receivedOn, amount: format("fundsAmount", item.amount) })}
              {item.note && <span className="text-slate-600">（{item.note}）</span>}
            </p>
          )}
          {item.type === "task" && (
            <p className="mt-0.5 text-sm">{item.done ? t("projects.taskCompleted", { title: item.title }) : t("projects.taskCreated", { title: item.title })}</p>
          )}
        </li>
      ))}
    </ol>
  );
}
