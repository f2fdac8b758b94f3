import { Link } from "@remix-run/react";

/** "← Surveys": the way back to the list a page belongs to, above its content. */
export function BackLink({ to, children }: { to: string; children: string }) {
  return (
    <p className="text-sm">
      <Link to={to} className="font-medium text-brand-700 underline dark:text-brand-300">
        ← {children}
      </Link>
    </p>
  );
}
