import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ChangePasswordForm } from "@/components/account/change-password-form";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageViewer } from "@/lib/auth/page";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("account"))("title") };
}

export default async function AccountPage() {
  const viewer = await requirePageViewer();
  const t = await getTranslations();
  return (
    <div className="space-y-5">
      <PageHeader title={t("account.title")} />
      <div className="grid gap-5 lg:grid-cols-2">
        <Card aria-labelledby="profile-heading">
          <CardHeader id="profile-heading" title={t("account.profile")} />
          <CardBody>
            <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
              <dt className="text-slate-500">{t("account.username")}</dt>
              <dd>{viewer.username}</dd>
              <dt className="text-slate-500">{t("account.displayName")}</dt>
              <dd>{viewer.displayName}</dd>
              <dt className="text-slate-500">{t("account.unit")}</dt>
              <dd>{viewer.unitName}</dd>
              <dt className="text-slate-500">{t("account.role")}</dt>
              <dd>{t(`roles.${viewer.role}`)}</dd>
            </dl>
          </CardBody>
        </Card>
        <Card aria-labelledby="password-heading">
          <CardHeader id="password-heading" title={t("account.changePassword")} />
          <CardBody>
            <ChangePasswordForm />
          </CardBody>
        </Card>
      </div>
    </div>
  );
}
