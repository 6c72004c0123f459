/** Pure, with no imports: the reading worker (lib/imports/sheet-source.ts) loads it too. */

/** A number as a spreadsheet holds it → its shortest exact decimal text (no float noise like 0.30000000000000004). */
export function numberText(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  if (Number.isInteger(n)) return BigInt(n).toString();
  const s = String(Number(n.toPrecision(15)));
  if (!/e/i.test(s)) return s;
  return n.toFixed(10).replace(/0+$/, "").replace(/\.$/, "");
}
