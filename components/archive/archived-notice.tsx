import { getTranslations } from "next-intl/server";
import { Alert } from "@/components/ui/alert";

/** Shown on a list after "删除" brought the user back to it (?archived=1). */
export async function ArchivedNotice({ search }: { search: Record<string, string | string[] | undefined> }) {
  if (search.archived !== "1") return null;
  const t = await getTranslations("archive");
  return <Alert tone="success" className="mb-4">{t("archivedNotice")}</Alert>;
}
