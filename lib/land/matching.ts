/**
 * 地块匹配: how well a parcel fits a project's land need, as a score out of 100 made of
 * named parts, each with the reasons shown on screen. Pure: the page and the tests call it
 * with rows the queries have read.
 *
 *   area fit             40   exact need 40; larger costs 40 per 100 % over, smaller 40 per 50 % short
 *   land-use fit         25   same use 25; compatible uses 5–18; a commercial/industrial clash 0
 *   park and industry    20   the preferred park 12 (none preferred 6); the park's leading chain
 *                             the project's own 8, the same chain system ("3+1", "1+2+1") 4
 *   availability         15   已腾空 / 已挂牌 15, 待腾空 8, 已出让 (to whom? check) 3
 *
 * Parcels matched to a project already, or with building begun (已开工 / 已竣工), are not
 * candidates at all.
 *
 * The score is not the whole order: a parcel in the project's intended park comes before
 * every parcel elsewhere unless it clearly fails the need — under half or over twice the
 * area (its area part is 0), or a land use that does not serve (its land-use part is 0). The
 * park part says which of the two it is, so the order is explained on screen too.
 */
import type { LandUse, ParcelStatus } from "@/db/schema/enums";
import { compareMu, formatMuShort, muRatio, muToMicro } from "./area";
import { isBuilt } from "./status";

export type LandNeed = {
  mu: string | null;
  landUse: LandUse | null;
  parkId: string | null;
  parkName: string | null;
  chainId: string | null;
  chainName: string | null;
  chainSystem: string | null;
};

export type MatchParcel = {
  id: string;
  code: string;
  areaMu: string;
  landUse: LandUse;
  status: ParcelStatus;
  projectId: string | null;
  parkId: string;
  parkName: string;
  leadingChainId: string | null;
  leadingChainName: string | null;
  leadingChainSystem: string | null;
};

/** A reason is a message key under "match." with its values; land uses are passed as their keys. */
export type Reason = { key: string; values?: Record<string, string | number> };
export type PartKey = "area" | "landUse" | "park" | "availability";
export type ScorePart = { key: PartKey; score: number; max: number; reasons: Reason[] };
export type Score = {
  total: number;
  parts: ScorePart[];
  /** In the intended park and fit for the need: ranked before every parcel elsewhere. */
  preferred: boolean;
};

export const PART_MAX: Record<PartKey, number> = { area: 40, landUse: 25, park: 20, availability: 15 };

function areaPart(need: LandNeed, parcel: MatchParcel): ScorePart {
  const max = PART_MAX.area;
  const area = formatMuShort(parcel.areaMu);
  if (!need.mu || (muToMicro(need.mu) ?? 0n) === 0n) {
    return { key: "area", score: max / 2, max, reasons: [{ key: "area.noNeed", values: { area } }] };
  }
  const values = { area, need: formatMuShort(need.mu) };
  const cmp = compareMu(parcel.areaMu, need.mu);
  if (cmp === 0) return { key: "area", score: max, max, reasons: [{ key: "area.exact", values }] };
  const deviation = muRatio(parcel.areaMu, need.mu) - 1;
  const pct = Math.max(1, Math.round(Math.abs(deviation) * 100));
  if (cmp > 0) {
    // Too much land is a cost (price, idle land), but the project can be built.
    const score = Math.round(max * Math.max(0, 1 - deviation));
    return { key: "area", score, max, reasons: [{ key: "area.larger", values: { ...values, pct } }] };
  }
  // Too little land means the project does not fit: falls off twice as fast.
  const score = Math.round(max * Math.max(0, 1 + 2 * deviation));
  return { key: "area", score, max, reasons: [{ key: "area.smaller", values: { ...values, pct } }] };
}

/** How well a parcel zoned `use` serves a project needing `need` (points out of 25). */
const USE_FIT: Record<LandUse, Partial<Record<LandUse, number>>> = {
  industrial_m1: { new_industrial_m0: 15, rnd: 5, other: 5 },
  new_industrial_m0: { industrial_m1: 15, rnd: 15, other: 5 },
  rnd: { new_industrial_m0: 18, industrial_m1: 8, other: 5 },
  commercial: { other: 5 },
  other: { industrial_m1: 5, new_industrial_m0: 5, rnd: 5, commercial: 5 },
};

