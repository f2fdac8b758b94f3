import {
  json,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { z } from "zod";
import { Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { TalkStatusBadge } from "~/components/advocacy/status-badge.tsx";
import {
  TalkEvidenceCard,
  TalkFacts,
  TalkVerificationCard,
} from "~/components/advocacy/talk-panels.tsx";
import { Container } from "~/components/app-shell.tsx";
import { ShareButtons } from "~/components/share/share-buttons.tsx";
import { Avatar } from "~/components/ui/avatar.tsx";
import { Badge } from "~/components/ui/badge.tsx";
import { Card } from "~/components/ui/card.tsx";
import { policy } from "~/modules/access/policy.ts";
import { talkPointsByFormat } from "~/modules/advocacy/points.server.ts";
import {
  addTalkEvidence,
  getVisibleTalk,
  rejectTalk,
  verifyTalk,
} from "~/modules/advocacy/talks.server.ts";
import { pointsForKeys } from "~/modules/reputation/award-amounts.server.ts";
import { EvidenceSchema, ReasonSchema } from "~/modules/advocacy/validation.ts";
import { canTalk } from "~/modules/advocacy/workflow.ts";
import { shareImageUrl } from "~/modules/share/cards.server.ts";
import { talkPageMeta } from "~/modules/share/meta.ts";
import { getViewer, requireUser } from "~/utils/auth.server.ts";
import { commandContext } from "~/utils/command.server.ts";
import { formValues, invalidForm, parseIntent } from "~/utils/forms.ts";
import { answerDomainError, orErrorPage } from "~/utils/http.server.ts";
import { idParam } from "~/utils/params.ts";
import { redirectWithToast } from "~/utils/toast.server.ts";
import { talkFormatLabel } from "~/components/advocacy/labels.ts";
import { eventTimeIn } from "~/modules/advocacy/local-time.ts";
import { useTranslation } from "react-i18next";
import { i18nFor, localeOfMatches } from "~/i18n/index.ts";
import { localeOf } from "~/i18n/locale.server.ts";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const { t } = i18nFor(localeOfMatches(matches));
  if (!data) return [{ title: t("speaking.talk.notFoundTitle") }];
  const description = t("speaking.talk.metaDescription", {
    name: data.talk.speaker_name,
    event: data.talk.event_name,
    when: data.when,
  });
  return talkPageMeta(data).map((tag) =>
    "name" in tag && (tag.name === "description" || tag.name === "twitter:description")
      ? { ...tag, content: description }
      : "property" in tag && tag.property === "og:description"
        ? { ...tag, content: description }
        : tag,
  );
};

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const viewer = await getViewer(request, context);
  const talk = await orErrorPage(getVisibleTalk(context.db, viewer, idParam(params.id)));
  const subject = { speakerId: talk.speaker_id, status: talk.status, origin: talk.origin };
  const [awarded, catalogue] = await Promise.all([
    talk.award_key ? pointsForKeys(context.db, [talk.award_key]) : Promise.resolve(new Map()),
    talkPointsByFormat(context.db),
  ]);
  const isSpeaker = viewer?.id === talk.speaker_id;
  const origin = context.env.PUBLIC_URL.replace(/\/+$/, "");
  const happened = new Date(talk.given_at) <= new Date();
  const canSeeDetails =
    isSpeaker || policy.verifyTalk(viewer, subject) || policy.manageSpeaking(viewer);
  return json({
    talk: {
      id: talk.id,
      title: talk.title,
      event_name: talk.event_name,
      format: talk.format,
      status: talk.status,
      origin: talk.origin,
      is_virtual: talk.is_virtual,
      location: talk.location,
      abstract: talk.abstract,
      event_url: talk.event_url,
      recording_url: talk.recording_url,
      slides_url: talk.slides_url,
      attendance: talk.attendance,
      evidence_note: canSeeDetails ? talk.evidence_note : "",
      rejection_reason: canSeeDetails ? talk.rejection_reason : "",
      speaker_name: talk.speaker_name,
      speaker_handle: talk.speaker_handle,
      speaker_company: talk.speaker_company,
      decided_by_name: talk.decided_by_name,
    },
    speakerLinkable: policy.viewProfile(viewer, {
      userId: talk.speaker_id,
      isPublic: talk.speaker_public,
    }),
    when: eventTimeIn(await localeOf(request, context))(talk.given_at, talk.time_zone),
    points: talk.award_key ? (awarded.get(talk.award_key) ?? null) : null,
    pointsIfVerified: catalogue[talk.format],
    happened,
    canAddEvidence: policy.addTalkEvidence(viewer, subject) && canTalk("addEvidence", talk.status),
    canVerify: policy.verifyTalk(viewer, subject) && canTalk("verify", talk.status),
    canReject: policy.verifyTalk(viewer, subject) && canTalk("reject", talk.status),
    ownTalkForStaff: isSpeaker && policy.manageSpeaking(viewer),
    url: `${origin}/speaking/talks/${talk.id}`,
    isSpeaker,
    imageUrl: await shareImageUrl(context.db, origin, "talk", String(talk.id)),
  });
}

const TalkIntents = {
  evidence: EvidenceSchema,
  verify: z.object({}),
  reject: ReasonSchema,
};

