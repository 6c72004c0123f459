/**
 * The line under each search hit that tells records of the same name apart — a project's stage
 * and owner, an investor's credit code, a parcel's park, an event's date — shared by the top
 * bar's suggestions (client) and the results page (server). Pure: it takes the translator.
 */
import { formatMuShort } from "@/lib/land/area";
import type { EnterpriseHit, EventHit, ParcelHit, ProjectHit, SearchGroup } from "./queries";
import type { SearchKind } from "./validation";

export type Translate = (key: string, values?: Record<string, string | number>) => string;

export type SearchHit =
  | { kind: "projects"; item: ProjectHit }
  | { kind: "enterprises"; item: EnterpriseHit }
  | { kind: "parcels"; item: ParcelHit }
  | { kind: "events"; item: EventHit };

/** A group's hits, each with its kind. */
export function hitsOf(group: SearchGroup): SearchHit[] {
  return group.items.map((item) => ({ kind: group.kind, item }) as SearchHit);
}

export function hitTitle(hit: SearchHit): string {
  return hit.kind === "parcels" ? hit.item.code : hit.item.name;
}

export function hitContext(hit: SearchHit, t: Translate): string {
  const parts: (string | null | false)[] = [];
  switch (hit.kind) {
    case "projects": {
      const p = hit.item;
      parts.push(t(`stages.${p.stage}`), p.status !== "active" && t(`statuses.${p.status}`), t("search.context.owner", { name: p.ownerName }), p.enterpriseName);
      break;
    }
    case "enterprises": {
      const e = hit.item;
      parts.push(e.uscc ? t("search.context.uscc", { uscc: e.uscc }) : t("search.context.noUscc"), e.headquarters || null);
      if (e.contactName) parts.push(t("search.context.contact", { name: e.contactName }));
      break;
    }
    case "parcels": {
      const p = hit.item;
      parts.push(p.zoneName ? `${p.parkName} ${p.zoneName}` : p.parkName, t("search.context.area", { mu: formatMuShort(p.areaMu) }), t(`parcelStatuses.${p.status}`));
      break;
    }
    case "events": {
      const e = hit.item;
      parts.push(e.heldOn, t(`events.kinds.${e.kind}`), e.place || null);
      break;
    }
  }
  return parts.filter(Boolean).join(" · ");
}

/** Every group's label key, in the order shown. */
export const groupLabelKey = (kind: SearchKind) => `search.groups.${kind}`;
