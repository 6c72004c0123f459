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
import { hasRole } from "@/lib/auth/roles";
import { formatMu, formatMuShort } from "@/lib/land/area";
import { listParks } from "@/lib/land/queries";
import { DISTRICTS } from "@/lib/land/validation";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("parks"))("title") };
}

export default async function ParksPage({ searchParams }: { searchParams: Promise<{ created?: string }> }) {
  const viewer = await requirePageViewer();
  const [t, parks] = await Promise.all([getTranslations(), listParks(getDb(), viewer)]);
  const { created } = await searchParams;
  const none = t("parks.none");
  return (
    <div className="space-y-4">
      <PageHeader
        title={t("parks.title")}
        description={t("parks.intro")}
        actions={
          <>
            <ButtonLink href="/parcels" variant="secondary">
              {t("parcels.title")}
            </ButtonLink>
            {hasRole(viewer, "admin") && <ButtonLink href="/parks/new">{t("parks.new")}</ButtonLink>}
          </>
        }
      />
      {created && <Alert tone="success">{t("parks.created")}</Alert>}
      <Card>
        <Table label={t("parks.title")}>
          <thead>
            <tr>
              <Th>{t("parks.name")}</Th>
              <Th>{t("parks.district")}</Th>
              <Th className="text-right">{t("parks.areaMu")}</Th>
              <Th>{t("parks.leadingChain")}</Th>
              <Th>{t("parks.operator")}</Th>
              <Th className="text-right">{t("parks.parcelArea")}</Th>
              <Th className="text-right">{t("parks.transferredArea")}</Th>
              <Th className="text-right">{t("parks.projectCount")}</Th>
            </tr>
          </thead>
          <tbody>
            {parks.map((p) => (
              <tr key={p.id} className="hover:bg-slate-50">
                <Td className="min-w-44">
                  <Link href={`/parks/${p.id}`} className="font-medium text-brand-700 hover:underline">
                    {p.name}
                  </Link>
                  {p.zoneCount > 0 && <span className="ml-1.5 text-xs text-slate-500">{t("parks.zoneCount", { count: p.zoneCount })}</span>}
                </Td>
                <Td className="whitespace-nowrap">{DISTRICTS[p.districtCode] ?? t("parks.functionalZone")}</Td>
                <Td className="text-right whitespace-nowrap tabular-nums">{p.areaMu ? formatMuShort(p.areaMu) : none}</Td>
                <Td className="whitespace-nowrap">{p.chainName ?? none}</Td>
                <Td className="min-w-28">{p.operator || none}</Td>
                <Td className="text-right whitespace-nowrap tabular-nums">
                  <Link href={`/parcels?park=${p.id}`} className="text-brand-700 hover:underline">
                    {formatMu(p.totals.area)}
                    <span className="sr-only">{t("parks.parcelsOf", { name: p.name })}</span>
                  </Link>
                </Td>
                <Td className="text-right whitespace-nowrap tabular-nums">{formatMu(p.totals.transferred)}</Td>
                <Td className="text-right tabular-nums">{p.projectCount}</Td>
              </tr>
            ))}
            {parks.length === 0 && (
              <tr>
                <Td colSpan={8} className="py-8 text-center text-slate-500">
                  {t("parks.empty")}
                </Td>
              </tr>
            )}
          </tbody>
        </Table>
      </Card>
    </div>
  );
}
