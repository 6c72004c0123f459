import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  clientIp,
  isForwardedHttps,
  normaliseIp,
  parseTrustedProxies,
  PEER_ADDRESS_HEADER,
  PEER_ADDRESS_INSTALLED,
} from "@/lib/auth/request";

const flags = globalThis as Record<symbol, unknown>;
beforeAll(() => {
  flags[PEER_ADDRESS_INSTALLED] = true;
});
afterAll(() => {
  delete flags[PEER_ADDRESS_INSTALLED];
});

/** A request from `peer` (the socket) with these other headers. */
function from(peer: string | null, headers: Record<string, string> = {}) {
  const h = new Headers(headers);
  if (peer !== null) h.set(PEER_ADDRESS_HEADER, peer);
  return h;
}

const none = parseTrustedProxies(undefined);

describe("normaliseIp", () => {
  it("keeps IPv4 and lower-cases IPv6", () => {
    expect(normaliseIp(" 203.0.113.7 ")).toBe("203.0.113.7");
    expect(normaliseIp("2001:DB8::1")).toBe("2001:db8::1");
  });

  it("reads IPv4-mapped IPv6 as IPv4", () => {
    expect(normaliseIp("::ffff:127.0.0.1")).toBe("127.0.0.1");
    expect(normaliseIp("::FFFF:10.1.2.3")).toBe("10.1.2.3");
    expect(normaliseIp("0:0:0:0:0:ffff:10.1.2.3")).toBe("10.1.2.3");
  });

  it("drops brackets, ports and zones", () => {
    expect(normaliseIp("[2001:db8::1]:443")).toBe("2001:db8::1");
    expect(normaliseIp("[::1]")).toBe("::1");
    expect(normaliseIp("203.0.113.7:51234")).toBe("203.0.113.7");
    expect(normaliseIp("fe80::1%eth0")).toBe("fe80::1");
  });

  it("refuses what is not an address", () => {
    for (const bad of ["", "unknown", "evil.example", "1.2.3", "300.1.1.1", "[::1", "1.2.3.4, 5.6.7.8", null, undefined]) {
      expect(normaliseIp(bad)).toBeNull();
    }
  });
});

describe("parseTrustedProxies", () => {
  it("is empty when unset or blank", () => {
    expect(parseTrustedProxies(undefined).size).toBe(0);
    expect(parseTrustedProxies("  ").size).toBe(0);
    expect(parseTrustedProxies(undefined).has("127.0.0.1")).toBe(false);
  });

  it("takes addresses and CIDR ranges, IPv4 and IPv6, separated by commas or spaces", () => {
    const trusted = parseTrustedProxies("127.0.0.1, ::1 10.0.0.0/8,fd00::/8");
    expect(trusted.size).toBe(4);
    for (const ip of ["127.0.0.1", "::1", "10.20.30.40", "fd12:3456::1", "::ffff:10.9.9.9", "[::1]:8080"]) expect(trusted.has(ip)).toBe(true);
    for (const ip of ["127.0.0.2", "11.0.0.1", "fe80::1", "2001:db8::1", "garbage"]) expect(trusted.has(ip)).toBe(false);
  });

  it("reads an IPv4-mapped address or range as IPv4", () => {
    const trusted = parseTrustedProxies("::ffff:192.168.1.1,::ffff:172.16.0.0/108");
    expect(trusted.has("192.168.1.1")).toBe(true);
    expect(trusted.has("::ffff:192.168.1.1")).toBe(true);
    expect(trusted.has("172.31.255.255")).toBe(true);
    expect(trusted.has("172.32.0.0")).toBe(false);
  });

  it("treats /32 and /128 as single addresses", () => {
    const trusted = parseTrustedProxies("192.0.2.1/32 2001:db8::5/128");
    expect(trusted.has("192.0.2.1")).toBe(true);
    expect(trusted.has("192.0.2.2")).toBe(false);
    expect(trusted.has("2001:db8::5")).toBe(true);
  });

  it("throws on an entry that is not an address or range", () => {
    for (const bad of ["proxy.local", "10.0.0.0/33", "::/129", "10.0.0.0/x", "10.0.0.0/8/8", "10.0.0.0/"]) {
      expect(() => parseTrustedProxies(bad), bad).toThrow(/TRUSTED_PROXIES/);
    }
  });
});

