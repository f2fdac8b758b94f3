import {
  json,
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { Container, PageHeader } from "~/components/app-shell.tsx";
import { formatDate, usePageLocale } from "~/components/discussions/time.tsx";
import { i18nFor, localeOfMatches } from "~/i18n/index.ts";
import { Avatar } from "~/components/ui/avatar.tsx";
import { Button } from "~/components/ui/button.tsx";
import { Card } from "~/components/ui/card.tsx";
import { EmptyState } from "~/components/ui/empty-state.tsx";
import { Pagination } from "~/components/ui/pagination.tsx";
import { localeOf } from "~/i18n/locale.server.ts";
import { listNotifications, readNotifications } from "~/modules/notifications/inbox.server.ts";
import { pageParam } from "~/utils/params.ts";
import { getViewer, requireUser } from "~/utils/auth.server.ts";
import { commandContext } from "~/utils/command.server.ts";
import { formErrors, parseIntent } from "~/utils/forms.ts";
import { cn } from "~/utils/cn.ts";

export const meta: MetaFunction = ({ matches }) => [
  { title: i18nFor(localeOfMatches(matches)).t("notifications.metaTitle") },
  { name: "robots", content: "noindex" },
];

async function requireViewer(request: Request, context: LoaderFunctionArgs["context"]) {
  await requireUser(request, context);
  return (await getViewer(request, context))!;
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request, context);
  const page = pageParam(new URL(request.url).searchParams.get("page"));
  const locale = await localeOf(request, context);
  return json(await listNotifications(context.db, viewer, { page, locale }));
}

export async function action({ request, context }: ActionFunctionArgs) {
  await requireViewer(request, context);
  const parsed = parseIntent(await request.formData(), {
    open: z.object({ id: z.coerce.number().int().positive() }),
    "read-all": z.object({}),
  });
  if (!parsed.ok)
    return formErrors({
      formError: i18nFor(await localeOf(request, context)).t("notifications.incomplete"),
    });
  const run = await commandContext(request, context);
  if (parsed.intent === "open") {
    const { url } = await readNotifications(run, { notificationId: parsed.data.id });
    return redirect(url ?? "/notifications");
  }
  await readNotifications(run, {});
  return json({ ok: true });
}

export default function NotificationsPage() {
  const data = useLoaderData<typeof loader>();
  const navigation = useNavigation();
  const unread = data.rows.filter((n) => !n.read).length;
  const { t } = useTranslation();
  const locale = usePageLocale();
  const kindLabel: Record<string, string> = {
    reply: t("notifications.kinds.reply"),
    mention: t("notifications.kinds.mention"),
    accepted: t("notifications.kinds.accepted"),
    points: t("notifications.kinds.points"),
    notice: t("notifications.kinds.notice"),
  };
  return (
    <Container className="max-w-3xl">
      <PageHeader
        title={t("notifications.title")}
        description={t("notifications.description")}
        actions={
          unread > 0 ? (
            <Form method="post">
              <input type="hidden" name="intent" value="read-all" />
              <Button type="submit" variant="secondary" disabled={navigation.state !== "idle"}>
                {t("notifications.markAllRead")}
              </Button>
            </Form>
          ) : null
        }
      />
      {data.rows.length === 0 ? (
        <EmptyState title={t("notifications.emptyTitle")}>
          {t("notifications.emptyBody")}
        </EmptyState>
      ) : (
        <Card>
          <ul
            className="divide-y divide-stone-200 dark:divide-stone-800"
            aria-label={t("notifications.title")}
          >
            {data.rows.map((n) => (
              <li key={n.id} data-testid="notification" data-read={n.read ? "true" : "false"}>
                <Form method="post" className="contents">
                  <input type="hidden" name="intent" value="open" />
                  <input type="hidden" name="id" value={n.id} />
                  <button
                    type="submit"
                    className={cn(
                      "flex w-full items-start gap-3 px-5 py-4 text-left hover:bg-stone-50 dark:hover:bg-stone-800/50",
                      !n.read && "bg-brand-50/60 dark:bg-brand-900/20",
                    )}
                  >
                    {n.actorHandle ? (
                      <Avatar
                        name={n.actorName ?? n.actorHandle}
                        handle={n.actorHandle}
                        size="sm"
                      />
                    ) : (
                      <span
                        aria-hidden="true"
                        className="flex h-8 w-8 shrink-0 items-center justify-center rounded-full bg-amber-100 text-sm font-semibold text-amber-900 dark:bg-amber-900/40 dark:text-amber-200"
                      >
                        ★
                      </span>
                    )}
                    <span className="min-w-0 flex-1">
                      <span className="block text-sm text-stone-900 dark:text-stone-100">
                        {!n.read ? (
                          <span className="sr-only">{t("notifications.unread")}</span>
                        ) : null}
                        {n.text}
                      </span>
                      <span className="mt-0.5 block text-xs text-stone-500 dark:text-stone-400">
                        {kindLabel[n.kind]} · {formatDate(n.createdAt, locale)}
                      </span>
                    </span>
                    {!n.read ? (
                      <span
                        aria-hidden="true"
                        className="mt-1.5 h-2 w-2 rounded-full bg-brand-600"
                      />
                    ) : null}
                  </button>
                </Form>
              </li>
            ))}
          </ul>
        </Card>
      )}
      <Pagination page={data.page} pageCount={data.pageCount} />
    </Container>
  );
}
