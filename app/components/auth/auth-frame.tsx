import { Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { Card } from "~/components/ui/card.tsx";

/** The frame of the account pages (sign in, sign up, password recovery): a title, one card, a way back. */
export function AuthFrame({
  title,
  subtitle,
  children,
  footer,
}: {
  title: string;
  subtitle?: ReactNode;
  children: ReactNode;
  footer?: { text: string; to: string; label: string };
}) {
  return (
    <div className="mx-auto max-w-md px-4 py-12 sm:py-16">
      <h1 className="text-center text-2xl font-bold tracking-tight">{title}</h1>
      {subtitle ? (
        <p className="mt-2 text-center text-stone-600 dark:text-stone-400">{subtitle}</p>
      ) : null}
      <Card className="mt-8 p-6 sm:p-8">{children}</Card>
      {footer ? (
        <p className="mt-6 text-center text-sm text-stone-600 dark:text-stone-400">
          {footer.text ? `${footer.text} ` : null}
          <Link to={footer.to} className="font-medium text-brand-700 underline dark:text-brand-300">
            {footer.label}
          </Link>
        </p>
      ) : null}
    </div>
  );
}
