"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import type { z } from "zod";
import { updateLandNeedAction } from "@/app/(app)/parcels/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, useErrorText } from "@/components/ui/field";
import { Form } from "@/components/ui/form";
import { applyActionErrors, callAction } from "@/components/ui/form-result";
import { Input, Select } from "@/components/ui/input";
import { formatSqm } from "@/lib/land/area";
import { ConflictNotice, useVersionedForm } from "@/components/ui/versioned-form";
import { LAND_USES, type landNeedFormValues, landNeedSchema } from "@/lib/land/validation";

type Values = z.input<typeof landNeedSchema>;
type Loaded = ReturnType<typeof landNeedFormValues>;
/** Each field's label key under "land." (for the merge notice after a stale refusal). */
const LABELS: Record<string, "needMu" | "landUse" | "park"> = { landNeedMu: "needMu", landUse: "landUse", parkId: "park" };
type Notice = { tone: "success" | "error"; text: string };

/** The project's land need: 亩, land use and preferred park. Fresh fields for each saved version. */
export function LandNeedForm(props: { projectId: string; values: Loaded; parks: { id: string; name: string }[] }) {
  const [notice, setNotice] = useState<Notice>();
  return (
    <div className="space-y-3">
      {notice && <Alert tone={notice.tone}>{notice.text}</Alert>}
      <NeedFields key={String(props.values.version)} {...props} onNotice={setNotice} />
    </div>
  );
}

function NeedFields({ projectId, values, parks, onNotice }: { projectId: string; values: Loaded; parks: { id: string; name: string }[]; onNotice: (n?: Notice) => void }) {
  const t = useTranslations("land");
  const tr = useTranslations();
  const router = useRouter();
  const errorText = useErrorText();
  const form = useForm<Values, unknown, z.output<typeof landNeedSchema>>({ resolver: zodResolver(landNeedSchema), defaultValues: values });
  const { errors, isSubmitting } = form.formState;
  const versioned = useVersionedForm(form, values);
  const mu = useWatch({ control: form.control, name: "landNeedMu" }) ?? "";
  const sqm = /^\d+(\.\d{1,6})?$/.test(mu.trim()) ? formatSqm(mu.trim()) : null;

  const onSubmit = form.handleSubmit(async () => {
    onNotice(undefined);
    const result = await callAction(updateLandNeedAction(projectId, versioned.changes()));
    if (result.ok) {
      onNotice({ tone: "success", text: t("needSaved") });
      router.refresh();
      return;
    }
    const message = applyActionErrors(form, result);
    if (!result.fieldErrors || result.code === "stale_version") onNotice({ tone: "error", text: errorText(message) ?? "" });
    if (result.code === "stale_version" && result.current) versioned.adopt(result.current);
  });
  const show = (field: string, value: unknown) =>
    field === "landUse" ? tr(`landUses.${value as "other"}`) : field === "parkId" ? (parks.find((p) => p.id === value)?.name ?? String(value)) : String(value);

  return (
    <Form onSubmit={onSubmit} className="grid gap-3">
      {versioned.merge && <ConflictNotice merge={versioned.merge} label={(f) => t(LABELS[f] ?? "needMu")} show={show} onChoose={versioned.choose} />}
      <Field id="landNeedMu" label={t("needMu")} hint={sqm ? t("needSqm", { sqm }) : t("needHint")} error={errors.landNeedMu?.message}>
        {(aria) => <Input {...aria} {...form.register("landNeedMu")} inputMode="decimal" autoComplete="off" />}
      </Field>
      <Field id="landNeedUse" label={t("landUse")} error={errors.landUse?.message}>
        {(aria) => (
          <Select {...aria} {...form.register("landUse")}>
            <option value="">{t("notSet")}</option>
            {LAND_USES.map((u) => (
              <option key={u} value={u}>
                {tr(`landUses.${u}`)}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <Field id="landNeedPark" label={t("park")} error={errors.parkId?.message}>
        {(aria) => (
          <Select {...aria} {...form.register("parkId")}>
            <option value="">{t("notSet")}</option>
            {parks.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <input type="hidden" {...form.register("version")} />
      <div>
        <Button type="submit" variant="secondary" disabled={isSubmitting}>
          {t("saveNeed")}
        </Button>
      </div>
    </Form>
  );
}
