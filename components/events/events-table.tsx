import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Table, Td, Th } from "@/components/ui/table";
import type { EventRow } from "@/lib/events/queries";
import { yuanToYi } from "@/lib/money";

export async function EventsTable({ rows }: { rows: EventRow[] }) {
  const t = await getTranslations();
  const num = "text-right whitespace-nowrap tabular-nums";
  return (
    <Table label={t("events.tableLabel")}>
      <thead>
        <tr>
          <Th>{t("events.heldOn")}</Th>
          <Th>{t("events.name")}</Th>
          <Th>{t("events.kind")}</Th>
          <Th>{t("events.place")}</Th>
          <Th>{t("events.hostUnit")}</Th>
          <Th className="text-right">{t("events.signedCount")}</Th>
          <Th className="text-right">{t("events.contractTotal")}</Th>
        </tr>
      </thead>
      <tbody>
        {rows.map((e) => (
          <tr key={e.id} className="hover:bg-slate-50">
            <Td className="whitespace-nowrap tabular-nums">{e.heldOn}</Td>
            <Td className="min-w-64">
              <Link href={`/events/${e.id}`} className="font-medium text-brand-700 hover:underline">
                {e.name}
              </Link>
            </Td>
            <Td>
              <Badge tone={e.kind === "signing_ceremony" ? "green" : "blue"}>{t(`events.kinds.${e.kind}`)}</Badge>
            </Td>
            <Td className="min-w-32">{e.place || t("projects.none")}</Td>
            <Td className="min-w-32">{e.hostUnitName ?? t("projects.none")}</Td>
            <Td className={num}>
              {e.signedCount > 0 ? (
                <Link href={`/signed?event=${e.id}`} className="text-brand-700 hover:underline">
                  {e.signedCount}
                </Link>
              ) : (
                0
              )}
            </Td>
            <Td className={num}>{yuanToYi(e.contractInvestment)}</Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
