"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { createTemplateAction, updateTemplateAction } from "@/app/(app)/admin/templates/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, useErrorText } from "@/components/ui/field";
import { Form } from "@/components/ui/form";
import { applyActionErrors, callAction } from "@/components/ui/form-result";
import { Input, Select } from "@/components/ui/input";
import { Textarea } from "@/components/ui/textarea";
import type { TemplateKind } from "@/db/schema/enums";
import { TEMPLATE_KINDS, templateSchema } from "@/lib/workflows/validation";

type Values = z.input<typeof templateSchema>;
export type EditedTemplate = { id: string; name: string; code: string; kind: TemplateKind; description: string; phases: string[]; active: boolean; version: number };

/** A template's own fields; its items are edited in place below it (TemplateItems). */
export function TemplateForm({ template }: { template?: EditedTemplate }) {
  const t = useTranslations();
  const router = useRouter();
  const errorText = useErrorText();
  const [status, setStatus] = useState<{ tone: "success" | "error"; text: string }>();
  const form = useForm<Values, unknown, z.output<typeof templateSchema>>({
    resolver: zodResolver(templateSchema),
    defaultValues: template
      ? { ...template, phases: template.phases.join("\n") }
      : { name: "", code: "", kind: "project_service", description: "", phases: "", active: true, version: 1 },
  });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    setStatus(undefined);
    if (!template) {
      const result = await callAction(createTemplateAction(values));
      if (result.ok) router.push(`/admin/templates/${result.data.id}?created=1`);
      else setStatus({ tone: "error", text: errorText(applyActionErrors(form, result)) ?? "" });
      return;
    }
    const result = await callAction(updateTemplateAction(template.id, values));
    if (result.ok) {
      form.reset({ ...form.getValues(), version: result.data.version });
      setStatus({ tone: "success", text: t("templates.saved", { revision: result.data.revision }) });
      router.refresh();
    } else setStatus({ tone: "error", text: errorText(applyActionErrors(form, result)) ?? "" });
  });

  return (
    <Form onSubmit={onSubmit} className="grid max-w-3xl gap-4 sm:grid-cols-2">
      {status && (
        <Alert tone={status.tone} className="sm:col-span-2">
          {status.text}
        </Alert>
      )}
      <Field id="template-name" label={t("templates.name")} error={errors.name?.message} required>
        {(aria) => <Input {...aria} {...form.register("name")} autoComplete="off" />}
      </Field>
      <Field id="template-code" label={t("templates.code")} hint={t("templates.codeHint")} error={errors.code?.message} required>
        {(aria) => <Input {...aria} {...form.register("code")} autoComplete="off" />}
      </Field>
      <Field id="template-kind" label={t("templates.kind")} hint={t("templates.kindHint")} error={errors.kind?.message} required>
        {(aria) => (
          <Select {...aria} {...form.register("kind")}>
            {TEMPLATE_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`templateKinds.${k}`)}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <Field id="template-phases" label={t("templates.phases")} hint={t("templates.phasesHint")} error={errors.phases?.message}>
        {(aria) => <Textarea {...aria} {...form.register("phases")} rows={3} />}
      </Field>
      <Field id="template-description" label={t("templates.description")} error={errors.description?.message} className="sm:col-span-2">
        {(aria) => <Textarea {...aria} {...form.register("description")} rows={3} />}
      </Field>
      <label className="inline-flex items-center gap-2 text-sm sm:col-span-2">
        <input type="checkbox" {...form.register("active")} className="h-4 w-4 accent-brand-600" />
        {t("templates.activeLabel")}
      </label>
      <input type="hidden" {...form.register("version")} />
      <div className="sm:col-span-2">
        <Button type="submit" disabled={isSubmitting}>
          {template ? t("templates.save") : t("templates.create")}
        </Button>
      </div>
    </Form>
  );
}
