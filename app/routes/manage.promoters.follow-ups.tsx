import {
  json,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { BackLink } from "~/components/ui/back-link.tsx";
import { FollowUpCard } from "~/components/surveys/follow-up-card.tsx";
import { EmptyState } from "~/components/ui/empty-state.tsx";
import { Pagination } from "~/components/ui/pagination.tsx";
import { Tabs } from "~/components/ui/tabs.tsx";
import { i18nFor, localeOfMatches } from "~/i18n/index.ts";
import { localeOf } from "~/i18n/locale.server.ts";
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

export const meta: MetaFunction = ({ matches }) => [
  { title: i18nFor(localeOfMatches(matches)).t("promoters.followUpsMetaTitle") },
];

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
  const { t } = i18nFor(await localeOf(request, context));
  if (!parsed.ok) return invalidForm({ ...parsed, formError: t("promoters.followUpNotSaved") });
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
    title: parsed.data.close === "yes" ? t("promoters.loopClosed") : t("promoters.followUpSaved"),
  });
}

export default function FollowUpsPage() {
  const { rows, owners, summary, open, now } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as ActionError | undefined;
  const { t } = useTranslation();
  return (
    <div className="space-y-6">
      <BackLink to="/manage/promoters/surveys">{t("promoters.surveys")}</BackLink>
      <p className="max-w-2xl text-sm text-stone-600 dark:text-stone-400">
        {t("promoters.followUpsIntro")}{" "}
        {summary.medianHoursToClose === null
          ? t("promoters.followUpCounts", { open: summary.open, overdue: summary.overdue })
          : t("promoters.followUpCountsMedian", {
              open: summary.open,
              overdue: summary.overdue,
              hours: summary.medianHoursToClose,
            })}
      </p>
      <Tabs
        label={t("promoters.followUps")}
        items={[
          { to: "/manage/promoters/follow-ups", label: t("promoters.open"), active: open },
          {
            to: "/manage/promoters/follow-ups?show=closed",
            label: t("promoters.closed"),
            active: !open,
          },
        ]}
      />
      {rows.rows.length === 0 ? (
        <EmptyState title={open ? t("promoters.noneOpen") : t("promoters.noneClosed")}>
          {open ? t("promoters.noneOpenBody") : null}
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
