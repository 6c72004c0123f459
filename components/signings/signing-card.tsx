import { getTranslations } from "next-intl/server";
import { ButtonLink } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { yuanToYi } from "@/lib/money";
import type { SigningDetail } from "@/lib/signings/queries";
import { FactList } from "@/components/ui/fact-list";

/** The project's signing facts, with a link to edit them (history is kept on the edit page). */
export async function SigningCard({ projectId, signing, unitName }: { projectId: string; signing: SigningDetail; unitName: string }) {
  const t = await getTranslations();
  const none = t("projects.none");
  const yi = (v: string | null) => (v ? `${yuanToYi(v)} ${t("projects.yi")}` : none);
  const facts: [string, string][] = [
    [t("signing.signingDate"), signing.signingDate],
    [t("signing.agreementType"), t(`agreementTypes.${signing.agreementType}`)],
    [t("projects.contractAmount"), yi(signing.contractInvestment)],
    [t("signing.phase1Short"), yi(signing.phase1Investment)],
    [t("signing.event"), signing.eventName ?? none],
    [t("signing.steward"), signing.stewardName ?? none],
    [t("signing.responsibleUnit"), signing.responsibleUnitName ?? unitName],
  ];
  const notes: [string, string][] = (
    [
      [t("signing.progress"), signing.progress],
      [t("signing.issues"), signing.issues],
      [t("signing.note"), signing.note],
    ] as [string, string][]
  ).filter(([, v]) => v);
  return (
    <Card aria-labelledby="signing-heading">
      <CardHeader
        id="signing-heading"
        title={t("signing.title")}
        actions={
          <ButtonLink href={`/projects/${projectId}/signing`} variant="ghost" className="min-h-8 px-2 text-brand-700">
            {t("signing.edit")}
          </ButtonLink>
        }
      />
      <CardBody>
        <FactList facts={facts} />
        {notes.length > 0 && (
          <dl className="mt-3 space-y-2 border-t border-slate-100 pt-3 text-sm">
            {notes.map(([label, value]) => (
              <div key={label}>
                <dt className="text-slate-500">{label}</dt>
                <dd className="whitespace-pre-line">{value}</dd>
              </div>
            ))}
          </dl>
        )}
      </CardBody>
    </Card>
  );
}
