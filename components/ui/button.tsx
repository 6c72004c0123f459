import Link from "next/link";
import { cn } from "@/lib/utils";

const VARIANTS = {
  // Disabled stays legible (axe checks contrast even on a form that is still hydrating).
  primary: "bg-brand-600 text-white hover:bg-brand-700 disabled:bg-slate-200 disabled:text-slate-600",
  secondary: "border border-slate-300 bg-white text-slate-800 hover:bg-slate-50",
  danger: "border border-red-300 bg-white text-red-700 hover:bg-red-50",
  ghost: "text-slate-700 hover:bg-slate-100",
} as const;

type Variant = keyof typeof VARIANTS;

// 40 px tall: comfortable touch targets on a phone, still dense at 1440 px. No colour transition:
// a form's buttons turn from disabled to enabled as it hydrates, and a fading colour would
// briefly fail contrast (axe caught it mid-fade).
const base =
  "inline-flex min-h-10 items-center justify-center gap-1.5 rounded-md px-4 text-sm font-medium disabled:cursor-not-allowed";

export function Button({
  variant = "primary",
  className,
  ...props
}: React.ButtonHTMLAttributes<HTMLButtonElement> & { variant?: Variant }) {
  return <button className={cn(base, VARIANTS[variant], className)} {...props} />;
}

export function ButtonLink({
  variant = "primary",
  className,
  ...props
}: React.ComponentProps<typeof Link> & { variant?: Variant }) {
  return <Link className={cn(base, VARIANTS[variant], className)} {...props} />;
}
