/**
 * The REST API's functions (lib/api-v1) and personal API tokens (lib/auth/tokens) against real
 * PostgreSQL: visibility by unit (by id too), cursor paging, PATCH with optimistic locking,
 * token expiry, revocation and deactivation. The HTTP side (status codes, the proxy) is in
 * tests/e2e/api.spec.ts.
 */
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { apiTokens, auditLog, enterprises, events, parcels, parks, users } from "@/db/schema";
import { listEnterprisesApi, enterpriseApiListSchema, readEnterpriseApi, updateEnterpriseApi } from "@/lib/api-v1/enterprises";
import { eventApiListSchema, listEventsApi, updateEventApi } from "@/lib/api-v1/events";
import { listParcelsApi, listParksApi, parcelApiListSchema, readParcelApi } from "@/lib/api-v1/land";
import { createProjectApi, listProjectsApi, projectApiListSchema, readProjectApi, updateProjectApi } from "@/lib/api-v1/projects";
import { listSignedApi, readSignedApi, signedApiListSchema, signProjectApi, updateSigningApi } from "@/lib/api-v1/signed";
import { archiveProject } from "@/lib/archive/service";
import type { Viewer } from "@/lib/auth/roles";
import { createApiToken, hashToken, listApiTokens, revokeApiToken, viewerForToken } from "@/lib/auth/tokens";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors";
import { createTestDb } from "../support/db";
import { insertUnit, insertViewer, rejection } from "./fixtures";

const { db } = await createTestDb();

let manager: Viewer, staff: Viewer, other: Viewer;
let enterpriseId: string, otherEnterpriseId: string;
const ours: string[] = [];
let theirs: string;

const project = (name: string, owner: Viewer, enterprise: string, totalInvestmentYi = "1") =>
  createProjectApi(db, owner, {
    name,
    enterpriseId: enterprise,
    source: "walk_in",
    totalInvestmentYi,
    capitalOrigin: "local",
    ownerId: owner.id,
    unitId: owner.unitId,
  });

beforeAll(async () => {
  const zone = await insertUnit(db, { name: "高新区投资促进部" });
  const bio = await insertUnit(db, { name: "生物医药招商组", parentId: zone.id });
  const north = await insertUnit(db, { name: "健康谷招商专班" });
  manager = await insertViewer(db, "manager", zone.id);
  staff = await insertViewer(db, "staff", bio.id);
  other = await insertViewer(db, "staff", north.id);
  const [e] = await db.insert(enterprises).values({ name: "阿斯利康投资（中国）有限公司", unitId: bio.id, createdById: staff.id }).returning();
  const [o] = await db.insert(enterprises).values({ name: "融汇集团", unitId: north.id, createdById: other.id }).returning();
  enterpriseId = e!.id;
  otherEnterpriseId = o!.id;
  for (let i = 1; i <= 5; i++) ours.push((await project(`生物医药项目${i}`, staff, enterpriseId, String(i))).id);
  theirs = (await project("健康谷康养项目", other, otherEnterpriseId, "9")).id;
});

describe("API lists and reads: the pages' visibility", () => {
  it("lists only what the caller may see, and pages through all of it by cursor, each row once", async () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await listProjectsApi(db, staff, projectApiListSchema.parse({ limit: "2", sort: "totalInvestment", dir: "asc", cursor }));
      seen.push(...page.data.map((p) => p.id));
      cursor = page.nextCursor ?? undefined;
      pages++;
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen).toEqual(ours);
    expect(seen).not.toContain(theirs);
    const mine = await listProjectsApi(db, other, projectApiListSchema.parse({}));
    expect(mine.data.map((p) => p.id)).toEqual([theirs]);
  });

  it("takes the page's filters", async () => {
    const big = await listProjectsApi(db, staff, projectApiListSchema.parse({ minYi: "4" }));
    expect(big.data.map((p) => p.name).sort()).toEqual(["生物医药项目4", "生物医药项目5"]);
    expect(big.data[0]!.totalInvestmentYi).toMatch(/^[45]$/);
    expect(big.data[0]!.totalInvestment).toMatch(/^[45]00000000(\.00)?$/);
  });

  it("reads by id only within scope: another unit's project and an archived one are 404", async () => {
    expect((await readProjectApi(db, staff, ours[0]!)).name).toBe("生物医药项目1");
    expect((await readProjectApi(db, manager, ours[0]!)).unitName).toBe("生物医药招商组");
    expect(await rejection(readProjectApi(db, staff, theirs))).toBeInstanceOf(NotFoundError);
    expect(await rejection(readProjectApi(db, other, ours[0]!))).toBeInstanceOf(NotFoundError);
    expect(await rejection(readProjectApi(db, staff, "not-a-uuid"))).toBeInstanceOf(NotFoundError);
    expect(await rejection(readEnterpriseApi(db, staff, otherEnterpriseId))).toBeInstanceOf(NotFoundError);
    const gone = await project("将被删除的项目", staff, enterpriseId);
    await archiveProject(db, staff, gone.id, { version: gone.version });
    expect(await rejection(readProjectApi(db, staff, gone.id))).toBeInstanceOf(NotFoundError);
  });

  it("enterprises, events, parks and parcels list as their pages do", async () => {
    expect((await listEnterprisesApi(db, staff, enterpriseApiListSchema.parse({}))).data.map((e) => e.name)).toEqual(["阿斯利康投资（中国）有限公司"]);
    const [park] = await db.insert(parks).values({ name: "精密仪器仪表产业园" }).returning();
    await db.insert(parcels).values([
      { code: "JM-01", parkId: park!.id, areaMu: "12.5", projectId: theirs },
      { code: "JM-02", parkId: park!.id, areaMu: "30" },
    ]);
    await db.insert(events).values({ name: "精密仪器专场推介会", kind: "promotion_event", heldOn: "2024-06-01" });
    expect((await listParksApi(db)).map((p) => p.name)).toContain("精密仪器仪表产业园");
    const parcelPage = await listParcelsApi(db, staff, parcelApiListSchema.parse({ park: park!.id }));
    expect(parcelPage.data.map((p) => p.code)).toEqual(["JM-01", "JM-02"]);
    // The matched project is another unit's: the parcel says it is matched, but names neither its id nor its name.
    expect(parcelPage.data[0]).toMatchObject({ matched: true, projectId: null, projectName: null });
    expect((await readParcelApi(db, other, parcelPage.data[0]!.id)).projectId).toBe(theirs);
    expect((await readParcelApi(db, other, parcelPage.data[0]!.id)).projectName).toBe("健康谷康养项目");
    expect((await listEventsApi(db, eventApiListSchema.parse({ q: "精密" }))).data.map((e) => e.name)).toEqual(["精密仪器专场推介会"]);
  });
});

