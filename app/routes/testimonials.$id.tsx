import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { Container } from "~/components/app-shell.tsx";
import { ShareButtons } from "~/components/share/share-buttons.tsx";
import { Card } from "~/components/ui/card.tsx";
import { policy } from "~/modules/access/policy.ts";
import { getTestimonial } from "~/modules/testimonials/testimonials.server.ts";
import { shareImageUrl } from "~/modules/share/cards.server.ts";
import { shareImageMeta } from "~/modules/share/meta.ts";
import { getViewer } from "~/utils/auth.server.ts";
import { notFound } from "~/utils/http.server.ts";
import { idParam } from "~/utils/params.ts";
import { industryLabel, productAreaLabel } from "~/components/advocacy/labels.ts";
import { useTranslation } from "react-i18next";
import { i18nFor, localeOfMatches } from "~/i18n/index.ts";
import { localeOf } from "~/i18n/locale.server.ts";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const { t } = i18nFor(localeOfMatches(matches));
  if (!data) return [{ title: t("testimonials.page.metaTitle") }];
  const title = t("testimonials.page.title", { credit: data.t.credit_line });
  return [
    { title },
    { property: "og:type", content: "article" },
    { property: "og:title", content: title },
    { property: "og:description", content: data.t.body },
    { property: "og:url", content: data.url },
    ...shareImageMeta(
      data.imageUrl,
      t("testimonials.page.imageAlt", { credit: data.t.credit_line }),
    ),
    { name: "twitter:title", content: title },
    { name: "twitter:description", content: data.t.body },
    { name: "description", content: data.t.body },
    { tagName: "link", rel: "canonical", href: data.url },
  ];
};

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  if (!policy.readTestimonials(await getViewer(request, context))) throw notFound();
  // A withdrawn testimonial is gone: the same 404 as one that never existed.
  const t = await getTestimonial(context.db, idParam(params.id));
  if (!t)
    throw notFound(i18nFor(await localeOf(request, context)).t("testimonials.page.notAvailable"));
  const origin = context.env.PUBLIC_URL.replace(/\/+$/, "");
  return json({
    t,
    url: `${origin}/testimonials/${t.id}`,
    imageUrl: await shareImageUrl(context.db, origin, "testimonial", String(t.id)),
  });
}

export default function TestimonialPage() {
  const { t: item, url } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <Container className="max-w-2xl py-10">
      <Card className="p-6 sm:p-10">
        <figure className="space-y-4">
          <blockquote className="text-xl leading-relaxed">“{item.body}”</blockquote>
          <figcaption className="font-medium">
            {item.handle ? (
              <Link to={`/u/${item.handle}`}>{item.credit_line}</Link>
            ) : (
              item.credit_line
            )}
          </figcaption>
          <p className="text-sm text-stone-600 dark:text-stone-400">
            {[industryLabel(t, item.industry), productAreaLabel(t, item.product_area)]
              .filter(Boolean)
              .join(" · ")}
          </p>
        </figure>
      </Card>
      <ShareButtons url={url} text={t("testimonials.page.share", { body: item.body })} />
      <p className="mt-6 text-sm">
        <Link
          to="/testimonials"
          className="font-medium text-brand-700 underline dark:text-brand-300"
        >
          {t("testimonials.page.all")}
        </Link>
      </p>
    </Container>
  );
}
