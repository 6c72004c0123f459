import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { UserForm } from "@/components/admin/user-form";
import { FormPage } from "@/components/ui/page-header";
import { getDb } from "@/db";
import { requirePageViewer } from "@/lib/auth/page";
import { getUnitTree } from "@/lib/units/queries";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("users"))("new") };
}

export default async function NewUserPage() {
  await requirePageViewer("admin");
  const t = await getTranslations("users");
  const units = await getUnitTree(getDb());
  return (
    <FormPage back="/admin/users" backLabel={t("back")} title={t("new")}>
      <UserForm units={units.map(({ id, name, depth }) => ({ id, name, depth }))} />
    </FormPage>
  );
}
