"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { signInAction, type SignInResult } from "@/app/(auth)/login/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Form, useHydrated } from "@/components/ui/form";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { formatTime } from "@/lib/i18n/format";
import { signInSchema } from "@/lib/users/validation";

type Values = z.infer<typeof signInSchema>;

export function LoginForm({ callbackUrl, initialError }: { callbackUrl: string; initialError?: SignInResult }) {
  const t = useTranslations("login");
  const [result, setResult] = useState<SignInResult | undefined>(initialError);
  const form = useForm<Values>({ resolver: zodResolver(signInSchema), defaultValues: { username: "", password: "" } });
  const { errors, isSubmitting } = form.formState;
  const hydrated = useHydrated();
  // The fields are enabled once hydrated; then the cursor goes to the username.
  useEffect(() => {
    if (hydrated) form.setFocus("username");
  }, [hydrated, form]);

  const onSubmit = form.handleSubmit(async (values) => {
    setResult(undefined);
    const res = await signInAction({ ...values, callbackUrl }).catch((): SignInResult => ({ ok: false, code: "unavailable" }));
    // Only reached when sign-in failed: success redirects.
    if (res) {
      setResult(res);
      form.setValue("password", "");
      form.setFocus("password");
    }
  });

  let message: string | undefined;
  if (result?.code === "throttled") {
    message = result.until
      ? t("throttled", { time: formatTime(new Date(result.until)), minutes: result.minutes ?? 15 })
      : t("throttledNoTime");
  } else if (result?.code === "inactive") message = t("inactive");
  else if (result?.code === "unavailable") message = t("unavailable");
  else if (result?.code === "invalid" || result?.code === "input") message = t("invalid");

  return (
    <Form onSubmit={onSubmit} className="space-y-4 rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
      <h1 className="text-lg font-semibold">{t("heading")}</h1>
      {message && <Alert tone="error">{message}</Alert>}
      <Field id="username" label={t("username")} error={errors.username?.message} required>
        {(aria) => <Input {...aria} {...form.register("username")} autoComplete="username" autoCapitalize="none" />}
      </Field>
      <Field id="password" label={t("password")} error={errors.password?.message} required>
        {(aria) => <Input {...aria} {...form.register("password")} type="password" autoComplete="current-password" />}
      </Field>
      <Button type="submit" className="w-full" disabled={isSubmitting}>
        {isSubmitting ? t("submitting") : t("submit")}
      </Button>
      <p className="text-center text-xs text-slate-500">{t("footer")}</p>
    </Form>
  );
}
