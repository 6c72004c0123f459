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
import { ConflictNotice, useVersionedForm } from "@/components/ui/versioned-form";
import type { SigningFormOptions } from "@/lib/signings/queries";
import { signingSchema, type signingFormValues } from "@/lib/signings/validation";
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
export function SigningForm({ projectId, values, options }: { projectId: string; values: ReturnType<typeof signingFormValues>; options: SigningFormOptions }) {
  const t = useTranslations();
  const router = useRouter();
  const errorText = useErrorText();
  const [message, setMessage] = useState<string>();
  const form = useForm<Values, unknown, Parsed>({ resolver: zodResolver(signingSchema), defaultValues: values });
  const { field: steward } = useController({ control: form.control, name: "stewardId" });
  const { errors, isSubmitting } = form.formState;
  const versioned = useVersionedForm(form, values);

  const onSubmit = form.handleSubmit(async () => {
    setMessage(undefined);
    // Only what this user changed since the version loaded (see useVersionedForm).
    const result = await callAction(updateSigningAction(projectId, versioned.changes()));
    if (result.ok) {
      router.push(`/projects/${projectId}?saved=1`);
      return;
    }
    if (result.code === "stale_version" && result.current) versioned.adopt(result.current);
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

  return (
    <Form onSubmit={onSubmit} className="grid max-w-3xl gap-4 sm:grid-cols-2">
      {message && (
        <Alert tone="error" className="sm:col-span-2">
          {message}
        </Alert>
      )}
      {versioned.merge && (
        <ConflictNotice merge={versioned.merge} label={(f) => t(LABELS[f] as never)} show={name} onChoose={versioned.choose} className="sm:col-span-2" />
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
