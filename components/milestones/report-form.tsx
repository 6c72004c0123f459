"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import type { z } from "zod";
import { saveReportAction } from "@/app/(app)/projects/landing-actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, useErrorText } from "@/components/ui/field";
import { Form } from "@/components/ui/form";
import { applyActionErrors, callAction } from "@/components/ui/form-result";
import { Input, Select } from "@/components/ui/input";
import { Textarea } from "@/components/ui/textarea";
import type { ProjectStage } from "@/db/schema/enums";
import { usccWarning } from "@/lib/enterprises/validation";
import { todayInChina } from "@/lib/i18n/format";
import { formatMu } from "@/lib/land/area";
import type { ProjectMilestone } from "@/lib/milestones/queries";
import { orderWarnings, REPORT_FACTS, type MilestoneStage, type OrderWarning } from "@/lib/milestones/rules";
import { reportSchema } from "@/lib/milestones/validation";

type Values = z.input<typeof reportSchema>;
type Parsed = z.output<typeof reportSchema>;

export type ReportContext = {
  milestones: ProjectMilestone[];
  parcels: { id: string; code: string; parkName: string; areaMu: string; projectId: string | null }[];
  signingDate: string | null;
  projectStage: ProjectStage;
};

/**
 * A stage report: the actual date and the facts the stage needs. "保存" keeps it as a draft;
 * "提交审核" sends it to the unit above. A report out of the usual order asks the user to
 * confirm first — the server checks the same rule (lib/milestones/rules.ts).
 */
export function ReportForm({
  projectId,
  stage,
  context,
  onCancel,
  onDone,
}: {
  projectId: string;
  stage: MilestoneStage;
  context: ReportContext;
  onCancel: () => void;
  onDone: (submitted: boolean) => void;
}) {
  const t = useTranslations();
  const errorText = useErrorText();
  const [message, setMessage] = useState<string>();
  const report = context.milestones.find((m) => m.stage === stage)?.report ?? null;
  const form = useForm<Values, unknown, Parsed>({
    resolver: zodResolver(reportSchema),
    defaultValues: {
      stage,
      actualDate: report?.actualDate ?? "",
      companyName: report?.companyName ?? "",
      companyUscc: report?.companyUscc ?? "",
      parcelId: report?.parcelId ?? "",
      note: report?.note ?? "",
      submit: false,
      confirmOrder: false,
      version: report?.version ?? 0,
    },
  });
  const { errors, isSubmitting } = form.formState;
  const [actualDate, uscc, confirmed] = useWatch({ control: form.control, name: ["actualDate", "companyUscc", "confirmOrder"] });
  const facts = REPORT_FACTS[stage];
  const warnings: OrderWarning[] = /^\d{4}-\d{2}-\d{2}$/.test(actualDate ?? "")
    ? orderWarnings({
        stage,
        actualDate: actualDate!,
        signingDate: context.signingDate,
        projectStage: context.projectStage,
        others: context.milestones.map((m) => ({ stage: m.stage, actualDate: m.report?.actualDate ?? null, reviewStatus: m.report?.reviewStatus ?? null })),
      })
    : [];
  const stageName = (s: ProjectStage) => t(`stages.${s}`);
  const warningText = (w: OrderWarning) =>
    w.kind === "earlierMissing"
      ? t("milestones.earlierMissing", { stages: w.stages.map(stageName).join("、") })
      : w.kind === "beforeSigning"
        ? t("milestones.beforeSigning", { date: w.date })
        : t(`milestones.${w.kind}`, { stage: stageName(w.stage), date: w.date });

  const send = (submit: boolean) =>
    form.handleSubmit(async (values) => {
      setMessage(undefined);
      if (submit && warnings.length && !values.confirmOrder) {
        form.setError("confirmOrder", { type: "order", message: "milestones.errors.outOfOrder" }, { shouldFocus: true });
        return;
      }
      const result = await callAction(saveReportAction(projectId, { ...values, submit }));
      if (result.ok) onDone(submit);
      else {
        if (result.code === "stale_version" && result.current) form.setValue("version", Number(result.current.version ?? 0));
        setMessage(errorText(applyActionErrors(form, result)));
      }
    });
  const id = (name: string) => `report-${stage}-${name}`;
  const warning = usccWarning(uscc);

  return (
    <Form onSubmit={(e) => void send(true)(e)} className="space-y-4">
      {message && <Alert tone="error">{message}</Alert>}
      {report?.reviewStatus === "rejected" && report.reviewComment && <Alert tone="info">{t("milestones.returnedComment", { comment: report.reviewComment })}</Alert>}
      <Field id={id("actualDate")} label={t(`milestones.actualDate_${stage}`)} error={errors.actualDate?.message} required>
        {(aria) => <Input {...aria} {...form.register("actualDate")} type="date" max={todayInChina()} />}
      </Field>
      {facts.includes("companyName") && (
        <Field id={id("companyName")} label={t("milestones.companyName")} error={errors.companyName?.message} required>
          {(aria) => <Input {...aria} {...form.register("companyName")} autoComplete="off" />}
        </Field>
      )}
      {facts.includes("companyUscc") && (
        <Field id={id("companyUscc")} label={t("milestones.companyUscc")} hint={warning ? errorText(warning) : undefined} error={errors.companyUscc?.message} required>
          {(aria) => <Input {...aria} {...form.register("companyUscc")} autoComplete="off" maxLength={18} className="font-mono uppercase" />}
        </Field>
      )}
      {facts.includes("parcelId") && (
        <Field id={id("parcelId")} label={t("milestones.parcel")} hint={t("milestones.parcelHint")} error={errors.parcelId?.message}>
          {(aria) => (
            <Select {...aria} {...form.register("parcelId")}>
              <option value="">{t("milestones.noParcel")}</option>
              {context.parcels.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.code} · {p.parkName} · {formatMu(p.areaMu)} 亩
                </option>
              ))}
            </Select>
          )}
        </Field>
      )}
      <Field id={id("note")} label={t("milestones.note")} error={errors.note?.message}>
        {(aria) => <Textarea {...aria} {...form.register("note")} rows={2} />}
      </Field>
      {warnings.length > 0 && (
        <div className="rounded-md border border-amber-200 bg-amber-50 p-3 text-sm text-amber-900">
          <p className="font-medium">{t("milestones.orderTitle")}</p>
          <ul className="mt-1 list-disc pl-5">
            {warnings.map((w, i) => (
              <li key={i}>{warningText(w)}</li>
            ))}
          </ul>
          <label className="mt-2 flex items-center gap-2">
            <input type="checkbox" {...form.register("confirmOrder")} className="h-4 w-4 accent-brand-600" aria-describedby={errors.confirmOrder ? id("confirm-error") : undefined} />
            {t("milestones.confirmOrder")}
          </label>
          {errors.confirmOrder && !confirmed && (
            <p id={id("confirm-error")} role="alert" className="mt-1 text-red-700">
              {errorText(errors.confirmOrder.message)}
            </p>
          )}
        </div>
      )}
      <input type="hidden" {...form.register("version")} />
      <div className="flex flex-wrap justify-end gap-2">
        <Button type="button" variant="ghost" onClick={onCancel}>
          {t("milestones.cancel")}
        </Button>
        <Button type="button" variant="secondary" disabled={isSubmitting} onClick={() => void send(false)()}>
          {t("milestones.saveDraft")}
        </Button>
        <Button type="submit" disabled={isSubmitting}>
          {t("milestones.submit")}
        </Button>
      </div>
    </Form>
  );
}
