import {
  json,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { Container } from "~/components/app-shell.tsx";
import { AttendancePanel, GuestList, RsvpPanel } from "~/components/events/event-panels.tsx";
import { EventDetails } from "~/components/events/event-details.tsx";
import { RecordingForm } from "~/components/events/recording-panel.tsx";
import { itemLinkFor } from "~/modules/early-access/reader.server.ts";
import { cascadeTiers } from "~/modules/tiers/catalogue.server.ts";
import { RecordingSchema } from "~/modules/events/validation.ts";
import { Badge } from "~/components/ui/badge.tsx";
import { Button } from "~/components/ui/button.tsx";
import { Card } from "~/components/ui/card.tsx";
import { FormError } from "~/components/ui/field.tsx";
import {
  attachRecording,
  cancelEvent,
  cancelRsvp,
  recordAttendance,
  rsvpToEvent,
} from "~/modules/events/events.server.ts";
import { getEventPage } from "~/modules/events/reads.server.ts";
import { getViewer, requireUser } from "~/utils/auth.server.ts";
import { commandContext } from "~/utils/command.server.ts";
import { invalidForm, parseIntent } from "~/utils/forms.ts";
import { answerDomainError, notFound } from "~/utils/http.server.ts";
import { idParam, parseId } from "~/utils/params.ts";
import { redirectWithToast } from "~/utils/toast.server.ts";
import { useTranslation } from "react-i18next";
import { i18nFor, localeOfMatches } from "~/i18n/index.ts";
import { localeOf } from "~/i18n/locale.server.ts";
import { formatEventTimeIn } from "~/modules/events/when.ts";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const { t } = i18nFor(localeOfMatches(matches));
  return [
    {
      title: data ? t("events.metaTitle", { title: data.event.title }) : t("events.notFoundTitle"),
    },
    { name: "description", content: data ? `${data.kind}, ${data.when}` : "" },
  ];
};

/** An event's kind in the page's language ("Meetup" · "线下聚会" · "Encuentro"). */
function kindName(t: (key: string) => string, kind: string): string {
  const names: Record<string, string> = {
    meetup: t("events.kind.meetup"),
    webinar: t("events.kind.webinar"),
    seminar: t("events.kind.seminar"),
    user_group: t("events.kind.userGroup"),
  };
  return names[kind] ?? kind;
}

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const id = idParam(params.id);
  const viewer = await getViewer(request, context);
  const locale = await localeOf(request, context);
  const { t } = i18nFor(locale);
  const page = await getEventPage(context.db, viewer, id);
  if (!page) throw notFound(t("events.notFound"));
  const now = new Date();
  const e = page.event;
  const over = new Date(e.ends_at) <= now;
  const recording = page.recordingItemId
    ? await itemLinkFor(context.db, viewer, page.recordingItemId, now)
    : null;
  const mayAddRecording =
    page.mayPublishRecording && over && e.status !== "cancelled" && !page.recordingItemId;
  return json({
    ...page,
    recording,
    mayAddRecording,
    // Lowest tier last, so the form can start from the widest audience short of everyone.
    tiers: mayAddRecording ? await cascadeTiers(context.db) : [],
    kind: kindName(t, e.kind),
    when: formatEventTimeIn(e.starts_at, e.time_zone, locale),
    until: formatEventTimeIn(e.ends_at, e.time_zone, locale),
    open: e.status === "scheduled" && new Date(e.ends_at) > now,
    started: new Date(e.starts_at) <= now,
    signedIn: Boolean(viewer),
  });
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  await requireUser(request, context);
  const eventId = idParam(params.id);
  const formData = await request.formData();
  const { t } = i18nFor(await localeOf(request, context));
  const attended = formData.getAll("attended").map((v) => parseId(String(v)));
  const submission = parseIntent(formData, {
    rsvp: z.object({}),
    cancelRsvp: z.object({}),
    cancelEvent: z.object({}),
    attendance: z.object({}),
    recording: RecordingSchema,
  });
  if (!submission.ok) return invalidForm(submission);
  const back = `/events/${eventId}`;
  try {
    const ctx = await commandContext(request, context);
    switch (submission.intent) {
      case "rsvp": {
        const { status } = await rsvpToEvent(ctx, { eventId });
        return redirectWithToast(
          back,
          status === "going"
            ? { kind: "success", title: t("events.seatSaved") }
            : {
                kind: "info",
                title: t("events.onWaitlist"),
                description: t("events.onWaitlistBody"),
              },
        );
      }
      case "cancelRsvp":
        await cancelRsvp(ctx, { eventId });
        return redirectWithToast(back, { kind: "info", title: t("events.placeGivenBack") });
      case "cancelEvent":
        await cancelEvent(ctx, { eventId });
        return redirectWithToast(back, { kind: "info", title: t("events.eventCancelled") });
      case "recording": {
        await attachRecording(ctx, { ...submission.data, eventId });
        return redirectWithToast(back, {
          kind: "success",
          title: t("events.recordingPublished"),
          description: t("events.recordingPublishedBody"),
        });
      }
      case "attendance": {
        if (attended.some((a) => a === null))
          return invalidForm({
            fieldErrors: {},
            values: {},
            formError: t("events.tickPeople"),
          });
        const result = await recordAttendance(ctx, {
          eventId,
          attendedUserIds: attended as number[],
        });
        return redirectWithToast(back, {
          kind: "success",
          title: t("events.attendanceRecorded"),
          description: t("events.attendanceRecordedBody", { count: result.attended }),
        });
      }
    }
  } catch (error) {
    return answerDomainError(error, { intent: submission.intent });
  }
}

