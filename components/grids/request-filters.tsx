import { getTranslations } from "next-intl/server";
import { Button, ButtonLink } from "@/components/ui/button";
import { FilterField } from "@/components/ui/filter-field";
import { Input, Select } from "@/components/ui/input";
import { COLOURS } from "@/lib/grids/clock";
import { REQUEST_STATUS_FILTERS, type RequestListParams } from "@/lib/grids/validation";

/** A grid's request filters as a plain GET form: status, colour and the period received. */
export async function RequestFilters({ gridId, params, period }: { gridId: string; params: RequestListParams; period: { from: string; to: string } }) {
  const t = await getTranslations("grids");
  return (
    <form method="get" action={`/grids/${gridId}`} role="search" aria-label={t("filters")} className="grid gap-3 border-b border-slate-200 p-4 sm:grid-cols-2 lg:grid-cols-[1fr_1fr_1fr_1fr_auto]">
      <FilterField id="r-status" label={t("status")}>
        <Select id="r-status" name="status" defaultValue={params.status ?? ""}>
          <option value="">{t("all")}</option>
          {REQUEST_STATUS_FILTERS.map((s) => (
            <option key={s} value={s}>
              {t(`statuses.${s}`)}
            </option>
          ))}
        </Select>
      </FilterField>
      <FilterField id="r-colour" label={t("colour")}>
        <Select id="r-colour" name="colour" defaultValue={params.colour ?? ""}>
          <option value="">{t("all")}</option>
          {COLOURS.map((c) => (
            <option key={c} value={c}>
              {t(`colours.${c}`)}
            </option>
          ))}
        </Select>
      </FilterField>
      <FilterField id="r-from" label={t("from")}>
        <Input id="r-from" name="from" type="date" defaultValue={period.from} />
      </FilterField>
      <FilterField id="r-to" label={t("to")}>
        <Input id="r-to" name="to" type="date" defaultValue={period.to} />
      </FilterField>
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
