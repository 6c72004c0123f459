"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useMemo, useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import type { z } from "zod";
import { changeStageAction } from "@/app/(app)/projects/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field, useErrorText } from "@/components/ui/field";
import { Form } from "@/components/ui/form";
import { applyActionErrors, callAction } from "@/components/ui/form-result";
import { Input, Select } from "@/components/ui/input";
import { Textarea } from "@/components/ui/textarea";
import type { ProjectStage, ProjectStatus } from "@/db/schema/enums";
import { todayInChina } from "@/lib/i18n/format";
import { checkTransition, STAGES, STATUSES } from "@/lib/projects/stages";
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
}: {
  project: StageChangeProject;
  /** The change proposed (e.g. the column a card was dropped on); null while closed. */
  target: { stage: ProjectStage; status: ProjectStatus } | null;
  onClose: () => void;
  onDone: (result: { stage: ProjectStage; status: ProjectStatus; version: number }) => void;
}) {
  const t = useTranslations();
  return (
    <Dialog
      open={target !== null}
      onClose={onClose}
      titleId={`stage-dialog-${project.id}`}
      title={t("projects.changeStageTitle", { name: project.name })}
    >
      {target && <StageChangeForm key={`${target.stage}-${target.status}`} project={project} target={target} onCancel={onClose} onDone={onDone} />}
    </Dialog>
  );
}

function StageChangeForm({
  project,
  target,
  onCancel,
  onDone,
}: {
  project: StageChangeProject;
  target: { stage: ProjectStage; status: ProjectStatus };
  onCancel: () => void;
  onDone: (result: { stage: ProjectStage; status: ProjectStatus; version: number }) => void;
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
      contractInvestmentYi: "",
      version: project.version,
    },
  });
  const { errors, isSubmitting } = form.formState;
  const [toStage, toStatus] = useWatch({ control: form.control, name: ["toStage", "toStatus"] });
  const check = checkTransition(from, { stage: toStage, status: toStatus });
  const needs = "needs" in check ? check.needs : [];

  const onSubmit = form.handleSubmit(async (values) => {
    setMessage(undefined);
    const result = await callAction(changeStageAction(project.id, values));
    if (result.ok) onDone(result.data);
    else setMessage(errorText(applyActionErrors(form, result)));
  });

  return (
    <Form onSubmit={onSubmit} className="space-y-4">
      {message && <Alert tone="error">{message}</Alert>}
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id={`${project.id}-toStage`} label={t("projects.toStage")} error={errors.toStage?.message} required>
          {(aria) => (
            <Select {...aria} {...form.register("toStage")}>
              {STAGES.map((s) => (
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
      {needs.includes("signing") && (
        <fieldset className="grid gap-4 rounded-md border border-brand-100 bg-brand-50/50 p-3 sm:grid-cols-2">
          <legend className="px-1 text-sm text-brand-800">{t("projects.signingHint")}</legend>
          <Field id={`${project.id}-signingDate`} label={t("projects.signingDate")} error={errors.signingDate?.message} required>
            {(aria) => <Input {...aria} {...form.register("signingDate")} type="date" max={todayInChina()} />}
          </Field>
          <Field id={`${project.id}-contract`} label={t("projects.contractInvestment")} error={errors.contractInvestmentYi?.message} required>
            {(aria) => <Input {...aria} {...form.register("contractInvestmentYi")} inputMode="decimal" placeholder="0.0000" />}
          </Field>
        </fieldset>
      )}
      <Field
        id={`${project.id}-reason`}
        label={t("projects.reason")}
        hint={t("projects.reasonHint")}
        error={errors.reason?.message}
        required={needs.includes("reason")}
      >
        {(aria) => <Textarea {...aria} {...form.register("reason")} rows={3} />}
      </Field>
      <input type="hidden" {...form.register("version")} />
      <div className="flex justify-end gap-2">
        <Button type="button" variant="secondary" onClick={onCancel}>
          {t("projects.cancel")}
        </Button>
        <Button type="submit" disabled={isSubmitting}>
          {t("projects.confirm")}
        </Button>
      </div>
    </Form>
  );
}
