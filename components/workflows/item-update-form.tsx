"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Controller, useFieldArray, useForm, useWatch } from "react-hook-form";
import type { z } from "zod";
import { updateChecklistItemAction } from "@/app/(app)/checklists/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, useErrorText } from "@/components/ui/field";
import { Form } from "@/components/ui/form";
import { applyActionErrors, callAction } from "@/components/ui/form-result";
import { Input, Select } from "@/components/ui/input";
import { PersonCombobox } from "@/components/ui/person-combobox";
import { Textarea } from "@/components/ui/textarea";
import type { ChecklistItemStatus } from "@/db/schema/enums";
import type { Evidence } from "@/db/schema/workflows";
import type { OwnerOption } from "@/lib/workflows/queries";
import { completionProblem } from "@/lib/workflows/rules";
import { ConflictNotice, useVersionedForm } from "@/components/ui/versioned-form";
import { ITEM_STATUSES, itemFormValues, itemUpdateSchema } from "@/lib/workflows/validation";

export type UpdatableItem = {
  id: string;
  title: string;
  status: ChecklistItemStatus;
  ownerId: string | null;
  dueDate: string | null;
  completedOn: string | null;
  progressNote: string;
  evidence: Evidence[];
  evidenceRequired: boolean;
  version: number;
};

type Values = z.input<typeof itemUpdateSchema>;
/** Each field's label key under "checklists." (for the merge notice after a stale refusal). */
const LABELS: Record<string, string> = { ownerId: "itemOwner" };

