import { afterEach, describe, expect, it } from "vitest";
import { fromOwnOrigin } from "@/lib/auth/origin";
import { AppError, asAppError, NotFoundError, UnavailableError, ValidationError } from "@/lib/errors";
import { actionBodyProblem, ACTION_BODY_LIMIT } from "@/lib/http/action-body";
import { signingFactsSchema, fundsEntrySchema } from "@/lib/signings/validation";
import { projectSchema } from "@/lib/projects/validation";
import { planSchema, reportSchema } from "@/lib/milestones/validation";
import { nulPath, parseOrThrow, text } from "@/lib/validation";
import { z } from "zod";

const headers = (h: Record<string, string>) => new Headers({ host: "crm.example:3000", ...h });

describe("fromOwnOrigin (cookie writes must come from the app's own pages)", () => {
  afterEach(() => {
    delete process.env.AUTH_URL;
  });

  it("takes same-origin requests and requests from no page at all (a script with its own cookie jar)", () => {
    expect(fromOwnOrigin(headers({ "sec-fetch-site": "same-origin", origin: "http://crm.example:3000" }))).toBe(true);
    expect(fromOwnOrigin(headers({}))).toBe(true);
    expect(fromOwnOrigin(headers({ origin: "http://crm.example:3000" }))).toBe(true);
  });

  it("refuses another port of the host, a sibling subdomain, a cross-site page and an opaque origin", () => {
    expect(fromOwnOrigin(headers({ "sec-fetch-site": "same-site", origin: "http://crm.example:4000" }))).toBe(false);
    expect(fromOwnOrigin(headers({ origin: "http://crm.example:4000" }))).toBe(false);
    expect(fromOwnOrigin(headers({ origin: "http://evil.crm.example:3000" }))).toBe(false);
    expect(fromOwnOrigin(headers({ "sec-fetch-site": "cross-site" }))).toBe(false);
    expect(fromOwnOrigin(headers({ "sec-fetch-site": "none", origin: "http://crm.example:4000" }))).toBe(false);
    expect(fromOwnOrigin(headers({ origin: "null" }))).toBe(false);
  });

  it("compares with the configured URL when there is one (behind a proxy that rewrites Host)", () => {
    process.env.AUTH_URL = "https://zhaoshang.gov.example";
    expect(fromOwnOrigin(headers({ origin: "https://zhaoshang.gov.example" }))).toBe(true);
    expect(fromOwnOrigin(headers({ origin: "http://crm.example:3000" }))).toBe(false);
  });
});

const actionRequest = (body: BodyInit, type = "text/plain;charset=UTF-8") =>
  new Request("http://crm.example/enterprises/new", { method: "POST", headers: { "next-action": "abc", "content-type": type }, body });

describe("actionBodyProblem (what Next.js could not decode is a 400/413, not its 500)", () => {
  it("passes what React sends: an array of plain values, escaped $ strings, dates and undefined", async () => {
    expect(await actionBodyProblem(actionRequest(JSON.stringify([{ name: "国药", note: "$$5 元", when: "$D2026-01-01T00:00:00.000Z", x: "$undefined" }])))).toBeNull();
    expect(await actionBodyProblem(actionRequest("[]"))).toBeNull();
  });

  it("refuses JSON that is not an array, references to parts that are not there, and text that is not JSON", async () => {
    for (const body of ["{{{", '"abc"', "null", '["$Q1"]', '["$B1"]', '["$@9"]', '["$Y"]', ""]) {
      expect(await actionBodyProblem(actionRequest(body)), body).toEqual({ status: 400, code: "invalid_action_body" });
    }
  });

  it("refuses a body over the limit, by its length or by what arrives", async () => {
    const big = JSON.stringify(["x".repeat(ACTION_BODY_LIMIT)]);
    expect(await actionBodyProblem(actionRequest(big))).toEqual({ status: 413, code: "body_too_large" });
  });

  it("checks a multipart body's parts: a form (even an empty one) is fine, a missing outlined part is not", async () => {
    const form = new FormData();
    form.append("0", JSON.stringify(["1b4e28ba-2fa1-4d2b-8f3e-1c2d3e4f5a6b", "$K1"]));
    form.append("1_projectId", "abc");
    expect(await actionBodyProblem(new Request("http://x/", { method: "POST", headers: { "next-action": "a" }, body: form }))).toBeNull();
    const empty = new FormData();
    empty.append("0", JSON.stringify(["$K1"]));
    expect(await actionBodyProblem(new Request("http://x/", { method: "POST", headers: { "next-action": "a" }, body: empty }))).toBeNull();
    const broken = new FormData();
    broken.append("0", JSON.stringify(["$@5"]));
    expect(await actionBodyProblem(new Request("http://x/", { method: "POST", headers: { "next-action": "a" }, body: broken }))).toEqual({ status: 400, code: "invalid_action_body" });
  });
});

