"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { addActivityAction } from "@/app/(app)/projects/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, useErrorText } from "@/components/ui/field";
import { Form } from "@/components/ui/form";
import { applyActionErrors, callAction } from "@/components/ui/form-result";
import { Input, Select } from "@/components/ui/input";
import { Textarea } from "@/components/ui/textarea";
import { ACTIVITY_KINDS, activitySchema } from "@/lib/projects/validation";

/** Logs a visit, call, meeting… in place on the project page. `today` comes from the server (China time). */
export function ActivityForm({ projectId, today }: { projectId: string; today: string }) {
  const t = useTranslations();
  const router = useRouter();
  const errorText = useErrorText();
  const [status, setStatus] = useState<{ tone: "success" | "error"; text: string }>();
  const defaults = { kind: "visit" as const, occurredOn: today, participants: "", summary: "", nextStep: "" };
  const form = useForm<z.input<typeof activitySchema>, unknown, z.output<typeof activitySchema>>({ resolver: zodResolver(activitySchema), defaultValues: defaults });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    setStatus(undefined);
    const result = await callAction(addActivityAction(projectId, values));
    if (result.ok) {
      form.reset(defaults);
      setStatus({ tone: "success", text: t("projects.activityAdded") });
      router.refresh();
    } else {
      const message = applyActionErrors(form, result);
      if (!result.fieldErrors) setStatus({ tone: "error", text: errorText(message) ?? "" });
    }
  });

  return (
    <Form onSubmit={onSubmit} className="grid gap-3 sm:grid-cols-2">
      {status && <Alert tone={status.tone} className="sm:col-span-2">{status.text}</Alert>}
      <Field id="activity-kind" label={t("projects.activityKind")} error={errors.kind?.message} required>
        {(aria) => (
          <Select {...aria} {...form.register("kind")}>
            {ACTIVITY_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`activityKinds.${k}`)}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <Field id="activity-date" label={t("projects.occurredOn")} error={errors.occurredOn?.message} required>
        {(aria) => <Input {...aria} {...form.register("occurredOn")} type="date" max={today} />}
      </Field>
      <Field id="activity-participants" label={t("projects.participants")} error={errors.participants?.message} className="sm:col-span-2">
        {(aria) => <Input {...aria} {...form.register("participants")} />}
      </Field>
      <Field id="activity-summary" label={t("projects.summary")} error={errors.summary?.message} required className="sm:col-span-2">
        {(aria) => <Textarea {...aria} {...form.register("summary")} rows={3} />}
      </Field>
      <Field id="activity-next" label={t("projects.nextStep")} error={errors.nextStep?.message} className="sm:col-span-2">
        {(aria) => <Input {...aria} {...form.register("nextStep")} />}
      </Field>
      <div className="sm:col-span-2">
        <Button type="submit" disabled={isSubmitting}>
          {t("projects.addActivity")}
        </Button>
      </div>
    </Form>
  );
}
