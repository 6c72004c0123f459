import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ApiTokens } from "@/components/account/api-tokens";
import { ChangePasswordForm } from "@/components/account/change-password-form";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td, Th } from "@/components/ui/table";
import { getDb } from "@/db";
import { listRecentSignIns } from "@/lib/audit/queries";
import { requirePageViewer } from "@/lib/auth/page";
import { listApiTokens } from "@/lib/auth/tokens";
import { formatDateTime } from "@/lib/i18n/format";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("account"))("title") };
}

export default async function AccountPage() {
  const viewer = await requirePageViewer();
  const t = await getTranslations();
  const [signIns, tokens] = await Promise.all([listRecentSignIns(getDb(), viewer.id, 5), listApiTokens(getDb(), viewer)]);
  const now = new Date();
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
        <Card aria-labelledby="signins-heading" className="lg:order-last lg:col-span-2">
          <CardHeader id="signins-heading" title={t("home.recentSignIns")} />
          {signIns.length === 0 ? (
            <CardBody className="text-sm text-slate-500">{t("home.noSignIns")}</CardBody>
          ) : (
            <Table label={t("home.recentSignIns")}>
              <thead>
                <tr>
                  <Th>{t("home.signInAt")}</Th>
                  <Th>{t("home.ip")}</Th>
                </tr>
              </thead>
              <tbody>
                {signIns.map((s) => (
                  <tr key={s.at.toISOString()}>
                    <Td className="tabular-nums">{formatDateTime(s.at)}</Td>
                    <Td className="text-slate-600">{s.ip}</Td>
                  </tr>
                ))}
              </tbody>
            </Table>
          )}
          <p className="px-4 py-3 text-xs text-slate-500">{t("home.securityHint")}</p>
        </Card>
        <Card aria-labelledby="password-heading">
          <CardHeader id="password-heading" title={t("account.changePassword")} />
          <CardBody>
            <ChangePasswordForm />
          </CardBody>
        </Card>
        <Card aria-labelledby="tokens-heading" className="lg:col-span-2">
          <CardHeader id="tokens-heading" title={t("apiTokens.title")} />
          <CardBody>
            <ApiTokens
              tokens={tokens.map((tok) => ({
                id: tok.id,
                name: tok.name,
                prefix: tok.prefix,
                created: formatDateTime(tok.createdAt),
                expires: formatDateTime(tok.expiresAt),
                lastUsed: tok.lastUsedAt ? formatDateTime(tok.lastUsedAt) : null,
                state: tok.revokedAt ? "revoked" : tok.expiresAt <= now ? "expired" : "live",
              }))}
            />
          </CardBody>
        </Card>
      </div>
    </div>
  );
}
