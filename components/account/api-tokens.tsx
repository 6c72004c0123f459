"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { createApiTokenAction, revokeApiTokenAction } from "@/app/(app)/account/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, useErrorText } from "@/components/ui/field";
import { Form } from "@/components/ui/form";
import { applyActionErrors, callAction } from "@/components/ui/form-result";
import { Input, Select } from "@/components/ui/input";
import { TOKEN_LIFETIMES, tokenSchema, type TokenInput } from "@/lib/auth/token-validation";

export type TokenListItem = {
  id: string;
  name: string;
  prefix: string;
  created: string;
  expires: string;
  lastUsed: string | null;
  state: "live" | "expired" | "revoked";
};

/** 接口令牌 on /account: make one (shown once), see one's tokens, revoke them. */
export function ApiTokens({ tokens }: { tokens: TokenListItem[] }) {
  const t = useTranslations("apiTokens");
  const errorText = useErrorText();
  const router = useRouter();
  const [created, setCreated] = useState<{ token: string; name: string } | null>(null);
  const [copied, setCopied] = useState(false);
  const [status, setStatus] = useState<{ tone: "success" | "error"; text: string } | null>(null);
  const [revoking, setRevoking] = useState<string | null>(null);
  const form = useForm<TokenInput>({ resolver: zodResolver(tokenSchema), defaultValues: { name: "", expiresInDays: 90 } });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    setStatus(null);
    setCopied(false);
    const result = await callAction(createApiTokenAction(values));
    if (result.ok) {
      setCreated(result.data);
      form.reset({ name: "", expiresInDays: 90 });
      router.refresh();
    } else {
      const message = applyActionErrors(form, result);
      if (message && !result.fieldErrors) setStatus({ tone: "error", text: errorText(message) ?? "" });
    }
  });

  const revoke = async (token: TokenListItem) => {
    setRevoking(token.id);
    const result = await callAction(revokeApiTokenAction(token.id));
    setRevoking(null);
    setStatus(result.ok ? { tone: "success", text: t("revoked", { name: token.name }) } : { tone: "error", text: errorText(result.message) ?? "" });
    router.refresh();
  };

  const copy = async () => {
    if (!created) return;
    try {
      await navigator.clipboard.writeText(created.token);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  };

  return (
    <div className="space-y-4">
      <p className="text-sm text-slate-600">{t("intro")}</p>
      {created && (
        <div className="space-y-2 rounded-md border border-emerald-200 bg-emerald-50 p-3 text-sm text-emerald-900" role="status">
          <p className="font-medium">{t("createdOnce", { name: created.name })}</p>
          <label htmlFor="new-token" className="sr-only">
            {t("newToken")}
          </label>
          <div className="flex flex-wrap gap-2">
            <Input id="new-token" readOnly value={created.token} className="min-w-0 flex-1 font-mono text-xs" onFocus={(e) => e.currentTarget.select()} />
            <Button type="button" variant="secondary" onClick={copy}>
              {copied ? t("copied") : t("copy")}
            </Button>
          </div>
          <p className="text-xs">{t("usage")}</p>
        </div>
      )}
      {status && <Alert tone={status.tone}>{status.text}</Alert>}
      <Form onSubmit={onSubmit} className="grid items-start gap-3 sm:grid-cols-[1fr_12rem_auto]">
        <Field id="token-name" label={t("name")} hint={t("nameHint")} error={errors.name?.message} required>
          {(aria) => <Input {...aria} {...form.register("name")} autoComplete="off" />}
        </Field>
        <Field id="token-lifetime" label={t("lifetime")} error={errors.expiresInDays?.message} required>
          {(aria) => (
            <Select {...aria} {...form.register("expiresInDays")}>
              {TOKEN_LIFETIMES.map((d) => (
                <option key={d} value={d}>
                  {t("days", { days: d })}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <Button type="submit" disabled={isSubmitting} className="sm:mt-7">
          {t("create")}
        </Button>
      </Form>
      {tokens.length === 0 ? (
        <p className="text-sm text-slate-500">{t("empty")}</p>
      ) : (
        <ul className="divide-y divide-slate-100 text-sm" aria-label={t("list")}>
          {tokens.map((tok) => (
            <li key={tok.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
              <div className="min-w-0">
                <p className="font-medium text-slate-900">
                  {tok.name} <span className="font-mono text-xs font-normal text-slate-600">{tok.prefix}…</span>
                </p>
                <p className="text-slate-600">
                  {t("createdAt", { at: tok.created })} · {tok.state === "live" ? t("expiresAt", { at: tok.expires }) : t(`states.${tok.state}`)} ·{" "}
                  {tok.lastUsed ? t("lastUsed", { at: tok.lastUsed }) : t("neverUsed")}
                </p>
              </div>
              {tok.state === "live" && (
                <Button variant="danger" disabled={revoking === tok.id} onClick={() => revoke(tok)} aria-label={t("revokeNamed", { name: tok.name })}>
                  {t("revoke")}
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
