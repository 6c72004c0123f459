import { pinyin } from "pinyin-pro";
import type { Person } from "./person-match";

/**
 * People for a picker, computed once per list on the server (pinyin-pro stays off the client):
 * each with the pinyin initials and full spelling of the name ("刘志强" → "lzq", "liuzhiqiang"),
 * the viewer's own unit first and then the units in the order given, names in the order given.
 */
export function pickablePeople<T extends { id: string; name: string; unitId: string; unitName: string }>(rows: T[], ownUnitId: string): (T & Person)[] {
  const withKeys = rows.map((r) => ({
    ...r,
    initials: pinyin(r.name, { pattern: "first", toneType: "none", type: "array" }).join("").toLowerCase(),
    spelled: pinyin(r.name, { toneType: "none", type: "array" }).join("").toLowerCase(),
  }));
  return [...withKeys.filter((p) => p.unitId === ownUnitId).map((p) => ({ ...p, own: true })), ...withKeys.filter((p) => p.unitId !== ownUnitId)];
}
