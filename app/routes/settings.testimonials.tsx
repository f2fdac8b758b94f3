import {
  json,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { Badge } from "~/components/ui/badge.tsx";
import { Button, ButtonLink } from "~/components/ui/button.tsx";
import { Card } from "~/components/ui/card.tsx";
import { EmptyState } from "~/components/ui/empty-state.tsx";
import { FormError } from "~/components/ui/field.tsx";
import { myTestimonials, withdrawTestimonial } from "~/modules/testimonials/testimonials.server.ts";
import { requireUser } from "~/utils/auth.server.ts";
import { commandContext } from "~/utils/command.server.ts";
import type { ActionError } from "~/utils/form-fields.ts";
import { invalidForm, parseForm } from "~/utils/forms.ts";
import { formatLongDay } from "~/utils/format.ts";
import { answerDomainError } from "~/utils/http.server.ts";
import { MAX_ID, parseId } from "~/utils/params.ts";
import { redirectWithToast } from "~/utils/toast.server.ts";

export const meta: MetaFunction = () => [{ title: "Testimonials · Settings · Limelight" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context);
  // Withdrawing is a second step: `?withdraw=<id>` asks first.
  const confirming = parseId(new URL(request.url).searchParams.get("withdraw"));
  return json({ testimonials: await myTestimonials(context.db, user.id), confirming });
}

const WithdrawSchema = z.object({
  intent: z.literal("withdraw"),
  id: z.coerce.number().int().positive().max(MAX_ID, "That testimonial does not exist."),
});

export async function action({ request, context }: ActionFunctionArgs) {
  await requireUser(request, context);
  const parsed = parseForm(WithdrawSchema, await request.formData());
  if (!parsed.ok) return invalidForm(parsed);
  try {
    // The command finds only the viewer's own testimonials: anyone else's is a 404.
    await withdrawTestimonial(await commandContext(request, context), { id: parsed.data.id });
  } catch (error) {
    return answerDomainError(error);
  }
  return redirectWithToast("/settings/testimonials", {
    kind: "success",
    title: "Testimonial withdrawn",
    description: "It is no longer shown on the wall, its own page or your profile.",
  });
}

export default function TestimonialSettings() {
  const { testimonials, confirming } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as ActionError | undefined;
  const busy = useNavigation().state === "submitting";
  return (
    <Card className="space-y-5 p-6">
      <div>
        <h2 className="text-lg font-semibold">Your testimonials</h2>
        <p className="mt-1 text-sm text-stone-600 dark:text-stone-400">
          Recommendations you published after a survey. You can withdraw one at any time: it
          disappears from the testimonial wall, its own page and your profile at once.
        </p>
      </div>
      <FormError message={actionData?.formError} />
      {testimonials.length === 0 ? (
        <EmptyState title="No testimonials yet">
          When you answer a survey with a 9 or 10, you can choose to say it in public. It shows up
          here.
        </EmptyState>
      ) : (
        <ul
          className="divide-y divide-stone-200 dark:divide-stone-800"
          data-testid="my-testimonials"
        >
          {testimonials.map((t) => (
            <li key={t.id} className="space-y-3 py-4">
              <blockquote className="text-stone-800 dark:text-stone-200">“{t.body}”</blockquote>
              <p className="flex flex-wrap items-center gap-2 text-sm text-stone-600 dark:text-stone-400">
                <span>{t.credit_line}</span>
                <span aria-hidden="true" className="hidden sm:inline">
                  ·
                </span>
                <span>Published {formatLongDay(t.created_at)}</span>
                {t.withdrawn_at ? (
                  <Badge tone="neutral">Withdrawn {formatLongDay(t.withdrawn_at)}</Badge>
                ) : null}
              </p>
              {t.withdrawn_at ? null : confirming === t.id ? (
                <Form
                  method="post"
                  className="space-y-3 rounded-lg bg-stone-100 p-4 dark:bg-stone-800"
                >
                  <p className="text-sm font-medium">
                    Withdraw this testimonial? It cannot be published again.
                  </p>
                  <input type="hidden" name="intent" value="withdraw" />
                  <input type="hidden" name="id" value={t.id} />
                  <div className="flex flex-wrap gap-3">
                    <Button type="submit" variant="danger" size="sm" disabled={busy}>
                      Yes, withdraw it
                    </Button>
                    <ButtonLink to="/settings/testimonials" variant="secondary" size="sm">
                      Keep it
                    </ButtonLink>
                  </div>
                </Form>
              ) : (
                <div className="flex flex-wrap gap-3">
                  <ButtonLink
                    to={`/settings/testimonials?withdraw=${t.id}`}
                    variant="secondary"
                    size="sm"
                  >
                    Withdraw
                  </ButtonLink>
                  <Link
                    to={`/testimonials/${t.id}`}
                    className="self-center text-sm font-medium text-brand-700 underline dark:text-brand-300"
                  >
                    View
                  </Link>
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
