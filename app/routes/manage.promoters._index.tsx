import {
  json,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { BulkInviteBar, InvitationPreview } from "~/components/promoters/bulk-invite.tsx";
import { InvitationSent } from "~/components/promoters/invitation-sent.tsx";
import { PromotersOverview, StageFilter } from "~/components/promoters/overview.tsx";
import { PromoterTable } from "~/components/promoters/promoter-table.tsx";
import { ButtonLink, buttonClass } from "~/components/ui/button.tsx";
import { EmptyState } from "~/components/ui/empty-state.tsx";
import { FormError } from "~/components/ui/field.tsx";
import { Pagination } from "~/components/ui/pagination.tsx";
import { i18nFor, localeOfMatches } from "~/i18n/index.ts";
import { localeOf } from "~/i18n/locale.server.ts";
import { policy } from "~/modules/access/policy.ts";
import {
  invitePromoters,
  MAX_BULK_INVITATIONS,
  promotersNotYetInvited,
} from "~/modules/promoters/invitation-bulk.server.ts";
import { inviterName, previewInvitation } from "~/modules/promoters/invitation-mail.server.ts";
import {
  createInvitation,
  INVITATION_LIFETIME_DAYS,
  invitationPath,
  revokeInvitation,
} from "~/modules/promoters/invitations.server.ts";
import { PROMOTER_STAGE_LABELS, type PromoterStage } from "~/modules/promoters/labels.ts";
import { listPromoters, promoterFunnel } from "~/modules/promoters/pipeline.server.ts";
import { startStoryFromResponse } from "~/modules/promoters/stories.server.ts";
import { npsSummary } from "~/modules/promoters/survey.server.ts";
import { requireAllowed } from "~/utils/auth.server.ts";
import { commandContext } from "~/utils/command.server.ts";
import { formErrors, parseIntent } from "~/utils/forms.ts";
import { answerDomainError } from "~/utils/http.server.ts";
import { MAX_ID } from "~/utils/params.ts";
import { siteFromEnv } from "~/modules/mail/settings.ts";
import { summariseReasons } from "~/modules/mail/suppressions.server.ts";
import { redirectWithToast } from "~/utils/toast.server.ts";

export const meta: MetaFunction = ({ matches }) => [
  { title: i18nFor(localeOfMatches(matches)).t("promoters.metaTitle") },
];

const PAGE_SIZE = 20;
const STAGES = Object.keys(PROMOTER_STAGE_LABELS) as PromoterStage[];

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
    notInvited: promoters.filter((p) => p.stage === "not_member" && !p.invitation).length,
    rows: filtered.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE),
    total: filtered.length,
    page,
    pageCount: Math.max(1, Math.ceil(filtered.length / PAGE_SIZE)),
  });
}

const RowId = z.coerce.number().int().positive().max(MAX_ID);
const Many = z.object({ all: z.literal("1").optional() });
const actionSchemas = (t: TFunction) => ({
  invite: z.object({
    email: z.string().trim().email(t("promoters.notEmail")),
    responseId: RowId.optional(),
  }),
  preview: Many,
  inviteMany: Many,
  revoke: z.object({ invitationId: RowId }),
  story: z.object({ responseId: RowId }),
});
const emailsSchema = (t: TFunction) =>
  z
    .array(z.string().trim().toLowerCase().email(t("promoters.notEmail")))
    .max(MAX_BULK_INVITATIONS, t("promoters.atMost", { max: MAX_BULK_INVITATIONS }));

