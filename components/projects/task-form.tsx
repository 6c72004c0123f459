"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Controller, useForm } from "react-hook-form";
import type { z } from "zod";
import { addTaskAction } from "@/app/(app)/projects/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, useErrorText } from "@/components/ui/field";
import { Form } from "@/components/ui/form";
import { applyActionErrors, callAction } from "@/components/ui/form-result";
import { Input } from "@/components/ui/input";
import { PersonCombobox } from "@/components/ui/person-combobox";
import { taskSchema } from "@/lib/projects/validation";
import type { Person } from "@/lib/users/person-match";

export function TaskForm({ projectId, people, defaultAssignee }: { projectId: string; people: Person[]; defaultAssignee: string }) {
  const t = useTranslations();
  const router = useRouter();
  const errorText = useErrorText();
  const [status, setStatus] = useState<{ tone: "success" | "error"; text: string }>();
  const defaults = { title: "", assigneeId: defaultAssignee, dueDate: "" };
  const form = useForm<z.input<typeof taskSchema>, unknown, z.output<typeof taskSchema>>({ resolver: zodResolver(taskSchema), defaultValues: defaults });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    setStatus(undefined);
    const result = await callAction(addTaskAction(projectId, values));
    if (result.ok) {
      form.reset(defaults);
      setStatus({ tone: "success", text: t("projects.taskAdded") });
      router.refresh();
    } else {
      const message = applyActionErrors(form, result);
      if (!result.fieldErrors) setStatus({ tone: "error", text: errorText(message) ?? "" });
    }
  });

  return (
    <Form onSubmit={onSubmit} className="grid gap-3">
      {status && <Alert tone={status.tone}>{status.text}</Alert>}
      <Field id="task-title" label={t("projects.taskTitle")} error={errors.title?.message} required>
        {(aria) => <Input {...aria} {...form.register("title")} />}
      </Field>
      <div className="grid gap-3 sm:grid-cols-2">
        <Field id="task-assignee" label={t("projects.assignee")} error={errors.assigneeId?.message} required>
          {(aria) => (
            <Controller
              control={form.control}
              name="assigneeId"
              render={({ field }) => <PersonCombobox {...aria} people={people} value={field.value ?? ""} onChange={field.onChange} onBlur={field.onBlur} />}
            />
          )}
        </Field>
        <Field id="task-due" label={t("projects.dueDate")} error={errors.dueDate?.message}>
          {(aria) => <Input {...aria} {...form.register("dueDate")} type="date" />}
        </Field>
      </div>
      <div>
        <Button type="submit" variant="secondary" disabled={isSubmitting}>
          {t("projects.addTask")}
        </Button>
      </div>
    </Form>
  );
}
