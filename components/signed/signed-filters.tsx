import { getTranslations } from "next-intl/server";
import { UnitOptions } from "@/components/admin/unit-options";
import { DrillHiddenInputs } from "@/components/drill/drill-notice";
import { Button, ButtonLink } from "@/components/ui/button";
import { FilterChips, FilterField } from "@/components/ui/filter-field";
import { Input, Select } from "@/components/ui/input";
import { FilterFold } from "@/components/ui/filter-fold";
import { PersonCombobox } from "@/components/ui/person-combobox";
import { activeFilterCount, SIGNED_FORM_FILTERS } from "@/lib/projects/url";
import type { EventOption } from "@/lib/events/queries";
import type { ProjectFormOptions } from "@/lib/projects/options";
import { STATUSES } from "@/lib/projects/stages";
import { SOURCES } from "@/lib/projects/validation";
import { REVIEW_FILTERS, SIGNED_STAGES, type SignedListParams } from "@/lib/signed/validation";

export type SignedFilterOptions = ProjectFormOptions & { events: EventOption[]; parks: { id: string; name: string }[] };

/** The signed list's filters as a plain GET form (like /projects): every choice lands in the URL. */
export async function SignedFilters({ params, options }: { params: SignedListParams; options: SignedFilterOptions }) {
  const t = await getTranslations();
  const select = (name: "event" | "park" | "review" | "chain" | "unit" | "status", text: string, children: React.ReactNode, value?: string) => (
    <FilterField id={`f-${name}`} label={text}>
      <Select id={`f-${name}`} name={name} defaultValue={value ?? ""}>
        <option value="">{t("projects.all")}</option>
        {children}
      </Select>
    </FilterField>
  );
  const field = (name: keyof SignedListParams, text: string, type: "date" | "text") => (
    <FilterField key={name} id={`f-${name}`} label={text}>
      <Input id={`f-${name}`} name={name} type={type} inputMode={type === "text" ? "decimal" : undefined} defaultValue={(params[name] as string | undefined) ?? ""} />
    </FilterField>
  );
  const hasMore = Boolean(params.source?.length || params.minYi || params.maxYi || params.createdFrom || params.createdTo || params.updatedFrom || params.updatedTo || params.key);
  return (
    <FilterFold count={activeFilterCount(params, SIGNED_FORM_FILTERS)}>
      <form method="get" action="/signed" role="search" aria-label={t("signed.filters")} className="space-y-3 border-b border-slate-200 p-4">
        <input type="hidden" name="sort" value={params.sort} />
        <input type="hidden" name="dir" value={params.dir} />
        <input type="hidden" name="size" value={params.size} />
        {/* A dashboard figure's own conditions (named above the list) stay when the form is applied. */}
        <DrillHiddenInputs params={params} />
        <div className="grid grid-cols-2 gap-3 lg:grid-cols-[2fr_1fr_1fr_2fr_1.5fr]">
          <FilterField id="f-q" label={t("projects.searchLabel")} className="col-span-2 lg:col-span-1">
            <Input id="f-q" name="q" type="search" defaultValue={params.q ?? ""} placeholder={t("projects.search")} />
          </FilterField>
          {field("signedFrom", t("signed.signedFrom"), "date")}
          {field("signedTo", t("signed.signedTo"), "date")}
          {select(
            "event",
            t("signed.event"),
            options.events.map((e) => (
              <option key={e.id} value={e.id}>
                {e.heldOn} {e.name}
              </option>
            )),
            params.event,
          )}
          {select(
            "park",
            t("signed.park"),
            <>
              {options.parks.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
              <option value="none">{t("dashboard.none")}</option>
            </>,
            params.park,
          )}
        </div>
        <div className="grid grid-cols-2 gap-3 lg:grid-cols-5">
          {select(
            "review",
            t("signed.review"),
            REVIEW_FILTERS.map((r) => (
              <option key={r} value={r}>
                {t(`signed.reviewFilters.${r}`)}
              </option>
            )),
            params.review,
          )}
          {select(
            "status",
            t("projects.status"),
            STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`statuses.${s}`)}
              </option>
            )),
            params.status?.length === 1 ? params.status[0] : undefined,
          )}
          {select(
            "chain",
            t("projects.chain"),
            <>
              {options.chains.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
              <option value="none">{t("dashboard.none")}</option>
            </>,
            params.chain,
          )}
          {select("unit", t("signed.unit"), <UnitOptions units={options.units} />, params.unit)}
          <FilterField id="f-owner" label={t("projects.owner")}>
            <PersonCombobox id="f-owner" name="owner" defaultValue={params.owner ?? ""} people={options.people} emptyLabel={t("projects.all")} />
          </FilterField>
        </div>
        <FilterChips
          legend={t("projects.stage")}
          name="stage"
          options={SIGNED_STAGES.filter((s) => options.stages.includes(s) || params.stage?.includes(s)).map((s) => ({ value: s, label: t(`stages.${s}`) }))}
          checked={params.stage}
        />
        <details open={hasMore}>
          <summary className="cursor-pointer text-sm text-brand-700">{t("projects.moreFilters")}</summary>
          <div className="mt-3 grid grid-cols-2 gap-3 lg:grid-cols-4">
            <FilterChips
              legend={t("projects.source")}
              name="source"
              options={SOURCES.map((s) => ({ value: s, label: t(`sources.${s}`) }))}
              checked={params.source}
              className="col-span-2 lg:col-span-4"
            />
            {field("minYi", t("projects.minYi"), "text")}
            {field("maxYi", t("projects.maxYi"), "text")}
            {field("createdFrom", t("projects.createdFrom"), "date")}
            {field("createdTo", t("projects.createdTo"), "date")}
            {field("updatedFrom", t("projects.updatedFrom"), "date")}
            {field("updatedTo", t("projects.updatedTo"), "date")}
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
          <ButtonLink href="/signed" variant="ghost">
            {t("projects.reset")}
          </ButtonLink>
        </div>
      </form>
    </FilterFold>
  );
}
