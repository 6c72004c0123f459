import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { StageBadge } from "@/components/projects/stage-badge";
import { Table, Td, Th } from "@/components/ui/table";
import { rate } from "@/lib/dashboard/rates";
import { yuanToYi } from "@/lib/money";
import type { ProjectRow } from "@/lib/projects/queries";
import { projectQuery } from "@/lib/projects/url";
import { SIGNED_STAGES } from "@/lib/signed/validation";

/** The leads an event produced (their 来源活动 is this event) and its conversion leads → 签约, each count a link to its list. */
export async function EventLeads({ eventId, rows, conversion }: { eventId: string; rows: ProjectRow[]; conversion: { leads: number; signed: number } }) {
  const t = await getTranslations();
  const all = `/projects${projectQuery({ sourceEvent: eventId })}`;
  const signed = `/projects${projectQuery({ sourceEvent: eventId, stage: SIGNED_STAGES })}`;
  const link = "font-semibold text-brand-700 underline underline-offset-2";
  return (
    <>
      <p className="px-4 pt-3 text-sm text-slate-700" data-testid="event-conversion">
        {t.rich("events.conversion", {
          leads: conversion.leads,
          signed: conversion.signed,
          rate: rate(conversion.signed, conversion.leads) ?? "—",
          leadsLink: (chunks) => (
            <Link href={all} className={link}>
              {chunks}
            </Link>
          ),
          signedLink: (chunks) => (
            <Link href={signed} className={link}>
              {chunks}
            </Link>
          ),
        })}
      </p>
      {rows.length === 0 ? (
        <p className="px-4 py-6 text-sm text-slate-500">{t("events.leadsEmpty")}</p>
      ) : (
        <Table label={t("events.leads")}>
          <thead>
            <tr>
              <Th>{t("signed.columns.name")}</Th>
              <Th>{t("signed.columns.enterprise")}</Th>
              <Th>{t("signed.columns.stage")}</Th>
              <Th className="text-right">{t("signed.columns.totalInvestment")}</Th>
              <Th>{t("signed.columns.owner")}</Th>
            </tr>
          </thead>
          <tbody>
            {rows.map((p) => (
              <tr key={p.id} className="hover:bg-slate-50">
                <Td className="min-w-48">
                  <Link href={`/projects/${p.id}`} className="font-medium text-brand-700 hover:underline">
                    {p.name}
                  </Link>
                </Td>
                <Td className="min-w-40">{p.enterpriseName}</Td>
                <Td>
                  <StageBadge stage={p.stage} status={p.status} />
                </Td>
                <Td className="text-right whitespace-nowrap tabular-nums">{yuanToYi(p.totalInvestment)}</Td>
                <Td className="whitespace-nowrap">{p.ownerName}</Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </>
  );
}
