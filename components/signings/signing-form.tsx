"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useController, useForm } from "react-hook-form";
import type { z } from "zod";
import { updateSigningAction } from "@/app/(app)/projects/landing-actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, useErrorText } from "@/components/ui/field";
import { Form } from "@/components/ui/form";
import { applyActionErrors, callAction } from "@/components/ui/form-result";
import { Textarea } from "@/components/ui/textarea";
import type { SigningFormOptions } from "@/lib/signings/queries";
import { signingSchema } from "@/lib/signings/validation";
import { SigningFields } from "./signing-fields";

type Values = z.input<typeof signingSchema>;
type Parsed = z.output<typeof signingSchema>;

const LABELS: Record<string, string> = {
  signingDate: "signing.signingDate",
  agreementType: "signing.agreementType",
  contractInvestmentYi: "signing.contractInvestment",
  phase1InvestmentYi: "signing.phase1Investment",
  eventId: "signing.event",
  stewardId: "signing.steward",
  responsibleUnitId: "signing.responsibleUnit",
  responsibleLeader: "signing.responsibleLeader",
  progress: "signing.progress",
  issues: "signing.issues",
  note: "signing.note",
};

/** Edits a project's signing. A save over someone else's newer one is refused; what was typed stays. */
export function SigningForm({ projectId, values, options }: { projectId: string; values: Values; options: SigningFormOptions }) {
  const t = useTranslations();
  const router = useRouter();
  const errorText = useErrorText();
  const [message, setMessage] = useState<string>();
  const [stale, setStale] = useState<Record<string, unknown>>();
  const form = useForm<Values, unknown, Parsed>({ resolver: zodResolver(signingSchema), defaultValues: values });
  const { field: steward } = useController({ control: form.control, name: "stewardId" });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (input) => {
    setMessage(undefined);
    const result = await callAction(updateSigningAction(projectId, input));
    if (result.ok) {
      router.push(`/projects/${projectId}?saved=1`);
      return;
    }
    if (result.code === "stale_version" && result.current) {
      form.setValue("version", Number(result.current.version));
      setStale(result.current);
    }
    setMessage(errorText(applyActionErrors(form, result)));
  });

  const name = (field: string, value: unknown): string => {
    if (value === null || value === undefined || value === "") return t("projects.none");
    if (field === "eventId") return options.events.find((e) => e.id === value)?.name ?? String(value);
    if (field === "stewardId") return options.people.find((p) => p.id === value)?.name ?? String(value);
    if (field === "responsibleUnitId") return options.units.find((u) => u.id === value)?.name ?? String(value);
    if (field === "agreementType") return t(`agreementTypes.${value as "investment"}`);
    return String(value);
  };
  const mine = form.getValues() as Record<string, unknown>;
  const changed = stale ? Object.keys(LABELS).filter((k) => name(k, stale[k]) !== name(k, mine[k])) : [];

  return (
    <Form onSubmit={onSubmit} className="grid max-w-3xl gap-4 sm:grid-cols-2">
      {message && (
        <Alert tone="error" className="sm:col-span-2">
          {message}
        </Alert>
      )}
      {stale && (
        <Alert tone="info" className="sm:col-span-2">
          <p>{t("signing.stale")}</p>
          {changed.length > 0 && (
            <>
              <p className="mt-2 font-medium">{t("signing.changedFields")}</p>
              <ul className="mt-1 list-disc pl-5">
                {changed.map((k) => (
                  <li key={k}>
                    {t(LABELS[k] as never)}：{name(k, stale[k])}
                  </li>
                ))}
              </ul>
            </>
          )}
        </Alert>
      )}
      <SigningFields idPrefix="signing" register={(field) => form.register(field)} errors={errors} options={options} steward={{ value: steward.value ?? "", onChange: steward.onChange, onBlur: steward.onBlur }} />
      <Field id="signing-progress" label={t("signing.progress")} hint={t("signing.progressHint")} error={errors.progress?.message} className="sm:col-span-2">
        {(aria) => <Textarea {...aria} {...form.register("progress")} rows={3} />}
      </Field>
      <Field id="signing-issues" label={t("signing.issues")} hint={t("signing.issuesHint")} error={errors.issues?.message} className="sm:col-span-2">
        {(aria) => <Textarea {...aria} {...form.register("issues")} rows={3} />}
      </Field>
      <Field id="signing-note" label={t("signing.note")} error={errors.note?.message} className="sm:col-span-2">
        {(aria) => <Textarea {...aria} {...form.register("note")} rows={2} />}
      </Field>
      <input type="hidden" {...form.register("version")} />
      <div className="sm:col-span-2">
        <Button type="submit" disabled={isSubmitting}>
          {isSubmitting ? t("projects.saving") : t("signing.save")}
        </Button>
      </div>
    </Form>
  );
}
