"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { setPlanAction } from "@/app/(app)/projects/landing-actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, useErrorText } from "@/components/ui/field";
import { Form } from "@/components/ui/form";
import { applyActionErrors, callAction } from "@/components/ui/form-result";
import { Input } from "@/components/ui/input";
import type { ProjectMilestone } from "@/lib/milestones/queries";
import { MILESTONE_STAGES } from "@/lib/milestones/rules";
import { planSchema } from "@/lib/milestones/validation";

/** The planned date of each milestone: what 履约 (keeping to plan) is measured against. */
export function PlanForm({ projectId, milestones, onCancel, onDone }: { projectId: string; milestones: ProjectMilestone[]; onCancel: () => void; onDone: () => void }) {
  const t = useTranslations();
  const errorText = useErrorText();
  const [message, setMessage] = useState<string>();
  const report = (s: (typeof MILESTONE_STAGES)[number]) => milestones.find((m) => m.stage === s)?.report;
  const form = useForm<z.input<typeof planSchema>, unknown, z.output<typeof planSchema>>({
    resolver: zodResolver(planSchema),
    defaultValues: {
      dates: Object.fromEntries(MILESTONE_STAGES.map((s) => [s, report(s)?.plannedDate ?? ""])),
      versions: Object.fromEntries(MILESTONE_STAGES.map((s) => [s, report(s)?.version ?? 0])),
    } as z.input<typeof planSchema>,
  });
  const { errors, isSubmitting } = form.formState;
  const onSubmit = form.handleSubmit(async (values) => {
    setMessage(undefined);
    const result = await callAction(setPlanAction(projectId, values));
    if (result.ok) onDone();
    else setMessage(errorText(applyActionErrors(form, result)));
  });
  return (
    <Form onSubmit={onSubmit} className="space-y-4">
      {message && <Alert tone="error">{message}</Alert>}
      <div className="grid gap-3 sm:grid-cols-2">
        {MILESTONE_STAGES.map((s) => (
          <Field key={s} id={`plan-${s}`} label={t(`stages.${s}`)} error={errors.dates?.[s]?.message}>
            {(aria) => <Input {...aria} {...form.register(`dates.${s}`)} type="date" />}
          </Field>
        ))}
      </div>
      <div className="flex justify-end gap-2">
        <Button type="button" variant="ghost" onClick={onCancel}>
          {t("milestones.cancel")}
        </Button>
        <Button type="submit" disabled={isSubmitting}>
          {t("milestones.savePlan")}
        </Button>
      </div>
    </Form>
  );
}
