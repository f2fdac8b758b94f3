import { Form, Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { industryLabel, productAreaLabel } from "~/components/advocacy/labels.ts";
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
  const { t: item } = props;
  const { t } = useTranslation();
  return (
    <Card
      className="flex h-full flex-col justify-between gap-4 p-5"
      data-testid={`testimonial-${item.id}`}
    >
      <figure className="space-y-3">
        <blockquote className="text-base leading-relaxed text-stone-900 dark:text-stone-100">
          <Link to={`/testimonials/${item.id}`} className="hover:underline">
            “{item.body}”
          </Link>
        </blockquote>
        <figcaption className="text-sm font-medium text-stone-700 dark:text-stone-300">
          {item.handle ? (
            <Link to={`/u/${item.handle}`} className="hover:underline">
              {item.credit_line}
            </Link>
          ) : (
            item.credit_line
          )}
        </figcaption>
        <p className="text-xs text-stone-600 dark:text-stone-400">
          {[industryLabel(t, item.industry), productAreaLabel(t, item.product_area)]
            .filter(Boolean)
            .join(" · ")}
        </p>
      </figure>
      {props.canStartStory ? (
        item.story_id ? (
          <p className="text-xs text-stone-600 dark:text-stone-400">
            {t("testimonials.wall.storyStarted")}
          </p>
        ) : (
          <Form method="post">
            <input type="hidden" name="intent" value="startStory" />
            <input type="hidden" name="id" value={item.id} />
            <Button type="submit" size="sm" variant="secondary">
              {t("testimonials.wall.startStory")}
            </Button>
          </Form>
        )
      ) : null}
    </Card>
  );
}
