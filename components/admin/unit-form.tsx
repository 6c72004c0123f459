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
import { ConflictNotice, useVersionedForm } from "@/components/ui/versioned-form";
import { type unitFormValues, updateUnitSchema } from "@/lib/units/validation";
import { UnitOptions, type UnitOption } from "./unit-options";

type Values = z.input<typeof updateUnitSchema>;
type Parsed = z.output<typeof updateUnitSchema>;
type EditedUnit = ReturnType<typeof unitFormValues> & { id: string };
const LABELS: Record<string, "name" | "code" | "parent" | "sortOrder"> = { name: "name", code: "code", parentId: "parent", sortOrder: "sortOrder" };

/** Create (no `unit`) or edit a unit. Editing excludes the unit's own subtree from the parent choices. */
export function UnitForm({ units, unit, exclude }: { units: UnitOption[]; unit?: EditedUnit; exclude?: string[] }) {
  const t = useTranslations("units");
  const router = useRouter();
  const errorText = useErrorText();
  const [message, setMessage] = useState<string>();
  const form = useForm<Values, unknown, Parsed>({
    // Creating uses the same schema; the version is simply unused.
    resolver: zodResolver(updateUnitSchema),
    defaultValues: unit ?? { name: "", code: "", parentId: "", sortOrder: 0, version: 1 },
  });
  const { errors, isSubmitting } = form.formState;
  const versioned = useVersionedForm(form, unit && (({ id: _id, ...loaded }) => loaded)(unit));

  const onSubmit = form.handleSubmit(async (values) => {
    setMessage(undefined);
    const result = unit ? await callAction(updateUnitAction(unit.id, versioned.changes())) : await callAction(createUnitAction(values));
    if (result.ok) {
      router.push(`/admin/units?${unit ? "saved" : "created"}=1`);
      router.refresh();
      return;
    }
    setMessage(errorText(applyActionErrors(form, result)));
    if (result.code === "stale_version" && result.current) versioned.adopt(result.current);
  });
  const show = (field: string, value: unknown) => (field === "parentId" ? (units.find((u) => u.id === value)?.name ?? String(value)) : String(value));

  return (
    <Form onSubmit={onSubmit} className="grid max-w-2xl gap-4 sm:grid-cols-2">
      {message && <Alert tone="error" className="sm:col-span-2">{message}</Alert>}
      {versioned.merge && (
        <ConflictNotice merge={versioned.merge} label={(f) => t(LABELS[f] ?? "name")} show={show} onChoose={versioned.choose} className="sm:col-span-2" />
      )}
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
