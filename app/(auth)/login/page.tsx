import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { redirect } from "next/navigation";
import { LoginForm } from "@/components/auth/login-form";
import { getViewer } from "@/lib/auth";
import { safeCallbackPath } from "@/lib/utils";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("login"))("title") };
}

type Search = { callbackUrl?: string; error?: string; code?: string };

export default async function LoginPage({ searchParams }: { searchParams: Promise<Search> }) {
  const params = await searchParams;
  const callbackUrl = safeCallbackPath(params.callbackUrl);
  // Already signed in (and still active): go where the user was heading.
  if (await getViewer()) redirect(callbackUrl);

  // A sign-in posted straight to next-auth's endpoint comes back here with ?error=…&code=….
  const code = params.code === "throttled" || params.code === "inactive" ? params.code : params.error ? "invalid" : undefined;
  return <LoginForm callbackUrl={callbackUrl} initialError={code ? { ok: false, code } : undefined} />;
}