function landUsePart(need: LandNeed, parcel: MatchParcel): ScorePart {
  const max = PART_MAX.landUse;
  if (!need.landUse) return { key: "landUse", score: Math.round(max / 2), max, reasons: [{ key: "landUse.noNeed", values: { use: parcel.landUse } }] };
  const values = { use: parcel.landUse, need: need.landUse };
  if (need.landUse === parcel.landUse) return { key: "landUse", score: max, max, reasons: [{ key: "landUse.same", values }] };
  const score = USE_FIT[need.landUse][parcel.landUse] ?? 0;
  const key = score >= 15 ? "landUse.compatible" : score > 0 ? "landUse.partly" : "landUse.mismatch";
  return { key: "landUse", score, max, reasons: [{ key, values }] };
}

function parkPart(need: LandNeed, parcel: MatchParcel): ScorePart {
  const reasons: Reason[] = [];
  let score = 0;
  if (!need.parkId) {
    score += 6;
    reasons.push({ key: "park.noPreference", values: { park: parcel.parkName } });
  } else if (need.parkId === parcel.parkId) {
    score += 12;
    reasons.push({ key: "park.preferred", values: { park: parcel.parkName } });
  } else {
    reasons.push({ key: "park.other", values: { park: parcel.parkName, preferred: need.parkName ?? "" } });
  }
  if (!parcel.leadingChainId) {
    score += 4;
    reasons.push({ key: "chain.noLeading", values: { park: parcel.parkName } });
  } else if (!need.chainId) {
    score += 4;
    reasons.push({ key: "chain.noChain", values: { leading: parcel.leadingChainName ?? "" } });
  } else if (need.chainId === parcel.leadingChainId) {
    score += 8;
    reasons.push({ key: "chain.same", values: { leading: parcel.leadingChainName ?? "" } });
  } else if (need.chainSystem && need.chainSystem === parcel.leadingChainSystem) {
    score += 4;
    reasons.push({ key: "chain.system", values: { leading: parcel.leadingChainName ?? "", chain: need.chainName ?? "", system: need.chainSystem } });
  } else {
    reasons.push({ key: "chain.other", values: { leading: parcel.leadingChainName ?? "", chain: need.chainName ?? "" } });
  }
  return { key: "park", score, max: PART_MAX.park, reasons };
}

const AVAILABILITY: Partial<Record<ParcelStatus, number>> = { cleared: 15, listed: 15, reserved: 8, transferred: 3 };

function availabilityPart(parcel: MatchParcel): ScorePart {
  return { key: "availability", score: AVAILABILITY[parcel.status] ?? 0, max: PART_MAX.availability, reasons: [{ key: `status.${parcel.status}` }] };
}

/** The score of one parcel for one project's need. */
export function scoreParcel(need: LandNeed, parcel: MatchParcel): Score {
  const area = areaPart(need, parcel);
  const landUse = landUsePart(need, parcel);
  const park = parkPart(need, parcel);
  const parts = [area, landUse, park, availabilityPart(parcel)];
  let preferred = false;
  if (need.parkId && need.parkId === parcel.parkId) {
    // What "clearly fails the need" means: a part the need cannot do without scores nothing.
    const fails = [area, landUse].filter((p) => p.score === 0).map((p) => p.key);
    preferred = fails.length === 0;
    park.reasons.push(preferred ? { key: "rank.first", values: { park: parcel.parkName } } : { key: `rank.fails.${fails[0]}`, values: { park: parcel.parkName } });
  }
  return { total: parts.reduce((s, p) => s + p.score, 0), parts, preferred };
}

/** Still on offer: matched to no project, and not built on. */
export function isCandidate(parcel: Pick<MatchParcel, "projectId" | "status">): boolean {
  return parcel.projectId === null && !isBuilt(parcel.status);
}

export type RankedParcel<P extends MatchParcel = MatchParcel> = P & Score;

/**
 * The candidates, best first: those in the intended park that fit the need (see `preferred`),
 * then the rest, each by score. Ties go to the parcel closest in area to the need, then by code,
 * so the order is stable from one page load to the next.
 */
export function rankCandidates<P extends MatchParcel>(need: LandNeed, parcels: P[], limit = 10): RankedParcel<P>[] {
  const gap = (p: P) => (need.mu ? Math.abs(muRatio(p.areaMu, need.mu) - 1) : 0);
  return parcels
    .filter(isCandidate)
    .map((p) => ({ ...p, ...scoreParcel(need, p) }))
    .sort((a, b) => Number(b.preferred) - Number(a.preferred) || b.total - a.total || gap(a) - gap(b) || a.code.localeCompare(b.code))
    .slice(0, limit);
}
