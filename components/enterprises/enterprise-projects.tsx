import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Table, Td, Th } from "@/components/ui/table";
import type { ProjectStage, ProjectStatus } from "@/db/schema/enums";
import { yuanToYi } from "@/lib/money";

type Row = { id: string; name: string; stage: ProjectStage; status: ProjectStatus; totalInvestment: string; ownerName: string };

const STATUS_TONE = { active: "green", on_hold: "amber", lost: "grey" } as const;

/** The enterprise's projects the viewer may see, with their stage and amount in 亿元. */
export async function EnterpriseProjects({ rows }: { rows: Row[] }) {
  const t = await getTranslations();
  if (rows.length === 0) return <p className="px-4 py-3 text-sm text-slate-500">{t("enterprises.noProjects")}</p>;
  return (
    <Table label={t("enterprises.projects")}>
      <thead>
        <tr>
          <Th>{t("enterprises.projectName")}</Th>
          <Th>{t("enterprises.stage")}</Th>
          <Th>{t("enterprises.status")}</Th>
          <Th className="text-right">{t("enterprises.totalInvestment")}</Th>
          <Th>{t("enterprises.owner")}</Th>
        </tr>
      </thead>
      <tbody>
        {rows.map((p) => (
          <tr key={p.id}>
            <Td className="min-w-48">
              <Link href={`/projects/${p.id}`} className="text-brand-700 underline underline-offset-2">{p.name}</Link>
            </Td>
            <Td><Badge tone="blue">{t(`stages.${p.stage}`)}</Badge></Td>
            <Td><Badge tone={STATUS_TONE[p.status]}>{t(`statuses.${p.status}`)}</Badge></Td>
            <Td className="text-right tabular-nums">{yuanToYi(p.totalInvestment)}</Td>
            <Td className="whitespace-nowrap">{p.ownerName}</Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
