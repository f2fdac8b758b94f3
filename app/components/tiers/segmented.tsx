import { Link } from "@remix-run/react";
import { cn } from "~/utils/cn.ts";

/** A small switch between views of one list (each view has its own URL). */
export function Segmented({
  items,
  current,
  label,
}: {
  items: Array<{ key: string; to: string; label: string }>;
  current: string;
  label: string;
}) {
  return (
    <nav aria-label={label}>
      <ul className="inline-flex rounded-lg border border-stone-300 bg-white p-0.5 text-sm dark:border-stone-700 dark:bg-stone-900">
        {items.map((item) => (
          <li key={item.key}>
            <Link
              to={item.to}
              aria-current={item.key === current ? "page" : undefined}
              className={cn(
                "inline-block rounded-md px-3 py-1.5 font-medium",
                item.key === current
                  ? "bg-brand-700 text-white dark:bg-brand-600"
                  : "text-stone-700 hover:bg-stone-100 dark:text-stone-300 dark:hover:bg-stone-800",
              )}
            >
              {item.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
