"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { closeChecklistItemAction } from "@/app/(app)/checklists/actions";
import { Button } from "@/components/ui/button";
import { Field, useErrorText } from "@/components/ui/field";
import { Form } from "@/components/ui/form";
import { applyActionErrors, callAction } from "@/components/ui/form-result";
import { Input } from "@/components/ui/input";
import { closeItemSchema } from "@/lib/workflows/validation";

type Values = z.input<typeof closeItemSchema>;

/** 办结 in one step: a note and, where the item asks for evidence it does not have yet, a link. */
export function CloseItemForm({ item, onDone }: { item: { id: string; title: string; version: number; evidenceRequired: boolean; hasEvidence: boolean }; onDone: () => void }) {
  const t = useTranslations();
  const errorText = useErrorText();
  const [message, setMessage] = useState<string>();
  const form = useForm<Values, unknown, z.output<typeof closeItemSchema>>({ resolver: zodResolver(closeItemSchema), defaultValues: { note: "", evidenceUrl: "", version: item.version } });
  const { errors, isSubmitting } = form.formState;
  const needsLink = item.evidenceRequired && !item.hasEvidence;
  const prefix = `close-${item.id}`;

  const onSubmit = form.handleSubmit(async (values) => {
    setMessage(undefined);
    if (needsLink && !values.evidenceUrl) {
      form.setError("evidenceUrl", { type: "rule", message: "workflows.errors.evidenceRequired" }, { shouldFocus: true });
      return;
    }
    const result = await callAction(closeChecklistItemAction(item.id, values));
    if (result.ok) onDone();
    else {
      const text = applyActionErrors(form, result);
      if (!result.fieldErrors || result.fieldErrors._form || result.code === "stale_version") setMessage(errorText(text));
    }
  });

  return (
    <Form onSubmit={onSubmit} className="grid gap-2 sm:grid-cols-[1fr_1fr_auto] sm:items-start" aria-label={t("service.closeFormOf", { title: item.title })}>
      {message && (
        <p className="text-sm text-red-700 sm:col-span-3" role="alert">
          {message}
        </p>
      )}
      <Field id={`${prefix}-note`} label={t("service.note")} error={errors.note?.message} className={needsLink || item.evidenceRequired ? undefined : "sm:col-span-2"}>
        {(aria) => <Input {...aria} {...form.register("note")} autoComplete="off" placeholder={t("service.notePlaceholder")} />}
      </Field>
      {item.evidenceRequired && (
        <Field id={`${prefix}-url`} label={t("service.evidenceUrl")} error={errors.evidenceUrl?.message} required={needsLink}>
          {(aria) => <Input {...aria} {...form.register("evidenceUrl")} type="url" inputMode="url" autoComplete="off" placeholder="https://" />}
        </Field>
      )}
      <input type="hidden" {...form.register("version")} />
      <div className="sm:pt-6">
        <Button type="submit" disabled={isSubmitting} aria-label={t("service.closeOf", { title: item.title })} className="w-full sm:w-auto">
          {t("service.close")}
        </Button>
      </div>
    </Form>
  );
}
