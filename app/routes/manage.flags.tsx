import {
  json,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Link, useFetcher, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { formatDate } from "~/components/discussions/time.tsx";
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
import { FLAG_REASON_LABELS, LIMITS, reasonSchema } from "~/modules/discussions/validation.ts";
import { getViewer, requireAllowed } from "~/utils/auth.server.ts";
import { commandContext } from "~/utils/command.server.ts";
import { formFields, type ActionError } from "~/utils/form-fields.ts";
import { invalidForm, parseIntent } from "~/utils/forms.ts";
import { answerDomainError } from "~/utils/http.server.ts";
import { pageParam } from "~/utils/params.ts";

export const meta: MetaFunction = () => [{ title: "Flags · Manage · Limelight" }];

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
  return (
    <Card className="p-5" data-testid="flagged-post">
      <div className="flex flex-wrap items-center gap-2">
        <Badge tone="danger">
          {row.flagCount} {row.flagCount === 1 ? "flag" : "flags"}
        </Badge>
        {row.isOpening ? <Badge tone="neutral">Opening post</Badge> : null}
        {row.hidden ? <Badge tone="danger">Hidden</Badge> : null}
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
          — {row.author.displayName} (@{row.author.handle}), {formatDate(row.createdAt)}
        </footer>
      </blockquote>
      <ul className="mt-3 space-y-1 text-sm">
        {row.flags.map((f) => (
          <li key={f.id}>
            <span className="font-medium">{FLAG_REASON_LABELS[f.reason]}</span> by{" "}
            {f.by.displayName}
            {f.note ? (
              <span className="text-stone-600 dark:text-stone-400">: “{f.note}”</span>
            ) : null}
          </li>
        ))}
      </ul>
      {fetcher.data?.ok ? (
        <p role="status" className="mt-4 text-sm font-medium text-brand-800 dark:text-brand-300">
          Done. The queue updates when you reload.
        </p>
      ) : (
        <fetcher.Form method="post" className="mt-4 space-y-3">
          <input type="hidden" name="postId" value={row.postId} />
          <FormError message={formError} />
          <TextField
            label="Reason (kept in the audit log)"
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
                Hide post
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
              Dismiss flags
            </Button>
          </div>
        </fetcher.Form>
      )}
    </Card>
  );
}

export default function ManageFlags() {
  const data = useLoaderData<typeof loader>();
  return (
    <div className="space-y-4">
      <p className="text-sm text-stone-600 dark:text-stone-400">
        Posts members flagged, most flagged first. Hiding a post removes it for everyone but
        moderators at once and takes back the points it earned.
      </p>
      {data.rows.length === 0 ? (
        <EmptyState title="No open flags">Nothing needs a look right now.</EmptyState>
      ) : (
        data.rows.map((row) => <FlaggedPost key={row.postId} row={row} />)
      )}
      <Pagination page={data.page} pageCount={data.pageCount} />
    </div>
  );
}
