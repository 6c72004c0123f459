/**
 * The Content-Security-Policy of a page, with this request's nonce (proxy.ts makes one per
 * request; Next.js reads it from the request's policy and puts it on its own scripts and
 * styles). The headers every response gets (nosniff, Referrer-Policy, X-Frame-Options and the
 * `default-src 'none'` policy of API answers and files) are in next.config.js. Pure, for tests.
 *
 * - Scripts: only those carrying the nonce, and what they load ('strict-dynamic'). The dev
 *   server also needs 'unsafe-eval' (React rebuilds server error stacks with eval).
 * - Styles: stylesheets from this site and <style> elements with the nonce. Style *attributes*
 *   are allowed ('unsafe-inline' in style-src-attr only): the dashboard's ECharts SVG writes its
 *   fonts into them, and progress bars and the unit tree set a width or an indent. An attribute
 *   cannot run script, select other elements or load anything outside img-src/font-src, so
 *   this is what remains of style injection. The dev server inserts <style> elements without
 *   a nonce, so there style-src is 'unsafe-inline'.
 * - Images: this site, data: and blob: (a chart is saved as PNG through a blob: image).
 * - No framing by anyone (frame-ancestors 'none'), no plugins, forms and <base> to this site.
 */
export function pageContentSecurityPolicy(nonce: string, dev = false): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    dev ? "style-src 'self' 'unsafe-inline'" : `style-src 'self' 'nonce-${nonce}'`,
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** A fresh nonce: 128 random bits, base64. */
export function newNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

/** Sent only on requests that reached a trusted proxy over https (see isForwardedHttps). A year; no includeSubDomains, the site's parent domain may serve other hosts over http. */
export const HSTS = "max-age=31536000";
