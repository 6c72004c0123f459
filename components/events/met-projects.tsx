import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { addEventProjectAction, removeEventProjectAction } from "@/app/(app)/events/actions";
import { StageBadge } from "@/components/projects/stage-badge";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Table, Td, Th } from "@/components/ui/table";
import type { listMetProjects } from "@/lib/events/queries";
import { yuanToYi } from "@/lib/money";
import type { ProjectRow } from "@/lib/projects/queries";

type Met = Awaited<ReturnType<typeof listMetProjects>>[number];

/**
 * Projects met at an event. Managers add them by searching their visible projects (a GET
 * form) and pressing 添加, and take them off with 移除: plain form posts, usable by keyboard
 * and before the page has hydrated.
 */
export async function MetProjects({ eventId, met, editable, q, candidates }: { eventId: string; met: Met[]; editable: boolean; q: string; candidates: ProjectRow[] | null }) {
  const t = await getTranslations();
  const linked = new Set(met.map((m) => m.id));
  const add = addEventProjectAction.bind(null, eventId);
  return (
    <>
      {met.length === 0 ? (
        <p className="px-4 py-6 text-sm text-slate-500">{t("events.metEmpty")}</p>
      ) : (
        <Table label={t("events.met")}>
          <thead>
            <tr>
              <Th>{t("signed.columns.name")}</Th>
              <Th>{t("signed.columns.enterprise")}</Th>
              <Th>{t("signed.columns.stage")}</Th>
              <Th className="text-right">{t("signed.columns.totalInvestment")}</Th>
              <Th>{t("signed.columns.owner")}</Th>
              {editable && <Th className="text-right">{t("common.action")}</Th>}
            </tr>
          </thead>
          <tbody>
            {met.map((m) => (
              <tr key={m.id} className="hover:bg-slate-50">
                <Td className="min-w-48">
                  <Link href={`/projects/${m.id}`} className="font-medium text-brand-700 hover:underline">
                    {m.name}
                  </Link>
                </Td>
                <Td className="min-w-40">{m.enterpriseName}</Td>
                <Td>
                  <StageBadge stage={m.stage} status={m.status} />
                </Td>
                <Td className="text-right whitespace-nowrap tabular-nums">{yuanToYi(m.totalInvestment)}</Td>
                <Td className="whitespace-nowrap">{m.ownerName}</Td>
                {editable && (
                  <Td className="text-right">
                    <form action={removeEventProjectAction.bind(null, eventId, m.id)}>
                      <Button type="submit" variant="ghost" aria-label={t("events.removeLabel", { name: m.name })}>
                        {t("events.remove")}
                      </Button>
                    </form>
                  </Td>
                )}
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      {editable && (
        <div className="space-y-3 border-t border-slate-200 p-4">
          <h3 className="text-sm font-semibold text-slate-900">{t("events.addMet")}</h3>
          <form method="get" action={`/events/${eventId}#met`} role="search" aria-label={t("events.addMet")} className="flex max-w-xl gap-2">
            <label htmlFor="met-q" className="sr-only">
              {t("events.addSearchLabel")}
            </label>
            <Input id="met-q" name="q" type="search" defaultValue={q} placeholder={t("events.addSearch")} />
            <Button type="submit" variant="secondary">
              {t("events.find")}
            </Button>
          </form>
          {candidates && candidates.length === 0 && <p className="text-sm text-slate-500">{t("events.noCandidates")}</p>}
          {candidates && candidates.length > 0 && (
            <ul className="divide-y divide-slate-100 rounded-md border border-slate-200" aria-label={t("events.addSearchLabel")}>
              {candidates.map((p) => (
                <li key={p.id} className="flex flex-wrap items-center justify-between gap-2 px-3 py-2 text-sm">
                  <span>
                    <span className="font-medium text-slate-900">{p.name}</span>
                    <span className="ml-2 text-slate-500">{p.enterpriseName}</span>
                  </span>
                  {linked.has(p.id) ? (
                    <span className="text-slate-500">{t("events.alreadyThere")}</span>
                  ) : (
                    <form action={add}>
                      <input type="hidden" name="projectId" value={p.id} />
                      <input type="hidden" name="q" value={q} />
                      <Button type="submit" variant="secondary" aria-label={t("events.addLabel", { name: p.name })}>
                        {t("events.add")}
                      </Button>
                    </form>
                  )}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </>
  );
}
