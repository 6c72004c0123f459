import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td, Th } from "@/components/ui/table";
import { getDb } from "@/db";
import { requirePageViewer } from "@/lib/auth/page";
import { listChains } from "@/lib/reference/queries";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("chains"))("title") };
}

export default async function ChainsPage({ searchParams }: { searchParams: Promise<{ created?: string; saved?: string }> }) {
  await requirePageViewer("admin");
  const t = await getTranslations("chains");
  const chains = await listChains(getDb(), { activeOnly: false });
  const { created, saved } = await searchParams;
  return (
    <div className="space-y-4">
      <PageHeader title={t("title")} description={t("intro")} actions={<ButtonLink href="/admin/chains/new">{t("new")}</ButtonLink>} />
      {created && <Alert tone="success">{t("created")}</Alert>}
      {saved && <Alert tone="success">{t("saved")}</Alert>}
      <Card>
        <Table label={t("title")}>
          <thead>
            <tr>
              <Th>{t("name")}</Th>
              <Th>{t("system")}</Th>
              <Th>{t("status")}</Th>
              <Th>
                <span className="sr-only">{t("editLink")}</span>
              </Th>
            </tr>
          </thead>
          <tbody>
            {chains.map((c) => (
              <tr key={c.id}>
                <Td>{c.name}</Td>
                <Td>{c.system}</Td>
                <Td>
                  <Badge tone={c.active ? "green" : "grey"}>{c.active ? t("active") : t("inactive")}</Badge>
                </Td>
                <Td className="text-right">
                  <Link href={`/admin/chains/${c.id}`} className="text-brand-700 underline underline-offset-2">
                    {t("editLink")}
                    <span className="sr-only"> {c.name}</span>
                  </Link>
                </Td>
              </tr>
            ))}
            {chains.length === 0 && (
              <tr>
                <Td colSpan={4} className="py-8 text-center text-slate-500">
                  {t("empty")}
                </Td>
              </tr>
            )}
          </tbody>
        </Table>
      </Card>
    </div>
  );
}
