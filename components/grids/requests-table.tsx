import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { Table, Td, Th } from "@/components/ui/table";
import { STEPS } from "@/lib/grids/clock";
import type { ClockedRequest } from "@/lib/grids/queries";
import { formatDateTime } from "@/lib/i18n/format";
import { ClockBadge, ColourBadge } from "./clock-badges";

/**
 * A page of a grid's requests, each with its three clocks and its overall light: a table from
 * tablet width up, a list of cards on a phone (where the table's lights would be off-screen).
 */
export async function RequestsTable({ rows }: { rows: ClockedRequest[] }) {
  const t = await getTranslations("grids");
  return (
    <>
      <ul className="divide-y divide-slate-100 border-t border-slate-100 md:hidden" aria-label={t("requestsList")}>
        {rows.map((r) => (
          <li key={r.id} className="space-y-1.5 px-4 py-3 text-sm">
            <p className="flex items-start justify-between gap-2">
              <Link href={`/grids/${r.gridId}/requests/${r.id}`} className="font-medium text-brand-700 underline-offset-2 hover:underline">
                {r.title}
              </Link>
              <ColourBadge colour={r.overall} />
            </p>
            <p className="text-slate-600">
              <span className="tabular-nums">{formatDateTime(r.receivedAt)}</span> · {t(`statuses.${r.status}`)} · {t(`categories.${r.category}`)}
            </p>
            <p className="text-slate-700">{r.enterpriseName}</p>
            <ul className="flex flex-wrap gap-1">
              {STEPS.map((s) => (
                <li key={s}>
                  <ClockBadge step={s} state={r.states[s]} />
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
      <div className="hidden md:block">
        <RequestsGrid rows={rows} />
      </div>
    </>
  );
}

async function RequestsGrid({ rows }: { rows: ClockedRequest[] }) {
  const t = await getTranslations("grids");
  return (
    <Table label={t("requestsList")}>
      <thead>
        <tr>
          <Th>{t("receivedAt")}</Th>
          <Th>{t("requestTitle")}</Th>
          <Th>{t("enterprise")}</Th>
          <Th>{t("category")}</Th>
          <Th>{t("status")}</Th>
          <Th>{t("overall")}</Th>
          <Th>{t("clocks")}</Th>
          <Th>{t("handler")}</Th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.id} className="align-top hover:bg-slate-50">
            <Td className="whitespace-nowrap tabular-nums text-slate-700">{formatDateTime(r.receivedAt)}</Td>
            <Td className="min-w-40">
              <Link href={`/grids/${r.gridId}/requests/${r.id}`} className="font-medium text-brand-700 underline-offset-2 hover:underline">
                {r.title}
              </Link>
            </Td>
            <Td className="min-w-32 text-slate-700">{r.enterpriseName}</Td>
            <Td className="whitespace-nowrap">{t(`categories.${r.category}`)}</Td>
            <Td className="whitespace-nowrap">{t(`statuses.${r.status}`)}</Td>
            <Td>
              <ColourBadge colour={r.overall} />
            </Td>
            <Td>
              <ul className="flex min-w-56 flex-wrap gap-1">
                {STEPS.map((s) => (
                  <li key={s}>
                    <ClockBadge step={s} state={r.states[s]} />
                  </li>
                ))}
              </ul>
            </Td>
            <Td className="whitespace-nowrap text-slate-700">{r.handlerName ?? "—"}</Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
