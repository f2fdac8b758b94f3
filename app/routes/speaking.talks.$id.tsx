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
import { shareSentence } from "~/modules/share/intents.ts";
import { Avatar } from "~/components/ui/avatar.tsx";
import { Badge } from "~/components/ui/badge.tsx";
import { Card } from "~/components/ui/card.tsx";
import { policy } from "~/modules/access/policy.ts";
import { formatLabel } from "~/modules/advocacy/formats.ts";
import { talkPointsByFormat } from "~/modules/advocacy/points.server.ts";
import {
  addTalkEvidence,
  getVisibleTalk,
  rejectTalk,
  verifyTalk,
} from "~/modules/advocacy/talks.server.ts";
import { pointsForKeys } from "~/modules/reputation/award-amounts.server.ts";
import { formatEventTime } from "~/modules/advocacy/time.ts";
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

export const meta: MetaFunction<typeof loader> = ({ data }) => {
  if (!data) return [{ title: "Talk not found · Limelight" }];
  return talkPageMeta(data);
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
    when: formatEventTime(talk.given_at, talk.time_zone),
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
          title: "Evidence added",
          description: "A community manager will verify your talk.",
        });
      case "verify": {
        const verified = await verifyTalk(ctx, { talkId });
        return redirectWithToast(back, {
          kind: "success",
          title: verified.alreadyVerified ? "Already verified" : "Talk verified",
          description: verified.alreadyVerified
            ? "Nothing changed; its points were awarded once."
            : "The speaker's points and profile are updated.",
        });
      }
      case "reject":
        await rejectTalk(ctx, { talkId, reason: submission.data.reason });
        return redirectWithToast(back, { kind: "info", title: "Talk not verified" });
    }
  } catch (error) {
    return answerDomainError(error, formValues(formData));
  }
}

export default function Talk() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const t = data.talk;
  return (
    <Container className="max-w-4xl">
      <Link
        to="/speaking"
        className="text-sm font-medium text-brand-700 underline dark:text-brand-300"
      >
        ← Speaking
      </Link>
      <div className="mt-4 flex flex-wrap items-center gap-2">
        <Badge tone="info">{formatLabel(t.format)}</Badge>
        <TalkStatusBadge status={t.status} />
        {data.points ? <Badge tone="spot">+{data.points} points</Badge> : null}
        {t.origin === "self_reported" ? <Badge>Logged by the speaker</Badge> : null}
      </div>
      <h1 className="mt-3 text-3xl font-bold tracking-tight text-stone-900 dark:text-white">
        {t.title}
      </h1>
      <p className="mt-1 text-lg text-stone-600 dark:text-stone-400">{t.event_name}</p>
      <div className="mt-4 flex items-center gap-3">
        <Avatar name={t.speaker_name} handle={t.speaker_handle} size="sm" />
        {data.speakerLinkable ? (
          <Link to={`/u/${t.speaker_handle}`} className="font-medium hover:underline">
            {t.speaker_name}
          </Link>
        ) : (
          <span className="font-medium">{t.speaker_name}</span>
        )}
        {t.speaker_company ? (
          <span className="text-stone-600 dark:text-stone-400">· {t.speaker_company}</span>
        ) : null}
      </div>

      <div className="mt-6 grid gap-6 md:grid-cols-3">
        <div className="space-y-6 md:col-span-2">
          {t.abstract ? (
            <Card className="p-6">
              <h2 className="text-lg font-semibold">About the talk</h2>
              <p className="mt-3 whitespace-pre-line text-stone-700 dark:text-stone-300">
                {t.abstract}
              </p>
            </Card>
          ) : null}

          {t.status === "rejected" && t.rejection_reason ? (
            <div className="rounded-xl border border-red-300 bg-red-50 p-6 dark:border-red-800 dark:bg-red-950/40">
              <h2 className="text-lg font-semibold">Not verified</h2>
              <p className="mt-2 text-stone-700 dark:text-stone-300">{t.rejection_reason}</p>
              {data.canAddEvidence ? (
                <p className="mt-2 text-sm text-stone-600 dark:text-stone-400">
                  You can add better evidence below and ask again.
                </p>
              ) : null}
            </div>
          ) : null}

          {data.canAddEvidence ? (
            <TalkEvidenceCard
              talk={t}
              happened={data.happened}
              when={data.when}
              pointsIfVerified={data.pointsIfVerified}
              busy={busy}
              actionData={actionData}
            />
          ) : null}
          {data.canVerify || data.canReject ? (
            <TalkVerificationCard
              talk={t}
              canVerify={data.canVerify}
              canReject={data.canReject}
              pointsIfVerified={data.pointsIfVerified}
              busy={busy}
              actionData={actionData}
            />
          ) : null}
          {data.ownTalkForStaff ? (
            <p className="text-sm text-stone-600 dark:text-stone-400">
              This is your own talk: another community manager verifies it.
            </p>
          ) : null}
        </div>

        <TalkFacts talk={t} when={data.when} />
      </div>
      {data.imageUrl ? (
        <ShareButtons
          url={data.url}
          text={shareSentence.talk(t.title, t.event_name, data.isSpeaker)}
        />
      ) : null}
    </Container>
  );
}
