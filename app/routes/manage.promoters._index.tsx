import {
  json,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { Funnel, NpsTrendChart, Stat } from "~/components/promoters/charts.tsx";
import { Badge } from "~/components/ui/badge.tsx";
import { Button, ButtonLink } from "~/components/ui/button.tsx";
import { Card } from "~/components/ui/card.tsx";
import { EmptyState } from "~/components/ui/empty-state.tsx";
import { FormError, SelectField } from "~/components/ui/field.tsx";
import { Pagination } from "~/components/ui/pagination.tsx";
import { isVerifiedCustomer, policy } from "~/modules/access/policy.ts";
import {
  createInvitation,
  invitationPath,
  revokeInvitation,
} from "~/modules/promoters/invitations.server.ts";
import {
  PROMOTER_STAGE_LABELS as STAGE_LABELS,
  type PromoterStage,
} from "~/modules/promoters/labels.ts";
import { listPromoters, promoterFunnel } from "~/modules/promoters/pipeline.server.ts";
import { startStoryFromResponse } from "~/modules/promoters/stories.server.ts";
import { npsSummary } from "~/modules/promoters/survey.server.ts";
import { requireAllowed } from "~/utils/auth.server.ts";
import { commandContext } from "~/utils/command.server.ts";
import { formErrors, parseIntent } from "~/utils/forms.ts";
import { answerDomainError } from "~/utils/http.server.ts";
import { MAX_ID } from "~/utils/params.ts";
import { redirectWithToast } from "~/utils/toast.server.ts";

export const meta: MetaFunction = () => [{ title: "Promoters · Manage · Limelight" }];

const PAGE_SIZE = 20;
const STAGES = Object.keys(STAGE_LABELS) as PromoterStage[];

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireAllowed(request, context, policy.managePromoters);
  const url = new URL(request.url);
  const stageParam = url.searchParams.get("stage") ?? "";
  const stage = (STAGES as string[]).includes(stageParam) ? (stageParam as PromoterStage) : null;
  const page = Math.max(1, Number(url.searchParams.get("page") ?? "1") || 1);
  const [promoters, nps] = await Promise.all([listPromoters(context.db), npsSummary(context.db)]);
  const filtered = stage ? promoters.filter((p) => p.stage === stage) : promoters;
  const counts = Object.fromEntries(
    STAGES.map((s) => [s, promoters.filter((p) => p.stage === s).length]),
  ) as Record<PromoterStage, number>;
  return json({
    nps,
    funnel: promoterFunnel(promoters),
    counts,
    stage,
    rows: filtered.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE),
    total: filtered.length,
    page,
    pageCount: Math.max(1, Math.ceil(filtered.length / PAGE_SIZE)),
  });
}

const RowId = z.coerce.number().int().positive().max(MAX_ID);
const ActionSchemas = {
  invite: z.object({
    email: z.string().trim().email("Not an email address."),
    responseId: RowId.optional(),
  }),
  revoke: z.object({ invitationId: RowId }),
  story: z.object({ responseId: RowId }),
};

export async function action({ request, context }: ActionFunctionArgs) {
  await requireAllowed(request, context, policy.managePromoters);
  const parsed = parseIntent(await request.formData(), ActionSchemas);
  if (!parsed.ok)
    return formErrors({
      fieldErrors: parsed.fieldErrors,
      formError: "That request was not complete.",
    });
  const url = new URL(request.url);
  const back = `${url.pathname}${url.search}`;
  try {
    if (parsed.intent === "invite") {
      const { token, invitation } = await createInvitation(await commandContext(request, context), {
        email: parsed.data.email,
        responseId: parsed.data.responseId,
      });
      // The link is shown once: only its hash is stored.
      return json({
        invited: {
          email: invitation.email,
          link: `${url.origin}${invitationPath(token)}`,
          expiresAt: invitation.expires_at,
        },
      });
    }
    if (parsed.intent === "revoke") {
      const invitation = await revokeInvitation(await commandContext(request, context), {
        invitationId: parsed.data.invitationId,
      });
      return redirectWithToast(back, {
        kind: "success",
        title: `Invitation to ${invitation.email} withdrawn`,
      });
    }
    const outcome = await startStoryFromResponse(
      await commandContext(request, context),
      parsed.data.responseId,
    );
    return redirectWithToast(back, {
      kind: "success",
      title: `Story draft started for ${outcome.advocateName}`,
      description: "Their comment is the challenge; they accept the draft before editing it.",
    });
  } catch (error) {
    return answerDomainError(error);
  }
}

