"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useMemo, useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import type { z } from "zod";
import { changeParcelStatusAction } from "@/app/(app)/parcels/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, useErrorText } from "@/components/ui/field";
import { Form } from "@/components/ui/form";
import { applyActionErrors, callAction } from "@/components/ui/form-result";
import { Input, Select } from "@/components/ui/input";
import { Textarea } from "@/components/ui/textarea";
import { checkParcelTransition, isTransferred, nextStatuses, statusIndex, type ParcelPosition } from "@/lib/land/status";
import { parcelStatusSchema } from "@/lib/land/validation";

type Schema = ReturnType<typeof parcelStatusSchema>;

type Props = { parcelId: string; from: ParcelPosition; version: number; today: string };
type Notice = { tone: "success" | "error"; text: string };

/**
 * Moves the parcel along its life cycle with the date it happened (rules in lib/land/status.ts).
 * The fields start afresh for each version of the parcel; the last outcome stays shown above them.
 */
export function ParcelStatusForm(props: Props) {
  const [notice, setNotice] = useState<Notice>();
  return (
    <div className="space-y-3">
      {notice && <Alert tone={notice.tone}>{notice.text}</Alert>}
      <StatusFields key={props.version} {...props} onNotice={setNotice} />
    </div>
  );
}

function StatusFields({ parcelId, from, version, today, onNotice }: Props & { onNotice: (n: Notice | undefined) => void }) {
  const t = useTranslations();
  const router = useRouter();
  const errorText = useErrorText();
  const schema = useMemo(() => parcelStatusSchema(from, today), [from, today]);
  const options = nextStatuses(from.status);
  const form = useForm<z.input<Schema>, unknown, z.output<Schema>>({
    resolver: zodResolver(schema),
    defaultValues: { toStatus: options[0], changedOn: today, note: "", transferDate: "", landPriceWan: "", version },
  });
  const { errors, isSubmitting } = form.formState;
  const to = useWatch({ control: form.control, name: "toStatus" });
  const result = checkParcelTransition(from, to);
  const needs = "needs" in result ? result.needs : [];
  const backward = statusIndex(to) < statusIndex(from.status);
  const priceShown = isTransferred(to);

  const onSubmit = form.handleSubmit(async (values) => {
    onNotice(undefined);
    const res = await callAction(changeParcelStatusAction(parcelId, values));
    if (res.ok) {
      onNotice({ tone: "success", text: t("parcels.statusChanged", { status: t(`parcelStatuses.${res.data.status}`) }) });
      router.refresh();
      return;
    }
    const message = applyActionErrors(form, res);
    if (!res.fieldErrors) onNotice({ tone: "error", text: errorText(message) ?? "" });
  });

  return (
    <Form onSubmit={onSubmit} className="grid gap-3">
      <Field id="toStatus" label={t("parcels.toStatus")} error={errors.toStatus?.message} required>
        {(aria) => (
          <Select {...aria} {...form.register("toStatus")}>
            {options.map((s) => (
              <option key={s} value={s}>
                {statusIndex(s) < statusIndex(from.status) ? t("parcels.backTo", { status: t(`parcelStatuses.${s}`) }) : t(`parcelStatuses.${s}`)}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <Field
        id="changedOn"
        label={to === "transferred" && !isTransferred(from.status) ? t("parcels.transferDate") : t("parcels.changedOn")}
        hint={t("parcels.changedOnHint")}
        error={errors.changedOn?.message}
        required
      >
        {(aria) => <Input {...aria} {...form.register("changedOn")} type="date" max={today} min={from.statusChangedOn ?? undefined} />}
      </Field>
      {needs.includes("transferDate") && (
        <Field id="statusTransferDate" label={t("parcels.transferDate")} error={errors.transferDate?.message} required>
          {(aria) => <Input {...aria} {...form.register("transferDate")} type="date" max={today} />}
        </Field>
      )}
      {priceShown && (
        <Field id="statusLandPrice" label={t("parcels.landPrice")} hint={t("parcels.landPriceHint")} error={errors.landPriceWan?.message}>
          {(aria) => <Input {...aria} {...form.register("landPriceWan")} inputMode="decimal" autoComplete="off" />}
        </Field>
      )}
      <Field
        id="statusNote"
        label={t("parcels.statusNote")}
        hint={backward ? t(isTransferred(from.status) && !isTransferred(to) ? "parcels.backHintClears" : "parcels.backHint") : undefined}
        error={errors.note?.message}
        required={needs.includes("note")}
      >
        {(aria) => <Textarea {...aria} {...form.register("note")} rows={2} />}
      </Field>
      <div>
        <Button type="submit" disabled={isSubmitting}>
          {t("parcels.changeStatus")}
        </Button>
      </div>
    </Form>
  );
}
