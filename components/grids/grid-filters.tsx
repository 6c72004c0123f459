import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { UnitOptions } from "@/components/admin/unit-options";
import { Button, ButtonLink } from "@/components/ui/button";
import { FilterField } from "@/components/ui/filter-field";
import { Input, Select } from "@/components/ui/input";
import { addDays } from "@/lib/grids/calendar";
import { gridQuery } from "@/lib/grids/url";
import type { GridListParams } from "@/lib/grids/validation";

/** The overview's filters as a plain GET form, so a filtered view can be bookmarked and shared. */
export async function GridFilters({
  params,
  period,
  units,
  today,
}: {
  params: GridListParams;
  period: { from: string; to: string };
  units: { id: string; name: string; depth: number }[];
  today: string;
}) {
  const t = await getTranslations("grids");
  const quick = [
    { label: t("thisYear"), from: `${today.slice(0, 4)}-01-01`, to: today },
    { label: t("last12Months"), from: addDays(today, -364), to: today },
  ];
  return (
    <form method="get" action="/grids" role="search" aria-label={t("filters")} className="space-y-3 border-b border-slate-200 p-4">
      <div className="grid gap-3 sm:grid-cols-3 lg:grid-cols-[2fr_1fr_1fr_auto]">
        <FilterField id="g-unit" label={t("unit")}>
          <Select id="g-unit" name="unit" defaultValue={params.unit ?? ""}>
            <option value="">{t("all")}</option>
            <UnitOptions units={units} />
          </Select>
        </FilterField>
        <FilterField id="g-from" label={t("from")}>
          <Input id="g-from" name="from" type="date" defaultValue={period.from} />
        </FilterField>
        <FilterField id="g-to" label={t("to")}>
          <Input id="g-to" name="to" type="date" defaultValue={period.to} />
        </FilterField>
        <div className="flex items-end gap-2">
          <Button type="submit" variant="secondary">
            {t("apply")}
          </Button>
          <ButtonLink href="/grids" variant="ghost">
            {t("reset")}
          </ButtonLink>
        </div>
      </div>
      <p className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm">
        {quick.map((q) => {
          const current = q.from === period.from && q.to === period.to;
          return (
            <Link
              key={q.label}
              href={`/grids${gridQuery({ unit: params.unit, from: q.from, to: q.to })}`}
              aria-current={current ? "true" : undefined}
              className="inline-flex min-h-8 items-center rounded px-2 text-brand-700 underline-offset-2 hover:underline aria-[current=true]:bg-brand-50 aria-[current=true]:font-medium"
            >
              {q.label}
            </Link>
          );
        })}
      </p>
    </form>
  );
}
