"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { createRequestAction } from "@/app/(app)/grids/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, useErrorText } from "@/components/ui/field";
import { Form } from "@/components/ui/form";
import { applyActionErrors, callAction } from "@/components/ui/form-result";
import { Input, Select } from "@/components/ui/input";
import { Textarea } from "@/components/ui/textarea";
import { REQUEST_CATEGORIES, requestSchema } from "@/lib/grids/validation";

type Values = z.input<typeof requestSchema>;
type Parsed = z.output<typeof requestSchema>;

/** Logs an enterprise's request for the grid. `nowLocal` (China time, from the server) caps the time field. */
export function RequestForm({ gridId, enterprises, nowLocal }: { gridId: string; enterprises: { id: string; name: string }[]; nowLocal: string }) {
  const t = useTranslations("grids");
  const router = useRouter();
  const errorText = useErrorText();
  const [message, setMessage] = useState<string>();
  const form = useForm<Values, unknown, Parsed>({
    resolver: zodResolver(requestSchema),
    defaultValues: { enterpriseId: enterprises.length === 1 ? enterprises[0]!.id : "", category: "" as Values["category"], title: "", description: "", receivedAt: "" },
  });
  const { errors, isSubmitting } = form.formState;

  // The typed time goes to the server as typed; the server reads it as China time again.
  const onSubmit = form.handleSubmit(async () => {
    setMessage(undefined);
    const result = await callAction(createRequestAction(gridId, form.getValues()));
    if (result.ok) {
      router.push(`/grids/${gridId}/requests/${result.data.id}?created=1`);
      router.refresh();
    } else setMessage(errorText(applyActionErrors(form, result)));
  });

  return (
    <Form onSubmit={onSubmit} className="grid max-w-3xl gap-4 sm:grid-cols-2">
      {message && (
        <Alert tone="error" className="sm:col-span-2">
          {message}
        </Alert>
      )}
      <Field id="request-enterprise" label={t("enterprise")} error={errors.enterpriseId?.message} required>
        {(aria) => (
          <Select {...aria} {...form.register("enterpriseId")}>
            <option value="">{t("selectEnterprise")}</option>
            {enterprises.map((e) => (
              <option key={e.id} value={e.id}>
                {e.name}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <Field id="request-category" label={t("category")} error={errors.category?.message} required>
        {(aria) => (
          <Select {...aria} {...form.register("category")}>
            <option value="">{t("selectCategory")}</option>
            {REQUEST_CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {t(`categories.${c}`)}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <Field id="request-title" label={t("requestTitle")} error={errors.title?.message} required className="sm:col-span-2">
        {(aria) => <Input {...aria} {...form.register("title")} />}
      </Field>
      <Field id="request-description" label={t("description")} error={errors.description?.message} className="sm:col-span-2">
        {(aria) => <Textarea {...aria} {...form.register("description")} rows={4} />}
      </Field>
      <Field id="request-received" label={t("receivedAt")} hint={t("receivedAtHint")} error={errors.receivedAt?.message}>
        {(aria) => <Input {...aria} {...form.register("receivedAt")} type="datetime-local" max={nowLocal} />}
      </Field>
      <div className="sm:col-span-2">
        <Button type="submit" disabled={isSubmitting}>
          {t("createRequest")}
        </Button>
      </div>
    </Form>
  );
}
