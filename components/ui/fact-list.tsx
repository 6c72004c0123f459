/**
 * Label–value pairs of a record ("项目信息", "地块信息" …) as a two-column description list.
 * `className` replaces the layout (e.g. one column on a phone, two from `sm`).
 */
export function FactList({ facts, className = "grid grid-cols-[auto_1fr] gap-x-3 gap-y-2 text-sm" }: { facts: [string, React.ReactNode][]; className?: string }) {
  return (
    <dl className={className}>
      {facts.map(([label, value]) => (
        <div key={label} className="contents">
          <dt className="text-slate-500">{label}</dt>
          <dd className="min-w-0 break-words">{value}</dd>
        </div>
      ))}
    </dl>
  );
}
