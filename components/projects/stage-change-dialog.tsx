"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useEffect, useMemo, useState } from "react";
import { useController, useForm, useWatch } from "react-hook-form";
import type { z } from "zod";
import { changeStageAction } from "@/app/(app)/projects/actions";
import { reportContextAction, signingOptionsAction } from "@/app/(app)/projects/landing-actions";
import { ReportForm, type ReportContext } from "@/components/milestones/report-form";
import { SigningFields } from "@/components/signings/signing-fields";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field, useErrorText } from "@/components/ui/field";
import { Form } from "@/components/ui/form";
import { applyActionErrors, callAction } from "@/components/ui/form-result";
import { Select } from "@/components/ui/input";
import { Textarea } from "@/components/ui/textarea";
import type { ProjectStage, ProjectStatus } from "@/db/schema/enums";
import { checkTransition, isMilestoneStage, STAGES, STATUSES } from "@/lib/projects/stages";
import type { SigningFormOptions } from "@/lib/signings/queries";
import { stageChangeSchema } from "@/lib/projects/validation";

export type StageChangeProject = {
  id: string;
  name: string;
  stage: ProjectStage;
  status: ProjectStatus;
  hasSigning: boolean;
  version: number;
};

type Schema = ReturnType<typeof stageChangeSchema>;

/**
 * Asks for what a stage or status change needs (a reason, the signing facts) under the
 * same rules as the server. Used by the detail page and by the board after a drag:
 * cancelling changes nothing.
 */
export function StageChangeDialog({
  project,
  target,
  onClose,
  onDone,
  onReported,
  hidden = [],
}: {
  project: StageChangeProject;
  /** Stages the district does not use: not offered, unless the project or the proposed change is at one. */
  hidden?: ProjectStage[];
  /** The change proposed (e.g. the column a card was dropped on); null while closed. */
  target: { stage: ProjectStage; status: ProjectStatus } | null;
  onClose: () => void;
  onDone: (result: { stage: ProjectStage; status: ProjectStatus; version: number }) => void;
  /** A move past 签约 became a stage report: the project stays where it is until approved. */
  onReported: (submitted: boolean) => void;
}) {
  const t = useTranslations();
  return (
    <Dialog
      open={target !== null}
      onClose={onClose}
      titleId={`stage-dialog-${project.id}`}
      title={t("projects.changeStageTitle", { name: project.name })}
      className="w-[min(40rem,calc(100vw-2rem))]"
    >
      {target && <StageChangeForm key={`${target.stage}-${target.status}`} project={project} target={target} hidden={hidden} onCancel={onClose} onDone={onDone} onReported={onReported} />}
    </Dialog>
  );
}

