"use client";
import * as Ariakit from "@ariakit/react";
import { flexRender, getCoreRowModel, useReactTable, type ColumnDef, type VisibilityState } from "@tanstack/react-table";
import { useTranslations } from "next-intl";
import { useMemo, useState, useTransition } from "react";
import { saveTableColumnsAction } from "@/app/(app)/account/actions";
import { callAction } from "@/components/ui/form-result";
import type { TableKey } from "@/lib/tables/columns";
import { cn } from "@/lib/utils";

export type ColumnSpec = {
  id: string;
  /** The header cell's content (a sort link, or the label). */
  header: React.ReactNode;
  /** The column's name in the chooser. */
  label: string;
  numeric?: boolean;
  /** The list is sorted by this column (its header's aria-sort). */
  sorted?: "ascending" | "descending";
};
export type RowSpec = { id: string; cells: Record<string, React.ReactNode> };

/**
 * A wide list drawn with TanStack Table: the cells are rendered on the server and handed in,
 * this only decides which columns show. The first column (the row's name) never hides and
 * stays put while the table scrolls sideways; the others are chosen in "显示列", and the choice
 * is kept for the user on the server (saveTableColumnsAction).
 */
export function ColumnTable({
  table: tableKey,
  label,
  columns,
  rows,
  footer,
  shown,
  defaults,
}: {
  table: TableKey;
  label: string;
  columns: ColumnSpec[];
  rows: RowSpec[];
  /** A totals row: its label goes in the first column, the rest by column id. */
  footer?: { label: React.ReactNode; cells: Record<string, React.ReactNode> };
  shown: string[];
  defaults: string[];
}) {
  const t = useTranslations("tableColumns");
  const [visibility, setVisibility] = useState<VisibilityState>(() => visibilityOf(columns, shown));
  const [status, setStatus] = useState<"saved" | "failed">();
  const [, startTransition] = useTransition();
  const first = columns[0]!.id;

  const defs = useMemo<ColumnDef<RowSpec>[]>(
    () =>
      columns.map((c) => ({
        id: c.id,
        header: () => c.header,
        cell: ({ row }) => row.original.cells[c.id],
        enableHiding: c.id !== first,
        meta: c,
      })),
    [columns, first],
  );
  // TanStack Table v8 hands back fresh functions each render, so the React Compiler leaves this
  // component unmemoized; it re-renders only when its page of rows or the column choice changes.
  // eslint-disable-next-line react-hooks/incompatible-library -- see above
  const table = useReactTable({
    data: rows,
    columns: defs,
    state: { columnVisibility: visibility },
    onColumnVisibilityChange: setVisibility,
    getCoreRowModel: getCoreRowModel(),
    getRowId: (r) => r.id,
  });

  const save = (next: VisibilityState) => {
    setVisibility(next);
    setStatus(undefined);
    const chosen = columns.filter((c) => next[c.id] !== false).map((c) => c.id);
    startTransition(async () => {
      const result = await callAction(saveTableColumnsAction({ table: tableKey, columns: chosen }));
      setStatus(result.ok ? "saved" : "failed");
    });
  };

  const stickyCell = "sticky left-0 z-10 shadow-[inset_-1px_0_0_var(--color-slate-200)]";
  const visible = table.getVisibleLeafColumns();

  return (
    <div>
      <div className="flex items-center justify-end gap-2 px-4 pb-2">
        <span role="status" className="text-xs text-slate-500">
          {status ? t(status) : null}
        </span>
        <Ariakit.PopoverProvider placement="bottom-end">
          <Ariakit.PopoverDisclosure className="inline-flex min-h-9 items-center gap-1 rounded-md border border-slate-300 bg-white px-3 text-sm text-slate-800 hover:bg-slate-50">
            {t("chooser")}
            <span aria-hidden="true">▾</span>
          </Ariakit.PopoverDisclosure>
          <Ariakit.Popover portal={false} unmountOnHide gutter={4} className="z-30 w-60 rounded-md border border-slate-200 bg-white p-3 text-sm shadow-lg">
            <Ariakit.PopoverHeading className="mb-1 font-medium text-slate-900">{t("chooser")}</Ariakit.PopoverHeading>
            <Ariakit.PopoverDescription className="mb-2 text-xs text-slate-500">{t("chooserHint")}</Ariakit.PopoverDescription>
            <ul className="max-h-80 space-y-1 overflow-y-auto">
              {columns.map((c) => (
                <li key={c.id}>
                  <label className="flex min-h-8 items-center gap-2">
                    <input
                      type="checkbox"
                      className="h-4 w-4 accent-brand-600"
                      checked={visibility[c.id] !== false}
                      disabled={c.id === first}
                      onChange={(e) => save({ ...visibility, [c.id]: e.target.checked })}
                    />
                    {c.label}
                  </label>
                </li>
              ))}
            </ul>
            <button
              type="button"
              className="mt-2 text-sm text-brand-700 hover:underline"
              onClick={() => save(visibilityOf(columns, defaults))}
            >
              {t("reset")}
            </button>
          </Ariakit.Popover>
        </Ariakit.PopoverProvider>
      </div>
      <div className="relative overflow-x-auto" role="region" aria-label={label} tabIndex={0}>
        <table className="w-full border-collapse text-sm">
          <thead>
            {table.getHeaderGroups().map((g) => (
              <tr key={g.id}>
                {g.headers.map((h) => {
                  const spec = h.column.columnDef.meta as ColumnSpec;
                  return (
                    <th
                      key={h.id}
                      scope="col"
                      className={cn(
                        // A long header breaks before its unit ("协议投资额 / （亿元）") rather than widen the table.
                        "border-b border-slate-200 bg-slate-50 px-3 py-2 text-left align-bottom font-medium break-keep text-slate-600",
                        spec.numeric && "text-right",
                        h.column.id === first && stickyCell,
                      )}
                      aria-sort={spec.sorted}
                    >
                      {flexRender(h.column.columnDef.header, h.getContext())}
                    </th>
                  );
                })}
              </tr>
            ))}
          </thead>
          <tbody>
            {table.getRowModel().rows.map((row) => (
              <tr key={row.id} className="group">
                {row.getVisibleCells().map((cell) => {
                  const spec = cell.column.columnDef.meta as ColumnSpec;
                  return (
                    <td
                      key={cell.id}
                      className={cn(
                        "border-b border-slate-100 bg-white px-3 py-2 align-middle group-hover:bg-slate-50",
                        spec.numeric && "text-right whitespace-nowrap tabular-nums",
                        cell.column.id === first && cn(stickyCell, "min-w-44 max-w-72"),
                      )}
                    >
                      {flexRender(cell.column.columnDef.cell, cell.getContext())}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
          {footer && (
            <tfoot>
              <tr className="font-semibold text-slate-900">
                {visible.map((c) => {
                  const spec = c.columnDef.meta as ColumnSpec;
                  const cls = cn("border-t-2 border-slate-300 bg-slate-50 px-3 py-2", spec.numeric && "text-right whitespace-nowrap tabular-nums");
                  return c.id === first ? (
                    <th key={c.id} scope="row" className={cn(cls, "text-left", stickyCell)}>
                      {footer.label}
                    </th>
                  ) : (
                    <td key={c.id} className={cls}>
                      {footer.cells[c.id]}
                    </td>
                  );
                })}
              </tr>
            </tfoot>
          )}
        </table>
      </div>
    </div>
  );
}

function visibilityOf(columns: ColumnSpec[], shown: readonly string[]): VisibilityState {
  return Object.fromEntries(columns.map((c) => [c.id, shown.includes(c.id)]));
}
