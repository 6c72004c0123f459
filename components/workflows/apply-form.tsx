"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Controller, useForm } from "react-hook-form";
import type { z } from "zod";
import { applyTemplateAction } from "@/app/(app)/checklists/actions";
import { UnitOptions } from "@/components/admin/unit-options";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, useErrorText } from "@/components/ui/field";
import { Form } from "@/components/ui/form";
import { applyActionErrors, callAction } from "@/components/ui/form-result";
import { Input, Select } from "@/components/ui/input";
import { PersonCombobox } from "@/components/ui/person-combobox";
import type { ApplyOptions } from "@/lib/workflows/queries";
import { applySchema } from "@/lib/workflows/validation";

type Values = z.input<typeof applySchema>;

/**
 * 启用清单: starts a checklist from a template — for a park (optionally one zone, with the
 * responsible unit) or a signed project. Folded away behind a button until wanted.
 */
export function ApplyForm({
  target,
  options,
  defaults,
  today,
}: {
  target: { parkId: string } | { projectId: string };
  options: ApplyOptions;
  defaults: { ownerId: string; unitId: string };
  today: string;
}) {
  const t = useTranslations();
  const router = useRouter();
  const errorText = useErrorText();
  const [open, setOpen] = useState(false);
  const [status, setStatus] = useState<{ tone: "success" | "error"; text: string }>();
  const isPark = "parkId" in target;
  const prefix = isPark ? `apply-park` : `apply-project`;
  const initial: Values = {
    templateId: options.templates[0]?.id ?? "",
    ...target,
    zoneId: "",
    unitId: isPark ? defaults.unitId : "",
    ownerId: defaults.ownerId,
    startedOn: today,
  };
  const form = useForm<Values, unknown, z.output<typeof applySchema>>({ resolver: zodResolver(applySchema), defaultValues: initial });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    setStatus(undefined);
    const name = options.templates.find((tpl) => tpl.id === values.templateId)?.name ?? "";
    const result = await callAction(applyTemplateAction(values));
    if (result.ok) {
      setOpen(false);
      form.reset(initial);
      setStatus({ tone: "success", text: t("checklists.applied", { name }) });
      router.refresh();
    } else {
      const message = applyActionErrors(form, result);
      if (!result.fieldErrors || result.fieldErrors._form) setStatus({ tone: "error", text: errorText(message) ?? "" });
    }
  });

  if (!open) {
    return (
      <div className="space-y-2">
        {status && <Alert tone={status.tone}>{status.text}</Alert>}
        {options.templates.length > 0 && (
          <Button variant="secondary" onClick={() => setOpen(true)} aria-expanded={false} aria-controls={`${prefix}-form`}>
            {t("checklists.apply")}
          </Button>
        )}
      </div>
    );
  }
  return (
    <div id={`${prefix}-form`} className="border-t border-slate-100 pt-3">
      <Form onSubmit={onSubmit} className="grid gap-3 sm:grid-cols-2" aria-label={t("checklists.apply")}>
        {status && (
          <Alert tone={status.tone} className="sm:col-span-2">
            {status.text}
          </Alert>
        )}
        <Field id={`${prefix}-template`} label={t("checklists.templateToApply")} error={errors.templateId?.message} required className="sm:col-span-2">
          {(aria) => (
            <Select {...aria} {...form.register("templateId")}>
              {options.templates.map((tpl) => (
                <option key={tpl.id} value={tpl.id}>
                  {tpl.name}
                </option>
              ))}
            </Select>
          )}
        </Field>
        {isPark && (
          <Field id={`${prefix}-zone`} label={t("checklists.zone")} error={errors.zoneId?.message}>
            {(aria) => (
              <Select {...aria} {...form.register("zoneId")}>
                <option value="">{t("checklists.wholePark")}</option>
                {options.zones.map((z) => (
                  <option key={z.id} value={z.id}>
                    {z.name}
                  </option>
                ))}
              </Select>
            )}
          </Field>
        )}
        {isPark && (
          <Field id={`${prefix}-unit`} label={t("checklists.unit")} error={errors.unitId?.message} required>
            {(aria) => (
              <Select {...aria} {...form.register("unitId")}>
                <UnitOptions units={options.units} />
              </Select>
            )}
          </Field>
        )}
        <Field id={`${prefix}-owner`} label={t("checklists.owner")} hint={t("checklists.ownerHint")} error={errors.ownerId?.message}>
          {(aria) => (
            <Controller
              control={form.control}
              name="ownerId"
              render={({ field }) => (
                <PersonCombobox {...aria} people={options.people} value={field.value ?? ""} onChange={field.onChange} onBlur={field.onBlur} emptyLabel={t("checklists.noOwner")} />
              )}
            />
          )}
        </Field>
        <Field id={`${prefix}-started`} label={t("checklists.startedOn")} hint={t("checklists.startedOnHint")} error={errors.startedOn?.message} required>
          {(aria) => <Input {...aria} {...form.register("startedOn")} type="date" max={today} />}
        </Field>
        <div className="flex flex-wrap gap-2 sm:col-span-2">
          <Button type="submit" disabled={isSubmitting}>
            {t("checklists.applySubmit")}
          </Button>
          <Button type="button" variant="ghost" onClick={() => setOpen(false)}>
            {t("common.cancel")}
          </Button>
        </div>
      </Form>
    </div>
  );
}
