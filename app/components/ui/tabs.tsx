import { NavLink, useLocation } from "@remix-run/react";
import { useEffect, useRef } from "react";
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
  const strip = useRef<HTMLUListElement>(null);
  const { pathname, search } = useLocation();
  // On a phone the strip scrolls sideways: bring the current tab into it, so a
  // tab far to the right is not left hidden past the edge. Only the strip
  // moves, never the page. Without JavaScript the strip still scrolls by hand.
  useEffect(() => {
    const list = strip.current;
    const current = list?.querySelector<HTMLElement>('[aria-current="page"]');
    if (list && current) revealInStrip(list, current);
  }, [pathname, search]);
  return (
    <nav aria-label={label} className="border-b border-stone-200 dark:border-stone-800">
      <ul
        ref={strip}
        className={cn(
          // A little room after the last tab, so scrolled to the end it is wholly in view.
          "-mb-px flex gap-4 overflow-x-auto pr-2",
          wrap && "md:flex-wrap md:gap-y-0 md:overflow-x-visible md:pr-0",
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

const NEIGHBOUR_PX = 32;

/**
 * Scrolls a sideways strip just enough that `tab` is wholly inside it, with a
 * little of its neighbour showing, so the strip reads as one that goes on.
 */
function revealInStrip(list: HTMLElement, tab: HTMLElement) {
  const box = list.getBoundingClientRect();
  const edges = tab.getBoundingClientRect();
  // scrollLeft keeps whole pixels: round away from the edge, so no sliver stays hidden.
  if (edges.left < box.left) list.scrollLeft -= Math.ceil(box.left - edges.left + NEIGHBOUR_PX);
  else if (edges.right > box.right)
    list.scrollLeft += Math.ceil(edges.right - box.right + NEIGHBOUR_PX);
}
