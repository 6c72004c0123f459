import { and, asc, count, desc, eq, ilike, inArray, isNull, ne, or, sql, type SQL } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { z } from "zod";
import type { DbOrTx } from "@/db/client";
import { auditLog, contacts, enterprises, grids, projects, units, users } from "@/db/schema";
import { scopeOf, type Scope } from "@/lib/auth/scope";
import type { Viewer } from "@/lib/auth/roles";
import { listHistory } from "@/lib/audit/queries";
import { visibleProjects } from "@/lib/projects/queries";
import { escapeLike } from "@/lib/utils";
import { visibleGrids } from "@/lib/grids/scope";
import { visibleEnterprises } from "./scope";
import { normaliseUscc } from "./uscc";
import { duplicateQuerySchema, type DuplicateQuery, type EnterpriseListParams, type EnterpriseSort } from "./validation";

/** An id that is not a uuid names nothing (and would make PostgreSQL raise). */
const isUuid = (id: string) => z.uuid().safeParse(id).success;

/** How many of the enterprise's projects the viewer may see. */
function visibleProjectCount(scope: Scope): SQL<number> {
  return sql<number>`(select count(*)::int from ${projects} where ${projects.enterpriseId} = ${enterprises.id} and ${visibleProjects(scope) ?? sql`true`})`;
}

/**
 * Text search over the name, the USCC and the names of the enterprise's contacts (not the
 * archived ones) — the list, the API and the global search share it. Like the project search,
 * the matches are one set of ids, a union of lookups that can each use their own index (the
 * trigram indexes on the two names), rather than an OR that makes every row be tested. A USCC holds only digits and Latin letters, so text
 * with anything else (Chinese, a hyphen) cannot be part of one and that lookup is left out.
 */
export function enterpriseTextCondition(q: string): SQL {
  const like = `%${escapeLike(q)}%`;
  const caseless = q.toLowerCase() === q && q.toUpperCase() === q;
  const matches = (column: AnyPgColumn) => (caseless ? sql`${column} like ${like}` : sql`${column} ilike ${like}`);
  const uscc = normaliseUscc(q);
  const byUscc = /^[0-9A-Z]+$/.test(uscc)
    ? sql`union select ${enterprises.id} from ${enterprises} where ${enterprises.uscc} ilike ${`%${uscc}%`}`
    : sql``;
  return inArray(
    enterprises.id,
    sql`(select ${enterprises.id} from ${enterprises} where ${matches(enterprises.name)}
         ${byUscc}
         union select ${contacts.enterpriseId} from ${contacts} where ${matches(contacts.name)} and ${contacts.archivedAt} is null)`,
  );
}

const SORT_COLUMNS: Record<Exclude<EnterpriseSort, "projects">, SQL | typeof enterprises.name> = {
  name: enterprises.name,
  updatedAt: sql`${enterprises.updatedAt}`,
  createdAt: sql`${enterprises.createdAt}`,
};

/** A filtered, sorted page of the enterprises the viewer may see, with the total count. */
export async function listEnterprises(db: DbOrTx, viewer: Viewer, params: EnterpriseListParams) {
  const scope = await scopeOf(db, viewer);
  const conditions: (SQL | undefined)[] = [visibleEnterprises(scope)];
  if (params.q) conditions.push(enterpriseTextCondition(params.q));
  if (params.ownership) conditions.push(eq(enterprises.ownershipType, params.ownership));
  if (params.tag) conditions.push(sql`${enterprises.tags} @> array[${params.tag}]::text[]`);
  const where = and(...conditions);
  const order = params.dir === "asc" ? asc : desc;
  const projectCount = visibleProjectCount(scope);
  const sortBy = params.sort === "projects" ? projectCount : SORT_COLUMNS[params.sort];
  // The id breaks ties so pages never overlap or skip rows.
  const [rows, [total]] = await Promise.all([
    db
      .select({
        id: enterprises.id,
        name: enterprises.name,
        uscc: enterprises.uscc,
        ownershipType: enterprises.ownershipType,
        headquarters: enterprises.headquarters,
        industryCode: enterprises.industryCode,
        tags: enterprises.tags,
        unitName: units.name,
        projectCount,
        updatedAt: enterprises.updatedAt,
      })
      .from(enterprises)
      .innerJoin(units, eq(units.id, enterprises.unitId))
      .where(where)
      .orderBy(order(sortBy), order(enterprises.id))
      .limit(params.size)
      .offset((params.page - 1) * params.size),
    db.select({ n: count() }).from(enterprises).where(where),
  ]);
  return { rows, total: total?.n ?? 0 };
}
export type EnterpriseRow = Awaited<ReturnType<typeof listEnterprises>>["rows"][number];

