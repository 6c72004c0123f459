import { describe, expect, it } from "vitest";
import type { z } from "zod";
import {
  contactSchema,
  enterpriseListSchema,
  enterpriseSchema,
  updateContactSchema,
  updateEnterpriseSchema,
  usccWarning,
} from "@/lib/enterprises/validation";

/** The messages zod reports for each field path. */
function issues(schema: z.ZodType, input: unknown): Record<string, string[]> {
  const result = schema.safeParse(input);
  if (result.success) return {};
  const out: Record<string, string[]> = {};
  for (const issue of result.error.issues) (out[issue.path.join(".")] ??= []).push(issue.message);
  return out;
}

const minimal = { name: "青岛海克斯康测量技术有限公司" };

describe("enterpriseSchema", () => {
  it("needs only a name, and fills the rest with empty values", () => {
    expect(enterpriseSchema.parse(minimal)).toEqual({
      name: "青岛海克斯康测量技术有限公司",
      uscc: null,
      ownershipType: null,
      headquarters: "",
      industryCode: "",
      tags: [],
      website: "",
      notes: "",
    });
  });

  it("accepts a full enterprise as the form sends it, trimming and upper-casing", () => {
    const parsed = enterpriseSchema.parse({
      name: "  国药科技城（青岛）有限公司 ",
      uscc: " 91440101ma5cjq4n59 ",
      ownershipType: "central_soe",
      headquarters: "北京市",
      industryCode: "c27",
      tags: ["央企", "世界500强", "央企", " 生物医药龙头 ", ""],
      website: "https://www.sinopharm.com",
      notes: "国药集团下属租赁公司投资",
    });
    expect(parsed).toMatchObject({
      name: "国药科技城（青岛）有限公司",
      uscc: "91440101MA5CJQ4N59",
      ownershipType: "central_soe",
      industryCode: "C27",
      tags: ["央企", "世界500强", "生物医药龙头"],
    });
  });

  it("turns an empty USCC and an unchosen ownership type into null", () => {
    expect(enterpriseSchema.parse({ ...minimal, uscc: "  ", ownershipType: "" })).toMatchObject({ uscc: null, ownershipType: null });
  });

  it("rejects a USCC with the wrong pattern, with the key the form translates", () => {
    expect(issues(enterpriseSchema, { ...minimal, uscc: "9135020077604965" })).toEqual({ uscc: ["enterprises.errors.usccPattern"] });
    expect(issues(enterpriseSchema, { ...minimal, uscc: "91350200776049653O" })).toEqual({ uscc: ["enterprises.errors.usccPattern"] });
  });

  it("lets a failed checksum through: it is a warning, not an error", () => {
    expect(enterpriseSchema.parse({ ...minimal, uscc: "91350203m0001qay9b" }).uscc).toBe("91350203M0001QAY9B");
    expect(usccWarning("91350203M0001QAY9B")).toBe("enterprises.warnings.usccChecksum");
    expect(usccWarning("91350200776049653A")).toBeUndefined();
    expect(usccWarning("")).toBeUndefined();
    // A wrong pattern is the schema's error, not also a warning.
    expect(usccWarning("123")).toBeUndefined();
  });

  it("requires a name of 2–100 characters", () => {
    expect(issues(enterpriseSchema, { name: " 海 " })).toEqual({ name: ["enterprises.errors.nameLength"] });
    expect(issues(enterpriseSchema, { name: "海".repeat(101) })).toEqual({ name: ["enterprises.errors.nameLength"] });
    expect(issues(enterpriseSchema, {}).name).toBeDefined();
  });

  it("takes only the six ownership types", () => {
    for (const o of ["central_soe", "local_soe", "private", "foreign", "hk_macao_taiwan", "other"]) {
      expect(enterpriseSchema.parse({ ...minimal, ownershipType: o }).ownershipType).toBe(o);
    }
    expect(issues(enterpriseSchema, { ...minimal, ownershipType: "state" })).toEqual({ ownershipType: ["enterprises.errors.ownershipType"] });
  });

  it.each(["C", "C27", "C271", "M7320", "A0111", "t97"])("accepts the GB/T 4754 code %s", (code) => {
    expect(enterpriseSchema.parse({ ...minimal, industryCode: code }).industryCode).toBe(code.toUpperCase());
  });

  it.each(["U27", "C2", "C27100", "27", "医药制造"])("rejects the industry code %s", (code) => {
    expect(issues(enterpriseSchema, { ...minimal, industryCode: code })).toEqual({ industryCode: ["enterprises.errors.industryCode"] });
  });

  it("checks the website loosely: a domain, with or without http(s)", () => {
    for (const w of ["www.haier.com", "https://www.hexagon.com/zh", "http://qd.gov.cn:8080/a?b=1"]) {
      expect(enterpriseSchema.parse({ ...minimal, website: w }).website).toBe(w);
    }
    for (const w of ["haier", "not a url", "ftp//x"]) expect(issues(enterpriseSchema, { ...minimal, website: w })).toEqual({ website: ["enterprises.errors.website"] });
  });

  it("limits tags", () => {
    expect(issues(enterpriseSchema, { ...minimal, tags: ["很长".repeat(11)] })).toEqual({ "tags.0": ["enterprises.errors.tagLength"] });
    expect(issues(enterpriseSchema, { ...minimal, tags: Array.from({ length: 21 }, (_, i) => `标签${i}`) })).toEqual({ tags: ["enterprises.errors.tooManyTags"] });
  });

  it("re-parses its own output unchanged (the server parses what the form parsed)", () => {
    const once = enterpriseSchema.parse({ ...minimal, uscc: "91350200776049653a", tags: ["上市公司"], ownershipType: "" });
    expect(enterpriseSchema.parse(once)).toEqual(once);
  });

  it("needs a version for updates", () => {
    expect(issues(updateEnterpriseSchema, minimal).version).toBeDefined();
    expect(updateEnterpriseSchema.parse({ ...minimal, version: "3" }).version).toBe(3);
  });
});

