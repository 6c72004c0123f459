/** The client's address as the app sees it: the first hop of X-Forwarded-For (set by Next.js or the proxy in front). */
export function clientIp(headers: Headers): string {
  const forwarded = headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  const ip = forwarded || headers.get("x-real-ip")?.trim() || "unknown";
  // An IPv4 client seen through an IPv6 socket: show and count it as plain IPv4.
  return ip.startsWith("::ffff:") && ip.includes(".") ? ip.slice(7) : ip;
}