/** An enterprise's own fields with its unit's name, as its page and the API show them (joined with units). */
export const enterpriseColumns = {
  id: enterprises.id,
  name: enterprises.name,
  uscc: enterprises.uscc,
  ownershipType: enterprises.ownershipType,
  headquarters: enterprises.headquarters,
  industryCode: enterprises.industryCode,
  tags: enterprises.tags,
  website: enterprises.website,
  notes: enterprises.notes,
  unitId: enterprises.unitId,
  unitName: units.name,
  createdAt: enterprises.createdAt,
  updatedAt: enterprises.updatedAt,
  version: enterprises.version,
};

/** One enterprise, or null when it does not exist or the viewer may not see it (a 404 either way). */
export async function getEnterprise(db: DbOrTx, viewer: Viewer, id: string) {
  if (!isUuid(id)) return null;
  const scope = await scopeOf(db, viewer);
  const [row] = await db
    .select({ ...enterpriseColumns, createdByName: users.displayName })
    .from(enterprises)
    .innerJoin(units, eq(units.id, enterprises.unitId))
    .leftJoin(users, eq(users.id, enterprises.createdById))
    .where(and(eq(enterprises.id, id), visibleEnterprises(scope)));
  return row ?? null;
}
export type EnterpriseDetail = NonNullable<Awaited<ReturnType<typeof getEnterprise>>>;

const contactColumns = {
  id: contacts.id,
  enterpriseId: contacts.enterpriseId,
  name: contacts.name,
  title: contacts.title,
  phone: contacts.phone,
  email: contacts.email,
  wechat: contacts.wechat,
  notes: contacts.notes,
  version: contacts.version,
};

/** The contacts (not archived) of an enterprise the viewer may see; none otherwise. */
export async function listContacts(db: DbOrTx, viewer: Viewer, enterpriseId: string) {
  if (!isUuid(enterpriseId)) return [];
  const scope = await scopeOf(db, viewer);
  return db
    .select(contactColumns)
    .from(contacts)
    .innerJoin(enterprises, eq(enterprises.id, contacts.enterpriseId))
    .where(and(eq(contacts.enterpriseId, enterpriseId), isNull(contacts.archivedAt), visibleEnterprises(scope)))
    .orderBy(asc(contacts.createdAt), asc(contacts.id));
}
export type ContactRow = Awaited<ReturnType<typeof listContacts>>[number];

/** The enterprise's projects that the viewer may see (other units' projects stay hidden). */
export async function listEnterpriseProjects(db: DbOrTx, viewer: Viewer, enterpriseId: string) {
  if (!isUuid(enterpriseId)) return [];
  const scope = await scopeOf(db, viewer);
  return db
    .select({
      id: projects.id,
      name: projects.name,
      stage: projects.stage,
      status: projects.status,
      totalInvestment: projects.totalInvestment,
      ownerName: users.displayName,
    })
    .from(projects)
    .innerJoin(users, eq(users.id, projects.ownerId))
    .where(and(eq(projects.enterpriseId, enterpriseId), visibleProjects(scope)))
    .orderBy(desc(projects.updatedAt), desc(projects.id));
}

/** The audit rows of the enterprise's contacts (added, edited, deleted/archived, restored), newest first. */
export async function listContactHistory(db: DbOrTx, enterpriseId: string, limit = 20) {
  const ofEnterprise = or(sql`${auditLog.after}->>'enterpriseId' = ${enterpriseId}`, sql`${auditLog.before}->>'enterpriseId' = ${enterpriseId}`);
  return listHistory(db, and(eq(auditLog.entityType, "contact"), ofEnterprise), limit);
}

/**
 * The names of the grids (网格) an enterprise's history mentions: assigning it to a grid or
 * taking it out records the grid's id, and the history shows the name. A grid deleted since
 * has no name here.
 */
export async function historyGridNames(db: DbOrTx, viewer: Viewer, entries: { before: Record<string, unknown> | null; after: Record<string, unknown> | null }[]) {
  const ids = new Set<string>();
  for (const e of entries) for (const side of [e.before, e.after]) if (typeof side?.gridId === "string" && isUuid(side.gridId)) ids.add(side.gridId);
  if (ids.size === 0) return {};
  const scope = await scopeOf(db, viewer);
  const rows = await db
    .select({ id: grids.id, name: grids.name, visible: sql<boolean>`coalesce(${visibleGrids(scope, viewer.id) ?? sql`true`}, false)` })
    .from(grids)
    .where(inArray(grids.id, [...ids]));
  // A grid the viewer may not see is there (null), but not named.
  return Object.fromEntries(rows.map((r) => [r.id, r.visible ? r.name : null])) as Record<string, string | null>;
}

