import {
  json,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { BackLink } from "~/components/ui/back-link.tsx";
import { FollowUpCard } from "~/components/surveys/follow-up-card.tsx";
import { EmptyState } from "~/components/ui/empty-state.tsx";
import { Pagination } from "~/components/ui/pagination.tsx";
import { Tabs } from "~/components/ui/tabs.tsx";
import { policy } from "~/modules/access/policy.ts";
import {
  followUpOwners,
  followUpSummary,
  listFollowUps,
  updateFollowUp,
} from "~/modules/promoters/surveys/follow-ups.server.ts";
import { requireAllowed } from "~/utils/auth.server.ts";
import { commandContext } from "~/utils/command.server.ts";
import type { ActionError } from "~/utils/form-fields.ts";
import { invalidForm, parseForm } from "~/utils/forms.ts";
import { answerDomainError } from "~/utils/http.server.ts";
import { MAX_ID, pageParam } from "~/utils/params.ts";
import { redirectWithToast } from "~/utils/toast.server.ts";

export const meta: MetaFunction = () => [{ title: "Follow-ups · Promoters · Limelight" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireAllowed(request, context, policy.manageSurveys);
  const url = new URL(request.url);
  const open = url.searchParams.get("show") !== "closed";
  const [rows, owners, summary] = await Promise.all([
    listFollowUps(context.db, { open, page: pageParam(url.searchParams.get("page")) }),
    followUpOwners(context.db),
    followUpSummary(context.db),
  ]);
  return json({ rows, owners, summary, open, now: new Date().toISOString() });
}

const UpdateSchema = z.object({
  id: z.coerce.number().int().positive().max(MAX_ID),
  ownerId: z
    .string()
    .default("")
    .transform((v) => (v ? Number(v) : null))
    .refine((v) => v === null || (Number.isInteger(v) && v > 0 && v <= MAX_ID), "Choose an owner."),
  dueOn: z
    .string()
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}$/, "Choose a due date."),
  notes: z.string().trim().max(4000, "Keep the notes under 4,000 characters.").default(""),
  outcome: z.string().trim().max(2000, "Keep the outcome under 2,000 characters.").default(""),
  close: z.string().default(""),
});

export async function action({ request, context }: ActionFunctionArgs) {
  await requireAllowed(request, context, policy.manageSurveys);
  const formData = await request.formData();
  const parsed = parseForm(UpdateSchema, formData);
  if (!parsed.ok) return invalidForm({ ...parsed, formError: "The follow-up was not saved." });
  try {
    await updateFollowUp(await commandContext(request, context), {
      ...parsed.data,
      close: parsed.data.close === "yes",
    });
  } catch (error) {
    return answerDomainError(
      error,
      Object.fromEntries([...formData].map(([k, v]) => [k, String(v)])),
    );
  }
  return redirectWithToast("/manage/promoters/follow-ups", {
    kind: "success",
    title: parsed.data.close === "yes" ? "Loop closed" : "Follow-up saved",
  });
}

export default function FollowUpsPage() {
  const { rows, owners, summary, open, now } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as ActionError | undefined;
  return (
    <div className="space-y-6">
      <BackLink to="/manage/promoters/surveys">Surveys</BackLink>
      <p className="max-w-2xl text-sm text-stone-600 dark:text-stone-400">
        Every detractor (0–6) opens a follow-up: someone calls, listens, and records what happened.{" "}
        {summary.open} open, {summary.overdue} overdue
        {summary.medianHoursToClose === null
          ? "."
          : `; closed in ${summary.medianHoursToClose} hours (median).`}
      </p>
      <Tabs
        label="Follow-ups"
        items={[
          { to: "/manage/promoters/follow-ups", label: "Open", active: open },
          { to: "/manage/promoters/follow-ups?show=closed", label: "Closed", active: !open },
        ]}
      />
      {rows.rows.length === 0 ? (
        <EmptyState title={open ? "No open follow-up" : "None closed yet"}>
          {open ? "When a detractor answers a survey, their follow-up appears here." : null}
        </EmptyState>
      ) : (
        <div className="space-y-4">
          {rows.rows.map((row) => (
            <FollowUpCard key={row.id} row={row} owners={owners} now={now} error={actionData} />
          ))}
        </div>
      )}
      <Pagination page={rows.page} pageCount={rows.pageCount} />
    </div>
  );
}
