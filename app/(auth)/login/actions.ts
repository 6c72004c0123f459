"use server";
import { AuthError, CredentialsSignin } from "next-auth";
import { getDb } from "@/db";
import { signIn } from "@/lib/auth";
import { getThrottleState } from "@/lib/auth/throttle";
import { requestContext } from "@/lib/action";
import { signInSchema } from "@/lib/users/validation";
import { safeCallbackPath } from "@/lib/utils";

export type SignInResult = { ok: false; code: "invalid" | "inactive" | "throttled" | "input" | "unavailable"; until?: string; minutes?: number };

/** Signs in through next-auth's Credentials provider; on success next-auth redirects to the callback page. */
export async function signInAction(input: { username: string; password: string; callbackUrl?: string }): Promise<SignInResult> {
  const parsed = signInSchema.safeParse(input);
  if (!parsed.success) return { ok: false, code: "input" };
  try {
    await signIn("credentials", {
      username: parsed.data.username,
      password: parsed.data.password,
      redirectTo: safeCallbackPath(input.callbackUrl),
    });
  } catch (e) {
    if (e instanceof CredentialsSignin) {
      if (e.code === "throttled") {
        const { ip } = await requestContext();
        const state = await getThrottleState(getDb(), parsed.data.username, ip);
        if (!state.locked) return { ok: false, code: "throttled" };
        const minutes = Math.max(1, Math.ceil((state.until.getTime() - Date.now()) / 60_000));
        return { ok: false, code: "throttled", until: state.until.toISOString(), minutes };
      }
      return { ok: false, code: e.code === "inactive" ? "inactive" : "invalid" };
    }
    if (e instanceof AuthError) {
      // Not a refusal but a failure (the database is unreachable, say): say so plainly.
      console.error(`[auth] sign-in failed: ${e.cause?.err instanceof Error ? e.cause.err.message : e.message}`);
      return { ok: false, code: "unavailable" };
    }
    throw e; // the redirect after a successful sign-in
  }
  return { ok: false, code: "invalid" };
}
