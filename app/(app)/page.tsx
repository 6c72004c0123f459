import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import { getDb } from "@/db";
import { listRecentSignIns } from "@/lib/audit/queries";
import { requirePageViewer } from "@/lib/auth/page";
import { hasRole } from "@/lib/auth/roles";
import { formatDateTime } from "@/lib/i18n/format";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("home"))("title") };
}

export default async function HomePage() {
  const viewer = await requirePageViewer();
  const t = await getTranslations();
  const signIns = await listRecentSignIns(getDb(), viewer.id, 5);
  // The newest sign-in is this session's; the one before it is "last time".
  const previous = signIns[1];

  return (
    <div className="space-y-5">
      <div>
        <h1 className="text-xl font-semibold">{t("home.greeting", { name: viewer.displayName })}</h1>
        <p className="mt-1 text-sm text-slate-600">{t("home.summary", { unit: viewer.unitName, role: t(`roles.${viewer.role}`) })}</p>
      </div>
      <div className="grid gap-5 lg:grid-cols-3">
        <Card aria-labelledby="account-heading">
          <CardHeader id="account-heading" title={t("home.account")} />
          <CardBody>
            <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
              <dt className="text-slate-500">{t("home.unit")}</dt>
              <dd>{viewer.unitName}</dd>
              <dt className="text-slate-500">{t("home.role")}</dt>
              <dd>{t(`roles.${viewer.role}`)}</dd>
              <dt className="text-slate-500">{t("home.lastSignIn")}</dt>
              <dd>{previous ? formatDateTime(previous.at) : t("home.never")}</dd>
            </dl>
            <Link href="/account" className="mt-4 inline-block text-sm text-brand-700 underline underline-offset-2">
              {t("home.changePassword")}
            </Link>
          </CardBody>
        </Card>
        <Card aria-labelledby="signins-heading" className="lg:col-span-2">
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
        {hasRole(viewer, "admin") && (
          <Card aria-labelledby="admin-heading">
            <CardHeader id="admin-heading" title={t("home.adminShortcuts")} />
            <CardBody>
              <ul className="space-y-2 text-sm">
                <li>
                  <Link href="/admin/users" className="text-brand-700 underline underline-offset-2">
                    {t("home.manageUsers")}
                  </Link>
                </li>
                <li>
                  <Link href="/admin/units" className="text-brand-700 underline underline-offset-2">
                    {t("home.manageUnits")}
                  </Link>
                </li>
              </ul>
            </CardBody>
          </Card>
        )}
      </div>
    </div>
  );
}
