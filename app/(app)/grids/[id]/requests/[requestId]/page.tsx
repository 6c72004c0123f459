import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ColourBadge } from "@/components/grids/clock-badges";
import { RequestTimeline } from "@/components/grids/request-timeline";
import { RuleNote } from "@/components/grids/rule-note";
import { StepForm } from "@/components/grids/step-form";
import { Alert } from "@/components/ui/alert";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { getDb } from "@/db";
import { requirePageViewer } from "@/lib/auth/page";
import { getGridAccess, getRequest, handlerOptions } from "@/lib/grids/queries";
import { NEXT_STEP } from "@/lib/grids/validation";
import { formatDateTime } from "@/lib/i18n/format";
import { FactList } from "@/components/ui/fact-list";
import { BackLink } from "@/components/ui/page-header";

type Params = { params: Promise<{ id: string; requestId: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const viewer = await requirePageViewer();
  const { id, requestId } = await params;
  const request = await getRequest(getDb(), viewer, id, requestId);
  return { title: request?.title ?? (await getTranslations("grids"))("requestDetails") };
}

export default async function RequestPage({ params, searchParams }: Params & { searchParams: Promise<{ created?: string }> }) {
  const viewer = await requirePageViewer();
  const { id, requestId } = await params;
  const db = getDb();
  const [access, request] = await Promise.all([getGridAccess(db, viewer, id), getRequest(db, viewer, id, requestId)]);
  if (!access || !request) notFound();
  const { grid, canHandle } = access;
  const next = NEXT_STEP[request.status];
  const [t, handlers] = await Promise.all([getTranslations("grids"), next?.step === "accept" && canHandle ? handlerOptions(db, viewer, id) : []]);
  const { created } = await searchParams;
  const nowLocal = formatDateTime(new Date()).replace(" ", "T");
  const facts: [string, React.ReactNode][] = [
    [
      t("enterprise"),
      request.enterpriseVisible ? (
        <Link href={`/enterprises/${request.enterpriseId}`} className="text-brand-700 underline-offset-2 hover:underline">
          {request.enterpriseName}
        </Link>
      ) : (
        request.enterpriseName
      ),
    ],
    [t("grid"), <Link key="g" href={`/grids/${grid.id}`} className="text-brand-700 underline-offset-2 hover:underline">{grid.name}</Link>],
    [t("category"), t(`categories.${request.category}`)],
    [t("status"), t(`statuses.${request.status}`)],
    [t("handler"), request.handlerName ?? "—"],
    [t("createdBy"), request.createdByName ?? "—"],
  ];

  return (
    <div className="space-y-5">
      <BackLink href={`/grids/${grid.id}`}>{t("backToGrid")}</BackLink>
      <div>
        <h1 className="text-xl font-semibold text-slate-900">{request.title}</h1>
        <p className="mt-1.5 flex flex-wrap items-center gap-2 text-sm text-slate-600">
          <ColourBadge colour={request.overall} />
          <span>{t(`statuses.${request.status}`)}</span>
          <span>·</span>
          <span>{request.enterpriseName}</span>
        </p>
      </div>
      {created && <Alert tone="success">{t("requestCreated")}</Alert>}
      <div className="grid gap-5 lg:grid-cols-[1fr_22rem]">
        <div className="min-w-0 space-y-5">
          <Card aria-labelledby="process-heading">
            <CardHeader id="process-heading" title={t("process")} />
            <CardBody>
              <RequestTimeline request={request} />
            </CardBody>
          </Card>
          <Card aria-labelledby="next-heading">
            <CardHeader id="next-heading" title={next ? t("nextStep", { step: t(`steps.${next.step}`) }) : t("steps.resolve")} />
            <CardBody>
              {!next ? (
                <p className="text-sm text-slate-700">{t("finished")}</p>
              ) : canHandle ? (
                <StepForm
                  key={`${request.status}-${request.version}`}
                  gridId={grid.id}
                  requestId={request.id}
                  step={next.step}
                  version={request.version}
                  handlers={handlers}
                  defaultHandler={request.handlerId ?? (handlers.some((h) => h.id === viewer.id && h.role) ? viewer.id : (handlers.find((h) => h.role === "lead")?.id ?? viewer.id))}
                  nowLocal={nowLocal}
                />
              ) : (
                <p className="text-sm text-slate-600">{t("readOnly")}</p>
              )}
            </CardBody>
          </Card>
        </div>
        <div className="min-w-0 space-y-5">
          <Card aria-labelledby="request-heading">
            <CardHeader id="request-heading" title={t("requestDetails")} />
            <CardBody>
              <FactList facts={facts} />
              {request.description && <p className="mt-3 text-sm whitespace-pre-line text-slate-800">{request.description}</p>}
            </CardBody>
          </Card>
          <RuleNote />
        </div>
      </div>
    </div>
  );
}
