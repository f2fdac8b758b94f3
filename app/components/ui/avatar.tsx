import { cn } from "~/utils/cn.ts";

const palettes = [
  "bg-brand-100 text-brand-800 dark:bg-brand-900 dark:text-brand-200",
  "bg-amber-100 text-amber-900 dark:bg-amber-900 dark:text-amber-100",
  "bg-sky-100 text-sky-800 dark:bg-sky-900 dark:text-sky-100",
  "bg-rose-100 text-rose-800 dark:bg-rose-900 dark:text-rose-100",
  "bg-violet-100 text-violet-800 dark:bg-violet-900 dark:text-violet-100",
  "bg-teal-100 text-teal-800 dark:bg-teal-900 dark:text-teal-100",
];
const sizes = { sm: "h-8 w-8 text-xs", md: "h-12 w-12 text-base", lg: "h-24 w-24 text-3xl" };

/** Whole characters, never half of a surrogate pair (an emoji or a rare CJK character). */
const chars = (word: string) => Array.from(word);

export function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  const letters =
    parts.length > 1
      ? chars(parts[0])[0] + chars(parts[parts.length - 1])[0]
      : chars(parts[0] ?? "?")
          .slice(0, 2)
          .join("");
  return letters.toUpperCase();
}

/** Initials on a colour chosen from the handle, so a person keeps the same colour everywhere. */
export function Avatar({
  name,
  handle,
  size = "md",
}: {
  name: string;
  handle: string;
  size?: keyof typeof sizes;
}) {
  let hash = 0;
  for (const ch of handle) hash = (hash * 31 + ch.charCodeAt(0)) >>> 0;
  return (
    <span
      aria-hidden="true"
      className={cn(
        "inline-flex shrink-0 items-center justify-center rounded-full font-semibold",
        palettes[hash % palettes.length],
        sizes[size],
      )}
    >
      {initials(name)}
    </span>
  );
}
