/**
 * Test data for the signed-list and events specs, written through the app's services (like
 * tests/e2e/factories.ts): an event, and projects signed at it.
 */
import { enterprises } from "../../db/schema";
import { createEvent } from "../../lib/events/service";
import { changeStage, createProject } from "../../lib/projects/service";
import { uniqueName, viewerOf, withDb } from "./factories";

export type SignedItem = { name: string; totalInvestmentYi: string; contractInvestmentYi: string; phase1Yi?: string };

/** An event (made by `host`) and one signed project per item, owned by `owner`, signed there on the event's day. */
export async function createSignedAtEvent(opts: { owner: string; host: string; heldOn: string; items: SignedItem[] }) {
  return withDb(async (db) => {
    const owner = await viewerOf(db, opts.owner);
    const host = await viewerOf(db, opts.host);
    const event = await createEvent(db, host, { name: uniqueName("测试集中签约仪式"), kind: "signing_ceremony", heldOn: opts.heldOn, place: "青岛高新区管委会会议中心", hostUnitId: "" });
    const [enterprise] = await db
      .insert(enterprises)
      .values({ name: uniqueName("测试签约企业"), unitId: owner.unitId, createdById: owner.id, headquarters: "山东省青岛市", tags: ["专精特新"] })
      .returning({ id: enterprises.id, name: enterprises.name });
    const projects = [];
    for (const item of opts.items) {
      const project = await createProject(db, owner, {
        name: item.name,
        enterpriseId: enterprise!.id,
        industryChainId: "",
        source: "promotion_event",
        totalInvestmentYi: item.totalInvestmentYi,
        capitalOrigin: "local",
        ownerId: owner.id,
        unitId: owner.unitId,
        isKey: false,
        expectedSigningDate: "",
      });
      await changeStage(db, owner, project.id, {
        toStage: "signed",
        toStatus: "active",
        signingDate: opts.heldOn,
        agreementType: "investment",
        contractInvestmentYi: item.contractInvestmentYi,
        phase1InvestmentYi: item.phase1Yi ?? "",
        eventId: event.id,
        version: project.version,
      });
      projects.push({ id: project.id, name: project.name });
    }
    return { event: { id: event.id, name: event.name, heldOn: event.heldOn }, enterprise: enterprise!, projects };
  });
}
