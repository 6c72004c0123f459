"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { changePasswordAction } from "@/app/(app)/account/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Form } from "@/components/ui/form";
import { Field, useErrorText } from "@/components/ui/field";
import { applyActionErrors, callAction } from "@/components/ui/form-result";
import { Input } from "@/components/ui/input";
import { changePasswordSchema, type ChangePasswordInput } from "@/lib/users/validation";

export function ChangePasswordForm() {
  const t = useTranslations("account");
  const errorText = useErrorText();
  const [status, setStatus] = useState<{ tone: "success" | "error"; text: string } | null>(null);
  const form = useForm<ChangePasswordInput>({
    resolver: zodResolver(changePasswordSchema),
    defaultValues: { currentPassword: "", newPassword: "", confirmPassword: "" },
  });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    setStatus(null);
    const result = await callAction(changePasswordAction(values));
    if (result.ok) {
      form.reset();
      setStatus({ tone: "success", text: t("done") });
    } else {
      const message = applyActionErrors(form, result);
      if (message && !result.fieldErrors) setStatus({ tone: "error", text: errorText(message) ?? "" });
    }
  });

  return (
    <Form onSubmit={onSubmit} className="max-w-md space-y-4">
      {status && <Alert tone={status.tone}>{status.text}</Alert>}
      <Field id="currentPassword" label={t("currentPassword")} error={errors.currentPassword?.message} required>
        {(aria) => <Input {...aria} {...form.register("currentPassword")} type="password" autoComplete="current-password" />}
      </Field>
      <Field id="newPassword" label={t("newPassword")} hint={t("newPasswordHint")} error={errors.newPassword?.message} required>
        {(aria) => <Input {...aria} {...form.register("newPassword")} type="password" autoComplete="new-password" />}
      </Field>
      <Field id="confirmPassword" label={t("confirmPassword")} error={errors.confirmPassword?.message} required>
        {(aria) => <Input {...aria} {...form.register("confirmPassword")} type="password" autoComplete="new-password" />}
      </Field>
      <Button type="submit" disabled={isSubmitting}>
        {t("submit")}
      </Button>
    </Form>
  );
}
