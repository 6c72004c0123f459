/**
 * The pipeline's read paths at scale: the project list (a filtered, sorted page of 50 with
 * its count), the board (nine columns' totals and first cards) and the text search, each
 * timed through the app's own query functions and beside the bare SQL those functions run,
 * on the same database in the same run. Run by `npm run bench` (tests/bench/run.ts).
 */
import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { SYNTHETIC_NOTE } from "@/db/synthetic";
import type { Viewer } from "@/lib/auth/roles";
import { scopeOf } from "@/lib/auth/scope";
import { projects } from "@/db/schema";
import { loadBoard } from "@/lib/projects/board";
import { listProjects, visibleProjects } from "@/lib/projects/queries";
import { projectListSchema, type ProjectFilters } from "@/lib/projects/validation";
import { globalSearch } from "@/lib/search/queries";
import type { BenchCase } from "./support";

export async function viewer(db: Db, username: string): Promise<Viewer> {
  const { rows } = await db.execute<Viewer>(sql`
    select u.id, u.username, u.display_name as "displayName", u.role, u.unit_id as "unitId", n.name as "unitName"
      from users u join units n on n.id = u.unit_id where lower(u.username) = ${username}`);
  if (!rows[0]) throw new Error(`no user ${username}: seed the demo data first`);
  return rows[0];
}

/** 2 and 3 characters of an enterprise name the manager can see ("瑞康", "瑞康生"), and a USCC. */
async function searchTerms(db: Db, manager: Viewer): Promise<{ two: string; three: string; uscc: string }> {
  const visible = visibleProjects(await scopeOf(db, manager)) ?? sql`true`;
  const seen = sql`exists (select 1 from ${projects} where ${projects.enterpriseId} = e.id and ${visible})`;
  const { rows: named } = await db.execute<{ piece: string }>(sql`
    select substr(e.name, 3, 3) as piece from enterprises e
     where e.notes = ${SYNTHETIC_NOTE} and e.name like '青岛%' and ${seen} order by e.id limit 1`);
  const { rows: coded } = await db.execute<{ uscc: string }>(sql`
    select e.uscc from enterprises e where e.uscc is not null and ${seen} order by e.id limit 1`);
  const piece = named[0]?.piece ?? "海尔生";
  return { two: piece.slice(0, 2), three: piece, uscc: coded[0]?.uscc ?? "91370214MA3RX7Q2K0" };
}

/** The cases, bound to one database. */
export async function pipelineCases(db: Db): Promise<BenchCase[]> {
  const manager = await viewer(db, "manager");
  const admin = await viewer(db, "admin");
  const terms = await searchTerms(db, manager);
  const listParams = projectListSchema.parse({ stage: "negotiating,intent", sort: "totalInvestment", dir: "desc", page: 1, size: 50 });
  const searchParams = (q: string) => projectListSchema.parse({ q, page: 1, size: 50 });
  // The board page's default filter: active projects in every column.
  const boardFilters: ProjectFilters = { status: ["active"] };
  // The board page's own loader: visibility and filters once, then the totals and nine columns.
  const board = (v: Viewer) => () => loadBoard(db, v, boardFilters);
  const listed = (r: unknown) => {
    const { rows, total } = r as Awaited<ReturnType<typeof listProjects>>;
    return `${rows.length} rows of ${total.toLocaleString("en")}`;
  };

  // The top bar's suggestions: four kinds, five of each, and every kind's count.
  const suggest = (v: Viewer, q: string) => () => globalSearch(db, v, { q, limit: 5 });
  const suggested = (r: unknown) =>
    (r as Awaited<ReturnType<typeof globalSearch>>).groups.map((g) => `${g.kind} ${g.items.length}/${g.total.toLocaleString("en")}`).join(", ");

  return [
    { name: "list · manager (在谈+意向, 总投资↓, 50)", aim: { p95: 50, ratio: 1.5 }, run: () => listProjects(db, manager, listParams), describe: listed },
    { name: "list · admin (在谈+意向, 总投资↓, 50)", aim: { p95: 50, ratio: 1.5 }, run: () => listProjects(db, admin, listParams), describe: listed },
    {
      name: "board · manager (Σ + 9 × 20 cards)",
      aim: { p95: 100 },
      run: board(manager),
      describe: (r) => {
        const columns = r as Awaited<ReturnType<typeof loadBoard>>;
        const n = columns.reduce((s, c) => s + c.count, 0);
        return `${columns.reduce((s, c) => s + c.cards.length, 0)} cards of ${n.toLocaleString("en")}`;
      },
    },
    { name: `search · manager (q=${terms.two})`, run: () => listProjects(db, manager, searchParams(terms.two)), describe: listed },
    { name: `search · admin (q=${terms.two})`, run: () => listProjects(db, admin, searchParams(terms.two)), describe: listed },
    { name: `search · manager (q=${terms.three})`, run: () => listProjects(db, manager, searchParams(terms.three)), describe: listed },
    { name: "search · manager (q=USCC)", run: () => listProjects(db, manager, searchParams(terms.uscc)), describe: listed },
    { name: `top-bar search · manager (q=${terms.two})`, run: suggest(manager, terms.two), describe: suggested },
    { name: `top-bar search · admin (q=${terms.two})`, run: suggest(admin, terms.two), describe: suggested },
    { name: `top-bar search · manager (q=${terms.three})`, run: suggest(manager, terms.three), describe: suggested },
    { name: "top-bar search · manager (q=USCC)", run: suggest(manager, terms.uscc), describe: suggested },
  ];
}
