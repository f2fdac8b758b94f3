import { Form, Link } from "@remix-run/react";
import { Button } from "~/components/ui/button.tsx";
import { Card } from "~/components/ui/card.tsx";

export interface TestimonialView {
  id: number;
  body: string;
  credit_line: string;
  industry: string;
  product_area: string;
  handle: string | null;
  story_id: number | null;
}

/** One recommendation on the wall: the words, the credit the author chose, and for managers one action. */
export function TestimonialCard(props: { t: TestimonialView; canStartStory: boolean }) {
  const { t } = props;
  return (
    <Card
      className="flex h-full flex-col justify-between gap-4 p-5"
      data-testid={`testimonial-${t.id}`}
    >
      <figure className="space-y-3">
        <blockquote className="text-base leading-relaxed text-stone-900 dark:text-stone-100">
          <Link to={`/testimonials/${t.id}`} className="hover:underline">
            “{t.body}”
          </Link>
        </blockquote>
        <figcaption className="text-sm font-medium text-stone-700 dark:text-stone-300">
          {t.handle ? (
            <Link to={`/u/${t.handle}`} className="hover:underline">
              {t.credit_line}
            </Link>
          ) : (
            t.credit_line
          )}
        </figcaption>
        <p className="text-xs text-stone-600 dark:text-stone-400">
          {[t.industry, t.product_area].filter(Boolean).join(" · ")}
        </p>
      </figure>
      {props.canStartStory ? (
        t.story_id ? (
          <p className="text-xs text-stone-600 dark:text-stone-400">Case study started</p>
        ) : (
          <Form method="post">
            <input type="hidden" name="intent" value="startStory" />
            <input type="hidden" name="id" value={t.id} />
            <Button type="submit" size="sm" variant="secondary">
              Start a case-study draft
            </Button>
          </Form>
        )
      ) : null}
    </Card>
  );
}