describe("clientIp", () => {
  it("with no trusted proxies is the socket's peer, whatever X-Forwarded-For says", () => {
    expect(clientIp(from("198.51.100.9", { "x-forwarded-for": "1.2.3.4" }), none)).toBe("198.51.100.9");
    expect(clientIp(from("::ffff:127.0.0.1", { "x-forwarded-for": "10.0.0.1, 1.2.3.4", "x-real-ip": "5.6.7.8" }), none)).toBe("127.0.0.1");
  });

  it("rotating a forged X-Forwarded-For from one socket is one address", () => {
    const seen = new Set(Array.from({ length: 30 }, (_, i) => clientIp(from("203.0.113.50", { "x-forwarded-for": `10.0.0.${i}` }), none)));
    expect([...seen]).toEqual(["203.0.113.50"]);
  });

  it("behind a trusted proxy is the last hop that is not a trusted proxy", () => {
    const trusted = parseTrustedProxies("127.0.0.1,10.0.0.0/8");
    // nginx appends the address it saw ($proxy_add_x_forwarded_for); what the client wrote is to its left.
    expect(clientIp(from("127.0.0.1", { "x-forwarded-for": "6.6.6.6, 198.51.100.9" }), trusted)).toBe("198.51.100.9");
    // Two trusted hops (a load balancer, then nginx).
    expect(clientIp(from("127.0.0.1", { "x-forwarded-for": "6.6.6.6, 198.51.100.9, 10.1.1.1" }), trusted)).toBe("198.51.100.9");
    // IPv6 and mapped forms along the way.
    expect(clientIp(from("::ffff:127.0.0.1", { "x-forwarded-for": "2001:db8::7, ::ffff:10.2.2.2" }), trusted)).toBe("2001:db8::7");
  });

  it("behind a trusted proxy with no X-Forwarded-For, or only trusted hops, is the leftmost known hop", () => {
    const trusted = parseTrustedProxies("127.0.0.1,10.0.0.0/8");
    expect(clientIp(from("127.0.0.1"), trusted)).toBe("127.0.0.1");
    expect(clientIp(from("127.0.0.1", { "x-forwarded-for": "10.3.3.3, 10.1.1.1" }), trusted)).toBe("10.3.3.3");
  });

  it("stops at an entry that is not an address: the hop that wrote it is the client", () => {
    const trusted = parseTrustedProxies("127.0.0.1,10.0.0.0/8");
    expect(clientIp(from("127.0.0.1", { "x-forwarded-for": "1.1.1.1, garbage, 10.1.1.1" }), trusted)).toBe("10.1.1.1");
    expect(clientIp(from("127.0.0.1", { "x-forwarded-for": "unknown" }), trusted)).toBe("127.0.0.1");
  });

  it("an untrusted peer's X-Forwarded-For is never read, even if it names a trusted proxy", () => {
    const trusted = parseTrustedProxies("10.0.0.0/8");
    expect(clientIp(from("198.51.100.9", { "x-forwarded-for": "1.2.3.4, 10.0.0.1" }), trusted)).toBe("198.51.100.9");
  });

  it("without a recorded peer (the header was not written by this server) is 'unknown', never what the client sent", () => {
    expect(clientIp(from(null, { "x-forwarded-for": "1.2.3.4" }), none)).toBe("unknown");
    delete flags[PEER_ADDRESS_INSTALLED];
    try {
      expect(clientIp(from("1.2.3.4", { "x-forwarded-for": "1.2.3.4" }), none)).toBe("unknown");
    } finally {
      flags[PEER_ADDRESS_INSTALLED] = true;
    }
  });
});

describe("isForwardedHttps", () => {
  const trusted = parseTrustedProxies("127.0.0.1");
  it("believes X-Forwarded-Proto from a trusted proxy only", () => {
    expect(isForwardedHttps(from("127.0.0.1", { "x-forwarded-proto": "https" }), trusted)).toBe(true);
    expect(isForwardedHttps(from("127.0.0.1", { "x-forwarded-proto": "HTTPS, http" }), trusted)).toBe(true);
    expect(isForwardedHttps(from("127.0.0.1", { "x-forwarded-proto": "http" }), trusted)).toBe(false);
    expect(isForwardedHttps(from("198.51.100.9", { "x-forwarded-proto": "https" }), trusted)).toBe(false);
    expect(isForwardedHttps(from("127.0.0.1", { "x-forwarded-proto": "https" }), none)).toBe(false);
  });
});
