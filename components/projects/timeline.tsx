import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { formatDateTime } from "@/lib/i18n/format";
import type { ChecklistItemChange, TimelineItem } from "@/lib/projects/timeline";

const FIELD_LABELS: Record<string, string> = {
  name: "projects.name",
  enterpriseId: "projects.enterprise",
  industryChainId: "projects.chain",
  sourceEventId: "projects.sourceEvent",
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
  checklist: "bg-sky-600",
  checklistItems: "bg-sky-600",
};

// A checklist item's fields as the timeline names them, in the order they are listed.
const ITEM_FIELDS: [string, string][] = [
  ["status", "checklists.status"],
  ["ownerId", "checklists.itemOwner"],
  ["dueDate", "checklists.dueDate"],
  ["completedOn", "checklists.completedOn"],
  ["progressNote", "checklists.progressNote"],
  ["evidence", "checklists.evidence"],
];
// One save of 用地一件事's dates can touch a dozen items: the first few are listed, then a count.
const MAX_CHANGES = 5;

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
                    {FIELD_LABELS[field] ? t(FIELD_LABELS[field] as never) : t("common.otherField")}：{format(field, item.before[field])} → {format(field, item.after[field])}
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
          {item.type === "checklist" && (
            <p className="mt-0.5 text-sm">
              {t.rich("checklists.timelineStarted", {
                name: item.name,
                link: (chunks) => (
                  <Link href={`/checklists/${item.checklistId}`} className="text-brand-700 underline-offset-2 hover:underline">
                    {chunks}
                  </Link>
                ),
              })}
            </p>
          )}
          {item.type === "checklistItems" && (
            <div className="mt-0.5 text-sm">
              <p className="font-medium">
                <Link href={`/checklists/${item.checklistId}`} className="text-brand-700 underline-offset-2 hover:underline">
                  {item.name}
                </Link>
                <span className="ml-1 font-normal text-slate-600">{t("checklists.timelineChanged", { count: item.changes.length })}</span>
              </p>
              <ul className="mt-1 space-y-0.5 text-slate-600">
                {item.changes.slice(0, MAX_CHANGES).map((change) => (
                  <li key={change.itemId}>
                    「{change.title}」{describeItemChange(change, t, format)}
                  </li>
                ))}
                {item.changes.length > MAX_CHANGES && <li>{t("checklists.timelineMore", { count: item.changes.length - MAX_CHANGES })}</li>}
              </ul>
            </div>
          )}
          {item.type === "task" && (
            <p className="mt-0.5 text-sm">{item.done ? t("projects.taskCompleted", { title: item.title }) : t("projects.taskCreated", { title: item.title })}</p>
          )}
        </li>
      ))}
    </ol>
  );
}

type Translate = Awaited<ReturnType<typeof getTranslations>>;

/** "状态：未启动 → 已完成；完成日期：无 → 2026-05-01" — the new progress note and evidence are shown as they now read. */
function describeItemChange(change: ChecklistItemChange, t: Translate, format: (field: string, value: unknown) => string): string {
  const show = (field: string, value: unknown): string => {
    if (field === "status" && typeof value === "string") return t(`itemStatuses.${value as "done"}`);
    if (field === "evidence") return t("checklists.evidenceLinks", { count: Array.isArray(value) ? value.length : 0 });
    return format(field, value);
  };
  // A note added to the end (the one-step 办结 appends it) reads as just what was added.
  const note = (before: unknown, after: unknown) => (typeof before === "string" && before && typeof after === "string" && after.startsWith(before) ? after.slice(before.length).trim() : after);
  return ITEM_FIELDS.filter(([field]) => field in change.after)
    .map(([field, label]) =>
      field === "progressNote"
        ? `${t(label as never)}：${show(field, note(change.before[field], change.after[field]))}`
        : `${t(label as never)}：${show(field, change.before[field])} → ${show(field, change.after[field])}`,
    )
    .join("；");
}
