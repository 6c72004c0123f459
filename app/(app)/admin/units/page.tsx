import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td, Th } from "@/components/ui/table";
import { getDb } from "@/db";
import { requirePageViewer } from "@/lib/auth/page";
import { getUnitTree } from "@/lib/units/queries";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("units"))("title") };
}

export default async function UnitsPage({ searchParams }: { searchParams: Promise<{ created?: string; saved?: string }> }) {
  await requirePageViewer("admin");
  const t = await getTranslations("units");
  const units = await getUnitTree(getDb());
  const { created, saved } = await searchParams;
  return (
    <div className="space-y-4">
      <PageHeader title={t("title")} description={t("intro")} actions={<ButtonLink href="/admin/units/new">{t("new")}</ButtonLink>} />
      {created && <Alert tone="success">{t("created")}</Alert>}
      {saved && <Alert tone="success">{t("saved")}</Alert>}
      <Card>
        <Table label={t("title")}>
          <thead>
            <tr>
              <Th>{t("name")}</Th>
              <Th>{t("code")}</Th>
              <Th className="text-right">{t("members")}</Th>
              <Th><span className="sr-only">{t("actions")}</span></Th>
            </tr>
          </thead>
          <tbody>
            {units.map((u) => (
              <tr key={u.id}>
                <Td>
                  <span style={{ paddingLeft: `${u.depth * 1.5}rem` }} className="inline-flex items-center gap-1.5">
                    {u.depth > 0 && <span aria-hidden="true" className="text-slate-400">└</span>}
                    <span className={u.depth === 0 ? "font-medium" : ""}>{u.name}</span>
                  </span>
                </Td>
                <Td className="font-mono text-xs text-slate-600">{u.code}</Td>
                <Td className="text-right tabular-nums">{u.memberCount}</Td>
                <Td className="text-right">
                  <Link href={`/admin/units/${u.id}`} className="text-brand-700 underline underline-offset-2">
                    {t("editLink")}
                    <span className="sr-only"> {u.name}</span>
                  </Link>
                </Td>
              </tr>
            ))}
            {units.length === 0 && (
              <tr>
                <Td colSpan={4} className="py-8 text-center text-slate-500">{t("empty")}</Td>
              </tr>
            )}
          </tbody>
        </Table>
      </Card>
    </div>
  );
}
