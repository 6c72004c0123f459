"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm, type Resolver } from "react-hook-form";
import { createEventAction, updateEventAction } from "@/app/(app)/events/actions";
import { UnitOptions, type UnitOption } from "@/components/admin/unit-options";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, useErrorText } from "@/components/ui/field";
import { Form } from "@/components/ui/form";
import { applyActionErrors, callAction } from "@/components/ui/form-result";
import { Input, Select } from "@/components/ui/input";
import { ConflictNotice, useVersionedForm } from "@/components/ui/versioned-form";
import type { EventKind } from "@/db/schema/enums";
import { EVENT_KINDS, eventSchema, updateEventSchema } from "@/lib/events/validation";

export type EventFormValues = {
  name: string;
  kind: EventKind | "";
  heldOn: string;
  place: string;
  hostUnitId: string;
  description: string;
  version?: number;
};
export type EditedEvent = Omit<EventFormValues, "version"> & { id: string; version: number };

const EMPTY: EventFormValues = { name: "", kind: "", heldOn: "", place: "", hostUnitId: "", description: "" };

/**
 * Create or edit an event, checked with the server's own schema; errors stay next to their
 * fields with the input kept. An edit sends only what changed; after a stale refusal the form merges (useVersionedForm).
 */
export function EventForm({ event, units, defaultHost = "" }: { event?: EditedEvent; units: UnitOption[]; defaultHost?: string }) {
  const t = useTranslations();
  const router = useRouter();
  const errorText = useErrorText();
  const [status, setStatus] = useState<string>();
  const form = useForm<EventFormValues>({
    resolver: zodResolver(event ? updateEventSchema : eventSchema, undefined, { raw: true }) as unknown as Resolver<EventFormValues>,
    defaultValues: event ?? { ...EMPTY, hostUnitId: defaultHost },
  });
  const { errors, isSubmitting } = form.formState;
  const versioned = useVersionedForm(form, event && (({ id: _id, ...loaded }) => loaded)(event));

  const onSubmit = form.handleSubmit(async (values) => {
    setStatus(undefined);
    const result = await callAction(event ? updateEventAction(event.id, versioned.changes()) : createEventAction(values));
    if (result.ok) {
      router.push(`/events/${result.data.id}?${event ? "saved" : "created"}=1`);
      return;
    }
    const message = errorText(applyActionErrors(form, result)) ?? "";
    if (result.code === "stale_version" && result.current) {
      versioned.adopt(result.current);
      setStatus(message);
    } else if (!result.fieldErrors || result.fieldErrors._form) setStatus(message);
  });

  const area = "block w-full rounded-md border border-slate-300 px-3 py-2 text-sm shadow-xs focus:border-brand-600 focus:ring-2 focus:ring-brand-600/20 focus:outline-none aria-[invalid=true]:border-red-500";
  return (
    <Form onSubmit={onSubmit} className="grid max-w-3xl gap-4 sm:grid-cols-2">
      {status && (
        <Alert tone="error" className="sm:col-span-2">
          {status}
        </Alert>
      )}
      {versioned.merge && (
        <ConflictNotice
          merge={versioned.merge}
          label={(f) => t(f === "description" ? "events.descriptionLabel" : f === "hostUnitId" ? "events.hostUnit" : `events.${f as "name"}`)}
          show={(f, v) => (f === "kind" ? t(`events.kinds.${v as "promotion"}`) : f === "hostUnitId" ? (units.find((u) => u.id === v)?.name ?? t("events.noHost")) : String(v))}
          onChoose={versioned.choose}
          className="sm:col-span-2"
        />
      )}
      <Field id="name" label={t("events.name")} hint={t("events.nameHint")} error={errors.name?.message} required className="sm:col-span-2">
        {(aria) => <Input {...aria} {...form.register("name")} autoComplete="off" />}
      </Field>
      <Field id="kind" label={t("events.kind")} error={errors.kind?.message} required>
        {(aria) => (
          <Select {...aria} {...form.register("kind")}>
            <option value="">{t("events.selectKind")}</option>
            {EVENT_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`events.kinds.${k}`)}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <Field id="heldOn" label={t("events.heldOn")} error={errors.heldOn?.message} required>
        {(aria) => <Input {...aria} {...form.register("heldOn")} type="date" />}
      </Field>
      <Field id="place" label={t("events.place")} error={errors.place?.message}>
        {(aria) => <Input {...aria} {...form.register("place")} autoComplete="off" />}
      </Field>
      <Field id="hostUnitId" label={t("events.hostUnit")} error={errors.hostUnitId?.message}>
        {(aria) => (
          <Select {...aria} {...form.register("hostUnitId")}>
            <option value="">{t("events.noHost")}</option>
            <UnitOptions units={units} />
          </Select>
        )}
      </Field>
      <Field id="description" label={t("events.descriptionLabel")} error={errors.description?.message} className="sm:col-span-2">
        {(aria) => <textarea {...aria} {...form.register("description")} rows={4} className={area} />}
      </Field>
      {event && <input type="hidden" {...form.register("version")} />}
      <div className="sm:col-span-2">
        <Button type="submit" disabled={isSubmitting}>
          {isSubmitting ? t("events.saving") : event ? t("events.save") : t("events.create")}
        </Button>
      </div>
    </Form>
  );
}
