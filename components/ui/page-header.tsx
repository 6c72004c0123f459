import Link from "next/link";
import { Card, CardBody } from "./card";

export function PageHeader({ title, description, actions }: { title: string; description?: string; actions?: React.ReactNode }) {
  return (
    <div className="mb-5 flex flex-wrap items-end justify-between gap-3">
      <div>
        <h1 className="text-xl font-semibold text-slate-900">{title}</h1>
        {description && <p className="mt-1 text-sm text-slate-600">{description}</p>}
      </div>
      {actions && <div className="flex flex-wrap gap-2">{actions}</div>}
    </div>
  );
}

/** The way back to where a page was opened from ("← 项目名称"), above its header. */
export function BackLink({ href, children }: { href: string; children: React.ReactNode }) {
  return (
    <Link href={href} className="text-sm text-brand-700 underline underline-offset-2">
      ← {children}
    </Link>
  );
}

/** A page that is one form: the way back, the title, and the form in a card. */
export function FormPage({
  back,
  backLabel,
  title,
  description,
  children,
}: {
  back: string;
  backLabel: React.ReactNode;
  title: string;
  description?: string;
  children: React.ReactNode;
}) {
  return (
    <div>
      <BackLink href={back}>{backLabel}</BackLink>
      <div className="mt-3">
        <PageHeader title={title} description={description} />
      </div>
      <Card>
        <CardBody>{children}</CardBody>
      </Card>
    </div>
  );
}
