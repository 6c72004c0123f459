import { BlockList, isIP } from "node:net";

/**
 * The address of the TCP peer, written into every request by instrumentation.ts
 * (lib/auth/peer-address.ts) from the socket, over anything a client sent under this name.
 * Next.js itself fills X-Forwarded-For with the socket's address only when the client sent
 * none, so that header alone cannot tell a forged entry from a real one.
 */
export const PEER_ADDRESS_HEADER = "x-crm-peer-address";

/** Set on globalThis once the peer address is recorded: without it the header above is not ours. */
export const PEER_ADDRESS_INSTALLED = Symbol.for("crm.peer-address");

export type TrustedProxies = { readonly size: number; has(ip: string): boolean };

/**
 * An address as written by a socket or a proxy, in one form: brackets, a port and an IPv6 zone
 * dropped, IPv6 in lower case, an IPv4-mapped IPv6 address (::ffff:10.0.0.1) as plain IPv4.
 * Null when it is not an IP address. Pure, for unit tests.
 */
export function normaliseIp(value: string | null | undefined): string | null {
  let ip = value?.trim().replace(/^"|"$/g, "") ?? "";
  if (ip.startsWith("[")) {
    const end = ip.indexOf("]");
    if (end === -1) return null;
    ip = ip.slice(1, end); // "[2001:db8::1]:443"
  } else if (/^[\d.]+:\d+$/.test(ip)) {
    ip = ip.slice(0, ip.indexOf(":")); // "203.0.113.7:51234"
  }
  ip = ip.replace(/%.*$/, "").toLowerCase();
  const family = isIP(ip);
  if (family === 4) return ip;
  if (family !== 6) return null;
  const mapped = /^([0:]*:)ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(ip);
  if (mapped && isIP(mapped[2]!) === 4) return mapped[2]!;
  return ip;
}

/**
 * TRUSTED_PROXIES: the reverse proxies in front of the app, as IP addresses or CIDR ranges
 * (IPv4 or IPv6), separated by commas or spaces. Unset or empty: none, the socket's peer is the
 * client. A wrong entry throws, so the server refuses to start (see instrumentation.ts).
 */
export function parseTrustedProxies(value: string | undefined): TrustedProxies {
  const list = new BlockList();
  let size = 0;
  for (const entry of (value ?? "").split(/[\s,]+/).filter(Boolean)) {
    const [address, prefixText, ...rest] = entry.split("/");
    const ip = normaliseIp(address);
    let prefix = prefixText === undefined ? undefined : Number(prefixText);
    // An IPv4-mapped IPv6 range (::ffff:10.0.0.0/104) is the IPv4 range it maps.
    if (ip && isIP(ip) === 4 && isIP(address!) === 6 && prefix !== undefined) prefix -= 96;
    const family = ip ? isIP(ip) : 0;
    const max = family === 4 ? 32 : 128;
    const prefixOk = prefix === undefined || (/^\d+$/.test(prefixText ?? "") && prefix >= 0 && prefix <= max);
    if (!ip || rest.length > 0 || !prefixOk) throw new Error(`TRUSTED_PROXIES: "${entry}" is not an IP address or CIDR range`);
    const type = family === 4 ? "ipv4" : "ipv6";
    if (prefix === undefined || prefix === max) list.addAddress(ip, type);
    else list.addSubnet(ip, prefix, type);
    size++;
  }
  return {
    size,
    has(ip: string) {
      const normal = normaliseIp(ip);
      return normal !== null && list.check(normal, isIP(normal) === 4 ? "ipv4" : "ipv6");
    },
  };
}

let cached: { value: string | undefined; proxies: TrustedProxies } | undefined;

/** TRUSTED_PROXIES of this process, parsed once. */
export function trustedProxies(): TrustedProxies {
  const value = process.env.TRUSTED_PROXIES;
  if (!cached || cached.value !== value) cached = { value, proxies: parseTrustedProxies(value) };
  return cached.proxies;
}

let warned = false;

/** The socket's peer as recorded by lib/auth/peer-address.ts, or null when it was not recorded. */
function peerAddress(headers: Headers): string | null {
  const installed = (globalThis as Record<symbol, unknown>)[PEER_ADDRESS_INSTALLED] === true;
  const peer = installed ? normaliseIp(headers.get(PEER_ADDRESS_HEADER)) : null;
  if (!peer && !warned) {
    warned = true;
    console.warn(`[auth] no peer address on a request (is instrumentation.ts loaded?): every such client counts as "unknown"`);
  }
  return peer;
}

/**
 * The client's address: the socket's peer, unless that peer is one of TRUSTED_PROXIES; then
 * X-Forwarded-For is read from the right, past every trusted proxy, and the first address that
 * is not one is the client (entries further left were written by the client and may be
 * anything). An entry that is not an address ends the walk at the hop that wrote it.
 */
export function clientIp(headers: Headers, trusted: TrustedProxies = trustedProxies()): string {
  const peer = peerAddress(headers);
  if (!peer) return "unknown";
  let client = peer;
  if (!trusted.has(client)) return client;
  const hops = (headers.get("x-forwarded-for") ?? "").split(",").reverse();
  for (const hop of hops) {
    const ip = normaliseIp(hop);
    if (!ip) break;
    client = ip;
    if (!trusted.has(ip)) break;
  }
  return client;
}

/**
 * Whether the browser reached us over https: only a trusted proxy's X-Forwarded-Proto says so
 * (its first entry, written by the proxy facing the browser). Used for Strict-Transport-Security.
 */
export function isForwardedHttps(headers: Headers, trusted: TrustedProxies = trustedProxies()): boolean {
  const peer = peerAddress(headers);
  if (!peer || !trusted.has(peer)) return false;
  return headers.get("x-forwarded-proto")?.split(",")[0]?.trim().toLowerCase() === "https";
}
