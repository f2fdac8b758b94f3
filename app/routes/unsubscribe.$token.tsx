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
import { contextFor } from "~/modules/commands/command.server.ts";
import { mailKind, SUPPRESSION_LABELS } from "~/modules/mail/kinds.ts";
import { unsubscribeByLink, verifyUnsubscribeToken } from "~/modules/mail/preferences.server.ts";
import {
  isAddressToken,
  suppressAddress,
  verifyAddressToken,
} from "~/modules/mail/suppressions.server.ts";

export const meta: MetaFunction = () => [
  { title: "Unsubscribe · Limelight" },
  { name: "robots", content: "noindex" },
];

const BAD_LINK =
  "This unsubscribe link is not one we sent: it may be cut short or changed. Open it again from the message.";
const BAD_LINK_MEMBER = `${BAD_LINK} Or sign in and choose your email in your settings.`;

/**
 * What a link stands for: one kind for a member, or one group of mail for an
 * address without an account (promoter invitations, surveys).
 */
async function target(db: Parameters<typeof verifyUnsubscribeToken>[0], token: string) {
  if (isAddressToken(token)) {
    const address = await verifyAddressToken(db, token);
    return address ? ({ member: false, ...address } as const) : null;
  }
  const person = await verifyUnsubscribeToken(db, token);
  return person ? ({ member: true, ...person } as const) : null;
}

const badLink = (token: string) => (isAddressToken(token) ? BAD_LINK : BAD_LINK_MEMBER);

/** GET only shows what the link would turn off: mail scanners that follow links change nothing. */
export async function loader({ params, context }: LoaderFunctionArgs) {
  const token = params.token ?? "";
  const found = await target(context.db, token);
  if (!found)
    return json(
      { ok: false as const, member: !isAddressToken(token), error: badLink(token) },
      { status: 400 },
    );
  return json({
    ok: true as const,
    member: found.member,
    label: found.member
      ? (mailKind(found.kind)?.label ?? found.kind)
      : SUPPRESSION_LABELS[found.group],
  });
}

/**
 * The confirm button, and a mail client's one-click POST (RFC 8058, body
 * `List-Unsubscribe=One-Click`), turn the kind or group off. An address may
 * also choose to stop every invitation and survey at once.
 */
export async function action({ request, params, context }: ActionFunctionArgs) {
  const token = params.token ?? "";
  const found = await target(context.db, token);
  if (!found) return json({ done: false as const, error: badLink(token) }, { status: 400 });
  const ctx = { ...contextFor(context.db, null), publisher: context.realtime };
  if (found.member) {
    const { label } = await unsubscribeByLink(ctx, found);
    return json({ done: true as const, member: true, label });
  }
  const form = await request.formData().catch(() => new FormData());
  const oneClick = form.get("List-Unsubscribe") === "One-Click";
  const { label } = await suppressAddress(ctx, {
    email: found.email,
    scope: !oneClick && form.get("scope") === "all" ? "all" : found.group,
    source: oneClick ? "one_click" : "link",
  });
  return json({ done: true as const, member: false, label });
}

export default function UnsubscribePage() {
  const data = useLoaderData<typeof loader>();
  const done = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  // Only members have settings to go to: an address without an account is never sent there.
  const footer = data.member
    ? { text: "Want to choose for every kind?", to: "/settings/email", label: "Email settings" }
    : undefined;
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
            {done.member
              ? `You will no longer get “${done.label}” by email. Account and security messages still reach you.`
              : `This address will no longer get ${done.label} from this community.`}
          </p>
        </Callout>
      </AuthFrame>
    );
  return (
    <AuthFrame title="Unsubscribe" footer={footer}>
      <Form method="post" className="space-y-4">
        <p className="text-stone-700 dark:text-stone-300">
          {data.member ? (
            <>
              Stop emailing me “<strong>{data.label}</strong>”? Other messages are not affected.
            </>
          ) : (
            <>
              Stop sending <strong>{data.label}</strong> to this address? No account is needed.
            </>
          )}
        </p>
        <Button type="submit" className="w-full" disabled={busy}>
          {busy ? "Unsubscribing…" : "Unsubscribe"}
        </Button>
        {data.member ? null : (
          <Button
            type="submit"
            name="scope"
            value="all"
            variant="secondary"
            className="w-full"
            disabled={busy}
          >
            Stop all {SUPPRESSION_LABELS.all}
          </Button>
        )}
      </Form>
    </AuthFrame>
  );
}
