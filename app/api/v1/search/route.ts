import { getTranslations } from "next-intl/server";
import { getDb } from "@/db";
import { apiRoute } from "@/lib/api";
import { queryOf } from "@/lib/api-v1/http";
import { searchApiQuerySchema, type SearchOut } from "@/lib/api-v1/search";
import { requireApiViewer } from "@/lib/auth/api-viewer";
import { globalSearch } from "@/lib/search/queries";
import { MIN_SEARCH_LENGTH } from "@/lib/search/validation";

/** GET /api/v1/search?q=&limit= — projects, investors, parcels and events matching the text, as the caller may see them. */
export const GET = apiRoute(async (request: Request) => {
  const viewer = await requireApiViewer(request);
  const result = await globalSearch(getDb(), viewer, queryOf(request, searchApiQuerySchema));
  const t = await getTranslations("search");
  const data: SearchOut = { ...result, hint: result.searchable ? null : t("tooShort", { min: MIN_SEARCH_LENGTH }) };
  // Each keystroke's answer is for that moment's data and that user: never kept by a cache.
  return Response.json({ data }, { headers: { "Cache-Control": "private, no-store" } });
});