describe("API writes: the forms' rules and optimistic locking", () => {
  it("PATCH changes only the fields sent, and refuses a stale or missing version (nothing written)", async () => {
    const before = await readProjectApi(db, staff, ours[0]!);
    const after = await updateProjectApi(db, staff, ours[0]!, { version: before.version, totalInvestmentYi: "12.3456" });
    expect(after).toMatchObject({ totalInvestmentYi: "12.3456", totalInvestment: "1234560000.00", name: before.name, version: before.version + 1 });
    expect(await rejection(updateProjectApi(db, staff, ours[0]!, { version: before.version, name: "旧版本覆盖" }))).toBeInstanceOf(ConflictError);
    expect(await rejection(updateProjectApi(db, staff, ours[0]!, { name: "没有版本号" }))).toBeInstanceOf(ValidationError);
    const bad = (await rejection(updateProjectApi(db, staff, ours[0]!, { version: after.version, totalInvestmentYi: "abc" }))) as ValidationError;
    expect(bad.fields?.totalInvestmentYi).toEqual(["projects.errors.amount"]);
    expect((await readProjectApi(db, staff, ours[0]!)).name).toBe(before.name);
    expect(await rejection(updateProjectApi(db, other, ours[0]!, { version: after.version, name: "越权修改" }))).toBeInstanceOf(NotFoundError);
    const [audit] = await db.select().from(auditLog).where(and(eq(auditLog.entityId, ours[0]!), eq(auditLog.action, "update")));
    expect(audit?.after).toMatchObject({ totalInvestment: "1234560000.00" });
  });

  it("creating in another unit is refused by the same checks as the form", async () => {
    const e = (await rejection(
      createProjectApi(db, staff, { name: "跨单位项目", enterpriseId: otherEnterpriseId, source: "walk_in", totalInvestmentYi: "1", capitalOrigin: "local", ownerId: other.id, unitId: other.unitId }),
    )) as ValidationError;
    expect(Object.keys(e.fields ?? {}).sort()).toEqual(["enterpriseId", "ownerId", "unitId"]);
  });

  it("signs a project, lists it as signed, and edits its signing facts with the signing's version", async () => {
    const p = await readProjectApi(db, staff, ours[1]!);
    const signed = await signProjectApi(db, staff, { projectId: p.id, version: p.version, signingDate: "2024-04-06", agreementType: "investment", contractInvestmentYi: "1.5" });
    expect(signed).toMatchObject({ contractInvestmentYi: "1.5", signingDate: "2024-04-06", stage: "signed" });
    expect((await listSignedApi(db, staff, signedApiListSchema.parse({}))).data.map((r) => r.id)).toEqual([p.id]);
    expect((await listSignedApi(db, other, signedApiListSchema.parse({}))).data).toEqual([]);
    const edited = await updateSigningApi(db, staff, p.id, { version: signed.signingVersion, progress: "项目公司已注册" });
    expect(edited).toMatchObject({ progress: "项目公司已注册", contractInvestmentYi: "1.5", signingVersion: signed.signingVersion + 1 });
    expect(await rejection(updateSigningApi(db, staff, p.id, { version: signed.signingVersion, progress: "旧" }))).toBeInstanceOf(ConflictError);
    expect(await rejection(readSignedApi(db, other, p.id))).toBeInstanceOf(NotFoundError);
  });

  it("an event PATCH writes only the fields sent", async () => {
    const [e] = await db.insert(events).values({ name: "生物医药专场推介会", kind: "promotion_event", heldOn: "2024-05-01", place: "高新区会展中心" }).returning();
    const edited = await updateEventApi(db, manager, e!.id, { version: e!.version, description: "现场签约 3 个项目" });
    expect(edited).toMatchObject({ name: "生物医药专场推介会", place: "高新区会展中心", description: "现场签约 3 个项目" });
    expect(await rejection(updateEventApi(db, manager, e!.id, { version: e!.version, place: "旧地点" }))).toBeInstanceOf(ConflictError);
  });

  it("an enterprise PATCH keeps its USCC rules", async () => {
    const e = await readEnterpriseApi(db, staff, enterpriseId);
    const bad = (await rejection(updateEnterpriseApi(db, staff, enterpriseId, { version: e.version, uscc: "123" }))) as ValidationError;
    expect(bad.fields?.uscc).toEqual(["enterprises.errors.usccPattern"]);
    expect((await updateEnterpriseApi(db, staff, enterpriseId, { version: e.version, uscc: "91350200776049653a" })).uscc).toBe("91350200776049653A");
  });
});

