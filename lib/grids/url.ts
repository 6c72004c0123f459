type Params = Record<string, string | number | undefined | null>;

/** The query string for a grid page's state, leaving out empty values and page 1, so links stay short. */
export function gridQuery(params: Params, overrides: Params = {}): string {
  const q = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...params, ...overrides })) {
    if (value === undefined || value === null || value === "") continue;
    if (key === "page" && Number(value) === 1) continue;
    q.set(key, String(value));
  }
  const s = q.toString();
  return s ? `?${s}` : "";
}
