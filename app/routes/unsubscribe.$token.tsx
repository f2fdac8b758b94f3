import {
  json,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { AuthFrame } from "~/components/auth/auth-frame.tsx";
import { InSentence, SLOT } from "~/components/auth/in-sentence.tsx";
import { i18nFor, localeOfMatches } from "~/i18n/index.ts";
import { localeOf } from "~/i18n/locale.server.ts";
import { Button } from "~/components/ui/button.tsx";
import { Callout } from "~/components/ui/callout.tsx";
import { contextFor } from "~/modules/commands/command.server.ts";
import { mailKindLabel } from "~/components/settings/mail-labels.ts";
import { unsubscribeByLink, verifyUnsubscribeToken } from "~/modules/mail/preferences.server.ts";
import {
  isAddressToken,
  suppressAddress,
  verifyAddressToken,
} from "~/modules/mail/suppressions.server.ts";
import type { SuppressionScope } from "../../db/tables/mail.ts";

export const meta: MetaFunction = ({ matches }) => [
  { title: i18nFor(localeOfMatches(matches)).t("auth.unsubscribe.meta") },
  { name: "robots", content: "noindex" },
];

/** A group of mail an address without an account can stop, as the page names it. */
function scopeLabel(scope: SuppressionScope, t: TFunction): string {
  if (scope === "invitations") return t("auth.unsubscribe.invitations");
  if (scope === "surveys") return t("auth.unsubscribe.surveys");
  return t("auth.unsubscribe.all");
}

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

const badLink = (token: string, t: TFunction) =>
  isAddressToken(token) ? t("auth.unsubscribe.badLink") : t("auth.unsubscribe.badLinkMember");

/** GET only shows what the link would turn off: mail scanners that follow links change nothing. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { t } = i18nFor(await localeOf(request, context));
  const token = params.token ?? "";
  const found = await target(context.db, token);
  if (!found)
    return json(
      { ok: false as const, member: !isAddressToken(token), error: badLink(token, t) },
      { status: 400 },
    );
  return json({
    ok: true as const,
    member: found.member,
    label: found.member ? mailKindLabel(found.kind, t) : scopeLabel(found.group, t),
  });
}

/**
 * The confirm button, and a mail client's one-click POST (RFC 8058, body
 * `List-Unsubscribe=One-Click`), turn the kind or group off. An address may
 * also choose to stop every invitation and survey at once.
 */
export async function action({ request, params, context }: ActionFunctionArgs) {
  const { t } = i18nFor(await localeOf(request, context));
  const token = params.token ?? "";
  const found = await target(context.db, token);
  if (!found) return json({ done: false as const, error: badLink(token, t) }, { status: 400 });
  const ctx = { ...contextFor(context.db, null), publisher: context.realtime };
  if (found.member) {
    await unsubscribeByLink(ctx, found);
    return json({ done: true as const, member: true, label: mailKindLabel(found.kind, t) });
  }
  const form = await request.formData().catch(() => new FormData());
  const oneClick = form.get("List-Unsubscribe") === "One-Click";
  const scope = !oneClick && form.get("scope") === "all" ? "all" : found.group;
  await suppressAddress(ctx, {
    email: found.email,
    scope,
    source: oneClick ? "one_click" : "link",
  });
  return json({ done: true as const, member: false, label: scopeLabel(scope, t) });
}

export default function UnsubscribePage() {
  const data = useLoaderData<typeof loader>();
  const done = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const { t } = useTranslation();
  // Only members have settings to go to: an address without an account is never sent there.
  const footer = data.member
    ? {
        text: t("auth.unsubscribe.footer"),
        to: "/settings/email",
        label: t("auth.unsubscribe.emailSettings"),
      }
    : undefined;
  if (!data.ok || (done && !done.done))
    return (
      <AuthFrame title={t("auth.unsubscribe.brokenTitle")} footer={footer}>
        <Callout
          tone="danger"
          title={t("auth.unsubscribe.cannotCheck")}
          data-testid="unsubscribe-bad"
        >
          <p>{data.ok ? (done && !done.done ? done.error : "") : data.error}</p>
        </Callout>
      </AuthFrame>
    );
  if (done?.done)
    return (
      <AuthFrame title={t("auth.unsubscribe.doneTitle")} footer={footer}>
        <Callout tone="success" title={t("auth.unsubscribe.done")} data-testid="unsubscribe-done">
          <p>
            {done.member
              ? t("auth.unsubscribe.doneMember", { label: done.label })
              : t("auth.unsubscribe.doneAddress", { label: done.label })}
          </p>
        </Callout>
      </AuthFrame>
    );
  return (
    <AuthFrame title={t("auth.unsubscribe.title")} footer={footer}>
      <Form method="post" className="space-y-4">
        <p className="text-stone-700 dark:text-stone-300">
          <InSentence
            text={
              data.member
                ? t("auth.unsubscribe.askMember", { label: SLOT })
                : t("auth.unsubscribe.askAddress", { label: SLOT })
            }
          >
            <strong>{data.label}</strong>
          </InSentence>
        </p>
        <Button type="submit" className="w-full" disabled={busy}>
          {busy ? t("auth.unsubscribe.busy") : t("auth.unsubscribe.title")}
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
            {t("auth.unsubscribe.stopAll", { label: t("auth.unsubscribe.all") })}
          </Button>
        )}
      </Form>
    </AuthFrame>
  );
}
