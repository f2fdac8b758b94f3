import { json, type ActionFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData } from "@remix-run/react";
import { Container } from "~/components/app-shell.tsx";
import { Button } from "~/components/ui/button.tsx";
import { Callout } from "~/components/ui/callout.tsx";
import { Card } from "~/components/ui/card.tsx";
import { FormError } from "~/components/ui/field.tsx";
import { withdrawTestimonial } from "~/modules/testimonials/testimonials.server.ts";
import { commandContext } from "~/utils/command.server.ts";
import type { ActionError } from "~/utils/form-fields.ts";
import { answerDomainError } from "~/utils/http.server.ts";
import { useTranslation } from "react-i18next";
import { i18nFor, localeOfMatches } from "~/i18n/index.ts";

export const meta: MetaFunction = ({ matches }) => [
  { title: i18nFor(localeOfMatches(matches)).t("testimonials.withdraw.metaTitle") },
  { name: "robots", content: "noindex" },
  { name: "referrer", content: "no-referrer" },
];

// A GET only shows the button: a link scanner opening the mail withdraws nothing.
export async function action({ request, context, params }: ActionFunctionArgs) {
  try {
    await withdrawTestimonial(await commandContext(request, context), {
      token: params.token ?? "",
    });
  } catch (error) {
    return answerDomainError(error);
  }
  return json({ withdrawn: true });
}

export default function WithdrawPage() {
  const data = useActionData<typeof action>() as
    (ActionError & { withdrawn?: boolean }) | undefined;
  const { t } = useTranslation();
  return (
    <Container className="max-w-xl py-10">
      <Card className="space-y-4 p-6">
        {data?.withdrawn ? (
          <Callout tone="success" title={t("testimonials.withdraw.done")} data-testid="withdrawn">
            <p>{t("testimonials.withdraw.doneBody")}</p>
          </Callout>
        ) : (
          <Form method="post" className="space-y-4">
            <h1 className="text-xl font-semibold">{t("testimonials.withdraw.title")}</h1>
            <p className="text-sm text-stone-600 dark:text-stone-400">
              {t("testimonials.withdraw.body")}
            </p>
            <FormError message={data?.formError} />
            <Button type="submit" variant="danger">
              {t("testimonials.withdraw.button")}
            </Button>
          </Form>
        )}
      </Card>
    </Container>
  );
}
