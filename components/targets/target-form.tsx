"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import type { z } from "zod";
import { createTargetAction, updateTargetAction } from "@/app/(app)/admin/targets/actions";
import { UnitOptions } from "@/components/admin/unit-options";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, useErrorText } from "@/components/ui/field";
import { Form } from "@/components/ui/form";
import { applyActionErrors, callAction } from "@/components/ui/form-result";
import { Input, Select } from "@/components/ui/input";
import type { TargetFormOptions } from "@/lib/targets/queries";
import { ConflictNotice, useVersionedForm } from "@/components/ui/versioned-form";
import { type targetFormValues, updateTargetSchema } from "@/lib/targets/validation";

type Values = z.input<typeof updateTargetSchema>;
/** Each field's label key under "targets." (for the merge notice after a stale refusal). */
const LABELS: Record<string, string> = { unitId: "unit", ownerId: "owner", signedInvestmentYi: "signedInvestment" };

/** A year's target for a unit or one of its officers; the same schema checks it here and on the server. */
export function TargetForm({ target, options }: { target: ReturnType<typeof targetFormValues> & { id?: string }; options: TargetFormOptions }) {
  const t = useTranslations("targets");
  const router = useRouter();
  const errorText = useErrorText();
  const [message, setMessage] = useState<string>();
  const form = useForm<Values, unknown, z.output<typeof updateTargetSchema>>({ resolver: zodResolver(updateTargetSchema), defaultValues: target });
  const { errors, isSubmitting } = form.formState;
  const versioned = useVersionedForm(form, target.id ? (({ id: _id, ...loaded }) => loaded)(target) : undefined);
  const unitId = useWatch({ control: form.control, name: "unitId" });
  // Officers of the chosen unit; a target already naming someone else stays choosable.
  const people = options.people.filter((p) => p.unitId === unitId || p.id === target.ownerId);

  const onSubmit = form.handleSubmit(async (values) => {
    setMessage(undefined);
    const result = target.id ? await callAction(updateTargetAction(target.id, versioned.changes())) : await callAction(createTargetAction(values));
    if (result.ok) {
      router.push(`/admin/targets?year=${result.data.year}&${target.id ? "saved" : "created"}=1`);
      router.refresh();
      return;
    }
    setMessage(errorText(applyActionErrors(form, result)));
    if (result.code === "stale_version" && result.current) versioned.adopt(result.current);
  });
  const show = (field: string, value: unknown) =>
    field === "unitId"
      ? (options.units.find((u) => u.id === value)?.name ?? String(value))
      : field === "ownerId"
        ? (options.people.find((p) => p.id === value)?.name ?? String(value))
        : String(value);

  return (
    <Form onSubmit={onSubmit} className="grid max-w-3xl gap-4 sm:grid-cols-2">
      {message && (
        <Alert tone="error" className="sm:col-span-2">
          {message}
        </Alert>
      )}
      {versioned.merge && (
        <ConflictNotice
          merge={versioned.merge}
          label={(f) => t((LABELS[f] ?? f) as "year")}
          show={show}
          onChoose={versioned.choose}
          className="sm:col-span-2"
        />
      )}
      <Field id="year" label={t("year")} error={errors.year?.message} required>
        {(aria) => <Input {...aria} {...form.register("year")} inputMode="numeric" autoComplete="off" />}
      </Field>
      <Field id="unitId" label={t("unit")} error={errors.unitId?.message} required>
        {(aria) => (
          <Select {...aria} {...form.register("unitId")}>
            <option value="">—</option>
            <UnitOptions units={options.units} />
          </Select>
        )}
      </Field>
      <Field id="ownerId" label={t("owner")} hint={t("ownerHint")} error={errors.ownerId?.message} className="sm:col-span-2">
        {(aria) => (
          <Select {...aria} {...form.register("ownerId")}>
            <option value="">{t("ownerNone")}</option>
            {people.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <Field id="signedCount" label={t("signedCount")} error={errors.signedCount?.message} required>
        {(aria) => <Input {...aria} {...form.register("signedCount")} inputMode="numeric" autoComplete="off" />}
      </Field>
      <Field id="signedInvestmentYi" label={t("signedInvestment")} error={errors.signedInvestmentYi?.message} required>
        {(aria) => <Input {...aria} {...form.register("signedInvestmentYi")} inputMode="decimal" autoComplete="off" />}
      </Field>
      <Field id="constructionStarts" label={t("constructionStarts")} error={errors.constructionStarts?.message} required>
        {(aria) => <Input {...aria} {...form.register("constructionStarts")} inputMode="numeric" autoComplete="off" />}
      </Field>
      <Field id="operatingProjects" label={t("operatingProjects")} error={errors.operatingProjects?.message} required>
        {(aria) => <Input {...aria} {...form.register("operatingProjects")} inputMode="numeric" autoComplete="off" />}
      </Field>
      <input type="hidden" {...form.register("version")} />
      <div className="sm:col-span-2">
        <Button type="submit" disabled={isSubmitting}>
          {target.id ? t("save") : t("create")}
        </Button>
      </div>
    </Form>
  );
}
