import { describe, expect, it } from "vitest";
import { isCandidate, PART_MAX, rankCandidates, scoreParcel, type LandNeed, type MatchParcel } from "@/lib/land/matching";

const HEALTH_VALLEY = "00000000-0000-4000-8000-000000000001";
const HIGH_TECH = "00000000-0000-4000-8000-000000000002";
const DEVICES = "00000000-0000-4000-8000-0000000000a1"; // 医疗器械 (3+1)
const BIOMED = "00000000-0000-4000-8000-0000000000a2"; // 生物医药 (3+1)
const GX_BIOMED = "00000000-0000-4000-8000-0000000000b1"; // 生物医药及医疗器械 (1+2+1)

const need: LandNeed = { mu: "10", landUse: "industrial_m1", parkId: HEALTH_VALLEY, parkName: "健康谷", chainId: DEVICES, chainName: "医疗器械", chainSystem: "3+1" };

let n = 0;
function parcel(over: Partial<MatchParcel> = {}): MatchParcel {
  n += 1;
  return {
    id: `p${n}`,
    code: over.code ?? `SB-${String(n).padStart(2, "0")}`,
    areaMu: "10.000000",
    landUse: "industrial_m1",
    status: "cleared",
    projectId: null,
    parkId: HEALTH_VALLEY,
    parkName: "健康谷",
    leadingChainId: DEVICES,
    leadingChainName: "医疗器械",
    leadingChainSystem: "3+1",
    ...over,
  };
}

const part = (p: MatchParcel, key: string, nd: LandNeed = need) => scoreParcel(nd, p).parts.find((x) => x.key === key)!;

describe("matching score", () => {
  it("gives a perfect parcel 100, made of four named parts that add up", () => {
    const s = scoreParcel(need, parcel());
    expect(s.total).toBe(100);
    expect(s.parts.map((p) => [p.key, p.score, p.max])).toEqual([
      ["area", 40, 40],
      ["landUse", 25, 25],
      ["park", 20, 20],
      ["availability", 15, 15],
    ]);
    expect(Object.values(PART_MAX).reduce((a, b) => a + b)).toBe(100);
  });

  it("explains the area fit: larger costs less than smaller", () => {
    const larger = part(parcel({ areaMu: "12.5" }), "area");
    expect(larger).toMatchObject({ score: 30, reasons: [{ key: "area.larger", values: { area: "12.5", need: "10", pct: 25 } }] });
    const smaller = part(parcel({ areaMu: "7.5" }), "area");
    expect(smaller).toMatchObject({ score: 20, reasons: [{ key: "area.smaller", values: { area: "7.5", need: "10", pct: 25 } }] });
    expect(part(parcel({ areaMu: "10.000000" }), "area").reasons[0]!.key).toBe("area.exact");
    expect(part(parcel({ areaMu: "25" }), "area").score).toBe(0);
    expect(part(parcel({ areaMu: "4" }), "area").score).toBe(0);
    expect(part(parcel({ areaMu: "10.05" }), "area")).toMatchObject({ score: 40, reasons: [{ values: { pct: 1 } }] });
    expect(part(parcel(), "area", { ...need, mu: null })).toMatchObject({ score: 20, reasons: [{ key: "area.noNeed" }] });
  });

  it("scores land use: the same, compatible, partly and clashing", () => {
    expect(part(parcel({ landUse: "industrial_m1" }), "landUse")).toMatchObject({ score: 25, reasons: [{ key: "landUse.same" }] });
    expect(part(parcel({ landUse: "new_industrial_m0" }), "landUse")).toMatchObject({ score: 15, reasons: [{ key: "landUse.compatible", values: { use: "new_industrial_m0", need: "industrial_m1" } }] });
    expect(part(parcel({ landUse: "rnd" }), "landUse")).toMatchObject({ score: 5, reasons: [{ key: "landUse.partly" }] });
    expect(part(parcel({ landUse: "commercial" }), "landUse")).toMatchObject({ score: 0, reasons: [{ key: "landUse.mismatch" }] });
    expect(part(parcel(), "landUse", { ...need, landUse: null }).score).toBe(13);
  });

  it("scores the park and its leading industry against the project's chain", () => {
    expect(part(parcel(), "park")).toMatchObject({ score: 20, reasons: [{ key: "park.preferred" }, { key: "chain.same" }, { key: "rank.first" }] });
    // Same "3+1" system, another chain of it.
    expect(part(parcel(), "park", { ...need, chainId: BIOMED, chainName: "生物医药" })).toMatchObject({ score: 16, reasons: [{ key: "park.preferred" }, { key: "chain.system" }, { key: "rank.first" }] });
    const elsewhere = parcel({ parkId: HIGH_TECH, parkName: "生物医药及医疗器械产业园", leadingChainId: GX_BIOMED, leadingChainName: "生物医药及医疗器械", leadingChainSystem: "1+2+1" });
    expect(part(elsewhere, "park")).toMatchObject({
      score: 0,
      reasons: [
        { key: "park.other", values: { park: "生物医药及医疗器械产业园", preferred: "健康谷" } },
        { key: "chain.other", values: { leading: "生物医药及医疗器械", chain: "医疗器械" } },
      ],
    });
    expect(part(elsewhere, "park", { ...need, parkId: null, parkName: null, chainId: null })).toMatchObject({ score: 10, reasons: [{ key: "park.noPreference" }, { key: "chain.noChain" }] });
  });

  it("scores availability by status", () => {
    expect(["reserved", "cleared", "listed", "transferred"].map((status) => part(parcel({ status: status as MatchParcel["status"] }), "availability").score)).toEqual([8, 15, 15, 3]);
  });
});

