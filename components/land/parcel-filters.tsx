import { getTranslations } from "next-intl/server";
import { Button, ButtonLink } from "@/components/ui/button";
import { FilterChips, FilterField } from "@/components/ui/filter-field";
import { Input, Select } from "@/components/ui/input";
import type { ParkOptions } from "@/lib/land/queries";
import { ParkZoneFilter } from "./park-zone-filter";
import { PARCEL_STATUSES } from "@/lib/land/status";
import { LAND_USES, type ParcelListParams } from "@/lib/land/validation";

/** The parcel list's filters as a plain GET form: every choice lands in the URL. */
export async function ParcelFilters({ params, parks }: { params: ParcelListParams; parks: ParkOptions }) {
  const t = await getTranslations();
  const hasMore = Boolean(params.landUse?.length || params.minMu || params.maxMu || params.matched);
  return (
    <form method="get" action="/parcels" role="search" aria-label={t("parcels.filters")} className="space-y-3 border-b border-slate-200 p-4">
      <input type="hidden" name="sort" value={params.sort} />
      <input type="hidden" name="dir" value={params.dir} />
      <input type="hidden" name="size" value={params.size} />
      <div className="grid gap-3 sm:grid-cols-3 lg:grid-cols-[2fr_1fr_1fr]">
        <FilterField id="f-q" label={t("parcels.searchLabel")}>
          <Input id="f-q" name="q" type="search" defaultValue={params.q ?? ""} placeholder={t("parcels.search")} />
        </FilterField>
        <ParkZoneFilter
          parks={parks}
          park={params.park ?? ""}
          zone={params.zone ?? ""}
          labels={{ park: t("parcels.park"), zone: t("parcels.zone"), all: t("parcels.all") }}
        />
      </div>
      <FilterChips
        legend={t("parcels.status")}
        name="status"
        options={PARCEL_STATUSES.map((s) => ({ value: s, label: t(`parcelStatuses.${s}`) }))}
        checked={params.status}
      />
      <details open={hasMore}>
        <summary className="cursor-pointer text-sm text-brand-700">{t("parcels.moreFilters")}</summary>
        <div className="mt-3 grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
          <FilterField id="f-landUse" label={t("parcels.landUse")}>
            <Select id="f-landUse" name="landUse" defaultValue={params.landUse?.length === 1 ? params.landUse[0] : ""}>
              <option value="">{t("parcels.all")}</option>
              {LAND_USES.map((u) => (
                <option key={u} value={u}>
                  {t(`landUses.${u}`)}
                </option>
              ))}
            </Select>
          </FilterField>
          <FilterField id="f-minMu" label={t("parcels.minMu")}>
            <Input id="f-minMu" name="minMu" inputMode="decimal" defaultValue={params.minMu ?? ""} />
          </FilterField>
          <FilterField id="f-maxMu" label={t("parcels.maxMu")}>
            <Input id="f-maxMu" name="maxMu" inputMode="decimal" defaultValue={params.maxMu ?? ""} />
          </FilterField>
          <FilterField id="f-matched" label={t("parcels.matchedFilter")}>
            <Select id="f-matched" name="matched" defaultValue={params.matched ?? ""}>
              <option value="">{t("parcels.all")}</option>
              <option value="yes">{t("parcels.matchedYes")}</option>
              <option value="no">{t("parcels.matchedNo")}</option>
            </Select>
          </FilterField>
        </div>
      </details>
      <div className="flex gap-2">
        <Button type="submit" variant="secondary">
          {t("parcels.apply")}
        </Button>
        <ButtonLink href="/parcels" variant="ghost">
          {t("parcels.reset")}
        </ButtonLink>
      </div>
    </form>
  );
}