describe("contactSchema", () => {
  it("needs a name; everything else is optional", () => {
    expect(contactSchema.parse({ name: " 刘洋 " })).toEqual({ name: "刘洋", title: "", phone: "", email: "", wechat: "", notes: "" });
    expect(issues(contactSchema, { name: "" })).toEqual({ name: ["errors.required"] });
  });

  it.each(["13812345678", "+8613812345678", "138 1234 5678", "0532-88886666", "053288886666", "010-12345678-801", "400-123-4567"])("accepts the phone number %s", (phone) => {
    expect(contactSchema.safeParse({ name: "刘洋", phone }).success).toBe(true);
  });

  it.each(["12345678901", "1381234567", "phone", "0532-123"])("rejects the phone number %s", (phone) => {
    expect(issues(contactSchema, { name: "刘洋", phone })).toEqual({ phone: ["contacts.errors.phone"] });
  });

  it("checks the email when there is one", () => {
    expect(contactSchema.parse({ name: "刘洋", email: " liu@example.cn " }).email).toBe("liu@example.cn");
    expect(issues(contactSchema, { name: "刘洋", email: "liu@" })).toEqual({ email: ["contacts.errors.email"] });
  });

  it("needs a version for updates", () => {
    expect(issues(updateContactSchema, { name: "刘洋" }).version).toBeDefined();
  });
});

describe("enterpriseListSchema", () => {
  it("has defaults and drops anything malformed", () => {
    expect(enterpriseListSchema.parse({})).toEqual({ sort: "updatedAt", dir: "desc", page: 1, size: 50 });
    expect(enterpriseListSchema.parse({ ownership: "bogus", sort: "password", dir: "up", page: "-2", size: "7" })).toEqual({
      sort: "updatedAt",
      dir: "desc",
      page: 1,
      size: 50,
    });
    expect(enterpriseListSchema.parse({ q: " 海尔 ", ownership: "private", tag: "上市公司", sort: "name", dir: "asc", page: "3", size: "20" })).toEqual({
      q: "海尔",
      ownership: "private",
      tag: "上市公司",
      sort: "name",
      dir: "asc",
      page: 3,
      size: 20,
    });
  });
});
