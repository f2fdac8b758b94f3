import type { ReactNode } from "react";

export interface TableColumn {
  label: string;
  /** Width or alignment, e.g. "w-10" or "text-right". */
  className?: string;
  /** Named for screen readers only (a column of checkboxes). */
  hidden?: boolean;
}

/**
 * A list table as manager pages show them: a caption for screen readers,
 * the column headings, and the rows given as children.
 */
export function Table({
  caption,
  columns,
  children,
}: {
  caption: string;
  columns: TableColumn[];
  children: ReactNode;
}) {
  return (
    <table className="w-full text-left text-sm">
      <caption className="sr-only">{caption}</caption>
      <thead className="border-b border-stone-200 text-xs uppercase tracking-wide text-stone-600 dark:border-stone-800 dark:text-stone-400">
        <tr>
          {columns.map((c) => (
            <th
              key={c.label}
              scope="col"
              className={c.className ? `${c.className} px-4 py-3` : "px-4 py-3"}
            >
              {c.hidden ? <span className="sr-only">{c.label}</span> : c.label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody className="divide-y divide-stone-200 dark:divide-stone-800">{children}</tbody>
    </table>
  );
}
