import {
  json,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { useTranslation } from "react-i18next";
import { i18nFor, localeOfMatches } from "~/i18n/index.ts";
import { localeOf } from "~/i18n/locale.server.ts";
import { ageInDays, ReferenceStatusBadge } from "~/components/promoters/reference-status.tsx";
import { Button, ButtonLink } from "~/components/ui/button.tsx";
import { Card } from "~/components/ui/card.tsx";
import { EmptyState } from "~/components/ui/empty-state.tsx";
import { FormError, SelectField } from "~/components/ui/field.tsx";
import { Pagination } from "~/components/ui/pagination.tsx";
import { policy } from "~/modules/access/policy.ts";
import { findUserByHandle } from "~/modules/auth/users.server.ts";
import {
  cancelReference,
  reassignReference,
} from "~/modules/promoters/reference-lifecycle.server.ts";
import { deliverWaitingRequests } from "~/modules/promoters/reference-queue.server.ts";
import { listAllReferences } from "~/modules/promoters/reference-reads.server.ts";
import { REFERENCE_STATUS_LABELS as STATUS_LABELS } from "~/modules/promoters/labels.ts";
import type { ReferenceStatus } from "../../db/tables/promoters.ts";
import { requireAllowed } from "~/utils/auth.server.ts";
import { commandContext } from "~/utils/command.server.ts";
import { formErrors, parseIntent } from "~/utils/forms.ts";
import { answerDomainError } from "~/utils/http.server.ts";
import { MAX_ID, pageParam } from "~/utils/params.ts";
import { redirectWithToast } from "~/utils/toast.server.ts";
import { advocatesOpenToReferences } from "~/modules/profiles/pickers.server.ts";

export const meta: MetaFunction = ({ matches }) => [
  { title: i18nFor(localeOfMatches(matches)).t("manageReferences.metaTitle") },
];

const STATUSES = Object.keys(STATUS_LABELS) as ReferenceStatus[];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireAllowed(request, context, policy.manageReferences);
  const url = new URL(request.url);
  const s = url.searchParams.get("status") ?? "";
  const status = (STATUSES as string[]).includes(s) ? (s as ReferenceStatus) : undefined;
  const page = pageParam(url.searchParams.get("page"));
  const result = await listAllReferences(context.db, user, { status, page });
  const advocates = (await advocatesOpenToReferences(context.db)).map(
    ({ handle, display_name }) => ({ handle, display_name }),
  );
  return json({ ...result, status: status ?? "", advocates, now: new Date().toISOString() });
}

const RequestId = z.coerce.number().int().positive().max(MAX_ID);
const ActionSchemas = {
  "deliver-queued": z.object({}),
  cancel: z.object({ requestId: RequestId, reason: z.string().trim().max(300).default("") }),
  reassign: z.object({
    requestId: RequestId,
    advocate: z.string().trim().min(1, "Choose an advocate."),
  }),
};

export async function action({ request, context }: ActionFunctionArgs) {
  await requireAllowed(request, context, policy.manageReferences);
  const parsed = parseIntent(await request.formData(), ActionSchemas);
  const { t } = i18nFor(await localeOf(request, context));
  if (!parsed.ok)
    return formErrors({
      fieldErrors: parsed.fieldErrors,
      formError: t("manageReferences.incomplete"),
    });
  const url = new URL(request.url);
  const back = `${url.pathname}${url.search}`;
  const run = await commandContext(request, context);
  try {
    switch (parsed.intent) {
      case "deliver-queued": {
        const delivered = await deliverWaitingRequests(run, {});
        return redirectWithToast(back, {
          kind: "success",
          title: delivered.length
            ? t("manageReferences.delivered", { count: delivered.length })
            : t("manageReferences.noRoom"),
        });
      }
      case "cancel":
        await cancelReference(run, parsed.data);
        return redirectWithToast(back, {
          kind: "success",
          title: t("manageReferences.cancelled"),
        });
      case "reassign": {
        const target = await findUserByHandle(context.db, parsed.data.advocate);
        if (!target) return formErrors({ formError: t("manageReferences.advocateNotFound") }, 404);
        await reassignReference(run, { requestId: parsed.data.requestId, advocateId: target.id });
        return redirectWithToast(back, {
          kind: "success",
          title: t("manageReferences.sentTo", { name: target.display_name }),
        });
      }
    }
  } catch (error) {
    return answerDomainError(error);
  }
}

