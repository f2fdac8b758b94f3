import type { ReactNode } from "react";
import { cn } from "~/utils/cn.ts";

type Tone = "info" | "warning" | "success" | "danger";

const tones: Record<Tone, string> = {
  info: "border-sky-300 bg-sky-50 text-sky-950 dark:border-sky-800 dark:bg-sky-950/40 dark:text-sky-100",
  warning:
    "border-amber-300 bg-amber-50 text-amber-950 dark:border-amber-800 dark:bg-amber-950/40 dark:text-amber-100",
  success:
    "border-emerald-300 bg-emerald-50 text-emerald-950 dark:border-emerald-800 dark:bg-emerald-950/40 dark:text-emerald-100",
  danger:
    "border-red-300 bg-red-50 text-red-950 dark:border-red-800 dark:bg-red-950/40 dark:text-red-100",
};

/** A note set apart from the page: a review comment, a warning before a step, a result. */
export function Callout({
  tone = "info",
  title,
  children,
  className,
  ...rest
}: {
  tone?: Tone;
  title?: ReactNode;
  children?: ReactNode;
  className?: string;
  "data-testid"?: string;
}) {
  return (
    <div
      role={tone === "danger" ? "alert" : "note"}
      className={cn("rounded-xl border p-4 text-sm", tones[tone], className)}
      {...rest}
    >
      {title ? <p className="font-semibold">{title}</p> : null}
      {children ? (
        <div className={cn(title ? "mt-1" : undefined, "space-y-2")}>{children}</div>
      ) : null}
    </div>
  );
}
