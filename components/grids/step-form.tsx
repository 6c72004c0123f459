"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { advanceRequestAction } from "@/app/(app)/grids/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, useErrorText } from "@/components/ui/field";
import { Form } from "@/components/ui/form";
import { applyActionErrors, callAction } from "@/components/ui/form-result";
import { Input, Select } from "@/components/ui/input";
import { Textarea } from "@/components/ui/textarea";
import { stepSchema, type StepInput } from "@/lib/grids/validation";

type Step = "accept" | "reply" | "resolve";
const BUTTON: Record<Step, "acceptButton" | "replyButton" | "resolveButton"> = { accept: "acceptButton", reply: "replyButton", resolve: "resolveButton" };

/**
 * The request's next step, in place: accept (choosing the handler), reply (with the reply)
 * or resolve (with the resolution), stamped now or at a past time typed in China time.
 */
export function StepForm({
  gridId,
  requestId,
  step,
  version,
  handlers,
  defaultHandler,
  nowLocal,
}: {
  gridId: string;
  requestId: string;
  step: Step;
  version: number;
  handlers: { id: string; name: string; role: string | null }[];
  defaultHandler: string;
  nowLocal: string;
}) {
  const t = useTranslations("grids");
  const router = useRouter();
  const errorText = useErrorText();
  const [status, setStatus] = useState<{ tone: "success" | "error"; text: string }>();
  const defaults = (
    step === "accept" ? { step, at: "", handlerId: defaultHandler, version } : step === "reply" ? { step, at: "", reply: "", version } : { step, at: "", resolution: "", version }
  ) as StepInput;
  const form = useForm<StepInput>({ resolver: zodResolver(stepSchema) as never, defaultValues: defaults });
  const { errors, isSubmitting } = form.formState;
  const fieldError = (name: string) => (errors as Record<string, { message?: string } | undefined>)[name]?.message;

  const onSubmit = form.handleSubmit(async () => {
    setStatus(undefined);
    const result = await callAction(advanceRequestAction(gridId, requestId, form.getValues()));
    if (result.ok) {
      setStatus({ tone: "success", text: t("stepSaved", { step: t(`steps.${step}`) }) });
      router.refresh();
    } else if (result.code === "stale_version") {
      setStatus({ tone: "error", text: t("stale") });
      router.refresh();
    } else {
      const message = applyActionErrors(form, result);
      if (!result.fieldErrors || result.fieldErrors.step) setStatus({ tone: "error", text: errorText(result.fieldErrors?.step?.[0] ?? message) ?? "" });
    }
  });

  return (
    <Form onSubmit={onSubmit} className="grid gap-3 sm:grid-cols-2" aria-label={t("nextStep", { step: t(`steps.${step}`) })}>
      {status && (
        <Alert tone={status.tone} className="sm:col-span-2">
          {status.text}
        </Alert>
      )}
      {step === "accept" && (
        <Field id="step-handler" label={t("handler")} error={fieldError("handlerId")} required>
          {(aria) => (
            <Select {...aria} {...form.register("handlerId")}>
              {handlers.map((h) => (
                <option key={h.id} value={h.id}>
                  {h.role ? t("withRole", { name: h.name, role: t(`roles.${h.role as "lead"}`) }) : h.name}
                </option>
              ))}
            </Select>
          )}
        </Field>
      )}
      {step === "reply" && (
        <Field id="step-reply" label={t("replyText")} error={fieldError("reply")} required className="sm:col-span-2">
          {(aria) => <Textarea {...aria} {...form.register("reply")} rows={3} />}
        </Field>
      )}
      {step === "resolve" && (
        <Field id="step-resolution" label={t("resolutionText")} error={fieldError("resolution")} required className="sm:col-span-2">
          {(aria) => <Textarea {...aria} {...form.register("resolution")} rows={3} />}
        </Field>
      )}
      <Field id="step-at" label={t("stepTime")} hint={t("stepTimeHint")} error={fieldError("at")}>
        {(aria) => <Input {...aria} {...form.register("at")} type="datetime-local" max={nowLocal} />}
      </Field>
      <div className="sm:col-span-2">
        <Button type="submit" disabled={isSubmitting}>
          {t(BUTTON[step])}
        </Button>
      </div>
    </Form>
  );
}