// Legal-form suffixes say nothing about which company it is: "海尔生物医疗科技有限公司" → "海尔生物医疗科技".
const LEGAL_SUFFIX = /(股份有限公司|有限责任公司|集团有限公司|集团股份有限公司|有限公司|集团公司|集团|公司|co\.?,?\s*ltd\.?|ltd\.?|inc\.?|limited)$/i;

export function coreName(name: string): string {
  return name
    .trim()
    .replace(/[（(][^）)]*[）)]/g, "")
    .replace(LEGAL_SUFFIX, "")
    .trim();
}

export type DuplicateMatch = { id: string; name: string; uscc: string | null; headquarters: string; reason: "uscc" | "name" };
export type Duplicates = {
  /** Visible enterprises with the same USCC or a similar name, the USCC match first. */
  matches: DuplicateMatch[];
  /** The USCC is already registered by an enterprise the viewer may not see: say so, but not whose. */
  usccTakenElsewhere: boolean;
};

/**
 * Likely duplicates of an enterprise being entered: the same USCC anywhere, or a similar
 * name (trigram similarity above 0.3, or the name containing the typed core name) among
 * the enterprises the viewer may see. Other units' enterprises are never named.
 */
export async function findLikelyDuplicates(db: DbOrTx, viewer: Viewer, query: DuplicateQuery): Promise<Duplicates> {
  const { name, uscc: rawUscc, excludeId } = duplicateQuerySchema.parse(query);
  const scope = await scopeOf(db, viewer);
  const uscc = normaliseUscc(rawUscc);
  const notSelf = excludeId ? ne(enterprises.id, excludeId) : undefined;
  const visible = visibleEnterprises(scope) ?? sql`true`;
  const columns = { id: enterprises.id, name: enterprises.name, uscc: enterprises.uscc, headquarters: enterprises.headquarters, visible: sql<boolean>`${visible}` };
  const matches: DuplicateMatch[] = [];
  let usccTakenElsewhere = false;

  if (uscc.length === 18) {
    const [same] = await db.select(columns).from(enterprises).where(and(eq(enterprises.uscc, uscc), notSelf));
    if (same?.visible) matches.push({ id: same.id, name: same.name, uscc: same.uscc, headquarters: same.headquarters, reason: "uscc" });
    else if (same) usccTakenElsewhere = true;
  }

  const core = coreName(name);
  if (name.length >= 2) {
    const nameCondition = or(
      sql`${enterprises.name} % ${name}`,
      core.length >= 2 ? ilike(enterprises.name, `%${escapeLike(core)}%`) : undefined,
    );
    const similar = await db
      .select(columns)
      .from(enterprises)
      .where(and(nameCondition, visibleEnterprises(scope), notSelf))
      .orderBy(desc(sql`similarity(${enterprises.name}, ${name})`), asc(enterprises.name))
      .limit(10);
    for (const s of similar) {
      if (!matches.some((m) => m.id === s.id)) matches.push({ id: s.id, name: s.name, uscc: s.uscc, headquarters: s.headquarters, reason: "name" });
    }
  }
  return { matches, usccTakenElsewhere };
}

/** For the enterprise picker: up to 20 visible enterprises matching `q` (name or USCC), best first. */
export async function searchEnterprisesForPicker(db: DbOrTx, viewer: Viewer, q: string) {
  const scope = await scopeOf(db, viewer);
  const term = q.trim().slice(0, 100);
  const columns = { id: enterprises.id, name: enterprises.name, uscc: enterprises.uscc };
  if (!term) {
    return db.select(columns).from(enterprises).where(visibleEnterprises(scope)).orderBy(desc(enterprises.updatedAt), desc(enterprises.id)).limit(20);
  }
  const like = `%${escapeLike(term)}%`;
  return db
    .select(columns)
    .from(enterprises)
    .where(and(visibleEnterprises(scope), or(ilike(enterprises.name, like), ilike(enterprises.uscc, `${escapeLike(normaliseUscc(term))}%`))))
    .orderBy(desc(sql`${enterprises.name} ilike ${`${escapeLike(term)}%`}`), desc(sql`similarity(${enterprises.name}, ${term})`), asc(enterprises.name))
    .limit(20);
}
