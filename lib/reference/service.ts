import { eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { industryChains } from "@/db/schema";
import { diffRows, writeAudit } from "@/lib/audit";
import { assertRole, type Viewer } from "@/lib/auth/roles";
import { isUniqueViolation, NotFoundError, ValidationError } from "@/lib/errors";
import { parseOrThrow, parseVersionedSave } from "@/lib/validation";
import { chainFormValues, chainSchema, updateChainSchema } from "./validation";

type Ctx = { ip?: string | null };

function codeTaken(e: unknown): never {
  if (isUniqueViolation(e, "industry_chains_code_unique")) throw new ValidationError({ code: ["chains.errors.codeTaken"] });
  throw e;
}

/** 产业链 are reference data: admins add, rename, reorder and retire them (retired ones stay on old projects). */
export async function createChain(db: Db, actor: Viewer, input: unknown, ctx: Ctx = {}) {
  assertRole(actor, "admin");
  const data = parseOrThrow(chainSchema, input);
  return db
    .transaction(async (tx) => {
      const [created] = await tx.insert(industryChains).values(data).returning();
      await writeAudit(tx, { actorId: actor.id, action: "create", entityType: "industry_chain", entityId: created!.id, after: created, ip: ctx.ip });
      return created!;
    })
    .catch(codeTaken);
}

export async function updateChain(db: Db, actor: Viewer, id: string, input: unknown, ctx: Ctx = {}) {
  assertRole(actor, "admin");
  return db
    .transaction(async (tx) => {
      const [before] = await tx.select().from(industryChains).where(eq(industryChains.id, id)).for("update");
      if (!before) throw new NotFoundError();
      // Only the fields sent (those the user changed) are written; the rest stay as they are now.
      const { version: _version, ...data } = parseVersionedSave(updateChainSchema, chainFormValues(before), input);
      const [after] = await tx
        .update(industryChains)
        .set({ ...data, version: sql`${industryChains.version} + 1` })
        .where(eq(industryChains.id, id))
        .returning();
      const changes = diffRows(before, after!);
      if (Object.keys(changes.after).length) {
        await writeAudit(tx, { actorId: actor.id, action: "update", entityType: "industry_chain", entityId: id, ...changes, ip: ctx.ip });
      }
      return after!;
    })
    .catch(codeTaken);
}
