import {
  json,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { useTranslation } from "react-i18next";
import { i18nFor, localeOfMatches } from "~/i18n/index.ts";
import { localeOf } from "~/i18n/locale.server.ts";
import { useFormats } from "~/i18n/use-formats.ts";
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
import { answerDomainError } from "~/utils/http.server.ts";
import { MAX_ID, parseId } from "~/utils/params.ts";
import { redirectWithToast } from "~/utils/toast.server.ts";

export const meta: MetaFunction = ({ matches }) => [
  { title: i18nFor(localeOfMatches(matches)).t("settings.testimonials.meta") },
];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context);
  // Withdrawing is a second step: `?withdraw=<id>` asks first.
  const confirming = parseId(new URL(request.url).searchParams.get("withdraw"));
  return json({ testimonials: await myTestimonials(context.db, user.id), confirming });
}

/** The withdraw button's form; `notFound` is said in the reader's language. */
const withdrawSchema = (notFound: string) =>
  z.object({
    intent: z.literal("withdraw"),
    id: z.coerce.number().int().positive().max(MAX_ID, notFound),
  });

export async function action({ request, context }: ActionFunctionArgs) {
  await requireUser(request, context);
  const { t } = i18nFor(await localeOf(request, context));
  const parsed = parseForm(
    withdrawSchema(t("settings.testimonials.notFound")),
    await request.formData(),
  );
  if (!parsed.ok) return invalidForm(parsed);
  try {
    // The command finds only the viewer's own testimonials: anyone else's is a 404.
    await withdrawTestimonial(await commandContext(request, context), { id: parsed.data.id });
  } catch (error) {
    return answerDomainError(error);
  }
  return redirectWithToast("/settings/testimonials", {
    kind: "success",
    title: t("settings.testimonials.withdrawn"),
    description: t("settings.testimonials.withdrawnBody"),
  });
}

export default function TestimonialSettings() {
  const { testimonials, confirming } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as ActionError | undefined;
  const busy = useNavigation().state === "submitting";
  const { t } = useTranslation();
  const formats = useFormats();
  return (
    <Card className="space-y-5 p-6">
      <div>
        <h2 className="text-lg font-semibold">{t("settings.testimonials.title")}</h2>
        <p className="mt-1 text-sm text-stone-600 dark:text-stone-400">
          {t("settings.testimonials.intro")}
        </p>
      </div>
      <FormError message={actionData?.formError} />
      {testimonials.length === 0 ? (
        <EmptyState title={t("settings.testimonials.none")}>
          {t("settings.testimonials.noneBody")}
        </EmptyState>
      ) : (
        <ul
          className="divide-y divide-stone-200 dark:divide-stone-800"
          data-testid="my-testimonials"
        >
          {testimonials.map((item) => (
            <li key={item.id} className="space-y-3 py-4">
              <blockquote className="text-stone-800 dark:text-stone-200">“{item.body}”</blockquote>
              <p className="flex flex-wrap items-center gap-2 text-sm text-stone-600 dark:text-stone-400">
                <span>{item.credit_line}</span>
                <span aria-hidden="true" className="hidden sm:inline">
                  ·
                </span>
                <span>
                  {t("settings.testimonials.published", {
                    date: formats.longDay(item.created_at),
                  })}
                </span>
                {item.withdrawn_at ? (
                  <Badge tone="neutral">
                    {t("settings.testimonials.withdrawnOn", {
                      date: formats.longDay(item.withdrawn_at),
                    })}
                  </Badge>
                ) : null}
              </p>
              {item.withdrawn_at ? null : confirming === item.id ? (
                <Form
                  method="post"
                  className="space-y-3 rounded-lg bg-stone-100 p-4 dark:bg-stone-800"
                >
                  <p className="text-sm font-medium">{t("settings.testimonials.confirm")}</p>
                  <input type="hidden" name="intent" value="withdraw" />
                  <input type="hidden" name="id" value={item.id} />
                  <div className="flex flex-wrap gap-3">
                    <Button type="submit" variant="danger" size="sm" disabled={busy}>
                      {t("settings.testimonials.yes")}
                    </Button>
                    <ButtonLink to="/settings/testimonials" variant="secondary" size="sm">
                      {t("settings.testimonials.keep")}
                    </ButtonLink>
                  </div>
                </Form>
              ) : (
                <div className="flex flex-wrap gap-3">
                  <ButtonLink
                    to={`/settings/testimonials?withdraw=${item.id}`}
                    variant="secondary"
                    size="sm"
                  >
                    {t("settings.testimonials.withdraw")}
                  </ButtonLink>
                  <Link
                    to={`/testimonials/${item.id}`}
                    className="self-center text-sm font-medium text-brand-700 underline dark:text-brand-300"
                  >
                    {t("settings.testimonials.view")}
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
