"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { resetPasswordAction } from "@/app/(app)/admin/users/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Form } from "@/components/ui/form";
import { Field, useErrorText } from "@/components/ui/field";
import { applyActionErrors, callAction } from "@/components/ui/form-result";
import { Input } from "@/components/ui/input";
import { resetPasswordSchema } from "@/lib/users/validation";

export function ResetPasswordForm({ userId }: { userId: string }) {
  const t = useTranslations("users");
  const errorText = useErrorText();
  const [status, setStatus] = useState<{ tone: "success" | "error"; text: string }>();
  const form = useForm<z.input<typeof resetPasswordSchema>>({ resolver: zodResolver(resetPasswordSchema), defaultValues: { password: "" } });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    setStatus(undefined);
    const result = await callAction(resetPasswordAction(userId, values));
    if (result.ok) {
      form.reset();
      setStatus({ tone: "success", text: t("resetDone") });
    } else {
      const message = applyActionErrors(form, result);
      if (!result.fieldErrors) setStatus({ tone: "error", text: errorText(message) ?? "" });
    }
  });

  return (
    <Form onSubmit={onSubmit} className="space-y-3">
      {status && <Alert tone={status.tone}>{status.text}</Alert>}
      <p className="text-sm text-slate-600">{t("resetHint")}</p>
      <Field id="reset-password" label={t("newPassword")} error={errors.password?.message} required>
        {(aria) => <Input {...aria} {...form.register("password")} type="password" autoComplete="new-password" />}
      </Field>
      <Button type="submit" variant="secondary" disabled={isSubmitting}>
        {t("resetSubmit")}
      </Button>
    </Form>
  );
}
