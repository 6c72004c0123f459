import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { Button, ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { FilterField } from "@/components/ui/filter-field";
import { Select } from "@/components/ui/input";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td, Th } from "@/components/ui/table";
import { getDb } from "@/db";
import { requirePageViewer } from "@/lib/auth/page";
import { todayInChina } from "@/lib/i18n/format";
import { yuanToYi } from "@/lib/money";
import { listTargets } from "@/lib/targets/queries";
import { targetListSchema } from "@/lib/targets/validation";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("targets"))("title") };
}

/** 目标管理: a year's targets of the units in the viewer's scope. Managers and admins; a 404 for staff. */
export default async function TargetsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const viewer = await requirePageViewer("manager");
  const raw = await searchParams;
  const thisYear = Number(todayInChina().slice(0, 4));
  const year = targetListSchema.parse(raw).year ?? thisYear;
  const t = await getTranslations("targets");
  const rows = await listTargets(getDb(), viewer, year);
  const years = Array.from(new Set([thisYear + 1, thisYear, thisYear - 1, thisYear - 2, year])).sort((a, b) => b - a);
  return (
    <div className="space-y-4">
      <PageHeader title={t("title")} description={t("intro")} actions={<ButtonLink href={`/admin/targets/new?year=${year}`}>{t("new")}</ButtonLink>} />
      {raw.created && <Alert tone="success">{t("created")}</Alert>}
      {raw.saved && <Alert tone="success">{t("saved")}</Alert>}
      <form method="get" action="/admin/targets" className="flex items-end gap-2">
        <FilterField id="t-year" label={t("year")}>
          <Select id="t-year" name="year" defaultValue={String(year)} className="w-32">
            {years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </Select>
        </FilterField>
        <Button type="submit" variant="secondary">
          {t("show")}
        </Button>
      </form>
      <Card>
        <Table label={`${t("title")} ${year}`}>
          <thead>
            <tr>
              <Th>{t("unit")}</Th>
              <Th>{t("owner")}</Th>
              <Th className="text-right">{t("signedCount")}</Th>
              <Th className="text-right">{t("signedInvestment")}</Th>
              <Th className="text-right">{t("constructionStarts")}</Th>
              <Th className="text-right">{t("operatingProjects")}</Th>
              <Th>
                <span className="sr-only">{t("actions")}</span>
              </Th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id}>
                <Td>{r.unitName}</Td>
                <Td>{r.ownerName ?? <span className="text-slate-500">{t("ownerNone")}</span>}</Td>
                <Td className="text-right tabular-nums">{r.signedCount}</Td>
                <Td className="text-right tabular-nums">{yuanToYi(r.signedInvestment)}</Td>
                <Td className="text-right tabular-nums">{r.constructionStarts}</Td>
                <Td className="text-right tabular-nums">{r.operatingProjects}</Td>
                <Td className="text-right">
                  <Link href={`/admin/targets/${r.id}`} className="text-brand-700 underline underline-offset-2">
                    {t("edit")}
                    <span className="sr-only">
                      {" "}
                      {r.unitName} {r.ownerName ?? ""}
                    </span>
                  </Link>
                </Td>
              </tr>
            ))}
            {rows.length === 0 && (
              <tr>
                <Td colSpan={7} className="py-8 text-center text-slate-500">
                  {t("empty", { year })}
                </Td>
              </tr>
            )}
          </tbody>
        </Table>
      </Card>
    </div>
  );
}
