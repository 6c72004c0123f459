import { listQuery } from "@/lib/projects/url";
import { DEFAULT_SIGNED_ORDER, type SignedListParams } from "./validation";

/** The query string of a /signed state, defaults left out (like projectQuery for /projects). */
export const signedQuery = listQuery<keyof SignedListParams>(DEFAULT_SIGNED_ORDER);

/** The export links' query: the list's filters and order, without its page. */
export function exportQuery(params: SignedListParams): string {
  return signedQuery({ ...params, page: undefined, size: undefined });
}
