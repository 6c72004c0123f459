import { getTranslations } from "next-intl/server";
import { UnitOptions, type UnitOption } from "@/components/admin/unit-options";
import { Button, ButtonLink } from "@/components/ui/button";
import { FilterField } from "@/components/ui/filter-field";
import { Input, Select } from "@/components/ui/input";
import type { DashboardParams } from "@/lib/dashboard/validation";
import { DEFAULT_STALLED_DAYS } from "@/lib/dashboard/validation";

export type DashboardFilterOptions = {
  years: number[];
  units: UnitOption[];
  chains: { id: string; name: string }[];
  parks: { id: string; name: string }[];
  showUnits: boolean;
};


/** The dashboard's filters as a plain GET form: every choice is in the URL, so a view can be bookmarked and shared. */
export async function DashboardFilters({ params, options, year, asOf }: { params: DashboardParams; options: DashboardFilterOptions; year: number; asOf: string }) {
  const t = await getTranslations("dashboard");
  const select = (name: string, text: string, value: string | undefined, children: React.ReactNode) => (
    <FilterField id={`d-${name}`} label={text}>
      <Select id={`d-${name}`} name={name} defaultValue={value ?? ""}>
        {children}
      </Select>
    </FilterField>
  );
  const more = Boolean(params.from || params.to || params.stalled !== DEFAULT_STALLED_DAYS);
  return (
    <form method="get" action="/dashboard" role="search" aria-label={t("filters")} className="no-print rounded-lg border border-slate-200 bg-white p-3 shadow-xs">
      <div className="grid grid-cols-2 gap-3 md:grid-cols-3 xl:grid-cols-[repeat(6,minmax(0,1fr))_auto]">
        {select(
          "year",
          t("year"),
          String(year),
          options.years.map((y) => (
            <option key={y} value={y}>
              {t("yearOption", { year: y })}
            </option>
          )),
        )}
        {select(
          "quarter",
          t("quarter"),
          params.quarter ? String(params.quarter) : "",
          <>
            <option value="">{t("wholeYear")}</option>
            {[1, 2, 3, 4].map((q) => (
              <option key={q} value={q}>
                {t("quarterOption", { q })}
              </option>
            ))}
          </>,
        )}
        {options.showUnits
          ? select(
              "unit",
              t("unit"),
              params.unit,
              <>
                <option value="">{t("all")}</option>
                <UnitOptions units={options.units} />
              </>,
            )
          : null}
        {select(
          "chain",
          t("chain"),
          params.chain,
          <>
            <option value="">{t("all")}</option>
            {options.chains.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
            <option value="none">{t("none")}</option>
          </>,
        )}
        {select(
          "park",
          t("park"),
          params.park,
          <>
            <option value="">{t("all")}</option>
            {options.parks.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
            <option value="none">{t("none")}</option>
          </>,
        )}
        <FilterField id="d-asOf" label={t("asOf")}>
          <Input id="d-asOf" name="asOf" type="date" defaultValue={params.asOf ? asOf : ""} aria-describedby="d-asOf-hint" />
        </FilterField>
        <div className="col-span-2 flex items-end gap-2 md:col-span-3 xl:col-span-1">
          <Button type="submit">{t("apply")}</Button>
          <ButtonLink href="/dashboard" variant="ghost">
            {t("reset")}
          </ButtonLink>
        </div>
      </div>
      <details open={more} className="mt-2">
        <summary className="cursor-pointer text-sm text-brand-700">{t("moreFilters")}</summary>
        <div className="mt-2 grid grid-cols-2 gap-3 md:grid-cols-3 xl:grid-cols-6">
          <FilterField id="d-from" label={t("from")}>
            <Input id="d-from" name="from" type="date" defaultValue={params.from ?? ""} aria-describedby="d-custom-hint" />
          </FilterField>
          <FilterField id="d-to" label={t("to")}>
            <Input id="d-to" name="to" type="date" defaultValue={params.to ?? ""} aria-describedby="d-custom-hint" />
          </FilterField>
          <FilterField id="d-stalled" label={t("stalledDays")}>
            <Input
              id="d-stalled"
              name="stalled"
              type="number"
              min={1}
              max={365}
              inputMode="numeric"
              defaultValue={params.stalled === DEFAULT_STALLED_DAYS ? "" : params.stalled}
              placeholder={String(DEFAULT_STALLED_DAYS)}
            />
          </FilterField>
        </div>
        <p className="mt-2 text-xs text-slate-600">
          <span id="d-custom-hint">{t("customHint")}</span>
        </p>
      </details>
      <p id="d-asOf-hint" className="mt-1 text-xs text-slate-600">
        {t("asOfHint")}
      </p>
    </form>
  );
}
