const LABEL = "mb-1 block text-xs font-medium text-slate-600";

/** A list filter's small label above its control (the GET filter forms of the list pages and the dashboard). */
export function FilterField({ id, label, className, children }: { id: string; label: React.ReactNode; className?: string; children: React.ReactNode }) {
  return (
    <div className={className}>
      <label htmlFor={id} className={LABEL}>
        {label}
      </label>
      {children}
    </div>
  );
}

/** A multiple choice of a list filter as a row of checkable chips, each a `name=value` in the URL. */
export function FilterChips({
  legend,
  name,
  options,
  checked,
  className,
}: {
  legend: string;
  name: string;
  options: { value: string; label: string }[];
  checked: readonly string[] | undefined;
  className?: string;
}) {
  return (
    <fieldset className={className}>
      <legend className={LABEL}>{legend}</legend>
      <div className="flex flex-wrap gap-1.5">
        {options.map((o) => (
          <label
            key={o.value}
            className="inline-flex min-h-9 cursor-pointer items-center gap-1.5 rounded-md border border-slate-300 bg-white px-2.5 text-sm has-checked:border-brand-600 has-checked:bg-brand-50"
          >
            <input type="checkbox" name={name} value={o.value} defaultChecked={checked?.includes(o.value)} className="accent-brand-600" />
            {o.label}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
