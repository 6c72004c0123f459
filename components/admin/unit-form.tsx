"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { createUnitAction, updateUnitAction } from "@/app/(app)/admin/units/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Form } from "@/components/ui/form";
import { Field, useErrorText } from "@/components/ui/field";
import { applyActionErrors, callAction } from "@/components/ui/form-result";
import { Input, Select } from "@/components/ui/input";
import { updateUnitSchema } from "@/lib/units/validation";
import { UnitOptions, type UnitOption } from "./unit-options";

type Values = z.input<typeof updateUnitSchema>;
type Parsed = z.output<typeof updateUnitSchema>;
type EditedUnit = { id: string; name: string; code: string; parentId: string | null; sortOrder: number; version: number };

/** Create (no `unit`) or edit a unit. Editing excludes the unit's own subtree from the parent choices. */
export function UnitForm({ units, unit, exclude }: { units: UnitOption[]; unit?: EditedUnit; exclude?: string[] }) {
  const t = useTranslations("units");
  const router = useRouter();
  const errorText = useErrorText();
  const [message, setMessage] = useState<string>();
  const form = useForm<Values, unknown, Parsed>({
    // Creating uses the same schema; the version is simply unused.
    resolver: zodResolver(updateUnitSchema),
    defaultValues: {
      name: unit?.name ?? "",
      code: unit?.code ?? "",
      parentId: unit?.parentId ?? "",
      sortOrder: unit?.sortOrder ?? 0,
      version: unit?.version ?? 1,
    },
  });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    setMessage(undefined);
    const result = unit ? await callAction(updateUnitAction(unit.id, values)) : await callAction(createUnitAction(values));
    if (result.ok) {
      router.push(`/admin/units?${unit ? "saved" : "created"}=1`);
      router.refresh();
    } else setMessage(errorText(applyActionErrors(form, result)));
  });

  return (
    <Form onSubmit={onSubmit} className="grid max-w-2xl gap-4 sm:grid-cols-2">
      {message && <Alert tone="error" className="sm:col-span-2">{message}</Alert>}
      <Field id="name" label={t("name")} error={errors.name?.message} required>
        {(aria) => <Input {...aria} {...form.register("name")} autoComplete="off" />}
      </Field>
      <Field id="code" label={t("code")} hint={t("codeHint")} error={errors.code?.message} required>
        {(aria) => <Input {...aria} {...form.register("code")} autoComplete="off" autoCapitalize="characters" />}
      </Field>
      <Field id="parentId" label={t("parent")} error={errors.parentId?.message}>
        {(aria) => (
          <Select {...aria} {...form.register("parentId")}>
            <option value="">{t("noParent")}</option>
            <UnitOptions units={units} exclude={new Set(exclude)} />
          </Select>
        )}
      </Field>
      <Field id="sortOrder" label={t("sortOrder")} error={errors.sortOrder?.message}>
        {(aria) => <Input {...aria} {...form.register("sortOrder")} type="number" min={0} max={9999} inputMode="numeric" />}
      </Field>
      <input type="hidden" {...form.register("version")} />
      <div className="sm:col-span-2">
        <Button type="submit" disabled={isSubmitting}>
          {unit ? t("save") : t("create")}
        </Button>
      </div>
    </Form>
  );
}
