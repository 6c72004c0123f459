"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm, useWatch, type Resolver } from "react-hook-form";
import type { z } from "zod";
import { createParcelAction, updateParcelAction } from "@/app/(app)/parcels/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, useErrorText } from "@/components/ui/field";
import { Form } from "@/components/ui/form";
import { applyActionErrors, callAction } from "@/components/ui/form-result";
import { Input, Select } from "@/components/ui/input";
import { Textarea } from "@/components/ui/textarea";
import { ConflictNotice, useVersionedForm } from "@/components/ui/versioned-form";
import type { ParcelStatus } from "@/db/schema/enums";
import type { ParkOptions } from "@/lib/land/queries";
import { isTransferred, PARCEL_STATUSES } from "@/lib/land/status";
import { LAND_USES, parcelFormValues, parcelSchema, updateParcelSchema } from "@/lib/land/validation";
import { AreaField } from "./area-field";

type CreateValues = z.input<typeof parcelSchema>;
type UpdateValues = z.input<typeof updateParcelSchema>;
type Values = CreateValues & Partial<UpdateValues>;
export type EditedParcel = ReturnType<typeof parcelFormValues> & { id: string; status: ParcelStatus };

/** Each field's label key under "parcels." (for the merge notice after a stale refusal). */
const LABELS: Record<string, string> = {
  parkId: "park",
  zoneId: "zone",
  plannedFloorAreaSqm: "plannedFloorArea",
  landPriceWan: "landPrice",
};

/**
 * Register (no `parcel`) or edit a parcel. A new parcel is entered in the status it is in,
 * since when; later moves go through the status form on the parcel's page.
 */
