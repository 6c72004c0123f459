/**
 * The OpenAPI 3.1 document of /api/v1, generated from the zod schemas the routes use (zod 4's
 * z.toJSONSchema) — the forms' own input schemas for request bodies, the lists' query schemas
 * for parameters, and the response schemas the route functions are typed against — so the
 * document cannot drift from the code. Pure: the route and a unit test both call it.
 */
import { z } from "zod";
import { enterpriseSchema, updateEnterpriseSchema } from "@/lib/enterprises/validation";
import { eventSchema, updateEventSchema } from "@/lib/events/validation";
import { parcelSchema, parkSchema, updateParcelSchema, updateParkSchema } from "@/lib/land/validation";
import { projectSchema, updateProjectSchema } from "@/lib/projects/validation";
import { signingFactsSchema, signingSchema } from "@/lib/signings/validation";
import { enterpriseApiListSchema, enterpriseOut } from "./enterprises";
import { eventApiListSchema, eventOut } from "./events";
import { parcelApiListSchema, parcelOut, parkOut } from "./land";
import { projectApiListSchema, projectOut } from "./projects";
import { searchApiQuerySchema, searchOut } from "./search";
import { errorOut } from "./shared";
import { signedApiListSchema, signedProjectOut } from "./signed";

type JsonSchema = Record<string, unknown>;

function json(schema: z.ZodType, io: "input" | "output"): JsonSchema {
  const { $schema: _drop, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: "any" }) as JsonSchema;
  return rest;
}

/** A PATCH body: the update schema with every field optional but `version`. */
function patchOf(schema: z.ZodType): JsonSchema {
  return { ...json(schema, "input"), required: ["version"] };
}

/** Query parameters from a list schema's fields. */
function parameters(schema: z.ZodObject): JsonSchema[] {
  return Object.entries(schema.shape).map(([name, field]) => {
    const s = json(field as z.ZodType, "input");
    const description = (field as z.ZodType).description;
    return { name, in: "query", required: false, schema: s, ...(description ? { description } : {}) };
  });
}

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const jsonContent = (schema: JsonSchema) => ({ "application/json": { schema } });
const one = (name: string) => jsonContent({ type: "object", properties: { data: ref(name) }, required: ["data"] });
const page = (name: string) =>
  jsonContent({
    type: "object",
    properties: { data: { type: "array", items: ref(name) }, nextCursor: { type: ["string", "null"], description: "Pass as `cursor` for the next page; null on the last" } },
    required: ["data", "nextCursor"],
  });

const errors = (...codes: number[]) =>
  Object.fromEntries(
    codes.map((c) => [
      String(c),
      {
        description: {
          400: "Malformed request (not JSON, a bad cursor)",
          401: "No valid credential (token missing, unknown, expired or revoked; no session)",
          403: "The caller's role may not do this",
          404: "Not found — or not the caller's to see (another unit's, archived)",
          409: "Stale `version`: someone saved first; nothing was written",
          422: "Invalid input: `fields` names each bad field",
        }[c],
        content: jsonContent(ref("Error")),
      },
    ]),
  );

const idParam = { name: "id", in: "path", required: true, schema: { type: "string", format: "uuid" } };

type Resource = {
  path: string;
  tag: string;
  schema: string;
  summary: string;
  list: z.ZodObject | null;
  create?: { input: string; note: string };
  update?: { input: string; note: string };
};

const RESOURCES: Resource[] = [
  {
    path: "projects",
    tag: "项目 Projects",
    schema: "Project",
    summary: "招商项目",
    list: projectApiListSchema,
    create: { input: "ProjectInput", note: "Same fields and rules as the project form" },
    update: { input: "ProjectUpdate", note: "The fields sent replace the project's; `version` as read" },
  },
  {
    path: "enterprises",
    tag: "企业 Enterprises",
    schema: "Enterprise",
    summary: "企业/投资方",
    list: enterpriseApiListSchema,
    create: { input: "EnterpriseInput", note: "Registered for the caller's unit; a USCC already registered is refused (422)" },
    update: { input: "EnterpriseUpdate", note: "The fields sent replace the enterprise's; `version` as read" },
  },
  {
    path: "parcels",
    tag: "地块 Parcels",
    schema: "Parcel",
    summary: "地块",
    list: parcelApiListSchema,
    create: { input: "ParcelInput", note: "Managers and admins" },
    update: { input: "ParcelUpdate", note: "Managers and admins; the status moves through the app's status form" },
  },
  {
    path: "parks",
    tag: "园区 Parks",
    schema: "Park",
    summary: "园区 with their zones (组团/片区)",
    list: null,
    create: { input: "ParkInput", note: "Admins" },
    update: { input: "ParkUpdate", note: "Admins; `zones`, when sent, is the whole list" },
  },
  {
    path: "events",
    tag: "招商活动 Events",
    schema: "Event",
    summary: "推介会 / 集中签约仪式",
    list: eventApiListSchema,
    create: { input: "EventInput", note: "Managers and admins" },
    update: { input: "EventUpdate", note: "Managers of the host unit and admins" },
  },
  {
    path: "signed-projects",
    tag: "签约项目 Signed projects",
    schema: "SignedProject",
    summary: "签约项目清单 (projects at 签约 or later, with their signing facts)",
    list: signedApiListSchema,
    create: { input: "SignProject", note: "Signs a project the caller may change (the stage change to 签约 with its facts)" },
    update: { input: "SigningUpdate", note: "The signing facts; `version` is the signing's (`signingVersion`)" },
  },
];

