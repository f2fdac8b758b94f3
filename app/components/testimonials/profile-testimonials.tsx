import { Link } from "@remix-run/react";
import { Card } from "~/components/ui/card.tsx";
import { useTranslation } from "react-i18next";
import { useFormats } from "~/i18n/use-formats.ts";

type Testimonial = { id: number; body: string; credit_line: string; created_at: string };

/**
 * What this advocate said in public, in their own words and as they chose to
 * be credited. Nothing shows when there is nothing to show.
 */
export function ProfileTestimonials({
  testimonials,
  isOwner,
}: {
  testimonials: Testimonial[];
  isOwner: boolean;
}) {
  const { t } = useTranslation();
  const formats = useFormats();
  if (testimonials.length === 0) return null;
  return (
    <Card className="p-6" data-testid="profile-testimonials">
      <div className="flex items-center justify-between gap-4">
        <h2 className="text-lg font-semibold">{t("testimonials.profile.title")}</h2>
        {isOwner ? (
          <Link
            to="/settings/testimonials"
            className="text-sm font-medium text-brand-700 underline dark:text-brand-300"
          >
            {t("testimonials.profile.manage")}
          </Link>
        ) : null}
      </div>
      <ul className="mt-3 space-y-4">
        {testimonials.map((item) => (
          <li key={item.id}>
            <figure className="border-l-4 border-amber-400 pl-4 dark:border-amber-500">
              <blockquote className="text-stone-800 dark:text-stone-200">“{item.body}”</blockquote>
              <figcaption className="mt-2 flex flex-wrap gap-x-2 text-sm text-stone-600 dark:text-stone-400">
                <span className="font-medium">{item.credit_line}</span>
                <span aria-hidden="true" className="hidden sm:inline">
                  ·
                </span>
                <Link to={`/testimonials/${item.id}`} className="underline">
                  {formats.longDay(item.created_at)}
                </Link>
              </figcaption>
            </figure>
          </li>
        ))}
      </ul>
    </Card>
  );
}
