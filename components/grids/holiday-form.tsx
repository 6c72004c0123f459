"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import type { z } from "zod";
import { addHolidayAction, removeHolidayAction } from "@/app/(app)/admin/holidays/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, useErrorText } from "@/components/ui/field";
import { Form, useHydrated } from "@/components/ui/form";
import { applyActionErrors, callAction } from "@/components/ui/form-result";
import { Input } from "@/components/ui/input";
import { holidaySchema } from "@/lib/grids/validation";

type Values = z.input<typeof holidaySchema>;

/** Adds a day off or a 调休 make-up working day. */
export function HolidayForm({ defaultDay }: { defaultDay: string }) {
  const t = useTranslations("holidays");
  const router = useRouter();
  const errorText = useErrorText();
  const [status, setStatus] = useState<{ tone: "success" | "error"; text: string }>();
  const defaults: Values = { day: defaultDay, name: "", isWorkday: false };
  const form = useForm<Values, unknown, z.output<typeof holidaySchema>>({ resolver: zodResolver(holidaySchema), defaultValues: defaults });
  const { errors, isSubmitting } = form.formState;
  const isWorkday = useWatch({ control: form.control, name: "isWorkday" });

  const onSubmit = form.handleSubmit(async (values) => {
    setStatus(undefined);
    const result = await callAction(addHolidayAction(values));
    if (result.ok) {
      form.reset({ ...defaults, day: values.day });
      setStatus({ tone: "success", text: t("added", { day: result.data.day }) });
      router.refresh();
    } else {
      const message = applyActionErrors(form, result);
      if (!result.fieldErrors) setStatus({ tone: "error", text: errorText(message) ?? "" });
    }
  });

  return (
    <Form onSubmit={onSubmit} className="grid gap-3 sm:grid-cols-[10rem_1fr_auto_auto] sm:items-start">
      {status && (
        <Alert tone={status.tone} className="sm:col-span-4">
          {status.text}
        </Alert>
      )}
      <Field id="holiday-day" label={t("day")} error={errors.day?.message} required>
        {(aria) => <Input {...aria} {...form.register("day")} type="date" />}
      </Field>
      <Field id="holiday-name" label={t("name")} error={errors.name?.message} required>
        {(aria) => <Input {...aria} {...form.register("name")} placeholder={t("namePlaceholder")} />}
      </Field>
      <fieldset className="space-y-1.5">
        <legend className="text-sm font-medium text-slate-800">{t("kind")}</legend>
        <div className="flex min-h-10 items-center gap-3 text-sm">
          <label className="inline-flex items-center gap-1.5">
            <input type="radio" name="holiday-kind" value="off" className="h-4 w-4 accent-brand-600" checked={!isWorkday} onChange={() => form.setValue("isWorkday", false)} />
            {t("off")}
          </label>
          <label className="inline-flex items-center gap-1.5">
            <input type="radio" name="holiday-kind" value="workday" className="h-4 w-4 accent-brand-600" checked={Boolean(isWorkday)} onChange={() => form.setValue("isWorkday", true)} />
            {t("workday")}
          </label>
        </div>
      </fieldset>
      <Button type="submit" disabled={isSubmitting} className="sm:mt-6">
        {t("add")}
      </Button>
    </Form>
  );
}

/** Removes one holiday row (audited; it can be added again). */
export function RemoveHolidayButton({ day, name }: { day: string; name: string }) {
  const t = useTranslations("holidays");
  const router = useRouter();
  const errorText = useErrorText();
  const hydrated = useHydrated();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  return (
    <span className="inline-flex items-center gap-2">
      {error && (
        <span role="alert" className="text-xs text-red-700">
          {error}
        </span>
      )}
      <Button
        type="button"
        variant="ghost"
        className="min-h-9 px-2 text-red-700"
        disabled={busy || !hydrated}
        aria-label={t("removeName", { day, name })}
        onClick={async () => {
          setBusy(true);
          setError(undefined);
          const result = await callAction(removeHolidayAction(day));
          setBusy(false);
          if (result.ok) router.refresh();
          else setError(errorText(result.message));
        }}
      >
        {t("remove")}
      </Button>
    </span>
  );
}
