import { getTranslations } from "next-intl/server";
import { Button, ButtonLink } from "@/components/ui/button";
import { Input, Select } from "@/components/ui/input";
import { PersonCombobox } from "@/components/ui/person-combobox";
import type { BoardFilterOptions } from "@/lib/projects/board";
import { STATUSES } from "@/lib/projects/stages";
import { SOURCES, type ProjectFilters } from "@/lib/projects/validation";

// Filters the bar does not show (amount and date ranges from the list) ride along unchanged.
const CARRIED = ["minYi", "maxYi", "createdFrom", "createdTo", "updatedFrom", "updatedTo"] as const;

/** The board's filter bar: a plain GET form, so the filters live in the URL like the list's. */
export async function BoardFilters({ filters, options }: { filters: ProjectFilters; options: BoardFilterOptions }) {
  const t = await getTranslations();
  const status = (filters.status ?? []).join(",");
  const statusOptions: [string, string][] = [
    ["active", t("board.statusActive")],
    ["on_hold", t("board.statusOnHold")],
    ["lost", t("board.statusLost")],
    [STATUSES.join(","), t("board.statusAll")],
  ];
  if (!statusOptions.some(([v]) => v === status)) {
    statusOptions.push([status, t("board.statusCustom", { statuses: (filters.status ?? []).map((s) => t(`statuses.${s}`)).join("、") })]);
  }
  const label = "sr-only";
  // Each control takes a share of the row and wraps below 10rem; on a phone they stack.
  const wide = "min-w-0 grow-[2] basis-64";
  const item = "min-w-0 grow basis-40";
  return (
    <form
      method="get"
      action="/projects/board"
      role="search"
      aria-label={t("board.filters")}
      className="mb-4 flex flex-wrap gap-3 rounded-lg border border-slate-200 bg-white p-3"
    >
      <div className={wide}>
        <label htmlFor="board-q" className={label}>{t("projects.searchLabel")}</label>
        <Input id="board-q" name="q" type="search" defaultValue={filters.q ?? ""} placeholder={t("projects.search")} />
      </div>
      <div className={item}>
        <label htmlFor="board-chain" className={label}>{t("projects.chain")}</label>
        <Select id="board-chain" name="chain" defaultValue={filters.chain ?? ""}>
          <option value="">{t("board.allChains")}</option>
          {options.chains.map((c) => (
            <option key={c.id} value={c.id}>{c.name}</option>
          ))}
        </Select>
      </div>
      <div className={item}>
        <label htmlFor="board-owner" className={label}>{t("projects.owner")}</label>
        <PersonCombobox id="board-owner" name="owner" defaultValue={filters.owner ?? ""} people={options.owners} emptyLabel={t("board.allOwners")} />
      </div>
      {options.units.length > 0 && (
        <div className={item}>
          <label htmlFor="board-unit" className={label}>{t("projects.unit")}</label>
          <Select id="board-unit" name="unit" defaultValue={filters.unit ?? ""}>
            <option value="">{t("board.allUnits")}</option>
            {options.units.map((u) => (
              <option key={u.id} value={u.id}>
                {"\u3000".repeat(u.depth)}
                {u.name}
              </option>
            ))}
          </Select>
        </div>
      )}
      <div className={item}>
        <label htmlFor="board-source" className={label}>{t("projects.source")}</label>
        <Select id="board-source" name="source" defaultValue={filters.source?.length === 1 ? filters.source[0] : ""}>
          <option value="">{t("board.allSources")}</option>
          {SOURCES.map((s) => (
            <option key={s} value={s}>{t(`sources.${s}`)}</option>
          ))}
        </Select>
      </div>
      <div className={item}>
        <label htmlFor="board-status" className={label}>{t("projects.status")}</label>
        <Select id="board-status" name="status" defaultValue={status}>
          {statusOptions.map(([value, text]) => (
            <option key={value} value={value}>{text}</option>
          ))}
        </Select>
      </div>
      <div className="flex basis-full flex-wrap items-center gap-3">
        <label className="inline-flex min-h-10 items-center gap-2 text-sm text-slate-800">
          <input type="checkbox" name="key" value="1" defaultChecked={filters.key === "1"} className="size-4 accent-brand-600" />
          {t("projects.keyOnly")}
        </label>
        {CARRIED.map((k) => filters[k] && <input key={k} type="hidden" name={k} value={filters[k]} />)}
        <span className="ml-auto flex gap-2">
          <Button type="submit" variant="secondary">{t("projects.apply")}</Button>
          <ButtonLink href="/projects/board" variant="ghost">{t("projects.reset")}</ButtonLink>
        </span>
      </div>
    </form>
  );
}
