import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { HolidayForm, RemoveHolidayButton } from "@/components/grids/holiday-form";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td, Th } from "@/components/ui/table";
import { getDb } from "@/db";
import { requirePageViewer } from "@/lib/auth/page";
import { dayOfWeek } from "@/lib/grids/calendar";
import { holidayYears, listHolidays } from "@/lib/grids/queries";
import { todayInChina } from "@/lib/i18n/format";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("holidays"))("title") };
}

/** Administrators keep the working-day calendar of the 1510 clocks: days off and make-up working days, by year. */
export default async function HolidaysPage({ searchParams }: { searchParams: Promise<{ year?: string }> }) {
  await requirePageViewer("admin");
  const t = await getTranslations("holidays");
  const db = getDb();
  const thisYear = Number(todayInChina().slice(0, 4));
  const asked = Number((await searchParams).year);
  const year = Number.isInteger(asked) && asked >= 2000 && asked <= 2100 ? asked : thisYear;
  const [rows, years] = await Promise.all([listHolidays(db, year), holidayYears(db)]);
  const choices = [...new Set([...years, thisYear - 1, thisYear, thisYear + 1])].sort((a, b) => b - a);
  const off = rows.filter((r) => !r.isWorkday).length;
  return (
    <div className="space-y-4">
      <PageHeader title={t("title")} description={t("intro")} />
      <nav aria-label={t("years")} className="flex flex-wrap gap-2 text-sm">
        {choices.map((y) => (
          <Link
            key={y}
            href={`/admin/holidays?year=${y}`}
            aria-current={y === year ? "page" : undefined}
            className="inline-flex min-h-9 items-center rounded-md border border-slate-300 bg-white px-3 hover:bg-slate-50 aria-[current=page]:border-brand-600 aria-[current=page]:bg-brand-50 aria-[current=page]:font-medium"
          >
            {y}
          </Link>
        ))}
      </nav>
      <Card aria-labelledby="add-heading">
        <CardHeader id="add-heading" title={t("addTitle")} />
        <CardBody>
          <HolidayForm defaultDay={year === thisYear ? todayInChina() : `${year}-01-01`} />
        </CardBody>
      </Card>
      <Card aria-labelledby="list-heading">
        <CardHeader id="list-heading" title={t("summary", { year, off, worked: rows.length - off })} />
        {rows.length === 0 ? (
          <div className="px-4 py-10 text-center">
            <p className="font-medium text-slate-700">{t("empty")}</p>
            <p className="mt-1 text-sm text-slate-500">{t("emptyHint")}</p>
          </div>
        ) : (
          <Table label={t("summary", { year, off, worked: rows.length - off })}>
            <thead>
              <tr>
                <Th>{t("day")}</Th>
                <Th>{t("weekday")}</Th>
                <Th>{t("name")}</Th>
                <Th>{t("kind")}</Th>
                <Th>
                  <span className="sr-only">{t("remove")}</span>
                </Th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.day}>
                  <Td className="tabular-nums">{r.day}</Td>
                  <Td>{t(`w${dayOfWeek(r.day)}` as "w0")}</Td>
                  <Td>{r.name}</Td>
                  <Td>{r.isWorkday ? <Badge tone="amber">{t("workday")}</Badge> : <Badge tone="blue">{t("off")}</Badge>}</Td>
                  <Td className="text-right">
                    <RemoveHolidayButton day={r.day} name={r.name} />
                  </Td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
      </Card>
    </div>
  );
}