export function ParcelForm({ parks, parcel, defaults }: { parks: ParkOptions; parcel?: EditedParcel; defaults: { parkId: string; today: string } }) {
  const t = useTranslations();
  const router = useRouter();
  const errorText = useErrorText();
  const [message, setMessage] = useState<string>();
  const form = useForm<Values>({
    resolver: zodResolver(parcel ? updateParcelSchema : parcelSchema) as unknown as Resolver<Values>,
    defaultValues: parcel
      ? { ...parcel, status: parcel.status, statusDate: defaults.today }
      : {
          code: "",
          parkId: defaults.parkId,
          zoneId: "",
          location: "",
          area: "",
          areaUnit: "mu",
          landUse: "industrial_m1",
          floorAreaRatio: "",
          plannedFloorAreaSqm: "",
          status: "reserved",
          statusDate: defaults.today,
          transferDate: "",
          landPriceWan: "",
          note: "",
        },
  });
  const { errors, isSubmitting } = form.formState;
  const versioned = useVersionedForm(form, parcel && (({ id: _id, status: _status, ...loaded }) => loaded)(parcel));
  const [parkId, status, area, areaUnit] = useWatch({ control: form.control, name: ["parkId", "status", "area", "areaUnit"] });
  const zones = parks.find((p) => p.id === parkId)?.zones ?? [];
  const showTransfer = isTransferred(parcel ? parcel.status : status);

  const onSubmit = form.handleSubmit(async (values) => {
    setMessage(undefined);
    const result = parcel ? await callAction(updateParcelAction(parcel.id, versioned.changes())) : await callAction(createParcelAction(values));
    if (result.ok) {
      router.push(`/parcels/${result.data.id}?saved=1`);
      router.refresh();
      return;
    }
    setMessage(errorText(applyActionErrors(form, result)));
    if (result.code === "stale_version" && result.current) versioned.adopt(result.current);
  });
  const show = (field: string, value: unknown) => {
    if (field === "parkId") return parks.find((p) => p.id === value)?.name ?? String(value);
    if (field === "zoneId") return parks.flatMap((p) => p.zones).find((z) => z.id === value)?.name ?? String(value);
    if (field === "landUse") return t(`landUses.${value as "industrial_m1"}`);
    if (field === "areaUnit") return t(value === "sqm" ? "parcels.unitSqm" : "parcels.unitMu");
    return String(value);
  };

  return (
    <Form onSubmit={onSubmit} className="grid max-w-3xl gap-4 sm:grid-cols-2">
      {message && (
        <Alert tone="error" className="sm:col-span-2">
          {message}
        </Alert>
      )}
      {versioned.merge && (
        <ConflictNotice
          merge={versioned.merge}
          label={(f) => t(`parcels.${(LABELS[f] ?? f) as "code"}`)}
          show={show}
          onChoose={versioned.choose}
          className="sm:col-span-2"
        />
      )}
      <Field id="code" label={t("parcels.code")} hint={t("parcels.codeHint")} error={errors.code?.message} required>
        {(aria) => <Input {...aria} {...form.register("code")} autoComplete="off" />}
      </Field>
      <Field id="landUse" label={t("parcels.landUse")} error={errors.landUse?.message} required>
        {(aria) => (
          <Select {...aria} {...form.register("landUse")}>
            {LAND_USES.map((u) => (
              <option key={u} value={u}>
                {t(`landUses.${u}`)}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <Field id="parkId" label={t("parcels.park")} error={errors.parkId?.message} required>
        {(aria) => (
          <Select {...aria} {...form.register("parkId", { onChange: () => form.setValue("zoneId", "") })}>
            <option value="">{t("parcels.selectPark")}</option>
            {parks.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <Field id="zoneId" label={t("parcels.zone")} error={errors.zoneId?.message}>
        {(aria) => (
          <Select {...aria} {...form.register("zoneId")} disabled={zones.length === 0}>
            <option value="">{zones.length ? t("parcels.noZone") : t("parcels.parkHasNoZones")}</option>
            {zones.map((z) => (
              <option key={z.id} value={z.id}>
                {z.name}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <AreaField
        id="area"
        label={t("parcels.area")}
        value={area ?? ""}
        unit={areaUnit ?? "mu"}
        error={errors.area?.message}
        input={form.register("area")}
        unitInput={form.register("areaUnit")}
      />
      <Field id="location" label={t("parcels.location")} error={errors.location?.message}>
        {(aria) => <Input {...aria} {...form.register("location")} autoComplete="off" />}
      </Field>
      <Field id="floorAreaRatio" label={t("parcels.floorAreaRatio")} hint={t("parcels.floorAreaRatioHint")} error={errors.floorAreaRatio?.message}>
        {(aria) => <Input {...aria} {...form.register("floorAreaRatio")} inputMode="decimal" autoComplete="off" />}
      </Field>
      <Field id="plannedFloorAreaSqm" label={t("parcels.plannedFloorArea")} error={errors.plannedFloorAreaSqm?.message}>
        {(aria) => <Input {...aria} {...form.register("plannedFloorAreaSqm")} inputMode="decimal" autoComplete="off" />}
      </Field>
      {!parcel && (
        <>
          <Field id="status" label={t("parcels.status")} error={errors.status?.message} required>
            {(aria) => (
              <Select {...aria} {...form.register("status")}>
                {PARCEL_STATUSES.map((s) => (
                  <option key={s} value={s}>
                    {t(`parcelStatuses.${s}`)}
                  </option>
                ))}
              </Select>
            )}
          </Field>
          <Field id="statusDate" label={t("parcels.statusDate")} hint={t("parcels.statusDateHint")} error={errors.statusDate?.message} required>
            {(aria) => <Input {...aria} {...form.register("statusDate")} type="date" max={defaults.today} />}
          </Field>
        </>
      )}
      {showTransfer && (
        <>
          <Field id="transferDate" label={t("parcels.transferDate")} error={errors.transferDate?.message} required>
            {(aria) => <Input {...aria} {...form.register("transferDate")} type="date" max={defaults.today} />}
          </Field>
          <Field id="landPriceWan" label={t("parcels.landPrice")} hint={t("parcels.landPriceHint")} error={errors.landPriceWan?.message}>
            {(aria) => <Input {...aria} {...form.register("landPriceWan")} inputMode="decimal" autoComplete="off" />}
          </Field>
        </>
      )}
      <Field id="note" label={t("parcels.note")} error={errors.note?.message} className="sm:col-span-2">
        {(aria) => <Textarea {...aria} {...form.register("note")} rows={3} />}
      </Field>
      {parcel && <input type="hidden" {...form.register("version")} />}
      <div className="flex gap-2 sm:col-span-2">
        <Button type="submit" disabled={isSubmitting}>
          {isSubmitting ? t("parcels.saving") : parcel ? t("parcels.save") : t("parcels.create")}
        </Button>
      </div>
    </Form>
  );
}
