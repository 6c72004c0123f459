import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Button } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { PageHeader } from "@/components/ui/page-header";
import { getDb } from "@/db";
import { requirePageViewer } from "@/lib/auth/page";
import { hitContext, hitsOf, hitTitle, type Translate } from "@/lib/search/context";
import { globalSearch, type SearchGroup } from "@/lib/search/queries";
import { listHref, MIN_SEARCH_LENGTH, recordHref, RESULTS_PAGE_LIMIT, searchTextSchema } from "@/lib/search/validation";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("search"))("title") };
}

/** /search?q=…: every kind's best matches with its count, and a link to its list filtered by the same text. */
export default async function SearchPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const viewer = await requirePageViewer();
  const raw = (await searchParams).q;
  const q = searchTextSchema.parse(Array.isArray(raw) ? raw[0] : raw);
  const result = await globalSearch(getDb(), viewer, { q, limit: RESULTS_PAGE_LIMIT });
  const t = await getTranslations();
  const total = result.groups.reduce((s, g) => s + g.total, 0);
  return (
    <div>
      <PageHeader
        title={t("search.heading")}
        description={result.searchable ? t("search.summary", { q: result.q, count: total }) : t("search.intro")}
      />
      <form method="get" action="/search" role="search" aria-label={t("search.heading")} className="mb-5 flex max-w-xl gap-2">
        <label htmlFor="search-q" className="sr-only">
          {t("search.label")}
        </label>
        <Input id="search-q" name="q" type="search" defaultValue={q} placeholder={t("search.placeholder")} aria-describedby={!result.searchable && q ? "search-q-hint" : undefined} />
        <Button type="submit" className="shrink-0 whitespace-nowrap">
          {t("search.submit")}
        </Button>
      </form>
      {!result.searchable && q && (
        <p id="search-q-hint" className="text-sm text-slate-600">
          {t("search.tooShort", { min: MIN_SEARCH_LENGTH })}
        </p>
      )}
      <div className="grid items-start gap-4 lg:grid-cols-2">
        {result.groups.map((g) => (
          <ResultGroup key={g.kind} group={g} q={result.q} t={t as unknown as Translate} />
        ))}
      </div>
    </div>
  );
}

function ResultGroup({ group, q, t }: { group: SearchGroup; q: string; t: Translate }) {
  const label = t(`search.groups.${group.kind}`);
  const headingId = `results-${group.kind}`;
  return (
    <Card aria-labelledby={headingId}>
      <CardHeader
        id={headingId}
        title={t("search.groupTotal", { label, count: group.total })}
        actions={
          group.total > 0 ? (
            <Link href={listHref(group.kind, q)} className="text-sm font-medium text-brand-700 underline-offset-2 hover:underline">
              {t("search.viewAll")}
              <span className="sr-only"> {t(`search.viewAllOf.${group.kind}`, { count: group.total })}</span>
            </Link>
          ) : undefined
        }
      />
      {group.items.length === 0 ? (
        <p className="px-4 py-3 text-sm text-slate-600">{t("search.noneInGroup", { label })}</p>
      ) : (
        <ul className="divide-y divide-slate-100">
          {hitsOf(group).map((hit) => (
            <li key={hit.item.id} className="px-4 py-2.5">
              <Link href={recordHref(hit.kind, hit.item.id)} className="font-medium text-brand-700 underline-offset-2 hover:underline">
                {hitTitle(hit)}
              </Link>
              <p className="mt-0.5 text-xs text-slate-600">{hitContext(hit, t)}</p>
            </li>
          ))}
        </ul>
      )}
      {group.total > group.items.length && (
        <p className="border-t border-slate-100 px-4 py-2 text-xs text-slate-600">{t("search.more", { shown: group.items.length, count: group.total })}</p>
      )}
    </Card>
  );
}
