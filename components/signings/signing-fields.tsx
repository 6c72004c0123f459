"use client";
import { useTranslations } from "next-intl";
import type { UseFormRegisterReturn } from "react-hook-form";
import { UnitOptions } from "@/components/admin/unit-options";
import { Field } from "@/components/ui/field";
import { Input, Select } from "@/components/ui/input";
import { PersonCombobox } from "@/components/ui/person-combobox";
import { todayInChina } from "@/lib/i18n/format";
import type { SigningFormOptions } from "@/lib/signings/queries";
import { AGREEMENT_TYPES, type SigningFactsInput } from "@/lib/signings/validation";

type FactName = keyof SigningFactsInput;

/**
 * The signing facts (签约日期, 协议类型, 协议投资额, 一期投资, 签约活动, 项目服务管家, 责任单位,
 * 包靠领导): the same fields in the stage-change dialog and on the signing form.
 */
export function SigningFields({
  idPrefix,
  register,
  errors,
  options,
  steward,
}: {
  idPrefix: string;
  /** The form's register for these fields (any form whose values include the signing facts). */
  register: (name: FactName) => UseFormRegisterReturn;
  errors: Partial<Record<FactName, { message?: string }>>;
  options: SigningFormOptions;
  /** 项目服务管家 is a searchable picker, so the form hands over its controlled value (useController). */
  steward: { value: string; onChange: (id: string) => void; onBlur: () => void };
}) {
  const t = useTranslations();
  const id = (name: string) => `${idPrefix}-${name}`;
  return (
    <>
      <Field id={id("signingDate")} label={t("signing.signingDate")} error={errors.signingDate?.message} required>
        {(aria) => <Input {...aria} {...register("signingDate")} type="date" max={todayInChina()} />}
      </Field>
      <Field id={id("agreementType")} label={t("signing.agreementType")} error={errors.agreementType?.message} required>
        {(aria) => (
          <Select {...aria} {...register("agreementType")}>
            {AGREEMENT_TYPES.map((a) => (
              <option key={a} value={a}>
                {t(`agreementTypes.${a}`)}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <Field id={id("contract")} label={t("signing.contractInvestment")} hint={t("projects.amountHint")} error={errors.contractInvestmentYi?.message} required>
        {(aria) => <Input {...aria} {...register("contractInvestmentYi")} inputMode="decimal" autoComplete="off" placeholder="0.0000" />}
      </Field>
      <Field id={id("phase1")} label={t("signing.phase1Investment")} error={errors.phase1InvestmentYi?.message}>
        {(aria) => <Input {...aria} {...register("phase1InvestmentYi")} inputMode="decimal" autoComplete="off" placeholder="0.0000" />}
      </Field>
      <Field id={id("event")} label={t("signing.event")} error={errors.eventId?.message}>
        {(aria) => (
          <Select {...aria} {...register("eventId")}>
            <option value="">{t("signing.noEvent")}</option>
            {options.events.map((e) => (
              <option key={e.id} value={e.id}>
                {e.heldOn} {e.name}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <Field id={id("steward")} label={t("signing.steward")} error={errors.stewardId?.message}>
        {(aria) => (
          <PersonCombobox {...aria} people={options.people} value={steward.value} onChange={steward.onChange} onBlur={steward.onBlur} emptyLabel={t("signing.noSteward")} />
        )}
      </Field>
      <Field id={id("responsibleUnit")} label={t("signing.responsibleUnit")} error={errors.responsibleUnitId?.message}>
        {(aria) => (
          <Select {...aria} {...register("responsibleUnitId")}>
            <option value="">{t("signing.sameAsProject")}</option>
            <UnitOptions units={options.units} />
          </Select>
        )}
      </Field>
      <Field id={id("leader")} label={t("signing.responsibleLeader")} error={errors.responsibleLeader?.message}>
        {(aria) => <Input {...aria} {...register("responsibleLeader")} autoComplete="off" />}
      </Field>
    </>
  );
}
