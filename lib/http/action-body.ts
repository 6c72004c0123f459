/**
 * A server action's request body, checked before Next.js decodes it. Next.js answers a body it
 * cannot decode (not JSON, a reference to a part that is not there, over its 1 MB limit) with
 * an HTTP 500; proxy.ts answers those with a 400 or 413 instead, naming the problem.
 *
 * What the app's own pages send (React's encodeReply): a JSON array of the arguments as
 * text/plain, or — when an argument is a FormData — multipart/form-data whose part "0" is that
 * array and whose other parts are the referenced values ("1_name" for FormData 1's field
 * "name", "2" for an outlined value 2). Strings starting with "$" are React's tags: "$$…" is an
 * escaped "$", and a few stand for plain values (undefined, dates, big integers, ±Infinity,
 * NaN, -0); the rest refer to other parts of the body.
 */

/** Next.js's default limit for a server action's body (serverActions.bodySizeLimit). */
export const ACTION_BODY_LIMIT = 1024 * 1024;

export type ActionBodyProblem = { status: 400 | 413; code: "invalid_action_body" | "body_too_large" };

const tooLarge: ActionBodyProblem = { status: 413, code: "body_too_large" };
const invalid: ActionBodyProblem = { status: 400, code: "invalid_action_body" };

const PLAIN_TAG = /^\$(?:\$|undefined$|Infinity$|-Infinity$|NaN$|-0$|D\d|n-?\d+$)/;
// Tags that refer to another part of the body by its number (hex in React's encoding).
// "$K" (a FormData) needs no part of its own: an empty form has none.
const FORM_DATA_TAG = /^\$K[0-9a-f]+$/;
const REFERENCE_TAG = /^\$(?:@|Q|W|B|i|l|A|O|o|U|S|s|L|M|m|V|C|c|P|g|G|X|Y|Z|r|R|x|T|F|h)?([0-9a-f]+)$/;

/** Every "$…" string in `value` is plain or refers to a part that `hasPart` knows. */
function tagsResolve(value: unknown, hasPart: (id: number) => boolean): boolean {
  if (typeof value === "string") {
    if (!value.startsWith("$") || PLAIN_TAG.test(value) || FORM_DATA_TAG.test(value)) return true;
    const ref = REFERENCE_TAG.exec(value);
    return ref !== null && hasPart(parseInt(ref[1]!, 16));
  }
  if (Array.isArray(value)) return value.every((v) => tagsResolve(v, hasPart));
  if (value && typeof value === "object") return Object.values(value).every((v) => tagsResolve(v, hasPart));
  return true;
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

/** The problem with a server action's body, or null when Next.js can decode it. */
export async function actionBodyProblem(request: Request): Promise<ActionBodyProblem | null> {
  const declared = Number(request.headers.get("content-length") ?? 0);
  if (declared > ACTION_BODY_LIMIT) return tooLarge;
  const type = request.headers.get("content-type")?.split(";")[0]?.trim().toLowerCase() ?? "";
  const body = request.clone();
  if (type === "multipart/form-data") {
    let form: FormData;
    try {
      form = await body.formData();
    } catch {
      return invalid;
    }
    let size = 0;
    const keys = new Set<string>();
    for (const [key, value] of form.entries()) {
      keys.add(key);
      size += key.length + (typeof value === "string" ? Buffer.byteLength(value) : value.size);
    }
    if (size > ACTION_BODY_LIMIT) return tooLarge;
    const root = form.get("0");
    // A form posted without JavaScript carries $ACTION_ fields and no "0": Next.js decodes those itself.
    if (root === null) return [...keys].some((k) => k.startsWith("$ACTION_")) ? null : invalid;
    if (typeof root !== "string") return invalid;
    const hasPart = (id: number) => keys.has(String(id)) || [...keys].some((k) => k.startsWith(`${id}_`));
    const parsed = parseJson(root);
    if (!parsed.ok || !Array.isArray(parsed.value) || !tagsResolve(parsed.value, hasPart)) return invalid;
    for (const key of keys) {
      if (key === "0" || !/^\d+$/.test(key)) continue;
      const part = form.get(key);
      if (typeof part !== "string") continue;
      const value = parseJson(part);
      if (!value.ok || !tagsResolve(value.value, hasPart)) return invalid;
    }
    return null;
  }
  const text = await body.text();
  if (Buffer.byteLength(text) > ACTION_BODY_LIMIT) return tooLarge;
  const parsed = parseJson(text);
  if (!parsed.ok || !Array.isArray(parsed.value) || !tagsResolve(parsed.value, () => false)) return invalid;
  return null;
}
