/** The client's address as the app sees it: the first hop of X-Forwarded-For (set by Next.js or the proxy in front). */
export function clientIp(headers: Headers): string {
  const forwarded = headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  return forwarded || headers.get("x-real-ip")?.trim() || "unknown";
}
