"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Controller, useForm } from "react-hook-form";
import type { z } from "zod";
import { createProjectAction, updateProjectAction } from "@/app/(app)/projects/actions";
import { UnitOptions } from "@/components/admin/unit-options";
import { EnterprisePicker } from "@/components/enterprises/enterprise-picker";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, useErrorText } from "@/components/ui/field";
import { Form } from "@/components/ui/form";
import { applyActionErrors, callAction } from "@/components/ui/form-result";
import { Input, Select } from "@/components/ui/input";
import { PersonCombobox } from "@/components/ui/person-combobox";
import { Textarea } from "@/components/ui/textarea";
import { ConflictNotice, useVersionedForm } from "@/components/ui/versioned-form";
import type { ProjectFormOptions } from "@/lib/projects/options";
import { CAPITAL_ORIGINS, SOURCES, updateProjectSchema, type ProjectFormValues } from "@/lib/projects/validation";
import { useProjectFieldText } from "./field-text";

type Values = z.input<typeof updateProjectSchema>;
type Parsed = z.output<typeof updateProjectSchema>;

export type EditedProject = ProjectFormValues & { id: string; enterpriseName: string };

/** Create (no `project`) or edit a project. Amounts are typed in 亿元; the server stores 元. */
export function ProjectForm({
  options,
  project,
  defaults,
}: {
  options: ProjectFormOptions;
  project?: EditedProject;
  defaults: { ownerId: string; unitId: string; enterprise?: { id: string; name: string } | null };
}) {
  const t = useTranslations();
  const router = useRouter();
  const errorText = useErrorText();
  const [message, setMessage] = useState<string>();
  const [picked, setPicked] = useState<{ id: string; name: string } | null>(
    project ? { id: project.enterpriseId, name: project.enterpriseName } : (defaults.enterprise ?? null),
  );
  const form = useForm<Values, unknown, Parsed>({
    // Creating uses the same schema; the version is simply unused.
    resolver: zodResolver(updateProjectSchema),
    defaultValues: project ?? {
      name: "",
      enterpriseId: defaults.enterprise?.id ?? "",
      industryChainId: "",
      sourceEventId: "",
      source: "promotion_event",
      totalInvestmentYi: "",
      capitalOrigin: "local",
      ownerId: defaults.ownerId,
      unitId: defaults.unitId,
      responsibleLeader: "",
      isKey: false,
      expectedSigningDate: "",
      description: "",
      version: 1,
    },
  });
  const { errors, isSubmitting } = form.formState;
  const versioned = useVersionedForm(form, project && (({ id: _id, enterpriseName: _name, ...loaded }) => loaded)(project));
  const fieldText = useProjectFieldText(options);

  const onSubmit = form.handleSubmit(async (values) => {
    setMessage(undefined);
    // An edit sends only what this user changed since the version loaded (see useVersionedForm).
    const result = project ? await callAction(updateProjectAction(project.id, versioned.changes())) : await callAction(createProjectAction(values));
    if (result.ok) {
      router.push(`/projects/${result.data.id}?saved=1`);
      return;
    }
    if (result.code === "stale_version" && result.current) versioned.adopt(result.current);
    setMessage(errorText(applyActionErrors(form, result)));
  });

  const selectField = (name: "industryChainId" | "sourceEventId" | "source" | "capitalOrigin" | "unitId", label: string, children: React.ReactNode, required = true) => (
    <Field id={name} label={label} error={errors[name]?.message} required={required}>
      {(aria) => (
        <Select {...aria} {...form.register(name)}>
          {children}
        </Select>
      )}
    </Field>
  );

  return (
    <Form onSubmit={onSubmit} className="grid max-w-3xl gap-4 sm:grid-cols-2">
      {message && (
        <Alert tone="error" className="sm:col-span-2">
          {message}
        </Alert>
      )}
      {versioned.merge && <ConflictNotice merge={versioned.merge} {...fieldText} onChoose={versioned.choose} className="sm:col-span-2" />}
      <Field id="name" label={t("projects.name")} error={errors.name?.message} required className="sm:col-span-2">
        {(aria) => <Input {...aria} {...form.register("name")} autoComplete="off" />}
      </Field>
      <div className="sm:col-span-2">
        <Controller
          control={form.control}
          name="enterpriseId"
          render={({ field, fieldState }) => (
            <EnterprisePicker
              id="enterpriseId"
              label={t("projects.enterprise")}
              value={picked}
              error={fieldState.error?.message}
              onChange={(v) => {
                setPicked(v);
                field.onChange(v?.id ?? "");
              }}
            />
          )}
        />
      </div>
      <Field id="totalInvestmentYi" label={t("projects.totalInvestment")} hint={t("projects.amountHint")} error={errors.totalInvestmentYi?.message} required>
        {(aria) => <Input {...aria} {...form.register("totalInvestmentYi")} inputMode="decimal" autoComplete="off" placeholder="0.0000" />}
      </Field>
      {selectField(
        "industryChainId",
        t("projects.chain"),
        <>
          <option value="">{t("projects.noChain")}</option>
          {options.chains.map((c) => (
            <option key={c.id} value={c.id}>
              {c.system ? `${c.name}（${c.system}）` : c.name}
            </option>
          ))}
        </>,
        false,
      )}
      {selectField(
        "source",
        t("projects.source"),
        SOURCES.map((s) => (
          <option key={s} value={s}>
            {t(`sources.${s}`)}
          </option>
        )),
      )}
      {selectField(
        "sourceEventId",
        t("projects.sourceEvent"),
        <>
          <option value="">{t("projects.noSourceEvent")}</option>
          {options.events.map((e) => (
            <option key={e.id} value={e.id}>
              {t("projects.eventOption", { name: e.name, date: e.heldOn })}
            </option>
          ))}
        </>,
        false,
      )}
      {selectField(
        "capitalOrigin",
        t("projects.capitalOrigin"),
        CAPITAL_ORIGINS.map((c) => (
          <option key={c} value={c}>
            {t(`capitalOrigins.${c}`)}
          </option>
        )),
      )}
      {selectField(
        "unitId",
        t("projects.unit"),
        <>
          <option value="">{t("projects.selectUnit")}</option>
          <UnitOptions units={options.units} />
        </>,
      )}
      <Field id="ownerId" label={t("projects.owner")} error={errors.ownerId?.message} required>
        {(aria) => (
          <Controller
            control={form.control}
            name="ownerId"
            render={({ field }) => <PersonCombobox {...aria} people={options.people} value={field.value ?? ""} onChange={field.onChange} onBlur={field.onBlur} />}
          />
        )}
      </Field>
      <Field id="responsibleLeader" label={t("projects.responsibleLeader")} error={errors.responsibleLeader?.message}>
        {(aria) => <Input {...aria} {...form.register("responsibleLeader")} autoComplete="off" />}
      </Field>
      <Field id="expectedSigningDate" label={t("projects.expectedSigningDate")} error={errors.expectedSigningDate?.message}>
        {(aria) => <Input {...aria} {...form.register("expectedSigningDate")} type="date" />}
      </Field>
      <label className="inline-flex items-center gap-2 self-end pb-2 text-sm sm:col-span-2">
        <input type="checkbox" {...form.register("isKey")} className="h-4 w-4 accent-brand-600" />
        {t("projects.isKey")}
      </label>
      <Field id="description" label={t("projects.description")} error={errors.description?.message} className="sm:col-span-2">
        {(aria) => <Textarea {...aria} {...form.register("description")} rows={4} />}
      </Field>
      <input type="hidden" {...form.register("version")} />
      <div className="flex gap-2 sm:col-span-2">
        <Button type="submit" disabled={isSubmitting}>
          {isSubmitting ? t("projects.saving") : project ? t("projects.save") : t("projects.create")}
        </Button>
      </div>
    </Form>
  );
}