export default function ManageReferences() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const now = new Date(data.now);
  const { t } = useTranslation();
  const statusLabels: Record<ReferenceStatus, string> = {
    queued: t("manageReferences.status.queued"),
    pending: t("manageReferences.status.pending"),
    accepted: t("manageReferences.status.accepted"),
    declined: t("manageReferences.status.declined"),
    completed: t("manageReferences.status.completed"),
    cancelled: t("manageReferences.status.cancelled"),
  };
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <Form method="get" className="flex flex-wrap items-end gap-3">
          <SelectField
            label={t("manageReferences.state")}
            name="status"
            defaultValue={data.status}
            className="min-w-56"
          >
            <option value="">{t("manageReferences.everyState")}</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {statusLabels[s]} ({data.counts[s] ?? 0})
              </option>
            ))}
          </SelectField>
          <Button type="submit" variant="secondary">
            {t("manageReferences.show")}
          </Button>
        </Form>
        <div className="flex flex-wrap gap-2">
          {data.counts.queued ? (
            <Form method="post">
              <input type="hidden" name="intent" value="deliver-queued" />
              <Button type="submit" variant="secondary" disabled={busy}>
                {t("manageReferences.deliver")}
              </Button>
            </Form>
          ) : null}
          <ButtonLink to="/manage/references/new">
            {t("manageReferences.askForProspect")}
          </ButtonLink>
        </div>
      </div>
      <FormError message={actionData?.formError} />
      {data.rows.length === 0 ? (
        <EmptyState title={t("manageReferences.empty")}>
          {t("manageReferences.emptyText")}
        </EmptyState>
      ) : (
        <Card className="overflow-x-auto">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">
              {t("manageReferences.caption", { total: data.total })}
            </caption>
            <thead className="border-b border-stone-200 text-xs uppercase tracking-wide text-stone-600 dark:border-stone-800 dark:text-stone-400">
              <tr>
                <th scope="col" className="px-4 py-3">
                  {t("manageReferences.request")}
                </th>
                <th scope="col" className="px-4 py-3">
                  {t("manageReferences.advocate")}
                </th>
                <th scope="col" className="px-4 py-3">
                  {t("manageReferences.state")}
                </th>
                <th scope="col" className="px-4 py-3 text-right">
                  {t("manageReferences.age")}
                </th>
                <th scope="col" className="px-4 py-3 text-right">
                  {t("manageReferences.stepIn")}
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-stone-200 dark:divide-stone-800">
              {data.rows.map((r) => (
                <tr key={r.id} data-testid={`manage-reference-${r.id}`}>
                  <td className="px-4 py-3 align-top">
                    <Link to={`/references/${r.id}`} className="font-medium hover:underline">
                      {r.topic}
                    </Link>
                    <div className="text-stone-600 dark:text-stone-400">
                      {r.prospect_name}
                      {r.prospect_company ? ` · ${r.prospect_company}` : ""}
                    </div>
                  </td>
                  <td className="px-4 py-3 align-top">
                    <Link to={`/manage/advocates/${r.advocate_handle}`} className="hover:underline">
                      {r.advocate_name}
                    </Link>
                  </td>
                  <td className="px-4 py-3 align-top">
                    <ReferenceStatusBadge status={r.status} />
                  </td>
                  <td className="whitespace-nowrap px-4 py-3 text-right align-top tabular-nums">
                    {t("manageReferences.days", { days: ageInDays(r.created_at, now) })}
                  </td>
                  <td className="px-4 py-3 align-top">
                    {r.status === "queued" || r.status === "pending" ? (
                      <div className="flex flex-col items-end gap-2">
                        <Form method="post" className="flex items-center gap-2">
                          <input type="hidden" name="intent" value="reassign" />
                          <input type="hidden" name="requestId" value={r.id} />
                          <label className="sr-only" htmlFor={`to-${r.id}`}>
                            {t("manageReferences.sendTo", { id: r.id })}
                          </label>
                          <select
                            id={`to-${r.id}`}
                            name="advocate"
                            defaultValue=""
                            className="max-w-40 rounded-lg border border-stone-300 bg-white px-2 py-1.5 text-sm dark:border-stone-700 dark:bg-stone-900"
                          >
                            <option value="">{t("manageReferences.another")}</option>
                            {data.advocates
                              .filter((a) => a.handle !== r.advocate_handle)
                              .map((a) => (
                                <option key={a.handle} value={a.handle}>
                                  {a.display_name}
                                </option>
                              ))}
                          </select>
                          <Button type="submit" size="sm" variant="secondary" disabled={busy}>
                            {t("manageReferences.send")}
                          </Button>
                        </Form>
                      </div>
                    ) : null}
                    {r.status === "queued" || r.status === "pending" || r.status === "accepted" ? (
                      <Form
                        method="post"
                        className="mt-2 flex justify-end"
                        onSubmit={(e) => {
                          if (!confirm(t("manageReferences.confirmCancel"))) e.preventDefault();
                        }}
                      >
                        <input type="hidden" name="intent" value="cancel" />
                        <input type="hidden" name="requestId" value={r.id} />
                        <Button type="submit" size="sm" variant="ghost" disabled={busy}>
                          {t("manageReferences.cancel")}
                        </Button>
                      </Form>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </Card>
      )}
      <Pagination page={data.page} pageCount={data.pageCount} />
    </div>
  );
}
