import { NavLink } from "@remix-run/react";
import { cn } from "~/utils/cn.ts";

/** Navigation tabs: each tab is a link, so every tab has its own URL. */
export function Tabs({
  items,
  label,
  wrap = false,
}: {
  /** `active` decides for tabs that differ only by query string (NavLink matches paths). */
  items: { to: string; label: string; end?: boolean; active?: boolean }[];
  label: string;
  /**
   * Long strips wrap onto a second line from tablet width up, so no tab hides past the
   * edge; on a phone they scroll sideways within the strip (never the page).
   */
  wrap?: boolean;
}) {
  return (
    <nav aria-label={label} className="border-b border-stone-200 dark:border-stone-800">
      <ul
        className={cn(
          "-mb-px flex gap-4 overflow-x-auto",
          wrap && "md:flex-wrap md:gap-y-0 md:overflow-x-visible",
        )}
      >
        {items.map((item) => (
          <li key={item.to}>
            <NavLink
              to={item.to}
              end={item.end}
              aria-current={item.active === undefined ? undefined : item.active ? "page" : false}
              className={({ isActive }) =>
                cn(
                  "inline-block whitespace-nowrap border-b-2 px-1 py-3 text-sm font-medium",
                  (item.active ?? isActive)
                    ? "border-brand-600 text-brand-800 dark:text-brand-300"
                    : "border-transparent text-stone-600 hover:border-stone-300 hover:text-stone-900 dark:text-stone-400 dark:hover:text-stone-100",
                )
              }
            >
              {item.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
