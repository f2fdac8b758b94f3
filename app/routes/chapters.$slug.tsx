import {
  json,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { Container } from "~/components/app-shell.tsx";
import { EventList } from "~/components/events/event-list.tsx";
import { Badge } from "~/components/ui/badge.tsx";
import { Button, ButtonLink, buttonClass } from "~/components/ui/button.tsx";
import { Card } from "~/components/ui/card.tsx";
import { FormError, TextField } from "~/components/ui/field.tsx";
import { allowed } from "~/modules/access/ensure.ts";
import {
  appointLeader,
  chapterPeople,
  getChapterBySlug,
  isChapterMember,
  joinChapter,
  leaveChapter,
} from "~/modules/chapters/chapters.server.ts";
import { countryName } from "~/modules/chapters/countries.ts";
import { toEventCard } from "~/modules/events/cards.ts";
import { listEvents } from "~/modules/events/reads.server.ts";
import { getViewer, requireUser } from "~/utils/auth.server.ts";
import { commandContext } from "~/utils/command.server.ts";
import { formFields } from "~/utils/form-fields.ts";
import { invalidForm, parseIntent } from "~/utils/forms.ts";
import { answerDomainError, orErrorPage } from "~/utils/http.server.ts";
import { redirectWithToast } from "~/utils/toast.server.ts";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.chapter.name} chapter · Limelight` : "Chapter not found · Limelight" },
  { name: "description", content: data?.chapter.description ?? "" },
];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const viewer = await getViewer(request, context);
  const chapter = await orErrorPage(getChapterBySlug(context.db, params.slug ?? ""));
  const [people, upcoming, past, member] = await Promise.all([
    chapterPeople(context.db, chapter.id),
    listEvents(context.db, { when: "upcoming", chapterId: chapter.id }),
    listEvents(context.db, { when: "past", chapterId: chapter.id, limit: 10 }),
    viewer ? isChapterMember(context.db, chapter.id, viewer.id) : Promise.resolve(false),
  ]);
  const leaderIds = people.leaders.map((l) => l.id);
  return json({
    chapter: {
      id: chapter.id,
      slug: chapter.slug,
      name: chapter.name,
      description: chapter.description,
      region: chapter.region,
      language: chapter.language,
      countryName: chapter.country ? countryName(chapter.country) : null,
    },
    leaders: people.leaders.map((l) => ({ handle: l.handle, name: l.display_name })),
    // Member names are for signed-in readers; visitors see how many there are.
    members: viewer ? people.members.map((m) => ({ handle: m.handle, name: m.display_name })) : [],
    memberCount: people.members.length,
    upcoming: upcoming.map(toEventCard),
    past: past.map(toEventCard),
    signedIn: Boolean(viewer),
    member,
    leads: viewer ? leaderIds.includes(viewer.id) : false,
    mayPost: allowed("postEvent", viewer, { leaderIds }),
    mayManage: allowed("manageChapters", viewer),
  });
}

const AppointSchema = z.object({
  handle: z.string().trim().min(1, "Enter the handle of the person to appoint."),
});

export async function action({ request, context, params }: ActionFunctionArgs) {
  await requireUser(request, context);
  const chapter = await orErrorPage(getChapterBySlug(context.db, params.slug ?? ""));
  const submission = parseIntent(await request.formData(), {
    join: z.object({}),
    leave: z.object({}),
    appoint: AppointSchema,
  });
  if (!submission.ok) return invalidForm(submission);
  const back = `/chapters/${chapter.slug}`;
  try {
    const ctx = await commandContext(request, context);
    if (submission.intent === "join") {
      await joinChapter(ctx, { chapterId: chapter.id });
      return redirectWithToast(back, { kind: "success", title: `You joined ${chapter.name}` });
    }
    if (submission.intent === "leave") {
      await leaveChapter(ctx, { chapterId: chapter.id });
      return redirectWithToast(back, { kind: "info", title: `You left ${chapter.name}` });
    }
    await appointLeader(ctx, { chapterId: chapter.id, handle: submission.data.handle });
    return redirectWithToast(back, { kind: "success", title: "Leader appointed" });
  } catch (error) {
    return answerDomainError(error, { intent: submission.intent });
  }
}

export default function Chapter() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const appoint = formFields<typeof AppointSchema>(actionData, {}, { intent: "appoint" });
  const c = data.chapter;
  return (
    <Container className="max-w-5xl">
      <Link
        to="/chapters"
        className="text-sm font-medium text-brand-700 underline dark:text-brand-300"
      >
        ← All chapters
      </Link>
      <div className="mt-4 flex flex-wrap items-start justify-between gap-4">
        <div>
          <h1 className="text-3xl font-bold tracking-tight text-stone-900 dark:text-white">
            {c.name}
          </h1>
          <div className="mt-2 flex flex-wrap gap-2">
            <Badge tone="info">{c.region}</Badge>
            {c.countryName ? <Badge>{c.countryName}</Badge> : null}
            <Badge>
              Meets in {new Intl.DisplayNames(["en"], { type: "language" }).of(c.language)}
            </Badge>
          </div>
        </div>
        <div className="flex flex-wrap gap-2">
          <a href={`/chapters/${c.slug}/calendar.ics`} className={buttonClass("ghost", "md")}>
            Subscribe to calendar
          </a>
          {data.mayPost ? (
            <ButtonLink to={`/events/new?chapter=${c.id}`} variant="secondary">
              Post an event
            </ButtonLink>
          ) : null}
          {data.signedIn && !data.leads ? (
            <Form method="post">
              <input type="hidden" name="intent" value={data.member ? "leave" : "join"} />
              <Button type="submit" variant={data.member ? "ghost" : "primary"}>
                {data.member ? "Leave chapter" : "Join chapter"}
              </Button>
            </Form>
          ) : null}
          {!data.signedIn ? (
            <ButtonLink to={`/login?redirectTo=/chapters/${c.slug}`}>Sign in to join</ButtonLink>
          ) : null}
        </div>
      </div>
      {actionData?.formError && actionData.values?.intent !== "appoint" ? (
        <div className="mt-4">
          <FormError message={actionData.formError} />
        </div>
      ) : null}
      <p className="mt-4 max-w-3xl text-stone-700 dark:text-stone-300">{c.description}</p>

      <div className="mt-8 grid gap-8 md:grid-cols-3">
        <div className="space-y-8 md:col-span-2">
          <section aria-labelledby="upcoming">
            <h2 id="upcoming" className="mb-3 text-xl font-semibold">
              Upcoming events
            </h2>
            <EventList
              events={data.upcoming}
              empty="Nothing planned yet"
              emptyText="The chapter's leaders post meetups and webinars here."
            />
          </section>
          <section aria-labelledby="past">
            <h2 id="past" className="mb-3 text-xl font-semibold">
              Past events
            </h2>
            <EventList events={data.past} empty="No past events" />
          </section>
        </div>
        <aside className="space-y-6">
          <Card className="p-5">
            <h2 className="font-semibold">Leaders</h2>
            {data.leaders.length === 0 ? (
              <p className="mt-2 text-sm text-stone-600 dark:text-stone-400">No leader yet.</p>
            ) : (
              <ul className="mt-2 space-y-1 text-sm">
                {data.leaders.map((l) => (
                  <li key={l.handle}>
                    <Link to={`/u/${l.handle}`} className="hover:underline">
                      {l.name}
                    </Link>
                  </li>
                ))}
              </ul>
            )}
            {data.mayManage ? (
              <Form method="post" className="mt-4 space-y-2">
                <input type="hidden" name="intent" value="appoint" />
                <TextField
                  label="Appoint a leader (handle)"
                  {...appoint.field("handle")}
                  error={appoint.field("handle").error ?? appoint.formError}
                />
                <Button type="submit" variant="secondary" size="sm">
                  Appoint
                </Button>
              </Form>
            ) : null}
          </Card>
          <Card className="p-5">
            <h2 className="font-semibold">
              {data.memberCount === 1 ? "1 member" : `${data.memberCount} members`}
            </h2>
            {data.members.length > 0 ? (
              <ul className="mt-2 space-y-1 text-sm">
                {data.members.map((m) => (
                  <li key={m.handle}>
                    <Link to={`/u/${m.handle}`} className="hover:underline">
                      {m.name}
                    </Link>
                  </li>
                ))}
              </ul>
            ) : null}
          </Card>
        </aside>
      </div>
    </Container>
  );
}