const dateFormat = (d: string | Date) =>
  new Date(d).toLocaleDateString("en-GB", {
    day: "numeric",
    month: "short",
    year: "numeric",
    timeZone: "UTC",
  });

export default function Promoters() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  const invited = actionData && "invited" in actionData ? actionData.invited : null;
  const formError = actionData && "formError" in actionData ? actionData.formError : null;
  const o = data.nps.overall;
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <p className="max-w-2xl text-sm text-stone-600 dark:text-stone-400">
          Survey responses classify people as promoters (9–10), passives (7–8) and detractors (0–6).
          Invite the promoters who are not members yet: an invitation link makes them verified
          customers when they join.
        </p>
        <div className="flex gap-2">
          <ButtonLink to="/manage/promoters/responses" variant="secondary">
            All responses
          </ButtonLink>
          <ButtonLink to="/manage/promoters/import">Import responses</ButtonLink>
          <ButtonLink to="/manage/promoters/surveys" variant="secondary">
            Surveys
          </ButtonLink>
        </div>
      </div>
      {invited ? (
        <Card className="border-brand-300 p-5 dark:border-brand-800" role="status">
          <h2 className="font-semibold">Invitation ready for {invited.email}</h2>
          <p className="mt-1 text-sm text-stone-600 dark:text-stone-400">
            Send this link to them yourself. It works once, until {dateFormat(invited.expiresAt)},
            and is shown only now.
          </p>
          <label className="mt-3 block text-sm font-medium" htmlFor="invite-link">
            Invitation link
          </label>
          <input
            id="invite-link"
            readOnly
            value={invited.link}
            className="mt-1 w-full rounded-lg border border-stone-300 bg-stone-50 px-3 py-2 font-mono text-sm dark:border-stone-700 dark:bg-stone-950"
            data-testid="invitation-link"
          />
        </Card>
      ) : null}
      <FormError message={formError} />
      <dl className="grid grid-cols-2 gap-4 lg:grid-cols-4">
        <Stat
          label="NPS"
          value={o.nps === null ? "—" : o.nps > 0 ? `+${o.nps}` : o.nps}
          testId="promoters-nps"
        />
        <Stat label="Promoters" value={o.promoters} hint="Responses scoring 9–10" />
        <Stat label="Passives" value={o.passives} hint="7–8" />
        <Stat label="Detractors" value={o.detractors} hint="0–6" />
      </dl>
      <div className="grid gap-6 lg:grid-cols-2">
        <Card className="p-5">
          <h2 className="mb-3 text-lg font-semibold">NPS by month</h2>
          <NpsTrendChart points={data.nps.monthly} />
        </Card>
        <Card className="p-5">
          <h2 className="mb-3 text-lg font-semibold">Promoter funnel</h2>
          <Funnel steps={data.funnel} label="From promoter to first contribution" />
        </Card>
      </div>
      <Card className="p-4">
        <Form method="get" className="flex flex-wrap items-end gap-3">
          <SelectField
            label="Stage"
            name="stage"
            defaultValue={data.stage ?? ""}
            className="min-w-64"
          >
            <option value="">
              Every promoter ({Object.values(data.counts).reduce((a, b) => a + b, 0)})
            </option>
            {STAGES.map((s) => (
              <option key={s} value={s}>
                {STAGE_LABELS[s]} ({data.counts[s]})
              </option>
            ))}
          </SelectField>
          <Button type="submit" variant="secondary">
            Show
          </Button>
        </Form>
      </Card>
      {data.rows.length === 0 ? (
        <EmptyState title="No promoters here">
          Import survey responses, or choose another stage.
        </EmptyState>
      ) : (
        <Card className="overflow-x-auto">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Promoters ({data.total})</caption>
            <thead className="border-b border-stone-200 text-xs uppercase tracking-wide text-stone-600 dark:border-stone-800 dark:text-stone-400">
              <tr>
                <th scope="col" className="px-4 py-3">
                  Promoter
                </th>
                <th scope="col" className="px-4 py-3">
                  Said
                </th>
                <th scope="col" className="px-4 py-3">
                  Stage
                </th>
                <th scope="col" className="px-4 py-3 text-right">
                  Actions
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-stone-200 dark:divide-stone-800">
              {data.rows.map((p) => (
                <tr key={p.email} data-testid={`promoter-${p.email}`}>
                  <td className="px-4 py-3 align-top">
                    {p.user ? (
                      <Link to={`/u/${p.user.handle}`} className="font-medium hover:underline">
                        {p.user.displayName}
                      </Link>
                    ) : (
                      <span className="font-medium">{p.name || p.email}</span>
                    )}
                    <div className="text-stone-600 dark:text-stone-400">
                      {p.email}
                      {p.company ? ` · ${p.company}` : ""}
                    </div>
                  </td>
                  <td className="max-w-md px-4 py-3 align-top">
                    <span className="font-semibold tabular-nums">{p.score}</span>
                    <span className="text-stone-500"> on {dateFormat(p.respondedAt)}</span>
                    {p.comment ? (
                      <p className="mt-1 line-clamp-3 text-stone-700 dark:text-stone-300">
                        “{p.comment}”
                      </p>
                    ) : null}
                  </td>
                  <td className="px-4 py-3 align-top">
                    <Badge
                      tone={
                        p.stage === "contributed"
                          ? "brand"
                          : p.stage === "not_member"
                            ? "neutral"
                            : "spot"
                      }
                    >
                      {STAGE_LABELS[p.stage]}
                    </Badge>
                    {p.invitation && p.stage === "not_member" ? (
                      <div className="mt-1 text-xs text-stone-600 dark:text-stone-400">
                        Invitation {p.invitation.state}
                        {p.invitation.state === "open"
                          ? ` until ${dateFormat(p.invitation.expiresAt)}`
                          : ""}
                      </div>
                    ) : null}
                  </td>
                  <td className="px-4 py-3 align-top">
                    <div className="flex flex-wrap justify-end gap-2">
                      {p.stage === "not_member" ? (
                        <Form method="post">
                          <input type="hidden" name="intent" value="invite" />
                          <input type="hidden" name="email" value={p.email} />
                          <input type="hidden" name="responseId" value={p.responseId} />
                          <Button
                            type="submit"
                            size="sm"
                            disabled={busy}
                            aria-label={`Invite ${p.name || p.email}`}
                          >
                            {p.invitation?.state === "open" ? "New link" : "Invite"}
                          </Button>
                        </Form>
                      ) : null}
                      {p.invitation?.state === "open" && p.stage === "not_member" ? (
                        <Form
                          method="post"
                          onSubmit={(e) => {
                            if (!confirm("Withdraw this invitation? The link stops working."))
                              e.preventDefault();
                          }}
                        >
                          <input type="hidden" name="intent" value="revoke" />
                          <input type="hidden" name="invitationId" value={p.invitation.id} />
                          <Button type="submit" size="sm" variant="ghost" disabled={busy}>
                            Withdraw
                          </Button>
                        </Form>
                      ) : null}
                      {p.comment && isVerifiedCustomer(p.user) ? (
                        <Form method="post">
                          <input type="hidden" name="intent" value="story" />
                          <input type="hidden" name="responseId" value={p.responseId} />
                          <Button type="submit" size="sm" variant="secondary" disabled={busy}>
                            Start a story
                          </Button>
                        </Form>
                      ) : null}
                    </div>
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
