import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { UnitOptions } from "@/components/admin/unit-options";
import { Badge } from "@/components/ui/badge";
import { Button, ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Input, Select } from "@/components/ui/input";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { Table, Td, Th } from "@/components/ui/table";
import { getDb } from "@/db";
import { requirePageViewer } from "@/lib/auth/page";
import { ROLES } from "@/lib/auth/roles";
import { formatDateTime } from "@/lib/i18n/format";
import { getUnitTree } from "@/lib/units/queries";
import { listUsers } from "@/lib/users/queries";
import { userListSchema } from "@/lib/users/validation";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("users"))("title") };
}

export default async function UsersPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const viewer = await requirePageViewer("admin");
  const raw = await searchParams;
  const params = userListSchema.parse(raw);
  const t = await getTranslations();
  const db = getDb();
  const [{ rows, total }, units] = await Promise.all([listUsers(db, viewer, params), getUnitTree(db)]);

  return (
    <div>
      <PageHeader
        title={t("users.title")}
        description={t("users.total", { count: total })}
        actions={<ButtonLink href="/admin/users/new">{t("users.new")}</ButtonLink>}
      />
      <Card>
        <form method="get" className="grid gap-3 border-b border-slate-200 p-4 sm:grid-cols-2 lg:grid-cols-[2fr_1fr_1fr_2fr_auto]" role="search">
          <div>
            <label htmlFor="q" className="sr-only">{t("users.searchLabel")}</label>
            <Input id="q" name="q" type="search" defaultValue={params.q ?? ""} placeholder={t("users.search")} />
          </div>
          <div>
            <label htmlFor="role" className="sr-only">{t("users.filterRole")}</label>
            <Select id="role" name="role" defaultValue={params.role ?? ""}>
              <option value="">{t("users.filterRole")}：{t("users.all")}</option>
              {ROLES.map((r) => (
                <option key={r} value={r}>{t(`roles.${r}`)}</option>
              ))}
            </Select>
          </div>
          <div>
            <label htmlFor="status" className="sr-only">{t("users.filterStatus")}</label>
            <Select id="status" name="status" defaultValue={params.status ?? ""}>
              <option value="">{t("users.filterStatus")}：{t("users.all")}</option>
              <option value="active">{t("users.active")}</option>
              <option value="inactive">{t("users.inactive")}</option>
            </Select>
          </div>
          <div>
            <label htmlFor="unitId" className="sr-only">{t("users.filterUnit")}</label>
            <Select id="unitId" name="unitId" defaultValue={params.unitId ?? ""}>
              <option value="">{t("users.filterUnit")}：{t("users.all")}</option>
              <UnitOptions units={units} />
            </Select>
          </div>
          <div className="flex gap-2">
            <Button type="submit" variant="secondary">{t("users.apply")}</Button>
            <ButtonLink href="/admin/users" variant="ghost">{t("users.reset")}</ButtonLink>
          </div>
        </form>
        <Table label={t("users.title")}>
          <thead>
            <tr>
              <Th>{t("users.username")}</Th>
              <Th>{t("users.displayName")}</Th>
              <Th>{t("users.role")}</Th>
              <Th>{t("users.unit")}</Th>
              <Th>{t("users.status")}</Th>
              <Th>{t("users.lastSignIn")}</Th>
              <Th><span className="sr-only">{t("users.actions")}</span></Th>
            </tr>
          </thead>
          <tbody>
            {rows.map((u) => (
              <tr key={u.id} className={u.active ? "" : "text-slate-500"}>
                <Td className="font-mono text-xs">{u.username}</Td>
                <Td>{u.displayName}</Td>
                <Td>{t(`roles.${u.role}`)}</Td>
                <Td>{u.unitName}</Td>
                <Td>
                  <Badge tone={u.active ? "green" : "grey"}>{u.active ? t("users.active") : t("users.inactive")}</Badge>
                </Td>
                <Td className="whitespace-nowrap tabular-nums">{u.lastSignInAt ? formatDateTime(u.lastSignInAt) : t("users.never")}</Td>
                <Td className="text-right">
                  <Link href={`/admin/users/${u.id}`} className="text-brand-700 underline underline-offset-2">
                    {t("users.editLink")}
                    <span className="sr-only"> {u.displayName}</span>
                  </Link>
                </Td>
              </tr>
            ))}
            {rows.length === 0 && (
              <tr>
                <Td colSpan={7} className="py-8 text-center text-slate-500">{t("users.empty")}</Td>
              </tr>
            )}
          </tbody>
        </Table>
        <Pagination page={params.page} pageSize={params.pageSize} total={total} params={{ q: params.q, role: params.role, status: params.status, unitId: params.unitId }} />
      </Card>
    </div>
  );
}
