import { cn } from "@/lib/utils";
import { controlClass } from "./input";

export function Textarea({ className, ...props }: React.TextareaHTMLAttributes<HTMLTextAreaElement> & { ref?: React.Ref<HTMLTextAreaElement> }) {
  return <textarea className={cn(controlClass, "min-h-20 py-2", className)} {...props} />;
}