export function openApiDocument(serverUrl = "/"): Record<string, unknown> {
  const paths: Record<string, unknown> = {};
  for (const r of RESOURCES) {
    const collection: Record<string, unknown> = {
      get: {
        tags: [r.tag],
        summary: `List ${r.summary}`,
        operationId: `list_${r.path.replace("-", "_")}`,
        parameters: r.list ? parameters(r.list) : [],
        responses: { 200: { description: "A page, in the order asked", content: r.list ? page(r.schema) : page(r.schema) }, ...errors(400, 401, 422) },
      },
    };
    if (r.create) {
      collection.post = {
        tags: [r.tag],
        summary: `Create — ${r.create.note}`,
        operationId: `create_${r.path.replace("-", "_")}`,
        requestBody: { required: true, content: jsonContent(ref(r.create.input)) },
        responses: { 201: { description: "Created", content: one(r.schema) }, ...errors(400, 401, 403, 404, 409, 422) },
      };
    }
    paths[`/api/v1/${r.path}`] = collection;
    const item: Record<string, unknown> = {
      get: {
        tags: [r.tag],
        summary: `Read one`,
        operationId: `read_${r.path.replace("-", "_")}`,
        parameters: [idParam],
        responses: { 200: { description: "The record", content: one(r.schema) }, ...errors(401, 404) },
      },
    };
    if (r.update) {
      item.patch = {
        tags: [r.tag],
        summary: `Update — ${r.update.note}`,
        operationId: `update_${r.path.replace("-", "_")}`,
        parameters: [idParam],
        requestBody: { required: true, content: jsonContent(ref(r.update.input)) },
        responses: { 200: { description: "Saved", content: one(r.schema) }, ...errors(400, 401, 403, 404, 409, 422) },
      };
    }
    paths[`/api/v1/${r.path}/{id}`] = item;
  }

  const searchTag = "搜索 Search";
  paths["/api/v1/search"] = {
    get: {
      tags: [searchTag],
      summary: "Global search (the top bar's): projects, investors (by name, USCC or a contact's name), parcels and events, each group with its total",
      description:
        "The same text matching and visibility as each list page's `q`, so a group's `total` is what that list counts. " +
        "Text shorter than 2 characters is not looked up: `searchable` is false and `hint` says why.",
      operationId: "search",
      parameters: parameters(searchApiQuerySchema),
      responses: { 200: { description: "The groups, in the order 项目, 企业, 地块, 招商活动", content: one("SearchResult") }, ...errors(401) },
    },
  };

  const signProject = signingFactsSchema.safeExtend({ projectId: z.uuid(), version: z.number().int().positive() });

  return {
    openapi: "3.1.0",
    info: {
      title: "招商 CRM API",
      version: "1",
      description:
        "The data of the 招商 CRM as JSON. Authenticate with a personal API token (made in /account, sent as `Authorization: Bearer zsk_…`) " +
        "or a signed-in session cookie. A token acts as its user: the same role and unit, so the same visibility as the pages — " +
        "a record outside the caller's unit is a 404. Lists take the pages' filters and page by cursor. Amounts are typed in 亿元 " +
        "(`…Yi`) and returned in both 元 and 亿元, exactly (decimal strings). Errors are `{error:{code,message,fields}}`.",
    },
    servers: [{ url: serverUrl }],
    security: [{ bearerAuth: [] }, { sessionCookie: [] }],
    tags: [...RESOURCES.map((r) => ({ name: r.tag })), { name: searchTag }],
    paths,
    components: {
      securitySchemes: {
        bearerAuth: { type: "http", scheme: "bearer", description: "Personal API token (zsk_…), made and revoked in /account" },
        sessionCookie: { type: "apiKey", in: "cookie", name: "authjs.session-token", description: "The browser session (writes only from this site)" },
      },
      schemas: {
        Error: json(errorOut, "output"),
        Project: json(projectOut, "output"),
        ProjectInput: json(projectSchema, "input"),
        ProjectUpdate: patchOf(updateProjectSchema),
        Enterprise: json(enterpriseOut, "output"),
        EnterpriseInput: json(enterpriseSchema, "input"),
        EnterpriseUpdate: patchOf(updateEnterpriseSchema),
        Parcel: json(parcelOut, "output"),
        ParcelInput: json(parcelSchema, "input"),
        ParcelUpdate: patchOf(updateParcelSchema),
        Park: json(parkOut, "output"),
        ParkInput: json(parkSchema, "input"),
        ParkUpdate: patchOf(updateParkSchema),
        Event: json(eventOut, "output"),
        EventInput: json(eventSchema, "input"),
        EventUpdate: patchOf(updateEventSchema),
        SignedProject: json(signedProjectOut, "output"),
        SignProject: json(signProject, "input"),
        SigningUpdate: patchOf(signingSchema),
        SearchResult: json(searchOut, "output"),
      },
    },
  };
}
