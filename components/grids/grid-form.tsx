"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useFieldArray, useForm } from "react-hook-form";
import type { z } from "zod";
import { createGridAction, updateGridAction } from "@/app/(app)/grids/actions";
import { UnitOptions } from "@/components/admin/unit-options";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, useErrorText } from "@/components/ui/field";
import { Form } from "@/components/ui/form";
import { applyActionErrors, callAction } from "@/components/ui/form-result";
import { Input, Select } from "@/components/ui/input";
import type { GridRole } from "@/db/schema/enums";
import type { GridFormOptions } from "@/lib/grids/queries";
import { GRID_ROLES, updateGridSchema } from "@/lib/grids/validation";

type Values = z.input<typeof updateGridSchema>;
type Parsed = z.output<typeof updateGridSchema>;
export type EditedGrid = { id: string; name: string; code: string; area: string; unitId: string; sortOrder: number; version: number; officers: { userId: string; role: GridRole }[] };

/** Create (no `grid`) or edit a grid: its facts and its officers ("1+3": a lead and members). */
export function GridForm({ options, grid }: { options: GridFormOptions; grid?: EditedGrid }) {
  const t = useTranslations("grids");
  const router = useRouter();
  const errorText = useErrorText();
  const [message, setMessage] = useState<string>();
  const form = useForm<Values, unknown, Parsed>({
    // Creating uses the same schema; the version is simply unused.
    resolver: zodResolver(updateGridSchema),
    defaultValues: {
      name: grid?.name ?? "",
      code: grid?.code ?? "",
      area: grid?.area ?? "",
      unitId: grid?.unitId ?? (options.units.length === 1 ? options.units[0]!.id : ""),
      sortOrder: grid?.sortOrder ?? 0,
      officers: grid?.officers ?? [{ userId: "", role: "lead" }],
      version: grid?.version ?? 1,
    },
  });
  const officers = useFieldArray({ control: form.control, name: "officers" });
  const { errors, isSubmitting } = form.formState;
  const byUnit = new Map<string, GridFormOptions["people"]>();
  for (const p of options.people) byUnit.set(p.unitName, [...(byUnit.get(p.unitName) ?? []), p]);

  const onSubmit = form.handleSubmit(async (values) => {
    setMessage(undefined);
    const result = grid ? await callAction(updateGridAction(grid.id, values)) : await callAction(createGridAction(values));
    if (result.ok) {
      router.push(`/grids/${result.data.id}?${grid ? "saved" : "created"}=1`);
      router.refresh();
    } else setMessage(errorText(applyActionErrors(form, result)));
  });
  const officersError = errors.officers?.message ?? errors.officers?.root?.message;

  return (
    <Form onSubmit={onSubmit} className="grid max-w-3xl gap-4 sm:grid-cols-2">
      {message && (
        <Alert tone="error" className="sm:col-span-2">
          {message}
        </Alert>
      )}
      <Field id="grid-name" label={t("name")} error={errors.name?.message} required>
        {(aria) => <Input {...aria} {...form.register("name")} autoComplete="off" />}
      </Field>
      <Field id="grid-code" label={t("code")} hint={t("codeHint")} error={errors.code?.message} required>
        {(aria) => <Input {...aria} {...form.register("code")} autoComplete="off" autoCapitalize="characters" />}
      </Field>
      <Field id="grid-unit" label={t("unit")} hint={t("unitHint")} error={errors.unitId?.message} required>
        {(aria) => (
          <Select {...aria} {...form.register("unitId")}>
            <option value="">{t("selectUnit")}</option>
            <UnitOptions units={options.units} />
          </Select>
        )}
      </Field>
      <Field id="grid-sort" label={t("sortOrder")} hint={t("sortOrderHint")} error={errors.sortOrder?.message}>
        {(aria) => <Input {...aria} {...form.register("sortOrder")} type="number" min={0} max={9999} inputMode="numeric" />}
      </Field>
      <Field id="grid-area" label={t("area")} hint={t("areaHint")} error={errors.area?.message} className="sm:col-span-2">
        {(aria) => <Input {...aria} {...form.register("area")} />}
      </Field>
      <fieldset className="space-y-2 sm:col-span-2" aria-describedby="grid-officers-hint">
        <legend className="text-sm font-medium text-slate-800">{t("officers")}</legend>
        <p id="grid-officers-hint" className="text-xs text-slate-500">
          {t("officersHint")}
        </p>
        {officersError && (
          <p className="text-sm text-red-700" role="alert">
            {errorText(officersError)}
          </p>
        )}
        {officers.fields.length === 0 && <p className="text-sm text-slate-500">{t("noOfficers")}</p>}
        <ol className="space-y-2">
          {officers.fields.map((f, i) => (
            <li key={f.id} className="grid gap-2 rounded-md border border-slate-200 p-2 sm:grid-cols-[1fr_10rem_auto] sm:items-start">
              <Field id={`officer-${i}-user`} label={`${t("person")} ${i + 1}`} error={errors.officers?.[i]?.userId?.message}>
                {(aria) => (
                  <Select {...aria} {...form.register(`officers.${i}.userId`)}>
                    <option value="">{t("selectPerson")}</option>
                    {[...byUnit.entries()].map(([unit, people]) => (
                      <optgroup key={unit} label={unit}>
                        {people.map((p) => (
                          <option key={p.id} value={p.id}>
                            {t("personOption", { name: p.name, username: p.username })}
                          </option>
                        ))}
                      </optgroup>
                    ))}
                  </Select>
                )}
              </Field>
              <Field id={`officer-${i}-role`} label={t("role")} error={errors.officers?.[i]?.role?.message}>
                {(aria) => (
                  <Select {...aria} {...form.register(`officers.${i}.role`)}>
                    {GRID_ROLES.map((r) => (
                      <option key={r} value={r}>
                        {t(`roles.${r}`)}
                      </option>
                    ))}
                  </Select>
                )}
              </Field>
              <Button type="button" variant="ghost" className="sm:mt-6" onClick={() => officers.remove(i)} aria-label={t("removeOfficer", { index: i + 1 })}>
                ✕
              </Button>
            </li>
          ))}
        </ol>
        <Button type="button" variant="secondary" onClick={() => officers.append({ userId: "", role: officers.fields.length === 0 ? "lead" : "member" })}>
          {t("addOfficer")}
        </Button>
      </fieldset>
      <input type="hidden" {...form.register("version")} />
      <div className="sm:col-span-2">
        <Button type="submit" disabled={isSubmitting}>
          {isSubmitting ? t("saving") : grid ? t("save") : t("create")}
        </Button>
      </div>
    </Form>
  );
}
