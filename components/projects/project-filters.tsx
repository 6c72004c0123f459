import { getTranslations } from "next-intl/server";
import { UnitOptions } from "@/components/admin/unit-options";
import { DrillHiddenInputs } from "@/components/drill/drill-notice";
import { Button, ButtonLink } from "@/components/ui/button";
import { FilterChips, FilterField } from "@/components/ui/filter-field";
import { Input, Select } from "@/components/ui/input";
import { FilterFold } from "@/components/ui/filter-fold";
import { PersonCombobox } from "@/components/ui/person-combobox";
import { activeFilterCount, PROJECT_FORM_FILTERS } from "@/lib/projects/url";
import type { ProjectFormOptions } from "@/lib/projects/options";
import { STAGES, STATUSES } from "@/lib/projects/stages";
import { SOURCES, type ProjectListParams } from "@/lib/projects/validation";

/**
 * The list's filters as a plain GET form: every choice lands in the URL, so a filtered
 * list can be bookmarked, shared and opened from a dashboard figure.
 */
export async function ProjectFilters({ params, options, action }: { params: ProjectListParams; options: ProjectFormOptions; action: string }) {
  const t = await getTranslations();
  const hasMore = Boolean(
    params.source?.length || params.minYi || params.maxYi || params.createdFrom || params.createdTo || params.updatedFrom || params.updatedTo,
  );
  return (
    <FilterFold count={activeFilterCount(params, PROJECT_FORM_FILTERS)}>
      <form method="get" action={action} role="search" aria-label={t("projects.filters")} className="space-y-3 border-b border-slate-200 p-4">
        <input type="hidden" name="sort" value={params.sort} />
        <input type="hidden" name="dir" value={params.dir} />
        <input type="hidden" name="size" value={params.size} />
        {/* A dashboard figure's own conditions (named above the list) stay when the form is applied. */}
        <DrillHiddenInputs params={params} extra={["park"]} />
        <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-[2fr_1fr_1fr_1fr_1fr]">
          <FilterField id="f-q" label={t("projects.searchLabel")}>
            <Input id="f-q" name="q" type="search" defaultValue={params.q ?? ""} placeholder={t("projects.search")} />
          </FilterField>
          <FilterField id="f-chain" label={t("projects.chain")}>
            <Select id="f-chain" name="chain" defaultValue={params.chain ?? ""}>
              <option value="">{t("projects.all")}</option>
              {options.chains.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
              <option value="none">{t("dashboard.none")}</option>
            </Select>
          </FilterField>
          <FilterField id="f-unit" label={t("projects.unit")}>
            <Select id="f-unit" name="unit" defaultValue={params.unit ?? ""}>
              <option value="">{t("projects.all")}</option>
              <UnitOptions units={options.units} />
            </Select>
          </FilterField>
          <FilterField id="f-owner" label={t("projects.owner")}>
            <PersonCombobox id="f-owner" name="owner" defaultValue={params.owner ?? ""} people={options.people} emptyLabel={t("projects.all")} />
          </FilterField>
          <FilterField id="f-status" label={t("projects.status")}>
            <Select id="f-status" name="status" defaultValue={params.status?.length === 1 ? params.status[0] : ""}>
              <option value="">{t("projects.all")}</option>
              {STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t(`statuses.${s}`)}
                </option>
              ))}
            </Select>
          </FilterField>
        </div>
        <FilterChips
          legend={t("projects.stage")}
          name="stage"
          options={STAGES.filter((s) => options.stages.includes(s) || params.stage?.includes(s)).map((s) => ({ value: s, label: t(`stages.${s}`) }))}
          checked={params.stage}
        />
        <details open={hasMore} className="group">
          <summary className="cursor-pointer text-sm text-brand-700">{t("projects.moreFilters")}</summary>
          <div className="mt-3 grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
            <FilterChips
              legend={t("projects.source")}
              name="source"
              options={SOURCES.map((s) => ({ value: s, label: t(`sources.${s}`) }))}
              checked={params.source}
              className="sm:col-span-2 lg:col-span-4"
            />
            {(
              [
                ["minYi", "text"],
                ["maxYi", "text"],
                ["createdFrom", "date"],
                ["createdTo", "date"],
                ["updatedFrom", "date"],
                ["updatedTo", "date"],
              ] as const
            ).map(([name, type]) => (
              <FilterField key={name} id={`f-${name}`} label={t(`projects.${name}`)}>
                <Input id={`f-${name}`} name={name} type={type} inputMode={type === "text" ? "decimal" : undefined} defaultValue={params[name] ?? ""} />
              </FilterField>
            ))}
            <label className="inline-flex items-center gap-2 self-end text-sm">
              <input type="checkbox" name="key" value="1" defaultChecked={params.key === "1"} className="h-4 w-4 accent-brand-600" />
              {t("projects.keyOnly")}
            </label>
          </div>
        </details>
        <div className="flex gap-2">
          <Button type="submit" variant="secondary">
            {t("projects.apply")}
          </Button>
          <ButtonLink href={action} variant="ghost">
            {t("projects.reset")}
          </ButtonLink>
        </div>
      </form>
    </FilterFold>
  );
}
