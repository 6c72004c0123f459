import { getTranslations } from "next-intl/server";
import { Button, ButtonLink } from "@/components/ui/button";
import { Input, Select } from "@/components/ui/input";
import { COLOURS } from "@/lib/grids/clock";
import { REQUEST_STATUS_FILTERS, type RequestListParams } from "@/lib/grids/validation";

/** A grid's request filters as a plain GET form: status, colour and the period received. */
export async function RequestFilters({ gridId, params, period }: { gridId: string; params: RequestListParams; period: { from: string; to: string } }) {
  const t = await getTranslations("grids");
  const label = "mb-1 block text-xs font-medium text-slate-600";
  return (
    <form method="get" action={`/grids/${gridId}`} role="search" aria-label={t("filters")} className="grid gap-3 border-b border-slate-200 p-4 sm:grid-cols-2 lg:grid-cols-[1fr_1fr_1fr_1fr_auto]">
      <div>
        <label htmlFor="r-status" className={label}>
          {t("status")}
        </label>
        <Select id="r-status" name="status" defaultValue={params.status ?? ""}>
          <option value="">{t("all")}</option>
          {REQUEST_STATUS_FILTERS.map((s) => (
            <option key={s} value={s}>
              {t(`statuses.${s}`)}
            </option>
          ))}
        </Select>
      </div>
      <div>
        <label htmlFor="r-colour" className={label}>
          {t("colour")}
        </label>
        <Select id="r-colour" name="colour" defaultValue={params.colour ?? ""}>
          <option value="">{t("all")}</option>
          {COLOURS.map((c) => (
            <option key={c} value={c}>
              {t(`colours.${c}`)}
            </option>
          ))}
        </Select>
      </div>
      <div>
        <label htmlFor="r-from" className={label}>
          {t("from")}
        </label>
        <Input id="r-from" name="from" type="date" defaultValue={period.from} />
      </div>
      <div>
        <label htmlFor="r-to" className={label}>
          {t("to")}
        </label>
        <Input id="r-to" name="to" type="date" defaultValue={period.to} />
      </div>
      <div className="flex items-end gap-2">
        <Button type="submit" variant="secondary">
          {t("apply")}
        </Button>
        <ButtonLink href={`/grids/${gridId}`} variant="ghost">
          {t("reset")}
        </ButtonLink>
      </div>
    </form>
  );
}
