"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useFieldArray, useForm } from "react-hook-form";
import type { z } from "zod";
import { createParkAction, updateParkAction } from "@/app/(app)/parks/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, useErrorText } from "@/components/ui/field";
import { Form } from "@/components/ui/form";
import { applyActionErrors, callAction } from "@/components/ui/form-result";
import { Input, Select } from "@/components/ui/input";
import { Textarea } from "@/components/ui/textarea";
import { ConflictNotice, useVersionedForm } from "@/components/ui/versioned-form";
import { DISTRICTS, type parkFormValues, updateParkSchema } from "@/lib/land/validation";

type Values = z.input<typeof updateParkSchema>;
type Parsed = z.output<typeof updateParkSchema>;
export type EditedPark = ReturnType<typeof parkFormValues> & { id: string };

/** Each field's label key under "parks." (for the merge notice after a stale refusal). */
const LABELS: Record<string, string> = { districtCode: "district", leadingChainId: "leadingChain" };
type Chain = { id: string; name: string; system: string };

/** Create (no `park`) or edit a park with its zones (组团/片区): add, rename, remove. Areas in 亩. */
export function ParkForm({ park, chains }: { park?: EditedPark; chains: Chain[] }) {
  const t = useTranslations();
  const router = useRouter();
  const errorText = useErrorText();
  const [message, setMessage] = useState<string>();
  const form = useForm<Values, unknown, Parsed>({
    resolver: zodResolver(updateParkSchema),
    defaultValues: park ?? { name: "", districtCode: "", areaMu: "", leadingChainId: "", operator: "", description: "", zones: [], version: 1 },
  });
  const zones = useFieldArray({ control: form.control, name: "zones" });
  const { errors, isSubmitting } = form.formState;
  const versioned = useVersionedForm(form, park && (({ id: _id, ...loaded }) => loaded)(park));

  const onSubmit = form.handleSubmit(async (values) => {
    setMessage(undefined);
    const result = park ? await callAction(updateParkAction(park.id, versioned.changes())) : await callAction(createParkAction(values));
    if (result.ok) {
      router.push(`/parks/${result.data.id}?saved=1`);
      router.refresh();
      return;
    }
    setMessage(errorText(applyActionErrors(form, result)));
    if (result.code === "stale_version" && result.current) versioned.adopt(result.current);
  });
  const show = (field: string, value: unknown) => {
    if (field === "districtCode") return DISTRICTS[String(value)] ?? String(value);
    if (field === "leadingChainId") return chains.find((c) => c.id === value)?.name ?? String(value);
    if (field === "zones") return (value as { name: string }[]).map((z) => z.name).join("、");
    return String(value);
  };
  const zonesError = errors.zones?.message ?? errors.zones?.root?.message;

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
          label={(f) => t(`parks.${(LABELS[f] ?? f) as "name"}`)}
          show={show}
          onChoose={versioned.choose}
          className="sm:col-span-2"
        />
      )}
      <Field id="name" label={t("parks.name")} error={errors.name?.message} required className="sm:col-span-2">
        {(aria) => <Input {...aria} {...form.register("name")} autoComplete="off" />}
      </Field>
      <Field id="districtCode" label={t("parks.district")} error={errors.districtCode?.message}>
        {(aria) => (
          <Select {...aria} {...form.register("districtCode")}>
            <option value="">{t("parks.functionalZoneOption")}</option>
            {Object.entries(DISTRICTS).map(([code, name]) => (
              <option key={code} value={code}>
                {name}（{code}）
              </option>
            ))}
          </Select>
        )}
      </Field>
      <Field id="areaMu" label={t("parks.areaMu")} hint={t("parks.areaHint")} error={errors.areaMu?.message}>
        {(aria) => <Input {...aria} {...form.register("areaMu")} inputMode="decimal" autoComplete="off" />}
      </Field>
      <Field id="leadingChainId" label={t("parks.leadingChain")} error={errors.leadingChainId?.message}>
        {(aria) => (
          <Select {...aria} {...form.register("leadingChainId")}>
            <option value="">{t("parks.noChain")}</option>
            {chains.map((c) => (
              <option key={c.id} value={c.id}>
                {c.system ? `${c.name}（${c.system}）` : c.name}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <Field id="operator" label={t("parks.operator")} error={errors.operator?.message}>
        {(aria) => <Input {...aria} {...form.register("operator")} autoComplete="off" />}
      </Field>
      <Field id="description" label={t("parks.description")} error={errors.description?.message} className="sm:col-span-2">
        {(aria) => <Textarea {...aria} {...form.register("description")} rows={3} />}
      </Field>

      <fieldset className="space-y-3 sm:col-span-2" aria-describedby={zonesError ? "zones-error" : undefined}>
        <legend className="text-sm font-medium text-slate-800">{t("parks.zones")}</legend>
        {zonesError && (
          <p id="zones-error" role="alert" className="text-sm text-red-700">
            {errorText(zonesError)}
          </p>
        )}
        {zones.fields.length === 0 && <p className="text-sm text-slate-500">{t("parks.noZonesYet")}</p>}
        <ol className="space-y-3">
          {zones.fields.map((field, i) => (
            <li key={field.id} className="grid gap-3 rounded-md border border-slate-200 p-3 sm:grid-cols-[1fr_9rem_1fr_auto] sm:items-start">
              <input type="hidden" {...form.register(`zones.${i}.id`)} />
              <Field id={`zones-${i}-name`} label={t("parks.zoneNameN", { n: i + 1 })} error={errors.zones?.[i]?.name?.message} required>
                {(aria) => <Input {...aria} {...form.register(`zones.${i}.name`)} autoComplete="off" />}
              </Field>
              <Field id={`zones-${i}-area`} label={t("parks.zoneArea")} error={errors.zones?.[i]?.areaMu?.message}>
                {(aria) => <Input {...aria} {...form.register(`zones.${i}.areaMu`)} inputMode="decimal" autoComplete="off" />}
              </Field>
              <Field id={`zones-${i}-description`} label={t("parks.zoneDescription")} error={errors.zones?.[i]?.description?.message}>
                {(aria) => <Input {...aria} {...form.register(`zones.${i}.description`)} autoComplete="off" />}
              </Field>
              <Button type="button" variant="danger" className="sm:mt-6" onClick={() => zones.remove(i)}>
                {t("parks.removeZone")}
                <span className="sr-only">{t("parks.zoneNameN", { n: i + 1 })}</span>
              </Button>
            </li>
          ))}
        </ol>
        <Button type="button" variant="secondary" onClick={() => zones.append({ id: "", name: "", areaMu: "", description: "" })}>
          {t("parks.addZone")}
        </Button>
      </fieldset>

      <input type="hidden" {...form.register("version")} />
      <div className="flex gap-2 sm:col-span-2">
        <Button type="submit" disabled={isSubmitting}>
          {isSubmitting ? t("parks.saving") : park ? t("parks.save") : t("parks.create")}
        </Button>
      </div>
    </Form>
  );
}
