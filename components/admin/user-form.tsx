"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { createUserAction, updateUserAction } from "@/app/(app)/admin/users/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Form } from "@/components/ui/form";
import { Field, useErrorText } from "@/components/ui/field";
import { applyActionErrors, callAction } from "@/components/ui/form-result";
import { Input, Select } from "@/components/ui/input";
import { ROLES } from "@/lib/auth/roles";
import { ConflictNotice, useVersionedForm } from "@/components/ui/versioned-form";
import { createUserSchema, updateUserSchema, userFormValues } from "@/lib/users/validation";
import { UnitOptions, type UnitOption } from "./unit-options";

type EditedUser = { id: string; username: string; displayName: string; role: (typeof ROLES)[number]; unitId: string; version: number };
type CreateValues = z.input<typeof createUserSchema>;
type UpdateValues = z.input<typeof updateUserSchema>;

export function UserForm({ units, user }: { units: UnitOption[]; user?: EditedUser }) {
  return user ? <EditUserForm units={units} user={user} /> : <CreateUserForm units={units} />;
}

function CreateUserForm({ units }: { units: UnitOption[] }) {
  const t = useTranslations();
  const router = useRouter();
  const errorText = useErrorText();
  const [message, setMessage] = useState<string>();
  const form = useForm<CreateValues>({
    resolver: zodResolver(createUserSchema),
    defaultValues: { username: "", displayName: "", role: "staff", unitId: "", password: "" },
  });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    setMessage(undefined);
    const result = await callAction(createUserAction(values));
    if (result.ok) router.push(`/admin/users/${result.data.id}?created=1`);
    else setMessage(errorText(applyActionErrors(form, result)));
  });

  return (
    <Form onSubmit={onSubmit} className="grid max-w-2xl gap-4 sm:grid-cols-2">
      {message && <Alert tone="error" className="sm:col-span-2">{message}</Alert>}
      <Field id="username" label={t("users.username")} hint={t("users.usernameHint")} error={errors.username?.message} required>
        {(aria) => <Input {...aria} {...form.register("username")} autoComplete="off" autoCapitalize="none" />}
      </Field>
      <Field id="displayName" label={t("users.displayName")} error={errors.displayName?.message} required>
        {(aria) => <Input {...aria} {...form.register("displayName")} autoComplete="off" />}
      </Field>
      <Field id="role" label={t("users.role")} error={errors.role?.message} required>
        {(aria) => (
          <Select {...aria} {...form.register("role")}>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {t(`roles.${r}`)}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <Field id="unitId" label={t("users.unit")} error={errors.unitId?.message} required>
        {(aria) => (
          <Select {...aria} {...form.register("unitId")}>
            <option value="">{t("users.selectUnit")}</option>
            <UnitOptions units={units} />
          </Select>
        )}
      </Field>
      <Field id="password" label={t("users.password")} hint={t("users.passwordHint")} error={errors.password?.message} required>
        {(aria) => <Input {...aria} {...form.register("password")} type="password" autoComplete="new-password" />}
      </Field>
      <div className="sm:col-span-2">
        <Button type="submit" disabled={isSubmitting}>
          {isSubmitting ? t("users.saving") : t("users.create")}
        </Button>
      </div>
    </Form>
  );
}

/**
 * Editing stays on the page: each saved version (ours, or a status change) draws fresh fields,
 * so the next save is measured against what the page now shows; the notice outlives them.
 */
function EditUserForm({ units, user }: { units: UnitOption[]; user: EditedUser }) {
  const [status, setStatus] = useState<{ tone: "success" | "error"; text: string }>();
  return (
    <div className="max-w-2xl space-y-4">
      {status && <Alert tone={status.tone}>{status.text}</Alert>}
      <EditUserFields key={user.version} units={units} user={user} onStatus={setStatus} />
    </div>
  );
}

const LABELS: Record<string, "displayName" | "role" | "unit"> = { displayName: "displayName", role: "role", unitId: "unit" };

function EditUserFields({ units, user, onStatus }: { units: UnitOption[]; user: EditedUser; onStatus: (s?: { tone: "success" | "error"; text: string }) => void }) {
  const t = useTranslations();
  const router = useRouter();
  const errorText = useErrorText();
  const loaded = userFormValues(user);
  const form = useForm<UpdateValues, unknown, z.output<typeof updateUserSchema>>({ resolver: zodResolver(updateUserSchema), defaultValues: loaded });
  const { errors, isSubmitting } = form.formState;
  const versioned = useVersionedForm(form, loaded);
  const unitName = (id: unknown) => units.find((u) => u.id === id)?.name ?? String(id);
  const show = (field: string, value: unknown) => (field === "role" ? t(`roles.${value as "staff"}`) : field === "unitId" ? unitName(value) : String(value));

  const onSubmit = form.handleSubmit(async () => {
    onStatus(undefined);
    const result = await callAction(updateUserAction(user.id, versioned.changes()));
    if (result.ok) {
      onStatus({ tone: "success", text: t("users.saved") });
      router.refresh();
      return;
    }
    const message = errorText(applyActionErrors(form, result)) ?? "";
    if (result.code === "stale_version" && result.current) {
      versioned.adopt(result.current);
      onStatus({ tone: "error", text: message });
    } else if (!result.fieldErrors) onStatus({ tone: "error", text: message });
  });

  return (
    <Form onSubmit={onSubmit} className="grid gap-4 sm:grid-cols-2">
      {versioned.merge && (
        <ConflictNotice
          merge={versioned.merge}
          label={(f) => t(`users.${LABELS[f] ?? "displayName"}`)}
          show={show}
          onChoose={versioned.choose}
          className="sm:col-span-2"
        />
      )}
      <Field id="username" label={t("users.username")}>
        {(aria) => <Input {...aria} value={user.username} disabled readOnly />}
      </Field>
      <Field id="displayName" label={t("users.displayName")} error={errors.displayName?.message} required>
        {(aria) => <Input {...aria} {...form.register("displayName")} autoComplete="off" />}
      </Field>
      <Field id="role" label={t("users.role")} error={errors.role?.message} required>
        {(aria) => (
          <Select {...aria} {...form.register("role")}>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {t(`roles.${r}`)}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <Field id="unitId" label={t("users.unit")} error={errors.unitId?.message} required>
        {(aria) => (
          <Select {...aria} {...form.register("unitId")}>
            <UnitOptions units={units} />
          </Select>
        )}
      </Field>
      <input type="hidden" {...form.register("version")} />
      <div className="sm:col-span-2">
        <Button type="submit" disabled={isSubmitting}>
          {isSubmitting ? t("users.saving") : t("users.save")}
        </Button>
      </div>
    </Form>
  );
}
