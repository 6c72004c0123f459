"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm, type Resolver } from "react-hook-form";
import { createContactAction, updateContactAction } from "@/app/(app)/enterprises/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, useErrorText } from "@/components/ui/field";
import { Form } from "@/components/ui/form";
import { applyActionErrors, callAction } from "@/components/ui/form-result";
import { Input } from "@/components/ui/input";
import { ConflictNotice, useVersionedForm } from "@/components/ui/versioned-form";
import type { ContactRow } from "@/lib/enterprises/queries";
import { contactFormValues, contactSchema, updateContactSchema } from "@/lib/enterprises/validation";

type ContactFormValues = { name: string; title: string; phone: string; email: string; wechat: string; notes: string; version?: number };
const FIELDS = [
  { name: "name", label: "nameField", required: true, autoComplete: "name" },
  { name: "title", label: "position", autoComplete: "organization-title" },
  { name: "phone", label: "phone", hint: "phoneHint", type: "tel", autoComplete: "tel" },
  { name: "email", label: "email", type: "email", autoComplete: "email" },
  { name: "wechat", label: "wechat", autoComplete: "off" },
  { name: "notes", label: "notes", autoComplete: "off" },
] as const;

/** Add a contact to an enterprise, or edit one, in place on the enterprise page. */
export function ContactForm({
  enterpriseId,
  contact,
  onDone,
  onCancel,
}: {
  enterpriseId: string;
  contact?: ContactRow;
  onDone: (message: string) => void;
  onCancel: () => void;
}) {
  const t = useTranslations("contacts");
  const errorText = useErrorText();
  const [message, setMessage] = useState<string>();
  const prefix = `contact-${contact?.id ?? "new"}`;
  const form = useForm<ContactFormValues>({
    resolver: zodResolver(contact ? updateContactSchema : contactSchema, undefined, { raw: true }) as unknown as Resolver<ContactFormValues>,
    defaultValues: contact ? contactFormValues(contact) : { name: "", title: "", phone: "", email: "", wechat: "", notes: "" },
  });
  const { errors, isSubmitting } = form.formState;
  const versioned = useVersionedForm(form, contact && contactFormValues(contact));

  const onSubmit = form.handleSubmit(async (values) => {
    setMessage(undefined);
    const result = await callAction(contact ? updateContactAction(contact.id, versioned.changes()) : createContactAction(enterpriseId, values));
    if (result.ok) {
      onDone(contact ? t("saved") : t("added"));
      return;
    }
    const text = errorText(applyActionErrors(form, result)) ?? "";
    if (result.code === "stale_version" && result.current) {
      versioned.adopt(result.current);
      setMessage(text);
    } else if (!result.fieldErrors) setMessage(text);
  });

  return (
    <Form onSubmit={onSubmit} className="grid gap-3 rounded-md border border-slate-200 bg-slate-50 p-3 sm:grid-cols-2" aria-label={contact ? t("editContact", { name: contact.name }) : t("add")}>
      {message && (
        <Alert tone="error" className="sm:col-span-2">
          {message}
        </Alert>
      )}
      {versioned.merge && (
        <ConflictNotice
          merge={versioned.merge}
          label={(f) => t(FIELDS.find((x) => x.name === f)?.label ?? "notes")}
          show={(_f, v) => String(v)}
          onChoose={versioned.choose}
          className="sm:col-span-2"
        />
      )}
      {FIELDS.map((f) => (
        <Field
          key={f.name}
          id={`${prefix}-${f.name}`}
          label={t(f.label)}
          hint={"hint" in f ? t(f.hint) : undefined}
          error={errors[f.name]?.message}
          required={"required" in f && f.required}
          className={f.name === "notes" ? "sm:col-span-2" : undefined}
        >
          {(aria) => <Input {...aria} {...form.register(f.name)} type={"type" in f ? f.type : "text"} autoComplete={f.autoComplete} />}
        </Field>
      ))}
      {contact && <input type="hidden" {...form.register("version")} />}
      <div className="flex gap-2 sm:col-span-2">
        <Button type="submit" disabled={isSubmitting}>
          {isSubmitting ? t("saving") : contact ? t("save") : t("add")}
        </Button>
        <Button type="button" variant="secondary" onClick={onCancel}>
          {t("cancel")}
        </Button>
      </div>
    </Form>
  );
}