export async function action({ request, context }: ActionFunctionArgs) {
  const viewer = await requireAllowed(request, context, policy.managePromoters);
  const formData = await request.formData();
  const { t } = i18nFor(await localeOf(request, context));
  const parsed = parseIntent(formData, actionSchemas(t));
  if (!parsed.ok)
    return formErrors({
      fieldErrors: parsed.fieldErrors,
      formError: t("promoters.incomplete"),
    });
  const url = new URL(request.url);
  const back = `${url.pathname}${url.search}`;
  try {
    if (parsed.intent === "preview" || parsed.intent === "inviteMany") {
      const all = parsed.data.all === "1";
      const emails = emailsSchema(t).safeParse(formData.getAll("email"));
      if (!emails.success)
        return formErrors({
          formError: emails.error.issues[0]?.message ?? t("promoters.badSelection"),
        });
      if (!all && emails.data.length === 0)
        return formErrors({ formError: t("promoters.selectOne") });
      if (parsed.intent === "inviteMany") {
        const sent = await invitePromoters(
          await commandContext(request, context),
          all ? { allNotInvited: true } : { emails: emails.data },
        );
        return redirectWithToast(back, {
          kind: "success",
          title: t("promoters.sent", { count: sent.invited.length }),
          description:
            [
              sent.skipped.length
                ? t("promoters.skipped", { emails: sent.skipped.join(", ") })
                : "",
              sent.unsubscribed.length
                ? t("promoters.skippedUnsubscribed", {
                    reasons: summariseReasons(sent.unsubscribed),
                  })
                : "",
            ]
              .filter(Boolean)
              .join(" ") || t("promoters.reminders"),
        });
      }
      const targets = all
        ? await promotersNotYetInvited(context.db)
        : (await listPromoters(context.db)).filter(
            (p) => p.stage === "not_member" && emails.data.includes(p.email),
          );
      if (targets.length === 0) return formErrors({ formError: t("promoters.noneInvitable") });
      const message = await previewInvitation(siteFromEnv(context.env), {
        name: targets[0].name,
        company: targets[0].company,
        inviter: await inviterName(context.db, viewer.id),
        expiresAt: new Date(Date.now() + INVITATION_LIFETIME_DAYS * 86_400_000),
      });
      return json({
        preview: { ...message, emails: targets.map((p) => p.email), all },
      });
    }
    if (parsed.intent === "invite") {
      const { token, invitation } = await createInvitation(await commandContext(request, context), {
        email: parsed.data.email,
        responseId: parsed.data.responseId,
      });
      // Emailed now; the link is shown once too (only its hash is stored).
      return json({
        invited: {
          email: invitation.email,
          link: `${context.env.PUBLIC_URL}${invitationPath(token)}`,
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
        title: t("promoters.withdrawn", { email: invitation.email }),
        description: t("promoters.withdrawnBody"),
      });
    }
    const outcome = await startStoryFromResponse(
      await commandContext(request, context),
      parsed.data.responseId,
    );
    return redirectWithToast(back, {
      kind: "success",
      title: t("promoters.storyStarted", { name: outcome.advocateName }),
      description: t("promoters.storyStartedBody"),
    });
  } catch (error) {
    return answerDomainError(error);
  }
}

export default function Promoters() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const { t } = useTranslation();
  const invited = actionData && "invited" in actionData ? actionData.invited : null;
  const preview = actionData && "preview" in actionData ? actionData.preview : null;
  const formError = actionData && "formError" in actionData ? actionData.formError : null;
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <p className="max-w-2xl text-sm text-stone-600 dark:text-stone-400">
          {t("promoters.intro")}
        </p>
        <div className="flex flex-wrap gap-2">
          <ButtonLink to="/manage/promoters/responses" variant="secondary">
            {t("promoters.allResponses")}
          </ButtonLink>
          <a href="/manage/nps.csv" download className={buttonClass("secondary")}>
            {t("promoters.exportCsv")}
          </a>
          <ButtonLink to="/manage/promoters/import">{t("promoters.import")}</ButtonLink>
          <ButtonLink to="/manage/promoters/surveys" variant="secondary">
            {t("promoters.surveys")}
          </ButtonLink>
          <ButtonLink to="/manage/promoters/unsubscribed" variant="secondary">
            {t("promoters.unsubscribed")}
          </ButtonLink>
          <ButtonLink to="/manage/referral-links" variant="secondary">
            {t("promoters.referralLinks")}
          </ButtonLink>
        </div>
      </div>
      {invited ? <InvitationSent invited={invited} /> : null}
      {preview ? <InvitationPreview preview={preview} busy={busy} /> : null}
      <FormError message={formError} />
      <PromotersOverview
        overall={data.nps.overall}
        monthly={data.nps.monthly}
        funnel={data.funnel}
      />
      <StageFilter stage={data.stage} stages={STAGES} counts={data.counts} />
      {data.rows.length === 0 ? (
        <EmptyState title={t("promoters.noneTitle")}>{t("promoters.noneBody")}</EmptyState>
      ) : (
        <>
          <BulkInviteBar notInvited={data.notInvited} busy={busy} />
          <PromoterTable rows={data.rows} total={data.total} busy={busy} />
        </>
      )}
      <Pagination page={data.page} pageCount={data.pageCount} />
    </div>
  );
}
