import {
  json,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { formatDateTime, formatTagOf } from "~/components/admin/locale.ts";
import { OutboxStatusBadge } from "~/components/outbox/status-badge.tsx";
import { Button } from "~/components/ui/button.tsx";
import { Card } from "~/components/ui/card.tsx";
import { FormError } from "~/components/ui/field.tsx";
import { Timeline } from "~/components/ui/timeline.tsx";
import { i18nFor, localeOfMatches } from "~/i18n/index.ts";
import { localeOf } from "~/i18n/locale.server.ts";
import { policy } from "~/modules/access/policy.ts";
import { getOutboxMessage, resendOutboxMessage } from "~/modules/outbox/admin.server.ts";
import { requireAllowed } from "~/utils/auth.server.ts";
import { commandContext } from "~/utils/command.server.ts";
import type { ActionError } from "~/utils/form-fields.ts";
import { answerDomainError, orErrorPage } from "~/utils/http.server.ts";
import { idParam } from "~/utils/params.ts";
import { redirectWithToast } from "~/utils/toast.server.ts";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const { t } = i18nFor(localeOfMatches(matches));
  return [
    {
      title: t("outbox.messageMetaTitle", {
        subject: data?.message.subject ?? t("outbox.messageFallback"),
      }),
    },
  ];
};

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  await requireAllowed(request, context, policy.manageOutbox);
  const { message, attempts } = await orErrorPage(getOutboxMessage(context.db, idParam(params.id)));
  const tag = formatTagOf(await localeOf(request, context));
  return json({
    message: {
      id: message.id,
      kind: message.kind,
      status: message.status,
      recipient: message.recipient,
      subject: message.subject,
      attempts: message.attempts,
      maxAttempts: message.max_attempts,
      createdAt: new Date(message.created_at).toISOString(),
      sentAt: message.sent_at ? new Date(message.sent_at).toISOString() : null,
      lastError: message.last_error,
      from: message.payload.from,
      headers: message.payload.headers,
      html: message.payload.html,
      text: message.payload.text,
    },
    attempts: attempts.map((a) => ({
      id: a.id,
      ok: a.ok,
      detail: a.detail,
      durationMs: a.duration_ms,
      at: formatDateTime(tag, a.created_at, {
        dateStyle: "medium",
        timeStyle: "medium",
      }),
    })),
  });
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const id = idParam(params.id);
  try {
    await resendOutboxMessage(await commandContext(request, context), { id });
  } catch (error) {
    return answerDomainError(error);
  }
  const { t } = i18nFor(await localeOf(request, context));
  return redirectWithToast(`/manage/outbox/${id}`, {
    kind: "success",
    title: t("outbox.queuedAgain"),
    description: t("outbox.queuedAgainBody"),
  });
}

export default function OutboxMessage() {
  const { message, attempts } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as ActionError | undefined;
  const busy = useNavigation().state === "submitting";
  const { t } = useTranslation();
  return (
    <div className="space-y-4">
      <Link
        to="/manage/outbox"
        className="text-sm text-brand-700 hover:underline dark:text-brand-300"
      >
        {t("outbox.allMessages")}
      </Link>
      <Card className="space-y-3 p-5">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <h2 className="text-lg font-semibold">{message.subject}</h2>
          <OutboxStatusBadge status={message.status} />
        </div>
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
          <dt className="text-stone-500">{t("outbox.to")}</dt>
          <dd>{message.recipient}</dd>
          <dt className="text-stone-500">{t("outbox.from")}</dt>
          <dd>{message.from}</dd>
          <dt className="text-stone-500">{t("outbox.kind")}</dt>
          <dd>{message.kind.replace(/_/g, " ")}</dd>
          <dt className="text-stone-500">{t("outbox.tries")}</dt>
          <dd>
            {t("outbox.triesValue", { attempts: message.attempts, max: message.maxAttempts })}
          </dd>
          {Object.entries(message.headers).map(([name, value]) => (
            <div key={name} className="contents">
              <dt className="text-stone-500">{name}</dt>
              <dd className="break-all font-mono text-xs">{value}</dd>
            </div>
          ))}
        </dl>
        {message.status === "failed" ? (
          <Form method="post" className="space-y-2">
            <FormError message={actionData?.formError} />
            <p className="text-sm text-red-700 dark:text-red-400">
              {t("outbox.lastError", { error: message.lastError })}
            </p>
            <Button type="submit" disabled={busy}>
              {busy ? t("outbox.queueing") : t("outbox.sendAgain")}
            </Button>
          </Form>
        ) : null}
      </Card>
      <Card className="p-5">
        <h3 className="mb-3 text-sm font-semibold uppercase tracking-wide text-stone-600 dark:text-stone-400">
          {t("outbox.asSeen")}
        </h3>
        {/* Sandboxed: the message's HTML can run nothing and reach nothing on this site. */}
        <iframe
          title={t("outbox.htmlFrame")}
          sandbox=""
          srcDoc={message.html}
          className="h-[32rem] w-full rounded-lg border border-stone-200 bg-white dark:border-stone-700"
        />
      </Card>
      <Card className="p-5">
        <h3 className="mb-3 text-sm font-semibold uppercase tracking-wide text-stone-600 dark:text-stone-400">
          {t("outbox.plainText")}
        </h3>
        <pre className="whitespace-pre-wrap break-words text-sm" data-testid="outbox-text">
          {message.text}
        </pre>
      </Card>
      <Card className="p-5">
        <h3 className="mb-3 text-sm font-semibold uppercase tracking-wide text-stone-600 dark:text-stone-400">
          {t("outbox.attempts")}
        </h3>
        <Timeline
          empty={t("outbox.notTried")}
          entries={attempts.map((a) => ({
            id: a.id,
            title: a.ok ? t("outbox.delivered") : t("outbox.failed"),
            when: a.at,
            who: t("outbox.duration", { ms: a.durationMs }),
            detail: a.detail,
          }))}
        />
      </Card>
    </div>
  );
}