describe("candidates", () => {
  it("leave out parcels matched to a project and those built on", () => {
    expect(isCandidate(parcel())).toBe(true);
    expect(isCandidate(parcel({ projectId: "x" }))).toBe(false);
    expect(isCandidate(parcel({ status: "under_construction" }))).toBe(false);
    expect(isCandidate(parcel({ status: "completed" }))).toBe(false);
    expect(isCandidate(parcel({ status: "transferred" }))).toBe(true);
  });

  it("rank best first, ties by closeness in area, then by code", () => {
    const list = [
      parcel({ code: "A-far", parkId: HIGH_TECH, parkName: "高新区", leadingChainId: null, leadingChainName: null, leadingChainSystem: null }),
      parcel({ code: "B-taken", projectId: "other" }),
      parcel({ code: "C-big", areaMu: "12.5" }),
      parcel({ code: "D-exact" }),
      parcel({ code: "E-built", status: "under_construction" }),
      parcel({ code: "F-small", areaMu: "9.5" }),
      parcel({ code: "G-reserved", status: "reserved" }),
      parcel({ code: "H-exact-too" }),
    ];
    const ranked = rankCandidates(need, list);
    expect(ranked.map((r) => [r.code, r.total])).toEqual([
      ["D-exact", 100],
      ["H-exact-too", 100],
      ["F-small", 96],
      ["G-reserved", 93],
      ["C-big", 90],
      ["A-far", 84],
    ]);
    expect(ranked.map((r) => r.code)).not.toContain("B-taken");
    expect(ranked.map((r) => r.code)).not.toContain("E-built");
    expect(rankCandidates(need, list, 2)).toHaveLength(2);
  });

  it("puts a parcel in the intended park above better-scored parcels elsewhere, and says why", () => {
    const elsewhere = { parkId: HIGH_TECH, parkName: "高新区", leadingChainId: DEVICES, leadingChainName: "医疗器械", leadingChainSystem: "3+1" };
    const list = [
      parcel({ code: "A-other-exact", ...elsewhere }),
      parcel({ code: "B-other-exact", ...elsewhere, status: "listed" }),
      // In 健康谷 but a poorer score: 60 % larger and only partly compatible in use.
      parcel({ code: "C-valley", areaMu: "16", landUse: "rnd", status: "reserved" }),
    ];
    const ranked = rankCandidates(need, list);
    expect(ranked.map((r) => r.code)).toEqual(["C-valley", "A-other-exact", "B-other-exact"]);
    expect(ranked[0]!.total).toBeLessThan(ranked[1]!.total);
    expect(ranked[0]!.preferred).toBe(true);
    expect(ranked[0]!.parts.find((p) => p.key === "park")!.reasons.map((r) => r.key)).toContain("rank.first");
    expect(ranked[1]!.preferred).toBe(false);
  });

  it("does not put first a parcel in the intended park that clearly fails the need", () => {
    const elsewhere = { parkId: HIGH_TECH, parkName: "高新区" };
    const tiny = parcel({ code: "A-valley-tiny", areaMu: "4" }); // under half the need: area 0
    const commercial = parcel({ code: "B-valley-shop", landUse: "commercial" }); // use clash: 0
    const other = parcel({ code: "C-other", ...elsewhere, areaMu: "11" });
    const ranked = rankCandidates(need, [tiny, commercial, other]);
    expect(ranked[0]!.code).toBe("C-other");
    expect(ranked.find((r) => r.code === "A-valley-tiny")!.parts.find((p) => p.key === "park")!.reasons.map((r) => r.key)).toContain("rank.fails.area");
    expect(ranked.find((r) => r.code === "B-valley-shop")!.parts.find((p) => p.key === "park")!.reasons.map((r) => r.key)).toContain("rank.fails.landUse");
    // Without an intended park the score alone orders them.
    expect(rankCandidates({ ...need, parkId: null, parkName: null }, [tiny, other]).map((r) => r.code)).toEqual(["C-other", "A-valley-tiny"]);
  });
});
