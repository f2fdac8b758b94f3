import {
  json,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { AuthFrame } from "~/components/auth/auth-frame.tsx";
import { Button, ButtonLink } from "~/components/ui/button.tsx";
import { Callout } from "~/components/ui/callout.tsx";
import { confirmEmailToken, findUsableEmailToken } from "~/modules/auth/email-address.server.ts";
import { getUser } from "~/utils/auth.server.ts";
import { commandContext } from "~/utils/command.server.ts";
import { answerDomainError } from "~/utils/http.server.ts";
import { redirectWithToast } from "~/utils/toast.server.ts";

export const meta: MetaFunction = () => [
  { title: "Confirm your email address · Limelight" },
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
  return redirectWithToast(signedIn ? "/discussions" : "/login", {
    kind: "success",
    title: confirmed.purpose === "verify" ? "Email address confirmed" : "Email address changed",
    description:
      confirmed.purpose === "verify"
        ? "You can now post, vote and ask advocates for a conversation."
        : `Your account now uses ${confirmed.email}.`,
  });
}

export default function VerifyEmailPage() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const refusal = actionData?.fieldErrors?.token ?? actionData?.formError;
  return (
    <AuthFrame
      title="Confirm your email address"
      footer={{ text: "", to: "/settings", label: "Account settings" }}
    >
      {!data.usable || refusal ? (
        <div className="space-y-5">
          <Callout tone="warning" title="This link cannot be used" data-testid="verify-expired">
            <p>
              {refusal ??
                "It has expired or was already used. Links work once, for 24 hours. Sign in to ask for a new one."}
            </p>
          </Callout>
          <ButtonLink to="/settings" className="w-full">
            Go to my account
          </ButtonLink>
        </div>
      ) : (
        <Form method="post" className="space-y-5">
          <p className="text-sm text-stone-600 dark:text-stone-400">
            {data.purpose === "verify"
              ? "Confirm that this address is yours:"
              : "Move your account to this address:"}{" "}
            <strong>{data.email}</strong>
          </p>
          <Button type="submit" className="w-full" disabled={busy}>
            {busy
              ? "Confirming…"
              : data.purpose === "verify"
                ? "Confirm my address"
                : "Use this address"}
          </Button>
        </Form>
      )}
    </AuthFrame>
  );
}
