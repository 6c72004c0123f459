"use server";
import { cookies } from "next/headers";
import { LOCALE_COOKIE, resolveLocale } from "./config";

export async function setLocale(locale: string): Promise<void> {
  (await cookies()).set(LOCALE_COOKIE, resolveLocale(locale), {
    path: "/",
    maxAge: 365 * 86_400,
    sameSite: "lax",
  });
}
