import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td, Th } from "@/components/ui/table";
import { getDb } from "@/db";
import { requirePageViewer } from "@/lib/auth/page";
import { listTemplates } from "@/lib/workflows/queries";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("templates"))("title") };
}

/** 清单模板: the park mechanisms and project services that checklists are started from. */
export default async function TemplatesPage() {
  await requirePageViewer("admin");
  const t = await getTranslations();
  const templates = await listTemplates(getDb());
  return (
    <div className="space-y-4">
      <PageHeader title={t("templates.title")} description={t("templates.intro")} actions={<ButtonLink href="/admin/templates/new">{t("templates.new")}</ButtonLink>} />
      <Card>
        <Table label={t("templates.title")}>
          <thead>
            <tr>
              <Th>{t("templates.name")}</Th>
              <Th>{t("templates.kind")}</Th>
              <Th className="text-right">{t("templates.revision")}</Th>
              <Th className="text-right">{t("templates.itemsColumn")}</Th>
              <Th className="text-right">{t("templates.checklistsColumn")}</Th>
              <Th>{t("templates.status")}</Th>
            </tr>
          </thead>
          <tbody>
            {templates.map((tpl) => (
              <tr key={tpl.id}>
                <Td>
                  <Link href={`/admin/templates/${tpl.id}`} className="font-medium text-brand-700 underline-offset-2 hover:underline">
                    {tpl.name}
                  </Link>
                  <span className="ml-2 font-mono text-xs text-slate-500">{tpl.code}</span>
                </Td>
                <Td className="whitespace-nowrap">{t(`templateKinds.${tpl.kind}`)}</Td>
                <Td className="text-right whitespace-nowrap tabular-nums">{t("templates.revisionN", { revision: tpl.revision })}</Td>
                <Td className="text-right tabular-nums">{tpl.items}</Td>
                <Td className="text-right tabular-nums">{tpl.checklists}</Td>
                <Td>
                  <Badge tone={tpl.active ? "green" : "grey"}>{tpl.active ? t("templates.active") : t("templates.inactive")}</Badge>
                </Td>
              </tr>
            ))}
            {templates.length === 0 && (
              <tr>
                <Td colSpan={6} className="py-8 text-center text-slate-500">
                  {t("templates.empty")}
                </Td>
              </tr>
            )}
          </tbody>
        </Table>
      </Card>
    </div>
  );
}
