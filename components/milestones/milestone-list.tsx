"use client";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import type { ReviewStatus } from "@/db/schema/enums";
import { formatDateTime } from "@/lib/i18n/format";
import { isEditable, type MilestoneStage } from "@/lib/milestones/rules";
import { PlanForm } from "./plan-form";
import { ReportForm, type ReportContext } from "./report-form";
import { ReviewForm } from "./review-form";

const TONES: Record<ReviewStatus, "grey" | "amber" | "green" | "red"> = { draft: "grey", pending: "amber", approved: "green", rejected: "red" };

type Open = { kind: "report" | "review"; stage: MilestoneStage } | { kind: "plan" } | null;

/**
 * The five milestones after signing: planned and actual dates, each report's review status
 * and who sent and checked it, with the actions the viewer may take — report, review, plan.
 */
export function MilestoneList({
  projectId,
  projectName,
  context,
  reviewable,
}: {
  projectId: string;
  projectName: string;
  context: ReportContext;
  /** Stages whose pending report this viewer may approve or return. */
  reviewable: MilestoneStage[];
}) {
  const t = useTranslations();
  const router = useRouter();
  const [open, setOpen] = useState<Open>(null);
  const [done, setDone] = useState<string>();
  const close = () => setOpen(null);
  const finish = (text: string) => {
    setOpen(null);
    setDone(text);
    router.refresh();
  };
  const stageName = (s: MilestoneStage) => t(`stages.${s}`);
  const current = open && open.kind !== "plan" ? context.milestones.find((m) => m.stage === open.stage)?.report : null;

  return (
    <div className="space-y-3">
      {done && <Alert tone="success">{done}</Alert>}
      <ol className="divide-y divide-slate-100 rounded-md border border-slate-200">
        {context.milestones.map(({ stage, report }) => {
          const status = report?.reviewStatus ?? null;
          return (
            <li key={stage} className="grid gap-2 p-3 text-sm sm:grid-cols-[6rem_1fr_auto] sm:items-start">
              <div className="flex items-center gap-2 sm:block">
                <p className="font-medium">{stageName(stage)}</p>
                <Badge tone={status ? TONES[status] : "grey"} className="sm:mt-1">
                  {status ? t(`reviewStatuses.${status}`) : t("milestones.notReported")}
                </Badge>
              </div>
              <div className="min-w-0 space-y-0.5 text-slate-700">
                <p className="tabular-nums">
                  <span className="text-slate-500">{t("milestones.planned")}</span> {report?.plannedDate ?? t("projects.none")}
                  <span className="ml-3 text-slate-500">{t("milestones.actual")}</span> {report?.actualDate ?? t("projects.none")}
                </p>
                {report?.companyName && (
                  <p className="break-words">
                    {report.companyName} <span className="font-mono text-xs">{report.companyUscc}</span>
                  </p>
                )}
                {report?.parcelCode && (
                  <p>
                    {t("milestones.parcel")}：{report.parcelCode}
                  </p>
                )}
                {report?.note && <p className="whitespace-pre-line text-slate-600">{report.note}</p>}
                {report?.submittedAt && report.submittedBy && <p className="text-xs text-slate-500">{t("milestones.submittedBy", { name: report.submittedBy, at: formatDateTime(report.submittedAt) })}</p>}
                {report?.reviewedAt && report.reviewedBy && status !== "pending" && (
                  <p className="text-xs text-slate-500">{t("milestones.reviewedBy", { name: report.reviewedBy, at: formatDateTime(report.reviewedAt) })}</p>
                )}
                {status === "rejected" && report?.reviewComment && <p className="text-red-700">{t("milestones.returnedComment", { comment: report.reviewComment })}</p>}
                {status === "approved" && report?.reviewComment && <p className="text-slate-600">{t("milestones.approveComment", { comment: report.reviewComment })}</p>}
              </div>
              <div className="flex flex-wrap gap-2 sm:justify-end">
                {isEditable(status) && (
                  <Button variant="secondary" className="min-h-9 px-3" onClick={() => setOpen({ kind: "report", stage })} aria-label={`${t(status ? "milestones.editReport" : "milestones.report")}：${stageName(stage)}`}>
                    {t(status ? "milestones.editReport" : "milestones.report")}
                  </Button>
                )}
                {status === "pending" && reviewable.includes(stage) && (
                  <Button className="min-h-9 px-3" onClick={() => setOpen({ kind: "review", stage })} aria-label={`${t("milestones.review")}：${stageName(stage)}`}>
                    {t("milestones.review")}
                  </Button>
                )}
              </div>
            </li>
          );
        })}
      </ol>
      <Button variant="ghost" className="min-h-9 px-2 text-brand-700" onClick={() => setOpen({ kind: "plan" })}>
        {t("milestones.editPlan")}
      </Button>

      <Dialog
        open={open !== null}
        onClose={close}
        titleId={`milestone-dialog-${projectId}`}
        className="w-[min(36rem,calc(100vw-2rem))]"
        title={
          !open
            ? ""
            : open.kind === "plan"
              ? t("milestones.planTitle")
              : open.kind === "report"
                ? t("milestones.reportTitle", { stage: stageName(open.stage) })
                : t("milestones.reviewTitle", { stage: stageName(open.stage), name: projectName })
        }
      >
        {open?.kind === "report" && (
          <ReportForm
            key={open.stage}
            projectId={projectId}
            stage={open.stage}
            context={context}
            onCancel={close}
            onDone={(submitted) => finish(t(submitted ? "milestones.submitted" : "milestones.draftSaved"))}
          />
        )}
        {open?.kind === "review" && current && (
          <ReviewForm report={current} stage={open.stage} onCancel={close} onDone={(approved) => finish(t(approved ? "milestones.approved" : "milestones.rejected"))} />
        )}
        {open?.kind === "plan" && <PlanForm projectId={projectId} milestones={context.milestones} onCancel={close} onDone={() => finish(t("milestones.planSaved"))} />}
      </Dialog>
    </div>
  );
}
