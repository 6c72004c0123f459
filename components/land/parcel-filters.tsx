import { getTranslations } from "next-intl/server";
import { Button, ButtonLink } from "@/components/ui/button";
import { Input, Select } from "@/components/ui/input";
import type { ParkOptions } from "@/lib/land/queries";
import { PARCEL_STATUSES } from "@/lib/land/status";
import { LAND_USES, type ParcelListParams } from "@/lib/land/validation";

/** The parcel list's filters as a plain GET form: every choice lands in the URL. */
export async function ParcelFilters({ params, parks }: { params: ParcelListParams; parks: ParkOptions }) {
  const t = await getTranslations();
  const label = "mb-1 block text-xs font-medium text-slate-600";
  const hasMore = Boolean(params.landUse?.length || params.minMu || params.maxMu || params.matched);
  const chip =
    "inline-flex min-h-9 cursor-pointer items-center gap-1.5 rounded-md border border-slate-300 bg-white px-2.5 text-sm has-checked:border-brand-600 has-checked:bg-brand-50";
  return (
    <form method="get" action="/parcels" role="search" aria-label={t("parcels.filters")} className="space-y-3 border-b border-slate-200 p-4">
      <input type="hidden" name="sort" value={params.sort} />
      <input type="hidden" name="dir" value={params.dir} />
      <input type="hidden" name="size" value={params.size} />
      <div className="grid gap-3 sm:grid-cols-3 lg:grid-cols-[2fr_1fr_1fr]">
        <div>
          <label htmlFor="f-q" className={label}>
            {t("parcels.searchLabel")}
          </label>
          <Input id="f-q" name="q" type="search" defaultValue={params.q ?? ""} placeholder={t("parcels.search")} />
        </div>
        <div>
          <label htmlFor="f-park" className={label}>
            {t("parcels.park")}
          </label>
          <Select id="f-park" name="park" defaultValue={params.park ?? ""}>
            <option value="">{t("parcels.all")}</option>
            {parks.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </Select>
        </div>
        <div>
          <label htmlFor="f-zone" className={label}>
            {t("parcels.zone")}
          </label>
          <Select id="f-zone" name="zone" defaultValue={params.zone ?? ""}>
            <option value="">{t("parcels.all")}</option>
            {parks
              .filter((p) => p.zones.length > 0 && (!params.park || p.id === params.park))
              .map((p) => (
                <optgroup key={p.id} label={p.name}>
                  {p.zones.map((z) => (
                    <option key={z.id} value={z.id}>
                      {z.name}
                    </option>
                  ))}
                </optgroup>
              ))}
          </Select>
        </div>
      </div>
      <fieldset>
        <legend className={label}>{t("parcels.status")}</legend>
        <div className="flex flex-wrap gap-1.5">
          {PARCEL_STATUSES.map((s) => (
            <label key={s} className={chip}>
              <input type="checkbox" name="status" value={s} defaultChecked={params.status?.includes(s)} className="accent-brand-600" />
              {t(`parcelStatuses.${s}`)}
            </label>
          ))}
        </div>
      </fieldset>
      <details open={hasMore}>
        <summary className="cursor-pointer text-sm text-brand-700">{t("parcels.moreFilters")}</summary>
        <div className="mt-3 grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
          <div>
            <label htmlFor="f-landUse" className={label}>
              {t("parcels.landUse")}
            </label>
            <Select id="f-landUse" name="landUse" defaultValue={params.landUse?.length === 1 ? params.landUse[0] : ""}>
              <option value="">{t("parcels.all")}</option>
              {LAND_USES.map((u) => (
                <option key={u} value={u}>
                  {t(`landUses.${u}`)}
                </option>
              ))}
            </Select>
          </div>
          <div>
            <label htmlFor="f-minMu" className={label}>
              {t("parcels.minMu")}
            </label>
            <Input id="f-minMu" name="minMu" inputMode="decimal" defaultValue={params.minMu ?? ""} />
          </div>
          <div>
            <label htmlFor="f-maxMu" className={label}>
              {t("parcels.maxMu")}
            </label>
            <Input id="f-maxMu" name="maxMu" inputMode="decimal" defaultValue={params.maxMu ?? ""} />
          </div>
          <div>
            <label htmlFor="f-matched" className={label}>
              {t("parcels.matchedFilter")}
            </label>
            <Select id="f-matched" name="matched" defaultValue={params.matched ?? ""}>
              <option value="">{t("parcels.all")}</option>
              <option value="yes">{t("parcels.matchedYes")}</option>
              <option value="no">{t("parcels.matchedNo")}</option>
            </Select>
          </div>
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
