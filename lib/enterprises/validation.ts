import { z } from "zod";
import { text, version } from "@/lib/validation";
import { ownershipTypeEnum } from "@/db/schema/enums";
import { checkUscc, normaliseUscc, USCC_PATTERN } from "./uscc";

// Messages are i18n keys: "enterprises.errors.*" and "contacts.errors.*" live in
// lib/i18n/messages/*/enterprises.json. The same schemas run in the form and on the server.

export const OWNERSHIP_TYPES = ownershipTypeEnum.enumValues;
export type OwnershipType = (typeof OWNERSHIP_TYPES)[number];

/** Investor-quality tags officers use (glossary); free entries are allowed beside them. */
export const SUGGESTED_TAGS = ["世界500强", "中国500强", "民营500强", "央企", "上市公司", "链主企业", "专精特新", "高新技术企业", "独角兽"] as const;

/** GB/T 4754-2017: a section letter A–T, optionally its division (2 digits), group (3) or class (4). */
export const INDUSTRY_CODE_PATTERN = /^[A-T](\d{2,4})?$/;

/** Mainland mobile (optionally +86), landline with area code (optionally an extension), or a 400/800 number. */
export const PHONE_PATTERN = /^(?:(?:\+?86)?1[3-9]\d{9}|0\d{2,3}-?\d{7,8}(?:-\d{1,6})?|[48]00-?\d{3}-?\d{4})$/;

const WEBSITE_PATTERN = /^(https?:\/\/)?([\p{L}\p{N}-]+\.)+[\p{L}\p{N}-]{2,}(:\d{1,5})?([/?#]\S*)?$/iu;

/** Optional text: missing or null becomes "", surrounding spaces are dropped. */
const optionalText = (max: number, message: string) =>
  z
    .string()
    .nullish()
    .transform((v) => v ?? "")
    .pipe(text().max(max, message));

/** Optional USCC, upper-cased; a wrong pattern is an error, a failed checksum only a warning (see usccWarning). */
export const usccField = z
  .string()
  .nullish()
  .transform((v) => normaliseUscc(v ?? ""))
  .refine((v) => v === "" || USCC_PATTERN.test(v), "enterprises.errors.usccPattern")
  .transform((v) => v || null);

/** The warning (an i18n key) the form shows under the USCC when only its check character is off. */
export function usccWarning(value: string | null | undefined): string | undefined {
  if (!value || !value.trim()) return undefined;
  return checkUscc(value) === "bad_checksum" ? "enterprises.warnings.usccChecksum" : undefined;
}

const tagsField = z
  .array(text().max(20, "enterprises.errors.tagLength"))
  .max(20, "enterprises.errors.tooManyTags")
  .nullish()
  .transform((tags) => [...new Set((tags ?? []).filter(Boolean))]);

export const enterpriseSchema = z.object({
  name: text().min(2, "enterprises.errors.nameLength").max(100, "enterprises.errors.nameLength"),
  uscc: usccField,
  ownershipType: z
    .union([z.enum(OWNERSHIP_TYPES), z.literal("")], { error: "enterprises.errors.ownershipType" })
    .nullish()
    .transform((v) => v || null),
  headquarters: optionalText(100, "enterprises.errors.tooLong100"),
  industryCode: z
    .string()
    .nullish()
    .transform((v) => (v ?? "").trim().toUpperCase())
    .refine((v) => v === "" || INDUSTRY_CODE_PATTERN.test(v), "enterprises.errors.industryCode"),
  tags: tagsField,
  website: optionalText(200, "enterprises.errors.tooLong200").refine((v) => v === "" || WEBSITE_PATTERN.test(v), "enterprises.errors.website"),
  notes: optionalText(2000, "enterprises.errors.tooLong2000"),
});
export type EnterpriseInput = z.input<typeof enterpriseSchema>;
export type EnterpriseValues = z.output<typeof enterpriseSchema>;

export const updateEnterpriseSchema = enterpriseSchema.extend({ version });
export type UpdateEnterpriseInput = z.input<typeof updateEnterpriseSchema>;

/** An enterprise as its edit form shows it ("" for none): what a save is merged over. */
export function enterpriseFormValues(e: {
  name: string;
  uscc: string | null;
  ownershipType: OwnershipType | null;
  headquarters: string;
  industryCode: string;
  tags: string[];
  website: string;
  notes: string;
  version: number;
}) {
  return {
    name: e.name,
    uscc: e.uscc ?? "",
    ownershipType: e.ownershipType ?? ("" as const),
    headquarters: e.headquarters,
    industryCode: e.industryCode,
    tags: e.tags,
    website: e.website,
    notes: e.notes,
    version: e.version,
  };
}

export const contactSchema = z.object({
  name: text().min(1, "errors.required").max(50, "errors.tooLong50"),
  title: optionalText(50, "errors.tooLong50"),
  phone: z
    .string()
    .nullish()
    .transform((v) => (v ?? "").trim().replace(/\s+/g, ""))
    .refine((v) => v === "" || PHONE_PATTERN.test(v), "contacts.errors.phone"),
  email: optionalText(100, "contacts.errors.email").refine((v) => v === "" || z.email().safeParse(v).success, "contacts.errors.email"),
  wechat: optionalText(50, "errors.tooLong50"),
  notes: optionalText(500, "contacts.errors.tooLong500"),
});
export type ContactInput = z.input<typeof contactSchema>;
export type ContactValues = z.output<typeof contactSchema>;

export const updateContactSchema = contactSchema.extend({ version });

/** A contact as its edit form shows it: what a save is merged over (parseVersionedSave). */
export function contactFormValues(c: { name: string; title: string; phone: string; email: string; wechat: string; notes: string; version: number }) {
  return { name: c.name, title: c.title, phone: c.phone, email: c.email, wechat: c.wechat, notes: c.notes, version: c.version };
}

/** What the duplicate check looks at while the user types. */
export const duplicateQuerySchema = z.object({
  name: text().max(100).catch(""),
  uscc: text().max(30).catch(""),
  excludeId: z.uuid().optional().catch(undefined),
});
export type DuplicateQuery = z.input<typeof duplicateQuerySchema>;

export const SORTS = ["name", "updatedAt", "createdAt", "projects"] as const;
export type EnterpriseSort = (typeof SORTS)[number];
export const PAGE_SIZES = [20, 50, 100] as const;

/** The list's state, as kept in the URL. Anything malformed is dropped rather than refused. */
export const enterpriseListSchema = z.object({
  q: text().max(100).optional().catch(undefined),
  ownership: z.enum(OWNERSHIP_TYPES).optional().catch(undefined),
  tag: text().min(1).max(20).optional().catch(undefined),
  sort: z.enum(SORTS).catch("updatedAt").default("updatedAt"),
  dir: z.enum(["asc", "desc"]).catch("desc").default("desc"),
  page: z.coerce.number().int().min(1).max(100_000).catch(1).default(1),
  size: z.coerce
    .number()
    .int()
    .refine((n) => (PAGE_SIZES as readonly number[]).includes(n))
    .catch(50)
    .default(50),
});
export type EnterpriseListParams = z.output<typeof enterpriseListSchema>;
