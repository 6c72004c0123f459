import { describe, expect, it } from "vitest";
import { DEFAULT_LOCALE, LOCALES, resolveLocale, TIME_ZONE, type Locale } from "@/lib/i18n/config";
import { MESSAGE_FILES, MESSAGES } from "@/lib/i18n/messages";
import { formatDateTime, formatTime } from "@/lib/i18n/format";

function load(locale: Locale): Record<string, unknown> {
  return MESSAGES[locale];
}

/** Every leaf as "a.b.c" → value. */
function flatten(obj: Record<string, unknown>, prefix = ""): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const [k, v] of Object.entries(obj)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (v !== null && typeof v === "object" && !Array.isArray(v)) {
      for (const [kk, vv] of flatten(v as Record<string, unknown>, key)) out.set(kk, vv);
    } else out.set(key, v);
  }
  return out;
}

const zh = flatten(load("zh-CN"));
const en = flatten(load("en"));

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe("message files", () => {
  it("exist for every locale", () => {
    expect([...LOCALES].sort()).toEqual(["en", "zh-CN"]);
    expect(zh.size).toBeGreaterThan(100);
  });

  it("split into the same files in both languages, with no namespace in two files", () => {
    expect(Object.keys(MESSAGE_FILES.en).sort()).toEqual(Object.keys(MESSAGE_FILES["zh-CN"]).sort());
    for (const files of Object.values(MESSAGE_FILES)) {
      const namespaces = Object.values(files).flatMap((f) => Object.keys(f));
      expect(namespaces.length).toBe(new Set(namespaces).size);
    }
  });

  it("have exactly the same keys", () => {
    const onlyZh = [...zh.keys()].filter((k) => !en.has(k));
    const onlyEn = [...en.keys()].filter((k) => !zh.has(k));
    expect({ onlyZh, onlyEn }).toEqual({ onlyZh: [], onlyEn: [] });
  });

  it.each([
    ["zh-CN", zh],
    ["en", en],
  ])("%s has only non-empty strings", (_locale, messages) => {
    const bad = [...messages].filter(([, v]) => typeof v !== "string" || v.trim() === "").map(([k]) => k);
    expect(bad).toEqual([]);
  });

  it("use the same placeholders in both languages", () => {
    const differ = [...zh]
      .filter(([k, v]) => typeof v === "string" && typeof en.get(k) === "string")
      .filter(([k, v]) => JSON.stringify(placeholders(v as string)) !== JSON.stringify(placeholders(en.get(k) as string)))
      .map(([k]) => k);
    expect(differ).toEqual([]);
    expect(placeholders(zh.get("login.throttled") as string)).toEqual(["minutes", "time"]);
  });

  it("the Chinese file is actually Chinese", () => {
    expect(zh.get("app.name")).toBe("招商 CRM");
    expect(zh.get("errors.required")).not.toBe(en.get("errors.required"));
  });
});

describe("formatDateTime", () => {
  it("renders in China time whatever the process time zone", () => {
    expect(TIME_ZONE).toBe("Asia/Shanghai");
    expect(formatDateTime(new Date("2026-01-01T00:30:00Z"))).toBe("2026-01-01 08:30");
    expect(formatDateTime("2026-01-01T00:30:00Z")).toBe("2026-01-01 08:30");
  });

  it("crosses midnight and the year correctly, with a 00 hour", () => {
    expect(formatDateTime(new Date("2025-12-31T16:00:00Z"))).toBe("2026-01-01 00:00");
    expect(formatDateTime(new Date("2026-06-30T15:59:00Z"))).toBe("2026-06-30 23:59");
  });

  it("renders nothing for no value", () => {
    expect(formatDateTime(null)).toBe("");
    expect(formatDateTime(undefined)).toBe("");
    expect(formatDateTime("")).toBe("");
  });

  it("formatTime keeps HH:mm", () => {
    expect(formatTime(new Date("2026-03-05T01:07:00Z"))).toBe("09:07");
  });
});

describe("resolveLocale", () => {
  it("accepts known locales and falls back to Chinese", () => {
    expect(resolveLocale("en")).toBe("en");
    expect(resolveLocale("zh-CN")).toBe("zh-CN");
    expect(resolveLocale("fr")).toBe(DEFAULT_LOCALE);
    expect(resolveLocale(undefined)).toBe("zh-CN");
  });
});

describe("one name for one field", () => {
  it("投资方来源地 everywhere: no Chinese text names the investor's origin 内外资 or 资金来源", () => {
    const old = [...zh].filter(([, v]) => typeof v === "string" && /内外资|资金来源/.test(v));
    expect(old).toEqual([]);
    expect(zh.get("projects.capitalOrigin")).toBe("投资方来源地");
  });
});
