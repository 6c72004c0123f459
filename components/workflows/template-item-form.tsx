"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { addTemplateItemAction, updateTemplateItemAction } from "@/app/(app)/admin/templates/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, useErrorText } from "@/components/ui/field";
import { Form } from "@/components/ui/form";
import { applyActionErrors, callAction } from "@/components/ui/form-result";
import { Input, Select } from "@/components/ui/input";
import { Textarea } from "@/components/ui/textarea";
import type { DueAnchor } from "@/db/schema/enums";
import { DUE_ANCHORS, templateItemSchema } from "@/lib/workflows/validation";

export type EditedTemplateItem = {
  id: string;
  phase: string;
  category: string;
  title: string;
  description: string;
  responsibleDepartment: string;
  dueOffsetDays: number | null;
  dueAnchor: DueAnchor;
  evidenceRequired: boolean;
  version: number;
};

type Values = z.input<typeof templateItemSchema>;

/** Adds an item to a template, or edits one: what it is, who handles it, when it is due, whether it needs evidence. */
export function TemplateItemForm({
  templateId,
  phases,
  categories,
  item,
  phase,
  onCancel,
  onDone,
}: {
  templateId: string;
  phases: string[];
  /** Categories already used, offered as suggestions. */
  categories: string[];
  item?: EditedTemplateItem;
  /** The phase to add to (the group the add button was in). */
  phase?: string;
  onCancel: () => void;
  onDone: () => void;
}) {
  const t = useTranslations();
  const errorText = useErrorText();
  const [message, setMessage] = useState<string>();
  const form = useForm<Values, unknown, z.output<typeof templateItemSchema>>({
    resolver: zodResolver(templateItemSchema),
    defaultValues: item
      ? { ...item, dueOffsetDays: item.dueOffsetDays ?? "" }
      : { phase: phase ?? phases[0] ?? "", category: "", title: "", description: "", responsibleDepartment: "", dueOffsetDays: "", dueAnchor: "start", evidenceRequired: false, version: 0 },
  });
  const { errors, isSubmitting } = form.formState;
  const prefix = item ? `item-${item.id}` : "new-item";

  const onSubmit = form.handleSubmit(async (values) => {
    setMessage(undefined);
    const result = await callAction(item ? updateTemplateItemAction(item.id, values) : addTemplateItemAction(templateId, values));
    if (result.ok) onDone();
    else setMessage(errorText(applyActionErrors(form, result)));
  });

  return (
    <Form onSubmit={onSubmit} className="grid gap-3 sm:grid-cols-2">
      {message && (
        <Alert tone="error" className="sm:col-span-2">
          {message}
        </Alert>
      )}
      {phases.length > 0 && (
        <Field id={`${prefix}-phase`} label={t("templates.itemPhase")} error={errors.phase?.message} required>
          {(aria) => (
            <Select {...aria} {...form.register("phase")}>
              {phases.map((p) => (
                <option key={p} value={p}>
                  {p}
                </option>
              ))}
            </Select>
          )}
        </Field>
      )}
      <Field id={`${prefix}-category`} label={t("templates.itemCategory")} hint={t("templates.itemCategoryHint")} error={errors.category?.message}>
        {(aria) => (
          <>
            <Input {...aria} {...form.register("category")} list={`${prefix}-categories`} autoComplete="off" />
            <datalist id={`${prefix}-categories`}>
              {categories.map((c) => (
                <option key={c} value={c} />
              ))}
            </datalist>
          </>
        )}
      </Field>
      <Field id={`${prefix}-title`} label={t("templates.itemTitle")} error={errors.title?.message} required className="sm:col-span-2">
        {(aria) => <Input {...aria} {...form.register("title")} autoComplete="off" />}
      </Field>
      <Field id={`${prefix}-dept`} label={t("templates.itemDepartment")} hint={t("templates.itemDepartmentHint")} error={errors.responsibleDepartment?.message}>
        {(aria) => <Input {...aria} {...form.register("responsibleDepartment")} autoComplete="off" />}
      </Field>
      <div className="grid grid-cols-[1fr_7rem] gap-2">
        <Field id={`${prefix}-anchor`} label={t("templates.itemAnchor")} error={errors.dueAnchor?.message}>
          {(aria) => (
            <Select {...aria} {...form.register("dueAnchor")}>
              {DUE_ANCHORS.map((a) => (
                <option key={a} value={a}>
                  {t(`dueAnchors.${a}`)}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <Field id={`${prefix}-offset`} label={t("templates.itemOffset")} error={errors.dueOffsetDays?.message}>
          {(aria) => <Input {...aria} {...form.register("dueOffsetDays")} type="number" inputMode="numeric" min={0} max={3650} />}
        </Field>
      </div>
      <p className="-mt-1 text-xs text-slate-500 sm:col-span-2">{t("templates.itemDueHint")}</p>
      <Field id={`${prefix}-description`} label={t("templates.itemDescription")} error={errors.description?.message} className="sm:col-span-2">
        {(aria) => <Textarea {...aria} {...form.register("description")} rows={2} />}
      </Field>
      <label className="inline-flex items-center gap-2 text-sm sm:col-span-2">
        <input type="checkbox" {...form.register("evidenceRequired")} className="h-4 w-4 accent-brand-600" />
        {t("templates.itemEvidenceRequired")}
      </label>
      <input type="hidden" {...form.register("version")} />
      <div className="flex flex-wrap justify-end gap-2 sm:col-span-2">
        <Button type="button" variant="ghost" onClick={onCancel}>
          {t("common.cancel")}
        </Button>
        <Button type="submit" disabled={isSubmitting}>
          {item ? t("templates.saveItem") : t("templates.addItem")}
        </Button>
      </div>
    </Form>
  );
}