export default function EventPage() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const e = data.event;
  const full = data.goingCount >= e.capacity;
  const { t } = useTranslation();
  return (
    <Container className="max-w-5xl">
      {e.chapterSlug ? (
        <Link
          to={`/chapters/${e.chapterSlug}`}
          className="text-sm font-medium text-brand-700 underline dark:text-brand-300"
        >
          ← {e.chapterName}
        </Link>
      ) : (
        <Link
          to="/chapters"
          className="text-sm font-medium text-brand-700 underline dark:text-brand-300"
        >
          {t("events.backToChapters")}
        </Link>
      )}
      <div className="mt-4 flex flex-wrap gap-2">
        <Badge tone="info">{data.kind}</Badge>
        {e.status === "cancelled" ? <Badge tone="danger">{t("events.cancelled")}</Badge> : null}
        {full && e.status !== "cancelled" ? (
          <Badge tone="spot">{t("events.fullWaitlist")}</Badge>
        ) : null}
      </div>
      <h1 className="mt-3 text-3xl font-bold tracking-tight text-stone-900 dark:text-white">
        {e.title}
      </h1>
      <FormError message={actionData?.formError} />
      <div className="mt-6 grid gap-6 md:grid-cols-3">
        <div className="space-y-6 md:col-span-2">
          <EventDetails
            event={e}
            when={data.when}
            until={data.until}
            isOnline={data.isOnline}
            onlineUrl={data.onlineUrl}
            speakers={data.speakers}
            recording={data.recording}
          />
        </div>
        <aside className="space-y-6">
          <Card className="space-y-3 p-5">
            <p className="text-sm text-stone-600 dark:text-stone-400">
              {t("events.seatsTaken", { going: data.goingCount, capacity: e.capacity })}
              {data.waitlistCount > 0
                ? ` · ${t("events.waiting", { count: data.waitlistCount })}`
                : ""}
            </p>
            {e.status === "cancelled" ? <p>{t("events.wasCancelled")}</p> : null}
            {!data.open && e.status !== "cancelled" ? <p>{t("events.isOver")}</p> : null}
            <RsvpPanel
              status={data.myStatus}
              waitlistPlace={data.myWaitlistPlace}
              signedIn={data.signedIn}
              open={data.open}
              full={full}
              loginHref={`/login?redirectTo=/events/${e.id}`}
            />
          </Card>
          {data.manages ? <GuestList going={data.attendees} waitlist={data.waitlist} /> : null}
          {data.mayRecordAttendance && data.started && e.status !== "cancelled" ? (
            <AttendancePanel
              attendees={data.attendees}
              recorded={Boolean(e.attendance_recorded_at)}
            />
          ) : null}
          {data.mayAddRecording ? (
            <RecordingForm
              actionData={actionData}
              tiers={data.tiers.map((t) => ({ id: t.id, name: t.name }))}
              eventTitle={e.title}
            />
          ) : null}
          {data.manages && data.open ? (
            <Form
              method="post"
              onSubmit={(ev) => {
                if (!confirm(t("events.confirmCancel"))) ev.preventDefault();
              }}
            >
              <input type="hidden" name="intent" value="cancelEvent" />
              <Button type="submit" variant="danger">
                {t("events.cancelEvent")}
              </Button>
            </Form>
          ) : null}
        </aside>
      </div>
    </Container>
  );
}
