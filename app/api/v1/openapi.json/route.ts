import { openApiDocument } from "@/lib/api-v1/openapi";

/** GET /api/v1/openapi.json — the API's OpenAPI 3.1 document, generated from its zod schemas. Public: it holds no data. */
export function GET(request: Request) {
  return Response.json(openApiDocument(new URL(request.url).origin), { headers: { "Cache-Control": "public, max-age=300" } });
}
