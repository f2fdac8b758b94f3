import { cn } from "~/utils/cn.ts";

const COLOURS: Record<string, string> = {
  stone:
    "bg-stone-100 text-stone-800 ring-stone-300 dark:bg-stone-800 dark:text-stone-100 dark:ring-stone-600",
  teal: "bg-teal-50 text-teal-900 ring-teal-300 dark:bg-teal-900/40 dark:text-teal-100 dark:ring-teal-700",
  sky: "bg-sky-50 text-sky-900 ring-sky-300 dark:bg-sky-900/40 dark:text-sky-100 dark:ring-sky-700",
  amber:
    "bg-amber-50 text-amber-900 ring-amber-300 dark:bg-amber-900/40 dark:text-amber-100 dark:ring-amber-700",
  violet:
    "bg-violet-50 text-violet-900 ring-violet-300 dark:bg-violet-900/40 dark:text-violet-100 dark:ring-violet-700",
  rose: "bg-rose-50 text-rose-900 ring-rose-300 dark:bg-rose-900/40 dark:text-rose-100 dark:ring-rose-700",
};

const ICONS: Record<string, string> = {
  circle: "M10 5a5 5 0 1 1 0 10 5 5 0 0 1 0-10z",
  leaf: "M16.5 3.5C9 3.5 3.5 8 3.5 16.5 11 16.5 16.5 11 16.5 3.5zM5 15l6-6",
  spark: "M11.5 2 4 11.5h5L8 18l8-10h-5.5z",
  star: "M10 2.2l2.4 5 5.5.7-4 3.8 1 5.4L10 14.5l-4.9 2.6 1-5.4-4-3.8 5.5-.7z",
  crown: "M2.5 6.5 6.5 10 10 4l3.5 6 4-3.5L16 15.5H4z",
};

export interface TierBadgeProps {
  name: string;
  colour: string;
  icon: string;
  size?: "sm" | "md";
  className?: string;
}

export function TierIcon({ icon, className }: { icon: string; className?: string }) {
  return (
    <svg
      viewBox="0 0 20 20"
      aria-hidden="true"
      className={cn("shrink-0", className)}
      fill="currentColor"
      stroke={icon === "leaf" ? "currentColor" : undefined}
      strokeWidth={icon === "leaf" ? 1 : undefined}
    >
      <path d={ICONS[icon] ?? ICONS.circle} />
    </svg>
  );
}

/** A tier's badge: its colour, icon and name. */
export function TierBadge({ name, colour, icon, size = "sm", className }: TierBadgeProps) {
  return (
    <span
      className={cn(
        "inline-flex items-center gap-1 rounded-full font-semibold ring-1 ring-inset",
        size === "sm" ? "px-2.5 py-0.5 text-xs" : "px-3 py-1 text-sm",
        COLOURS[colour] ?? COLOURS.stone,
        className,
      )}
      data-testid="tier-badge"
    >
      <TierIcon icon={icon} className={size === "sm" ? "h-3.5 w-3.5" : "h-4 w-4"} />
      {name}
    </span>
  );
}

export const TIER_COLOUR_NAMES = Object.keys(COLOURS);
export const TIER_ICON_NAMES = Object.keys(ICONS);
