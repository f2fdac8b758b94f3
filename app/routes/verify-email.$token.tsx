import {
  json,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AuthFrame } from "~/components/auth/auth-frame.tsx";
import { InSentence, SLOT } from "~/components/auth/in-sentence.tsx";
import { i18nFor, localeOfMatches } from "~/i18n/index.ts";
import { localeOf } from "~/i18n/locale.server.ts";
import { Button, ButtonLink } from "~/components/ui/button.tsx";
import { Callout } from "~/components/ui/callout.tsx";
import { confirmEmailToken, findUsableEmailToken } from "~/modules/auth/email-address.server.ts";
import { getUser } from "~/utils/auth.server.ts";
import { commandContext } from "~/utils/command.server.ts";
import { answerDomainError } from "~/utils/http.server.ts";
import { redirectWithToast } from "~/utils/toast.server.ts";

export const meta: MetaFunction = ({ matches }) => [
  { title: i18nFor(localeOfMatches(matches)).t("auth.verify.meta") },
  // The link carries a secret: keep it out of search engines and referrers.
  { name: "robots", content: "noindex" },
];

// Opening the link changes nothing (mail scanners open links too): the page asks for one click.
export async function loader({ params, context }: LoaderFunctionArgs) {
  const found = await findUsableEmailToken(context.db, params.token ?? "");
  return json(
    found
      ? { usable: true as const, purpose: found.purpose, email: found.email }
      : { usable: false as const },
    { status: found ? 200 : 410 },
  );
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  let confirmed;
  try {
    confirmed = await confirmEmailToken(await commandContext(request, context), {
      token: params.token ?? "",
    });
  } catch (error) {
    return answerDomainError(error);
  }
  const signedIn = (await getUser(request, context))?.id === confirmed.userId;
  const { t } = i18nFor(await localeOf(request, context));
  return redirectWithToast(signedIn ? "/discussions" : "/login", {
    kind: "success",
    title: confirmed.purpose === "verify" ? t("auth.verify.confirmed") : t("auth.verify.changed"),
    description:
      confirmed.purpose === "verify"
        ? t("auth.verify.confirmedBody")
        : t("auth.verify.changedBody", { email: confirmed.email }),
  });
}

export default function VerifyEmailPage() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const busy = useNavigation().state === "submitting";
  const refusal = actionData?.fieldErrors?.token ?? actionData?.formError;
  return (
    <AuthFrame
      title={t("auth.verify.title")}
      footer={{ text: "", to: "/settings", label: t("auth.verify.accountSettings") }}
    >
      {!data.usable || refusal ? (
        <div className="space-y-5">
          <Callout tone="warning" title={t("auth.linkUnusable")} data-testid="verify-expired">
            <p>{refusal ?? t("auth.verify.expired")}</p>
          </Callout>
          <ButtonLink to="/settings" className="w-full">
            {t("auth.verify.goToAccount")}
          </ButtonLink>
        </div>
      ) : (
        <Form method="post" className="space-y-5">
          <p className="text-sm text-stone-600 dark:text-stone-400">
            <InSentence
              text={
                data.purpose === "verify"
                  ? t("auth.verify.confirmThis", { email: SLOT })
                  : t("auth.verify.moveTo", { email: SLOT })
              }
            >
              <strong>{data.email}</strong>
            </InSentence>
          </p>
          <Button type="submit" className="w-full" disabled={busy}>
            {busy
              ? t("auth.verify.confirming")
              : data.purpose === "verify"
                ? t("auth.verify.confirmMine")
                : t("auth.verify.useThis")}
          </Button>
        </Form>
      )}
    </AuthFrame>
  );
}