function StageChangeForm({
  project,
  target,
  onCancel,
  onDone,
  onReported,
  hidden,
}: {
  project: StageChangeProject;
  target: { stage: ProjectStage; status: ProjectStatus };
  hidden: ProjectStage[];
  onCancel: () => void;
  onDone: (result: { stage: ProjectStage; status: ProjectStatus; version: number }) => void;
  onReported: (submitted: boolean) => void;
}) {
  const t = useTranslations();
  const errorText = useErrorText();
  const from = useMemo(() => ({ stage: project.stage, status: project.status, hasSigning: project.hasSigning }), [project]);
  const schema = useMemo(() => stageChangeSchema(from), [from]);
  const [message, setMessage] = useState<string>();
  const form = useForm<z.input<Schema>, unknown, z.output<Schema>>({
    resolver: zodResolver(schema),
    defaultValues: {
      toStage: target.stage,
      toStatus: target.status,
      reason: "",
      signingDate: "",
      agreementType: "investment",
      contractInvestmentYi: "",
      phase1InvestmentYi: "",
      eventId: "",
      stewardId: "",
      responsibleUnitId: "",
      responsibleLeader: "",
      version: project.version,
    },
  });
  const { field: steward } = useController({ control: form.control, name: "stewardId" });
  const { errors, isSubmitting } = form.formState;
  const [toStage, toStatus] = useWatch({ control: form.control, name: ["toStage", "toStatus"] });
  const check = checkTransition(from, { stage: toStage, status: toStatus });
  const needs = "needs" in check ? check.needs : [];
  const needsSigning = needs.includes("signing");
  const needsReport = needs.includes("report");

  // What the signing fields offer, and what a stage report needs, are loaded when first asked for.
  const [signingOptions, setSigningOptions] = useState<SigningFormOptions>();
  const [reportContext, setReportContext] = useState<ReportContext>();
  const [loadError, setLoadError] = useState<string>();
  useEffect(() => {
    if (!needsSigning || signingOptions) return;
    void callAction(signingOptionsAction(project.id)).then((r) => {
      if (!r.ok) return setLoadError(errorText(r.message));
      setSigningOptions(r.data.options);
      if (!form.getValues("responsibleLeader")) form.setValue("responsibleLeader", r.data.responsibleLeader);
    });
  }, [needsSigning, signingOptions, project.id, form, errorText]);
  useEffect(() => {
    if (!needsReport || reportContext) return;
    void callAction(reportContextAction(project.id)).then((r) => (r.ok ? setReportContext(r.data) : setLoadError(errorText(r.message))));
  }, [needsReport, reportContext, project.id, errorText]);

  const onSubmit = form.handleSubmit(async (values) => {
    setMessage(undefined);
    const result = await callAction(changeStageAction(project.id, values));
    if (result.ok) onDone(result.data);
    else setMessage(errorText(applyActionErrors(form, result)));
  });

  return (
    <>
    <Form onSubmit={onSubmit} className="space-y-4">
      {message && <Alert tone="error">{message}</Alert>}
      {loadError && <Alert tone="error">{loadError}</Alert>}
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id={`${project.id}-toStage`} label={t("projects.toStage")} error={errors.toStage?.message} required>
          {(aria) => (
            <Select {...aria} {...form.register("toStage")}>
              {STAGES.filter((s) => !hidden.includes(s) || s === project.stage || s === target.stage).map((s) => (
                <option key={s} value={s}>
                  {t(`stages.${s}`)}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <Field id={`${project.id}-toStatus`} label={t("projects.toStatus")} error={errors.toStatus?.message} required>
          {(aria) => (
            <Select {...aria} {...form.register("toStatus")}>
              {STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t(`statuses.${s}`)}
                </option>
              ))}
            </Select>
          )}
        </Field>
      </div>
      {needsSigning && (
        <fieldset className="grid gap-4 rounded-md border border-brand-100 bg-brand-50/50 p-3 sm:grid-cols-2">
          <legend className="px-1 text-sm text-brand-800">{t("projects.signingHint")}</legend>
          {signingOptions ? (
            <SigningFields idPrefix={project.id} register={(name) => form.register(name)} errors={errors} options={signingOptions} steward={{ value: steward.value ?? "", onChange: steward.onChange, onBlur: steward.onBlur }} />
          ) : (
            <p className="text-sm text-slate-600 sm:col-span-2">{t("signing.loadingOptions")}</p>
          )}
        </fieldset>
      )}
      {needsReport && isMilestoneStage(toStage) && <Alert tone="info">{t("milestones.intro")}</Alert>}
      {!needsReport && (
      <Field
        id={`${project.id}-reason`}
        label={t("projects.reason")}
        hint={t("projects.reasonHint")}
        error={errors.reason?.message}
        required={needs.includes("reason")}
      >
        {(aria) => <Textarea {...aria} {...form.register("reason")} rows={3} />}
      </Field>
      )}
      <input type="hidden" {...form.register("version")} />
      {!needsReport && (
        <div className="flex justify-end gap-2">
          <Button type="button" variant="secondary" onClick={onCancel}>
            {t("projects.cancel")}
          </Button>
          <Button type="submit" disabled={isSubmitting || (needsSigning && !signingOptions)}>
            {t("projects.confirm")}
          </Button>
        </div>
      )}
    </Form>
    {needsReport && isMilestoneStage(toStage) && (
      <div className="mt-4 border-t border-slate-200 pt-4">
        {reportContext ? (
          <ReportForm key={toStage} projectId={project.id} stage={toStage} context={reportContext} onCancel={onCancel} onDone={onReported} />
        ) : (
          <p className="text-sm text-slate-600">{t("common.loading")}</p>
        )}
      </div>
    )}
    </>
  );
}
