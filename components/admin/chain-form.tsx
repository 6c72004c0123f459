"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { createChainAction, updateChainAction } from "@/app/(app)/admin/chains/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, useErrorText } from "@/components/ui/field";
import { Form } from "@/components/ui/form";
import { applyActionErrors, callAction } from "@/components/ui/form-result";
import { Input } from "@/components/ui/input";
import { ConflictNotice, useVersionedForm } from "@/components/ui/versioned-form";
import { type chainFormValues, updateChainSchema } from "@/lib/reference/validation";

type Values = z.input<typeof updateChainSchema>;

export function ChainForm({ chain }: { chain?: ReturnType<typeof chainFormValues> & { id: string } }) {
  const t = useTranslations("chains");
  const router = useRouter();
  const errorText = useErrorText();
  const [message, setMessage] = useState<string>();
  const form = useForm<Values, unknown, z.output<typeof updateChainSchema>>({
    resolver: zodResolver(updateChainSchema),
    defaultValues: chain ?? { name: "", code: "", system: "", sortOrder: 0, active: true, version: 1 },
  });
  const { errors, isSubmitting } = form.formState;
  const versioned = useVersionedForm(form, chain && (({ id: _id, ...loaded }) => loaded)(chain));

  const onSubmit = form.handleSubmit(async (values) => {
    setMessage(undefined);
    const result = chain ? await callAction(updateChainAction(chain.id, versioned.changes())) : await callAction(createChainAction(values));
    if (result.ok) {
      router.push(`/admin/chains?${chain ? "saved" : "created"}=1`);
      router.refresh();
      return;
    }
    setMessage(errorText(applyActionErrors(form, result)));
    if (result.code === "stale_version" && result.current) versioned.adopt(result.current);
  });
  const show = (field: string, value: unknown) => (field === "active" ? t(value ? "active" : "inactive") : String(value));

  return (
    <Form onSubmit={onSubmit} className="grid max-w-2xl gap-4 sm:grid-cols-2">
      {message && <Alert tone="error" className="sm:col-span-2">{message}</Alert>}
      {versioned.merge && (
        <ConflictNotice merge={versioned.merge} label={(f) => t(f as "name")} show={show} onChoose={versioned.choose} className="sm:col-span-2" />
      )}
      <Field id="name" label={t("name")} error={errors.name?.message} required>
        {(aria) => <Input {...aria} {...form.register("name")} autoComplete="off" />}
      </Field>
      <Field id="code" label={t("code")} hint={t("codeHint")} error={errors.code?.message} required>
        {(aria) => <Input {...aria} {...form.register("code")} autoComplete="off" />}
      </Field>
      <Field id="system" label={t("system")} hint={t("systemHint")} error={errors.system?.message}>
        {(aria) => <Input {...aria} {...form.register("system")} autoComplete="off" />}
      </Field>
      <Field id="sortOrder" label={t("sortOrder")} error={errors.sortOrder?.message}>
        {(aria) => <Input {...aria} {...form.register("sortOrder")} type="number" min={0} max={9999} />}
      </Field>
      <label className="inline-flex items-center gap-2 text-sm sm:col-span-2">
        <input type="checkbox" {...form.register("active")} className="h-4 w-4 accent-brand-600" />
        {t("active")}
      </label>
      <input type="hidden" {...form.register("version")} />
      <div className="sm:col-span-2">
        <Button type="submit" disabled={isSubmitting}>
          {chain ? t("save") : t("create")}
        </Button>
      </div>
    </Form>
  );
}