describe("personal API tokens", () => {
  it("are stored as a hash only, act as their user, and are audited without the secret", async () => {
    const made = await createApiToken(db, staff, { name: "政务数据平台同步", expiresInDays: 30 });
    expect(made.token).toMatch(/^zsk_[A-Za-z0-9_-]{43}$/);
    const [row] = await db.select().from(apiTokens).where(eq(apiTokens.id, made.id));
    expect(row!.tokenHash).toBe(hashToken(made.token));
    expect(JSON.stringify(row)).not.toContain(made.token.slice(4));
    expect(row!.prefix).toBe(made.token.slice(0, 10));
    const viewer = await viewerForToken(db, made.token);
    expect(viewer).toMatchObject({ id: staff.id, role: "staff", unitId: staff.unitId });
    expect((await db.select().from(apiTokens).where(eq(apiTokens.id, made.id)))[0]!.lastUsedAt).toBeInstanceOf(Date);
    // The token sees what its user sees.
    expect(await rejection(readProjectApi(db, viewer!, theirs))).toBeInstanceOf(NotFoundError);
    const [audit] = await db.select().from(auditLog).where(and(eq(auditLog.entityType, "api_token"), eq(auditLog.entityId, made.id)));
    expect(JSON.stringify(audit)).not.toContain(made.token);
    expect((await listApiTokens(db, staff)).map((t) => t.name)).toContain("政务数据平台同步");
    expect(await listApiTokens(db, other)).toEqual([]);
  });

  it("stop working when they expire, when revoked, and when the user is deactivated", async () => {
    const now = new Date("2026-03-01T00:00:00Z");
    const made = await createApiToken(db, staff, { name: "七天令牌", expiresInDays: 7 }, {}, now);
    expect(await viewerForToken(db, made.token, new Date("2026-03-07T23:00:00Z"))).not.toBeNull();
    expect(await viewerForToken(db, made.token, new Date("2026-03-08T00:00:01Z"))).toBeNull();

    const revocable = await createApiToken(db, staff, { name: "待撤销", expiresInDays: 30 });
    expect(await viewerForToken(db, revocable.token)).not.toBeNull();
    expect(await rejection(revokeApiToken(db, other, revocable.id))).toBeInstanceOf(NotFoundError);
    await revokeApiToken(db, staff, revocable.id);
    expect(await viewerForToken(db, revocable.token)).toBeNull();

    const deactivated = await createApiToken(db, other, { name: "停用账号的令牌", expiresInDays: 30 });
    await db.update(users).set({ active: false }).where(eq(users.id, other.id));
    expect(await viewerForToken(db, deactivated.token)).toBeNull();
    await db.update(users).set({ active: true }).where(eq(users.id, other.id));

    expect(await viewerForToken(db, "zsk_made-up")).toBeNull();
    expect(await viewerForToken(db, "Bearer something")).toBeNull();
  });

  it("refuses a lifetime not offered, and a role's limits apply through the token", async () => {
    const bad = (await rejection(createApiToken(db, staff, { name: "永久", expiresInDays: 10_000 }))) as ValidationError;
    expect(bad.fields?.expiresInDays).toEqual(["apiTokens.errors.lifetime"]);
    const made = await createApiToken(db, staff, { name: "员工令牌", expiresInDays: 7 });
    const viewer = (await viewerForToken(db, made.token))!;
    const { createParcelApi } = await import("@/lib/api-v1/land");
    expect(await rejection(createParcelApi(db, viewer, {}))).toBeInstanceOf(ForbiddenError);
  });
});
