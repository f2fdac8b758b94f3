import {
  json,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Link, useFetcher, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { useTranslation } from "react-i18next";
import { i18nFor, localeOfMatches } from "~/i18n/index.ts";
import { useFormats } from "~/i18n/use-formats.ts";
import { Badge } from "~/components/ui/badge.tsx";
import { Button } from "~/components/ui/button.tsx";
import { Card } from "~/components/ui/card.tsx";
import { EmptyState } from "~/components/ui/empty-state.tsx";
import { FormError, TextField } from "~/components/ui/field.tsx";
import { Pagination } from "~/components/ui/pagination.tsx";
import { policy } from "~/modules/access/policy.ts";
import { dismissFlags, listOpenFlags } from "~/modules/discussions/flags.server.ts";
import { hidePost } from "~/modules/discussions/moderation.server.ts";
import { excerpt } from "~/modules/discussions/text.ts";
import { LIMITS, reasonSchema } from "~/modules/discussions/validation.ts";
import { getViewer, requireAllowed } from "~/utils/auth.server.ts";
import { commandContext } from "~/utils/command.server.ts";
import { formFields, type ActionError } from "~/utils/form-fields.ts";
import { invalidForm, parseIntent } from "~/utils/forms.ts";
import { answerDomainError } from "~/utils/http.server.ts";
import { pageParam } from "~/utils/params.ts";

export const meta: MetaFunction = ({ matches }) => [
  { title: i18nFor(localeOfMatches(matches)).t("manageFlags.metaTitle") },
];

async function requireModerator(request: Request, context: LoaderFunctionArgs["context"]) {
  await requireAllowed(request, context, policy.moderateDiscussions);
  return getViewer(request, context);
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = await requireModerator(request, context);
  const page = pageParam(new URL(request.url).searchParams.get("page"));
  return json(await listOpenFlags(context.db, viewer, { page }));
}

const FlagAction = z.object({
  postId: z.coerce.number().int().positive(),
  reason: reasonSchema,
});

export async function action({ request, context }: ActionFunctionArgs) {
  await requireModerator(request, context);
  const parsed = parseIntent(await request.formData(), { hide: FlagAction, dismiss: FlagAction });
  if (!parsed.ok) return invalidForm(parsed);
  const { postId, reason } = parsed.data;
  try {
    const run = await commandContext(request, context);
    if (parsed.intent === "hide") await hidePost(run, { postId, reason });
    else await dismissFlags(run, { postId, reason });
    return json({ ok: true as const, intent: parsed.intent });
  } catch (error) {
    return answerDomainError(error);
  }
}

type Row = ReturnType<typeof useLoaderData<typeof loader>>["rows"][number];

function FlaggedPost({ row }: { row: Row }) {
  const fetcher = useFetcher<ActionError & { ok?: boolean }>();
  const { field, formError } = formFields<typeof FlagAction>(fetcher.data);
  const { t } = useTranslation();
  const { day } = useFormats();
  const reasons: Record<string, string> = {
    spam: t("manageFlags.reason.spam"),
    rude: t("manageFlags.reason.rude"),
    off_topic: t("manageFlags.reason.off_topic"),
    needs_review: t("manageFlags.reason.needs_review"),
    other: t("manageFlags.reason.other"),
  };
  return (
    <Card className="p-5" data-testid="flagged-post">
      <div className="flex flex-wrap items-center gap-2">
        <Badge tone="danger">{t("manageFlags.flags", { count: row.flagCount })}</Badge>
        {row.isOpening ? <Badge tone="neutral">{t("manageFlags.openingPost")}</Badge> : null}
        {row.hidden ? <Badge tone="danger">{t("manageFlags.hidden")}</Badge> : null}
        <Link
          to={`/t/${row.threadId}/${row.threadSlug}#post-${row.postId}`}
          className="font-semibold hover:underline"
        >
          {row.threadTitle}
        </Link>
      </div>
      <blockquote className="mt-3 border-l-4 border-stone-300 pl-4 text-sm text-stone-700 dark:border-stone-700 dark:text-stone-300">
        {excerpt(row.text, 400)}
        <footer className="mt-1 text-xs text-stone-500 dark:text-stone-400">
          — {row.author.displayName} (@{row.author.handle}), {day(row.createdAt)}
        </footer>
      </blockquote>
      <ul className="mt-3 space-y-1 text-sm">
        {row.flags.map((f) => (
          <li key={f.id}>
            <span className="font-medium">{reasons[f.reason] ?? f.reason}</span>{" "}
            {t("manageFlags.by", { name: f.by.displayName })}
            {f.note ? (
              <span className="text-stone-600 dark:text-stone-400">
                {t("manageFlags.note", { note: f.note })}
              </span>
            ) : null}
          </li>
        ))}
      </ul>
      {fetcher.data?.ok ? (
        <p role="status" className="mt-4 text-sm font-medium text-brand-800 dark:text-brand-300">
          {t("manageFlags.done")}
        </p>
      ) : (
        <fetcher.Form method="post" className="mt-4 space-y-3">
          <input type="hidden" name="postId" value={row.postId} />
          <FormError message={formError} />
          <TextField
            label={t("manageFlags.reasonLabel")}
            {...field("reason")}
            required
            maxLength={LIMITS.reasonMax}
          />
          <div className="flex flex-wrap gap-2">
            {!row.hidden ? (
              <Button
                type="submit"
                name="intent"
                value="hide"
                variant="danger"
                size="sm"
                disabled={fetcher.state !== "idle"}
              >
                {t("manageFlags.hide")}
              </Button>
            ) : null}
            <Button
              type="submit"
              name="intent"
              value="dismiss"
              variant="secondary"
              size="sm"
              disabled={fetcher.state !== "idle"}
            >
              {t("manageFlags.dismiss")}
            </Button>
          </div>
        </fetcher.Form>
      )}
    </Card>
  );
}

export default function ManageFlags() {
  const data = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <div className="space-y-4">
      <p className="text-sm text-stone-600 dark:text-stone-400">{t("manageFlags.intro")}</p>
      {data.rows.length === 0 ? (
        <EmptyState title={t("manageFlags.empty")}>{t("manageFlags.emptyText")}</EmptyState>
      ) : (
        data.rows.map((row) => <FlaggedPost key={row.postId} row={row} />)
      )}
      <Pagination page={data.page} pageCount={data.pageCount} />
    </div>
  );
}
