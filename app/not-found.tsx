import { getTranslations } from "next-intl/server";
import Link from "next/link";

export default async function NotFound() {
  const t = await getTranslations("errors");
  return (
    <main className="mx-auto max-w-md px-4 py-24 text-center">
      <p className="text-5xl font-semibold text-slate-500" aria-hidden="true">404</p>
      <h1 className="mt-4 text-xl font-semibold">{t("notFoundTitle")}</h1>
      <p className="mt-2 text-sm text-slate-600">{t("notFoundBody")}</p>
      <Link href="/" className="mt-6 inline-block text-brand-700 underline underline-offset-2">
        {t("backHome")}
      </Link>
    </main>
  );
}
