import "server-only";
import { randomUUID } from "node:crypto";
import NextAuth, { CredentialsSignin, type DefaultSession } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { cache } from "react";
import { getDb } from "@/db";
import type { Role } from "@/db/schema/enums";
import { UnauthorizedError, UnavailableError } from "@/lib/errors";
import { signInSchema } from "@/lib/users/validation";
import { safeCallbackPath } from "@/lib/utils";
import { authenticate, loadViewer, revokeSession } from "./authenticate";
import { clientIp } from "./request";
import { assertRole, type Viewer } from "./roles";
import { authSecret, sessionIdleSeconds } from "./session";

declare module "next-auth" {
  interface Session {
    user: Viewer & DefaultSession["user"];
  }
}

/** Why a sign-in was refused, as the `code` Auth.js puts on the redirect (never which of username/password was wrong). */
export type SignInCode = "invalid" | "inactive" | "throttled";

class SignInRefused extends CredentialsSignin {
  constructor(code: SignInCode) {
    super();
    this.code = code;
  }
}

export const { handlers, auth, signIn, signOut } = NextAuth(() => ({
  secret: authSecret(),
  trustHost: true,
  pages: { signIn: "/login" },
  // The JWT is re-issued on every request through proxy.ts, so maxAge is an idle timeout.
  session: { strategy: "jwt", maxAge: sessionIdleSeconds() },
  providers: [
    Credentials({
      credentials: { username: {}, password: {} },
      async authorize(credentials, request) {
        const parsed = signInSchema.safeParse(credentials);
        if (!parsed.success) throw new SignInRefused("invalid");
        const result = await authenticate(getDb(), parsed.data.username, parsed.data.password, clientIp(request.headers));
        if (!result.ok) throw new SignInRefused(result.reason);
        return { id: result.viewer.id, name: result.viewer.displayName };
      },
    }),
  ],
  callbacks: {
    // Where a sign-in or sign-out goes next: a path on this site, never another site. Signing
    // out goes to /login, which safeCallbackPath refuses only as a place to return to after sign-in.
    redirect({ url, baseUrl }) {
      const path = url === baseUrl || url.startsWith(`${baseUrl}/`) ? url.slice(baseUrl.length) || "/" : url;
      return `${baseUrl}${path === "/login" ? path : safeCallbackPath(path)}`;
    },
    // Runs on every session read: the user is looked up again, so a deactivated user's
    // session ends at their next request and role or unit changes apply at once.
    async jwt({ token, user }) {
      // Each sign-in gets its own session id, kept across refreshes, so signing out can revoke it.
      if (user) token.sid = randomUUID();
      if (!token.sub || typeof token.sid !== "string") return null;
      try {
        const viewer = await loadViewer(getDb(), token.sub, token.sid);
        if (!viewer) return null;
        return { ...token, viewer, dbError: undefined };
      } catch {
        // The database is unreachable: keep the session but carry no viewer, so pages show
        // the friendly error page instead of trusting a stale copy of the user.
        return { ...token, viewer: undefined, dbError: true };
      }
    },
    session({ session, token }) {
      const { viewer, dbError } = token as { viewer?: Viewer; dbError?: boolean };
      if (viewer) session.user = { ...session.user, ...viewer, name: viewer.displayName };
      return Object.assign(session, { dbError: Boolean(dbError) });
    },
  },
  events: {
    async signOut(message) {
      const token = "token" in message ? message.token : null;
      if (typeof token?.sid === "string") {
        const expires = typeof token.exp === "number" ? new Date(token.exp * 1000) : new Date(Date.now() + sessionIdleSeconds() * 1000);
        await revokeSession(getDb(), token.sid, expires);
      }
    },
  },
  logger: {
    error(error) {
      // A refused sign-in is an expected outcome, not a server error; it is recorded in login_attempts.
      if (error instanceof CredentialsSignin || (error as { type?: string }).type === "CredentialsSignin") return;
      console.error(`[auth] ${error.name}: ${error.message}`);
    },
    warn() {},
  },
}));

/** The signed-in, active user of this request, or null. Cached per request. */
export const getViewer = cache(async (): Promise<Viewer | null> => {
  const session = await auth();
  if ((session as { dbError?: boolean } | null)?.dbError) throw new UnavailableError();
  const user = session?.user;
  if (!user?.id || !user.role) return null;
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    unitId: user.unitId,
    unitName: user.unitName,
  };
});

/** For actions and route handlers: the viewer, or an UnauthorizedError / ForbiddenError. */
export async function requireViewer(least: Role = "staff"): Promise<Viewer> {
  const viewer = await getViewer();
  if (!viewer) throw new UnauthorizedError();
  assertRole(viewer, least);
  return viewer;
}