/** An item's status, owner, due date, completion date, progress and evidence links (the "更新" dialog). */
export function ItemUpdateForm({ item, people, today, onCancel, onDone }: { item: UpdatableItem; people: OwnerOption[]; today: string; onCancel: () => void; onDone: () => void }) {
  const t = useTranslations();
  const errorText = useErrorText();
  const [message, setMessage] = useState<string>();
  const form = useForm<Values, unknown, z.output<typeof itemUpdateSchema>>({
    resolver: zodResolver(itemUpdateSchema),
    defaultValues: itemFormValues(item),
  });
  const versioned = useVersionedForm(form, itemFormValues(item));
  const evidence = useFieldArray({ control: form.control, name: "evidence" });
  const { errors, isSubmitting } = form.formState;
  const status = useWatch({ control: form.control, name: "status" });
  const prefix = `update-${item.id}`;
  const evidenceError = errors.evidence?.message ?? errors.evidence?.root?.message;

  const statusField = form.register("status", {
    // Marking it done fills in today as the completion date, which the user may change.
    onChange: (e: { target: { value: string } }) => {
      if (e.target.value === "done" && !form.getValues("completedOn")) form.setValue("completedOn", today);
    },
  });

  const onSubmit = form.handleSubmit(async (values) => {
    setMessage(undefined);
    // The server checks this too; saying it here spares a round trip.
    const problem = completionProblem(item, values);
    if (problem) {
      form.setError(problem === "evidenceRequired" ? "evidence" : "completedOn", { type: "rule", message: `workflows.errors.${problem}` }, { shouldFocus: true });
      return;
    }
    const result = await callAction(updateChecklistItemAction(item.id, versioned.changes()));
    if (result.ok) onDone();
    else {
      const text = applyActionErrors(form, result);
      if (!result.fieldErrors || result.fieldErrors._form || result.code === "stale_version") setMessage(errorText(text));
      if (result.code === "stale_version" && result.current) versioned.adopt(result.current);
    }
  });
  const show = (field: string, value: unknown) =>
    field === "status"
      ? t(`itemStatuses.${value as ChecklistItemStatus}`)
      : field === "ownerId"
        ? (people.find((p) => p.id === value)?.name ?? String(value))
        : field === "evidence"
          ? (value as Evidence[]).map((e) => e.label || e.url).join("、")
          : String(value);

  return (
    <Form onSubmit={onSubmit} className="grid gap-3 sm:grid-cols-2">
      {message && (
        <Alert tone="error" className="sm:col-span-2">
          {message}
        </Alert>
      )}
      {versioned.merge && (
        <ConflictNotice
          merge={versioned.merge}
          label={(f) => t(`checklists.${(LABELS[f] ?? f) as "status"}`)}
          show={show}
          onChoose={versioned.choose}
          className="sm:col-span-2"
        />
      )}
      <Field id={`${prefix}-status`} label={t("checklists.status")} error={errors.status?.message} required>
        {(aria) => (
          <Select {...aria} {...statusField}>
            {ITEM_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`itemStatuses.${s}`)}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <Field id={`${prefix}-owner`} label={t("checklists.itemOwner")} error={errors.ownerId?.message}>
        {(aria) => (
          <Controller
            control={form.control}
            name="ownerId"
            render={({ field }) => (
              <PersonCombobox {...aria} people={people} value={field.value ?? ""} onChange={field.onChange} onBlur={field.onBlur} emptyLabel={t("checklists.noOwner")} />
            )}
          />
        )}
      </Field>
      <Field id={`${prefix}-due`} label={t("checklists.dueDate")} error={errors.dueDate?.message}>
        {(aria) => <Input {...aria} {...form.register("dueDate")} type="date" />}
      </Field>
      <Field
        id={`${prefix}-completed`}
        label={t("checklists.completedOn")}
        hint={status === "done" ? undefined : t("checklists.completedOnHint")}
        error={errors.completedOn?.message}
        required={status === "done"}
      >
        {(aria) => <Input {...aria} {...form.register("completedOn")} type="date" max={today} />}
      </Field>
      <Field id={`${prefix}-note`} label={t("checklists.progressNote")} error={errors.progressNote?.message} className="sm:col-span-2">
        {(aria) => <Textarea {...aria} {...form.register("progressNote")} rows={3} />}
      </Field>
      <fieldset className="space-y-2 sm:col-span-2" aria-describedby={evidenceError ? `${prefix}-evidence-error` : undefined}>
        <legend className="text-sm font-medium text-slate-800">
          {t("checklists.evidence")}
          {item.evidenceRequired && <span className="ml-2 text-xs font-normal text-amber-800">{t("checklists.evidenceNeededToFinish")}</span>}
        </legend>
        {evidence.fields.length === 0 && <p className="text-sm text-slate-500">{t("checklists.noEvidence")}</p>}
        {evidence.fields.map((field, i) => (
          <div key={field.id} className="grid gap-2 rounded-md border border-slate-200 p-2 sm:grid-cols-[10rem_1fr_auto] sm:items-end">
            <Field id={`${prefix}-ev-${i}-label`} label={t("checklists.evidenceLabel", { n: i + 1 })} error={errors.evidence?.[i]?.label?.message}>
              {(aria) => <Input {...aria} {...form.register(`evidence.${i}.label`)} autoComplete="off" />}
            </Field>
            <Field id={`${prefix}-ev-${i}-url`} label={t("checklists.evidenceUrl", { n: i + 1 })} error={errors.evidence?.[i]?.url?.message} required>
              {(aria) => <Input {...aria} {...form.register(`evidence.${i}.url`)} type="url" inputMode="url" autoComplete="off" placeholder="https://" />}
            </Field>
            <Button type="button" variant="ghost" className="min-h-10 px-2 text-red-700" onClick={() => evidence.remove(i)} aria-label={t("checklists.removeEvidence", { n: i + 1 })}>
              {t("checklists.remove")}
            </Button>
          </div>
        ))}
        {evidenceError && (
          <p id={`${prefix}-evidence-error`} className="text-sm text-red-700" role="alert">
            {errorText(evidenceError)}
          </p>
        )}
        <Button type="button" variant="secondary" className="min-h-9 px-3" onClick={() => evidence.append({ label: "", url: "" })} disabled={evidence.fields.length >= 20}>
          {t("checklists.addEvidence")}
        </Button>
      </fieldset>
      <input type="hidden" {...form.register("version")} />
      <div className="flex flex-wrap justify-end gap-2 sm:col-span-2">
        <Button type="button" variant="ghost" onClick={onCancel}>
          {t("common.cancel")}
        </Button>
        <Button type="submit" disabled={isSubmitting}>
          {t("checklists.saveItem")}
        </Button>
      </div>
    </Form>
  );
}
