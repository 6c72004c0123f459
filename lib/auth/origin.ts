/**
 * Cross-site request forgery: a page of another site (another port of this host or a sibling
 * subdomain too — SameSite=Lax cookies do not stop those) can make the signed-in browser send
 * a write with its cookie. Every cookie-authenticated write must come from the app's own
 * origin: the configured URL (AUTH_URL) when set, otherwise the host the request was sent to.
 * Browsers name the sender (Sec-Fetch-Site, Origin) on every write; a request with neither
 * is not from a page (a script holds its own cookie), and a token request carries no cookie.
 */
export const SAFE_METHODS: ReadonlySet<string> = new Set(["GET", "HEAD", "OPTIONS"]);

function configuredOrigin(): string | null {
  const url = process.env.AUTH_URL ?? process.env.NEXTAUTH_URL;
  if (!url) return null;
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

/** The origin this request was addressed to, as the browser saw it. */
function requestOrigin(headers: Headers, url?: string): string | null {
  const host = headers.get("x-forwarded-host") ?? headers.get("host");
  if (!host) return url ? new URL(url).origin : null;
  const proto = headers.get("x-forwarded-proto") ?? (url ? new URL(url).protocol.replace(":", "") : "http");
  return `${proto.split(",")[0]!.trim()}://${host.split(",")[0]!.trim()}`;
}

/** True when a state-changing request with these headers comes from the app's own pages (or from no page at all). */
export function fromOwnOrigin(headers: Headers, url?: string): boolean {
  const site = headers.get("sec-fetch-site");
  if (site && site !== "same-origin") return false;
  const origin = headers.get("origin");
  if (origin === null) return true;
  const own = configuredOrigin() ?? requestOrigin(headers, url);
  return own !== null && origin === own;
}
