"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { addFundsAction } from "@/app/(app)/projects/landing-actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, useErrorText } from "@/components/ui/field";
import { Form } from "@/components/ui/form";
import { applyActionErrors, callAction } from "@/components/ui/form-result";
import { Input } from "@/components/ui/input";
import { todayInChina } from "@/lib/i18n/format";
import { fundsEntrySchema } from "@/lib/signings/validation";

/** Records one 到位资金 entry; a negative amount corrects an earlier one. */
export function FundsForm({ projectId }: { projectId: string }) {
  const t = useTranslations();
  const router = useRouter();
  const errorText = useErrorText();
  const [status, setStatus] = useState<{ tone: "success" | "error"; text: string }>();
  const defaults = { receivedOn: "", amountYi: "", note: "" };
  const form = useForm<z.input<typeof fundsEntrySchema>, unknown, z.output<typeof fundsEntrySchema>>({ resolver: zodResolver(fundsEntrySchema), defaultValues: defaults });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    setStatus(undefined);
    const result = await callAction(addFundsAction(projectId, values));
    if (result.ok) {
      form.reset(defaults);
      setStatus({ tone: "success", text: t("funds.added") });
      router.refresh();
    } else {
      const message = applyActionErrors(form, result);
      if (!result.fieldErrors || result.fieldErrors._form) setStatus({ tone: "error", text: errorText(message) ?? "" });
    }
  });

  return (
    <Form onSubmit={onSubmit} className="grid gap-3 border-t border-slate-100 pt-3">
      {status && <Alert tone={status.tone}>{status.text}</Alert>}
      <div className="grid gap-3 sm:grid-cols-2">
        <Field id="funds-date" label={t("funds.receivedOn")} error={errors.receivedOn?.message} required>
          {(aria) => <Input {...aria} {...form.register("receivedOn")} type="date" max={todayInChina()} />}
        </Field>
        <Field id="funds-amount" label={t("funds.amount")} error={errors.amountYi?.message} required>
          {(aria) => <Input {...aria} {...form.register("amountYi")} inputMode="decimal" autoComplete="off" placeholder="0.0000" />}
        </Field>
      </div>
      <p className="-mt-1 text-xs text-slate-500">{t("funds.amountHint")}</p>
      <Field id="funds-note" label={t("funds.note")} error={errors.note?.message}>
        {(aria) => <Input {...aria} {...form.register("note")} autoComplete="off" />}
      </Field>
      <div>
        <Button type="submit" variant="secondary" disabled={isSubmitting}>
          {t("funds.add")}
        </Button>
      </div>
    </Form>
  );
}
