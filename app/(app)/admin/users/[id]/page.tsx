import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { z } from "zod";
import { HistoryList, show } from "@/components/admin/history-list";
import { ResetPasswordForm } from "@/components/admin/reset-password-form";
import { UserForm } from "@/components/admin/user-form";
import { UserStatus } from "@/components/admin/user-status";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { BackLink, PageHeader } from "@/components/ui/page-header";
import { getDb } from "@/db";
import { listEntityHistory } from "@/lib/audit/queries";
import { requirePageViewer } from "@/lib/auth/page";
import { getUnitTree } from "@/lib/units/queries";
import { getUser } from "@/lib/users/queries";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("users"))("edit") };
}

export default async function EditUserPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ created?: string }>;
}) {
  const viewer = await requirePageViewer("admin");
  const { id } = await params;
  if (!z.uuid().safeParse(id).success) notFound();
  const db = getDb();
  const [user, units, history] = await Promise.all([getUser(db, viewer, id), getUnitTree(db), listEntityHistory(db, "user", id)]);
  if (!user) notFound();
  const t = await getTranslations();
  const { created } = await searchParams;
  const unitNames = new Map(units.map((u) => [u.id, u.name]));
  const format = (value: unknown, field: string) => {
    if (field === "role" && typeof value === "string") return t(`roles.${value as "staff"}`);
    if (field === "unitId" && typeof value === "string") return unitNames.get(value) ?? value;
    if (field === "active") return value ? t("users.active") : t("users.inactive");
    return show(value);
  };

  return (
    <div className="space-y-5">
      <BackLink href="/admin/users">{t("users.back")}</BackLink>
      <PageHeader
        title={`${user.displayName}（${user.username}）`}
        actions={<Badge tone={user.active ? "green" : "grey"}>{user.active ? t("users.active") : t("users.inactive")}</Badge>}
      />
      {created && <Alert tone="success">{t("users.created")}</Alert>}
      <div className="grid gap-5 lg:grid-cols-3">
        <Card aria-labelledby="edit-heading" className="lg:col-span-2">
          <CardHeader id="edit-heading" title={t("users.edit")} />
          <CardBody>
            <UserForm
              units={units.map(({ id, name, depth }) => ({ id, name, depth }))}
              user={{ id: user.id, username: user.username, displayName: user.displayName, role: user.role, unitId: user.unitId, version: user.version }}
            />
          </CardBody>
        </Card>
        <div className="space-y-5">
          <Card aria-labelledby="status-heading">
            <CardHeader id="status-heading" title={t("users.statusSection")} />
            <CardBody>
              <UserStatus user={{ id: user.id, displayName: user.displayName, active: user.active, version: user.version }} />
            </CardBody>
          </Card>
          <Card aria-labelledby="reset-heading">
            <CardHeader id="reset-heading" title={t("users.resetSection")} />
            <CardBody>
              <ResetPasswordForm userId={user.id} />
            </CardBody>
          </Card>
        </div>
      </div>
      <Card aria-labelledby="history-heading">
        <CardHeader id="history-heading" title={t("users.history")} />
        <CardBody>
          <HistoryList
            entries={history}
            format={format}
            fieldLabels={{ displayName: t("users.displayName"), role: t("users.role"), unitId: t("users.unit"), active: t("users.status") }}
          />
        </CardBody>
      </Card>
    </div>
  );
}
