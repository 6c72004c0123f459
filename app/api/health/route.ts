import { getPool } from "@/db";

export const dynamic = "force-dynamic";

/** Readiness for load balancers and tests: 200 when the database answers, 503 when it does not. */
export async function GET() {
  try {
    await getPool().query("select 1");
    return Response.json({ ok: true, db: "up" });
  } catch {
    return Response.json({ ok: false, db: "down" }, { status: 503 });
  }
}
