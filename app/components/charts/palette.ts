import type { Area } from "~/modules/reputation/rules.ts";

/**
 * The one palette for the four areas of contribution, in every chart and
 * legend (the reputation chart on a profile, the dashboard's contributions
 * by month): an area has the same colour wherever a person meets it, in
 * light and dark mode. `fill` is for SVG shapes, `swatch` for legend chips.
 */
export const AREA_COLOURS: Record<Area, { fill: string; swatch: string }> = {
  help: { fill: "fill-brand-600 dark:fill-brand-500", swatch: "bg-brand-600 dark:bg-brand-500" },
  speaking: {
    fill: "fill-amber-500 dark:fill-amber-400",
    swatch: "bg-amber-500 dark:bg-amber-400",
  },
  stories: { fill: "fill-sky-600 dark:fill-sky-400", swatch: "bg-sky-600 dark:bg-sky-400" },
  community: {
    fill: "fill-rose-500 dark:fill-rose-400",
    swatch: "bg-rose-500 dark:bg-rose-400",
  },
};

/** The fill for a series keyed by area name, or a neutral grey for anything else. */
export function areaFill(key: string): string {
  return (AREA_COLOURS as Record<string, { fill: string }>)[key]?.fill ?? "fill-stone-500";
}
