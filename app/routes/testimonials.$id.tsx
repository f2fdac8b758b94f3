import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { Container } from "~/components/app-shell.tsx";
import { ShareButtons } from "~/components/share/share-buttons.tsx";
import { shareSentence } from "~/modules/share/intents.ts";
import { Card } from "~/components/ui/card.tsx";
import { policy } from "~/modules/access/policy.ts";
import { getTestimonial } from "~/modules/testimonials/testimonials.server.ts";
import { shareImageUrl } from "~/modules/share/cards.server.ts";
import { shareImageMeta } from "~/modules/share/meta.ts";
import { getViewer } from "~/utils/auth.server.ts";
import { notFound } from "~/utils/http.server.ts";
import { idParam } from "~/utils/params.ts";

export const meta: MetaFunction<typeof loader> = ({ data }) => {
  if (!data) return [{ title: "Testimonial · Limelight" }];
  const title = `${data.t.credit_line} on Limelight`;
  return [
    { title },
    { property: "og:type", content: "article" },
    { property: "og:title", content: title },
    { property: "og:description", content: data.t.body },
    { property: "og:url", content: data.url },
    ...shareImageMeta(data.imageUrl, `A recommendation by ${data.t.credit_line}`),
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
  if (!t) throw notFound("This testimonial is not available.");
  const origin = context.env.PUBLIC_URL.replace(/\/+$/, "");
  return json({
    t,
    url: `${origin}/testimonials/${t.id}`,
    imageUrl: await shareImageUrl(context.db, origin, "testimonial", String(t.id)),
  });
}

export default function TestimonialPage() {
  const { t, url } = useLoaderData<typeof loader>();
  return (
    <Container className="max-w-2xl py-10">
      <Card className="p-6 sm:p-10">
        <figure className="space-y-4">
          <blockquote className="text-xl leading-relaxed">“{t.body}”</blockquote>
          <figcaption className="font-medium">
            {t.handle ? <Link to={`/u/${t.handle}`}>{t.credit_line}</Link> : t.credit_line}
          </figcaption>
          <p className="text-sm text-stone-600 dark:text-stone-400">
            {[t.industry, t.product_area].filter(Boolean).join(" · ")}
          </p>
        </figure>
      </Card>
      <ShareButtons url={url} text={`${shareSentence.testimonial()} “${t.body}”`} />
      <p className="mt-6 text-sm">
        <Link
          to="/testimonials"
          className="font-medium text-brand-700 underline dark:text-brand-300"
        >
          All testimonials
        </Link>
      </p>
    </Container>
  );
}
