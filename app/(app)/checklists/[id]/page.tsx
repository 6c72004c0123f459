import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody } from "@/components/ui/card";
import { ChecklistItems } from "@/components/workflows/checklist-items";
import { ProgressBar } from "@/components/workflows/progress";
import { RollupCounts } from "@/components/workflows/rollup-counts";
import { getDb } from "@/db";
import { requirePageViewer } from "@/lib/auth/page";
import { todayInChina } from "@/lib/i18n/format";
import { editableItemIds, getChecklist, ownerOptions } from "@/lib/workflows/queries";
import { percentDone } from "@/lib/workflows/rules";
import { FactList } from "@/components/ui/fact-list";
import { BackLink } from "@/components/ui/page-header";

async function load(id: string) {
  const viewer = await requirePageViewer();
  if (!z.uuid().safeParse(id).success) return null;
  return getChecklist(getDb(), viewer, id);
}

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const checklist = await load((await params).id);
  return { title: checklist ? `${checklist.name} · ${checklist.projectName ?? checklist.parkName}` : (await getTranslations("checklists"))("title") };
}

/** One checklist (a park's mechanism or a project's service list): who leads it, how far it is, and its items by phase. */
export default async function ChecklistPage({ params }: { params: Promise<{ id: string }> }) {
  const viewer = await requirePageViewer();
  const { id } = await params;
  const checklist = await load(id);
  if (!checklist) notFound();
  const db = getDb();
  const today = todayInChina();
  const [t, editable] = await Promise.all([getTranslations(), editableItemIds(db, viewer, checklist)]);
  const people = editable.size ? await ownerOptions(db, viewer) : [];
  // A project the viewer may not open (they lead or own items of its checklist) is named, not linked.
  const target = checklist.projectId
    ? checklist.projectVisible
      ? { href: `/projects/${checklist.projectId}`, name: checklist.projectName!, back: t("checklists.backToProject") }
      : { href: "/service", name: checklist.projectName!, back: t("checklists.backToService") }
    : { href: `/parks/${checklist.parkId}`, name: [checklist.parkName, checklist.zoneName].filter(Boolean).join(" · "), back: t("checklists.backToPark") };
  const facts: [string, React.ReactNode][] = [
    [
      t(checklist.projectId ? "checklists.project" : "checklists.park"),
      checklist.projectId && !checklist.projectVisible ? (
        target.name
      ) : (
        <Link key="target" href={target.href} className="text-brand-700 underline-offset-2 hover:underline">
          {target.name}
        </Link>
      ),
    ],
    [t("checklists.template"), t("checklists.templateRevision", { name: checklist.name, revision: checklist.templateRevision })],
    [t("checklists.owner"), checklist.ownerName ?? t("checklists.noOwner")],
    [t("checklists.unit"), checklist.unitName],
    [t("checklists.startedOn"), checklist.startedOn],
  ];

  return (
    <div className="space-y-5">
      <BackLink href={target.href}>{target.back}</BackLink>
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h1 className="text-xl font-semibold">
            {target.name} · {checklist.name}
          </h1>
          <div className="mt-1.5 flex flex-wrap items-center gap-2 text-sm text-slate-600">
            <Badge tone="blue">{t(`templateKinds.${checklist.kind}`)}</Badge>
            {checklist.currentRevision !== null && checklist.currentRevision > checklist.templateRevision && (
              <span className="text-xs">{t("checklists.olderRevision", { current: checklist.currentRevision, revision: checklist.templateRevision })}</span>
            )}
          </div>
        </div>
      </div>
      <Card>
        <CardBody className="grid gap-4 md:grid-cols-[1fr_20rem]">
          <FactList facts={facts} className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1.5 text-sm" />
          <div className="space-y-2">
            <p className="text-sm font-medium">{t("checklists.progress")}</p>
            <ProgressBar percent={percentDone(checklist.done, checklist.total)} label={t("checklists.progressOf", { name: checklist.name })} />
            <RollupCounts counts={checklist} />
          </div>
        </CardBody>
      </Card>
      <Card>
        <CardBody>
          {checklist.items.length === 0 ? (
            <p className="text-sm text-slate-500">{t("checklists.noItems")}</p>
          ) : (
            <ChecklistItems items={checklist.items} phases={checklist.phases} editable={[...editable]} people={people} today={today} />
          )}
        </CardBody>
      </Card>
    </div>
  );
}
