import {
  json,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { AuthFrame } from "~/components/auth/auth-frame.tsx";
import { Button } from "~/components/ui/button.tsx";
import { Callout } from "~/components/ui/callout.tsx";
import { mailKind } from "~/modules/mail/kinds.ts";
import { unsubscribeByLink, verifyUnsubscribeToken } from "~/modules/mail/preferences.server.ts";
import { contextFor } from "~/modules/commands/command.server.ts";

export const meta: MetaFunction = () => [{ title: "Unsubscribe · Limelight" }];

const BAD_LINK =
  "This unsubscribe link is not one we sent: it may be cut short or changed. Open it again from the message, or sign in and choose your email in your settings.";

/** GET only shows what the link would turn off: mail scanners that follow links change nothing. */
export async function loader({ params, context }: LoaderFunctionArgs) {
  const target = await verifyUnsubscribeToken(context.db, params.token ?? "");
  if (!target) return json({ ok: false as const, error: BAD_LINK }, { status: 400 });
  return json({ ok: true as const, label: mailKind(target.kind)?.label ?? target.kind });
}

/** The confirm button, and a mail client's one-click POST (RFC 8058), turn the kind off. */
export async function action({ params, context }: ActionFunctionArgs) {
  const target = await verifyUnsubscribeToken(context.db, params.token ?? "");
  if (!target) return json({ done: false as const, error: BAD_LINK }, { status: 400 });
  const { label } = await unsubscribeByLink(
    { ...contextFor(context.db, null), publisher: context.realtime },
    target,
  );
  return json({ done: true as const, label });
}

export default function UnsubscribePage() {
  const data = useLoaderData<typeof loader>();
  const done = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const footer = {
    text: "Want to choose for every kind?",
    to: "/settings/email",
    label: "Email settings",
  };
  if (!data.ok || (done && !done.done))
    return (
      <AuthFrame title="This link does not work" footer={footer}>
        <Callout tone="danger" title="We could not check this link" data-testid="unsubscribe-bad">
          <p>{data.ok ? (done && !done.done ? done.error : "") : data.error}</p>
        </Callout>
      </AuthFrame>
    );
  if (done?.done)
    return (
      <AuthFrame title="Unsubscribed" footer={footer}>
        <Callout tone="success" title="Done" data-testid="unsubscribe-done">
          <p>
            You will no longer get “{done.label}” by email. Account and security messages still
            reach you.
          </p>
        </Callout>
      </AuthFrame>
    );
  return (
    <AuthFrame title="Unsubscribe" footer={footer}>
      <Form method="post" className="space-y-5">
        <p className="text-stone-700 dark:text-stone-300">
          Stop emailing me “<strong>{data.label}</strong>”? Other messages are not affected.
        </p>
        <Button type="submit" className="w-full" disabled={busy}>
          {busy ? "Unsubscribing…" : "Unsubscribe"}
        </Button>
      </Form>
    </AuthFrame>
  );
}
