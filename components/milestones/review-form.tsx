"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { reviewReportAction } from "@/app/(app)/projects/landing-actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, useErrorText } from "@/components/ui/field";
import { Form } from "@/components/ui/form";
import { applyActionErrors, callAction } from "@/components/ui/form-result";
import { Textarea } from "@/components/ui/textarea";
import { formatDateTime } from "@/lib/i18n/format";
import type { MilestoneReport } from "@/lib/milestones/queries";
import type { MilestoneStage } from "@/lib/milestones/rules";
import { reviewSchema } from "@/lib/milestones/validation";

/** Approve a submitted report, or return it with a comment saying what to correct. */
export function ReviewForm({ report, stage, onCancel, onDone }: { report: MilestoneReport; stage: MilestoneStage; onCancel: () => void; onDone: (approved: boolean) => void }) {
  const t = useTranslations();
  const errorText = useErrorText();
  const [message, setMessage] = useState<string>();
  const form = useForm<z.input<typeof reviewSchema>, unknown, z.output<typeof reviewSchema>>({
    resolver: zodResolver(reviewSchema),
    defaultValues: { decision: "approve", comment: "", version: report.version },
  });
  const { errors, isSubmitting } = form.formState;
  const decide = (decision: "approve" | "reject") => {
    form.setValue("decision", decision);
    return form.handleSubmit(async (values) => {
      setMessage(undefined);
      const result = await callAction(reviewReportAction(report.id, values));
      if (result.ok) onDone(decision === "approve");
      else setMessage(errorText(applyActionErrors(form, result)));
    })();
  };
  const facts: [string, string | null][] = [
    [t(`milestones.actualDate_${stage}`), report.actualDate],
    [t("milestones.companyName"), report.companyName],
    [t("milestones.companyUscc"), report.companyUscc],
    [t("milestones.parcel"), report.parcelCode],
    [t("milestones.note"), report.note || null],
  ];
  return (
    <Form onSubmit={(e) => void (e.preventDefault(), decide("approve"))} className="space-y-4">
      {message && <Alert tone="error">{message}</Alert>}
      <div>
        <h3 className="text-sm font-medium text-slate-700">{t("milestones.facts")}</h3>
        <dl className="mt-1 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
          {facts
            .filter(([, v]) => v)
            .map(([label, value]) => (
              <div key={label} className="contents">
                <dt className="text-slate-500">{label}</dt>
                <dd className="min-w-0 break-words whitespace-pre-line">{value}</dd>
              </div>
            ))}
        </dl>
        {report.submittedBy && report.submittedAt && <p className="mt-1 text-xs text-slate-500">{t("milestones.submittedBy", { name: report.submittedBy, at: formatDateTime(report.submittedAt) })}</p>}
      </div>
      <Field id={`review-${report.id}-comment`} label={t("milestones.comment")} hint={t("milestones.commentHint")} error={errors.comment?.message}>
        {(aria) => <Textarea {...aria} {...form.register("comment")} rows={3} />}
      </Field>
      <input type="hidden" {...form.register("version")} />
      <div className="flex flex-wrap justify-end gap-2">
        <Button type="button" variant="ghost" onClick={onCancel}>
          {t("milestones.cancel")}
        </Button>
        <Button type="button" variant="danger" disabled={isSubmitting} onClick={() => void decide("reject")}>
          {t("milestones.reject")}
        </Button>
        <Button type="submit" disabled={isSubmitting}>
          {t("milestones.approve")}
        </Button>
      </div>
    </Form>
  );
}