export async function action({ request, context, params }: ActionFunctionArgs) {
  await requireUser(request, context);
  const talkId = idParam(params.id);
  const { t } = i18nFor(await localeOf(request, context));
  const formData = await request.formData();
  const submission = parseIntent(formData, TalkIntents);
  if (!submission.ok) return invalidForm(submission);
  const back = `/speaking/talks/${talkId}`;
  try {
    const ctx = await commandContext(request, context);
    switch (submission.intent) {
      case "evidence":
        await addTalkEvidence(ctx, { talkId, evidence: submission.data });
        return redirectWithToast(back, {
          kind: "success",
          title: t("speaking.talk.evidenceAdded"),
          description: t("speaking.talk.evidenceAddedBody"),
        });
      case "verify": {
        const verified = await verifyTalk(ctx, { talkId });
        return redirectWithToast(back, {
          kind: "success",
          title: verified.alreadyVerified
            ? t("speaking.talk.alreadyVerified")
            : t("speaking.talk.verified"),
          description: verified.alreadyVerified
            ? t("speaking.talk.alreadyVerifiedBody")
            : t("speaking.talk.verifiedBody"),
        });
      }
      case "reject":
        await rejectTalk(ctx, { talkId, reason: submission.data.reason });
        return redirectWithToast(back, { kind: "info", title: t("speaking.talk.notVerified") });
    }
  } catch (error) {
    return answerDomainError(error, formValues(formData));
  }
}

export default function Talk() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const talk = data.talk;
  const { t } = useTranslation();
  return (
    <Container className="max-w-4xl">
      <Link
        to="/speaking"
        className="text-sm font-medium text-brand-700 underline dark:text-brand-300"
      >
        {t("speaking.talk.back")}
      </Link>
      <div className="mt-4 flex flex-wrap items-center gap-2">
        <Badge tone="info">{talkFormatLabel(t, talk.format)}</Badge>
        <TalkStatusBadge status={talk.status} />
        {data.points ? (
          <Badge tone="spot">{t("speaking.points", { points: data.points })}</Badge>
        ) : null}
        {talk.origin === "self_reported" ? <Badge>{t("speaking.talk.selfReported")}</Badge> : null}
      </div>
      <h1 className="mt-3 text-3xl font-bold tracking-tight text-stone-900 dark:text-white">
        {talk.title}
      </h1>
      <p className="mt-1 text-lg text-stone-600 dark:text-stone-400">{talk.event_name}</p>
      <div className="mt-4 flex items-center gap-3">
        <Avatar name={talk.speaker_name} handle={talk.speaker_handle} size="sm" />
        {data.speakerLinkable ? (
          <Link to={`/u/${talk.speaker_handle}`} className="font-medium hover:underline">
            {talk.speaker_name}
          </Link>
        ) : (
          <span className="font-medium">{talk.speaker_name}</span>
        )}
        {talk.speaker_company ? (
          <span className="text-stone-600 dark:text-stone-400">· {talk.speaker_company}</span>
        ) : null}
      </div>

      <div className="mt-6 grid gap-6 md:grid-cols-3">
        <div className="space-y-6 md:col-span-2">
          {talk.abstract ? (
            <Card className="p-6">
              <h2 className="text-lg font-semibold">{t("speaking.talk.about")}</h2>
              <p className="mt-3 whitespace-pre-line text-stone-700 dark:text-stone-300">
                {talk.abstract}
              </p>
            </Card>
          ) : null}

          {talk.status === "rejected" && talk.rejection_reason ? (
            <div className="rounded-xl border border-red-300 bg-red-50 p-6 dark:border-red-800 dark:bg-red-950/40">
              <h2 className="text-lg font-semibold">{t("speaking.talk.notVerifiedTitle")}</h2>
              <p className="mt-2 text-stone-700 dark:text-stone-300">{talk.rejection_reason}</p>
              {data.canAddEvidence ? (
                <p className="mt-2 text-sm text-stone-600 dark:text-stone-400">
                  {t("speaking.talk.betterEvidence")}
                </p>
              ) : null}
            </div>
          ) : null}

          {data.canAddEvidence ? (
            <TalkEvidenceCard
              talk={talk}
              happened={data.happened}
              when={data.when}
              pointsIfVerified={data.pointsIfVerified}
              busy={busy}
              actionData={actionData}
            />
          ) : null}
          {data.canVerify || data.canReject ? (
            <TalkVerificationCard
              talk={talk}
              canVerify={data.canVerify}
              canReject={data.canReject}
              pointsIfVerified={data.pointsIfVerified}
              busy={busy}
              actionData={actionData}
            />
          ) : null}
          {data.ownTalkForStaff ? (
            <p className="text-sm text-stone-600 dark:text-stone-400">
              {t("speaking.talk.ownTalk")}
            </p>
          ) : null}
        </div>

        <TalkFacts talk={talk} when={data.when} />
      </div>
      {data.imageUrl ? (
        <ShareButtons
          url={data.url}
          text={
            data.isSpeaker
              ? t("speaking.talk.shareOwn", { event: talk.event_name, title: talk.title })
              : t("speaking.talk.shareOther", { event: talk.event_name, title: talk.title })
          }
        />
      ) : null}
    </Container>
  );
}
