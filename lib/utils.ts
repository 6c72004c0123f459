import { clsx, type ClassValue } from "clsx";

export function cn(...inputs: ClassValue[]): string {
  return clsx(inputs);
}

/** Only same-site paths are followed after sign-in: never an absolute or protocol-relative URL. */
export function safeCallbackPath(value: string | null | undefined, fallback = "/"): string {
  if (!value || !value.startsWith("/")) return fallback;
  // Browsers drop tabs and newlines and read a backslash as "/", so "/<tab>/evil.com" means
  // "//evil.com": refuse such characters, then resolve the path and keep it only on this site.
  if ([...value].some((c) => c < " " || c === "\u007f" || c === "\\")) return fallback;
  const base = "http://crm.invalid";
  let url: URL;
  try {
    url = new URL(value, base);
  } catch {
    return fallback;
  }
  if (url.origin !== base) return fallback;
  if (url.pathname === "/login" || url.pathname.startsWith("/login/")) return fallback;
  return url.pathname + url.search + url.hash;
}

/** Makes user text match literally inside a LIKE pattern (%, _ and \ escaped). */
export function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}
