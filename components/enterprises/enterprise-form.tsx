"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Controller, useForm, useWatch, type Resolver } from "react-hook-form";
import { createEnterpriseAction, updateEnterpriseAction } from "@/app/(app)/enterprises/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, useErrorText } from "@/components/ui/field";
import { Form } from "@/components/ui/form";
import { applyActionErrors, callAction } from "@/components/ui/form-result";
import { Input, Select } from "@/components/ui/input";
import { ConflictNotice, useVersionedForm } from "@/components/ui/versioned-form";
import { enterpriseSchema, OWNERSHIP_TYPES, updateEnterpriseSchema, usccWarning, type OwnershipType } from "@/lib/enterprises/validation";
import { DuplicateWarning } from "./duplicate-warning";
import { TagsInput } from "./tags-input";

export type EnterpriseFormValues = {
  name: string;
  uscc: string;
  ownershipType: OwnershipType | "";
  headquarters: string;
  industryCode: string;
  tags: string[];
  website: string;
  notes: string;
  version?: number;
};
export type EditedEnterprise = Omit<EnterpriseFormValues, "version"> & { id: string; version: number };

const EMPTY: EnterpriseFormValues = { name: "", uscc: "", ownershipType: "", headquarters: "", industryCode: "", tags: [], website: "", notes: "" };

/**
 * Create or edit an enterprise. The form checks with the server's own schema (raw values go
 * to the action, which parses them again); errors stay next to their fields with the input kept.
 */
export function EnterpriseForm({ enterprise }: { enterprise?: EditedEnterprise }) {
  const t = useTranslations();
  const router = useRouter();
  const errorText = useErrorText();
  const [status, setStatus] = useState<{ text: string }>();
  const schema = enterprise ? updateEnterpriseSchema : enterpriseSchema;
  const form = useForm<EnterpriseFormValues>({
    resolver: zodResolver(schema, undefined, { raw: true }) as unknown as Resolver<EnterpriseFormValues>,
    defaultValues: enterprise ?? EMPTY,
  });
  const { errors, isSubmitting } = form.formState;
  const versioned = useVersionedForm(form, enterprise && (({ id: _id, ...loaded }) => loaded)(enterprise));
  const [name, uscc] = useWatch({ control: form.control, name: ["name", "uscc"] });
  const warning = errors.uscc ? undefined : usccWarning(uscc);

  const onSubmit = form.handleSubmit(async (values) => {
    setStatus(undefined);
    const result = await callAction(enterprise ? updateEnterpriseAction(enterprise.id, versioned.changes()) : createEnterpriseAction(values));
    if (result.ok) {
      router.push(`/enterprises/${result.data.id}?${enterprise ? "saved" : "created"}=1`);
      return;
    }
    const message = errorText(applyActionErrors(form, result)) ?? "";
    if (result.code === "stale_version" && result.current) {
      versioned.adopt(result.current);
      setStatus({ text: message });
    } else if (!result.fieldErrors || result.fieldErrors._form) setStatus({ text: message });
  });

  const text = (field: "name" | "headquarters" | "website", opts: { required?: boolean; hint?: string } = {}) => (
    <Field id={field} label={t(`enterprises.${field}`)} hint={opts.hint} error={errors[field]?.message} required={opts.required}>
      {(aria) => <Input {...aria} {...form.register(field)} autoComplete="off" />}
    </Field>
  );

  return (
    <Form onSubmit={onSubmit} className="grid max-w-3xl gap-4 sm:grid-cols-2">
      {status && (
        <Alert tone="error" className="sm:col-span-2">
          <p>{status.text}</p>
        </Alert>
      )}
      {versioned.merge && (
        <ConflictNotice
          merge={versioned.merge}
          label={(f) => t(`enterprises.${f as "name"}`)}
          show={(f, v) => (f === "ownershipType" ? t(`ownershipTypes.${v as "other"}`) : Array.isArray(v) ? v.join("、") : String(v))}
          onChoose={versioned.choose}
          className="sm:col-span-2"
        />
      )}
      {text("name", { required: true, hint: t("enterprises.nameHint") })}
      <Field id="uscc" label={t("enterprises.uscc")} hint={t("enterprises.usccHint")} error={errors.uscc?.message}>
        {(aria) => (
          <>
            <Input
              {...aria}
              {...form.register("uscc")}
              aria-describedby={[aria["aria-describedby"], warning && "uscc-warning"].filter(Boolean).join(" ") || undefined}
              autoComplete="off"
              autoCapitalize="characters"
              spellCheck={false}
              maxLength={30}
              className="font-mono uppercase"
            />
            {warning && (
              <p id="uscc-warning" role="status" className="text-sm text-amber-800">
                {t(warning as "enterprises.warnings.usccChecksum")}
              </p>
            )}
          </>
        )}
      </Field>
      {/* When editing, only a changed name or code can make a new duplicate. */}
      <DuplicateWarning
        name={name ?? ""}
        uscc={uscc ?? ""}
        excludeId={enterprise?.id}
        skip={Boolean(enterprise && name === enterprise.name && uscc === enterprise.uscc)}
      />
      <Field id="ownershipType" label={t("enterprises.ownershipType")} error={errors.ownershipType?.message}>
        {(aria) => (
          <Select {...aria} {...form.register("ownershipType")}>
            <option value="">{t("enterprises.selectOwnership")}</option>
            {OWNERSHIP_TYPES.map((o) => (
              <option key={o} value={o}>
                {t(`ownershipTypes.${o}`)}
              </option>
            ))}
          </Select>
        )}
      </Field>
      {text("headquarters", { hint: t("enterprises.headquartersHint") })}
      <Field id="industryCode" label={t("enterprises.industryCode")} hint={t("enterprises.industryCodeHint")} error={errors.industryCode?.message}>
        {(aria) => <Input {...aria} {...form.register("industryCode")} autoComplete="off" spellCheck={false} className="font-mono uppercase" />}
      </Field>
      {text("website")}
      <div className="sm:col-span-2">
        <Controller
          control={form.control}
          name="tags"
          render={({ field, fieldState }) => (
            // A bad single tag is reported on its item (tags.3); show it on the group.
            <TagsInput id="tags" value={field.value} onChange={field.onChange} error={fieldState.error?.message ?? (Array.isArray(errors.tags) ? errors.tags.find(Boolean)?.message : undefined)} />
          )}
        />
      </div>
      <Field id="notes" label={t("enterprises.notes")} error={errors.notes?.message} className="sm:col-span-2">
        {(aria) => <textarea {...aria} {...form.register("notes")} rows={4} className="block w-full rounded-md border border-slate-300 px-3 py-2 text-sm shadow-xs focus:border-brand-600 focus:ring-2 focus:ring-brand-600/20 focus:outline-none aria-[invalid=true]:border-red-500" />}
      </Field>
      {enterprise && <input type="hidden" {...form.register("version")} />}
      <div className="sm:col-span-2">
        <Button type="submit" disabled={isSubmitting}>
          {isSubmitting ? t("enterprises.saving") : enterprise ? t("enterprises.save") : t("enterprises.create")}
        </Button>
      </div>
    </Form>
  );
}