describe("NUL characters", () => {
  it("are refused by the shared text primitive", () => {
    expect(text().safeParse("甲\u0000乙").success).toBe(false);
    expect(projectSchema.safeParse({ name: "国药\u0000项目" }).error?.issues.find((i) => i.path[0] === "name")?.message).toBe("errors.nulChar");
  });

  it("are refused by parseOrThrow anywhere in the input, naming the field, whatever the schema", () => {
    expect(nulPath({ a: "x", zones: [{ name: "ok" }, { name: "b\u0000" }] })).toBe("zones.1.name");
    expect(nulPath({ "k\u0000": 1 })).toBe("k\u0000");
    expect(nulPath(["fine", 1, null])).toBeNull();
    const schema = z.object({ raw: z.string() });
    try {
      parseOrThrow(schema, { raw: "a\u0000" });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ValidationError);
      expect((e as ValidationError).fields).toEqual({ raw: ["errors.nulChar"] });
    }
  });
});

describe("plausible dates and amounts", () => {
  const signing = { signingDate: "2025-03-01", agreementType: "investment", contractInvestmentYi: "5" };
  const errorOf = (r: { success: boolean; error?: z.ZodError }, field: string) => r.error?.issues.find((i) => i.path[0] === field)?.message;

  it("refuses signing and milestone dates of 1900 and year 1", () => {
    for (const day of ["1900-01-01", "0001-01-01", "1989-12-31"]) {
      expect(errorOf(signingFactsSchema.safeParse({ ...signing, signingDate: day }), "signingDate"), day).toBe("errors.dateRange");
      expect(errorOf(fundsEntrySchema.safeParse({ receivedOn: day, amountYi: "1" }), "receivedOn"), day).toBe("errors.dateRange");
    }
    expect(signingFactsSchema.safeParse({ ...signing, signingDate: "1990-01-01" }).success).toBe(true);
    for (const day of ["1900-01-01", "0001-01-01"]) {
      const report = reportSchema.safeParse({ stage: "construction", actualDate: day, version: 0 });
      expect(errorOf(report, "actualDate"), day).toBe("errors.dateRange");
      const plan = planSchema.safeParse({ dates: { registered: day }, versions: {} });
      expect(plan.error?.issues.some((i) => i.path.join(".") === "dates.registered" && i.message === "errors.dateRange"), day).toBe(true);
    }
  });

  it("refuses amounts above 100,000 亿元 with a message that states the ceiling", () => {
    expect(errorOf(projectSchema.safeParse({ totalInvestmentYi: "9999999999.9999" }), "totalInvestmentYi")).toBe("projects.errors.amount");
    expect(errorOf(projectSchema.safeParse({ totalInvestmentYi: "100000.0001" }), "totalInvestmentYi")).toBe("projects.errors.amount");
    expect(errorOf(projectSchema.safeParse({ totalInvestmentYi: "100000" }), "totalInvestmentYi")).toBeUndefined();
    expect(errorOf(fundsEntrySchema.safeParse({ receivedOn: "2025-01-01", amountYi: "-100001" }), "amountYi")).toBe("projects.errors.amount");
  });

  it("gives every rule without its own message a readable key, never zod's English", () => {
    const r = projectSchema.safeParse({ name: 5, source: "亲友介绍", isKey: "yes" });
    const messages = r.error!.issues.map((i) => i.message);
    expect(messages.every((m) => /^[a-z]+\.[\w.]+$/.test(m)), messages.join(" | ")).toBe(true);
  });
});

describe("asAppError (input nobody foresaw is a 4xx)", () => {
  it("turns a schema's error into field errors, a malformed uuid into not found, other data errors into invalid input", () => {
    const zod = z.object({ a: z.string() }).safeParse({ a: 1 }).error!;
    expect(asAppError(zod)).toBeInstanceOf(ValidationError);
    expect(asAppError(Object.assign(new Error('invalid input syntax for type uuid: "x"'), { code: "22P02" }))).toBeInstanceOf(NotFoundError);
    expect(asAppError(Object.assign(new Error("date/time field value out of range"), { code: "22008" }))).toBeInstanceOf(ValidationError);
    expect(asAppError({ cause: Object.assign(new Error("invalid byte sequence"), { code: "22021" }) })).toBeInstanceOf(ValidationError);
    const fk = Object.assign(new Error("violates foreign key constraint"), { code: "23503", detail: 'Key (industry_chain_id)=(1b4e28ba-2fa1-4d2b-8f3e-1c2d3e4f5a6b) is not present in table "industry_chains".' });
    expect((asAppError({ cause: fk }) as ValidationError).fields).toEqual({ industryChainId: ["errors.invalidChoice"] });
  });

  it("turns an unreachable database into 503 and leaves real faults alone", () => {
    expect(asAppError(Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" }))).toBeInstanceOf(UnavailableError);
    expect(asAppError(new Error("timeout exceeded when trying to connect"))).toBeInstanceOf(UnavailableError);
    expect((asAppError(Object.assign(new Error("terminating connection"), { code: "57P01" })) as AppError).status).toBe(503);
    const bug = new TypeError("x is undefined");
    expect(asAppError(bug)).toBe(bug);
  });
});
