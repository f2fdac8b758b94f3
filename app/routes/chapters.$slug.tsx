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
import { useTranslation } from "react-i18next";
import { useRegionName } from "~/components/place-select.tsx";
import { DEFAULT_LOCALE, FORMAT_TAGS, i18nFor, isLocale, localeOfMatches } from "~/i18n/index.ts";
import { localeOf } from "~/i18n/locale.server.ts";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const { t } = i18nFor(localeOfMatches(matches));
  return [
    {
      title: data
        ? t("chapters.chapterMetaTitle", { name: data.chapter.name })
        : t("chapters.notFoundTitle"),
    },
    { name: "description", content: data?.chapter.description ?? "" },
  ];
};

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const viewer = await getViewer(request, context);
  const chapter = await orErrorPage(getChapterBySlug(context.db, params.slug ?? ""));
  const locale = await localeOf(request, context);
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
      countryName: chapter.country ? countryName(chapter.country, locale) : null,
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

// The message is a key: the page shows it in the reader's language.
const AppointSchema = z.object({
  handle: z.string().trim().min(1, "chapters.enterHandle"),
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
  const { t } = i18nFor(await localeOf(request, context));
  const back = `/chapters/${chapter.slug}`;
  try {
    const ctx = await commandContext(request, context);
    if (submission.intent === "join") {
      await joinChapter(ctx, { chapterId: chapter.id });
      return redirectWithToast(back, {
        kind: "success",
        title: t("chapters.joined", { name: chapter.name }),
      });
    }
    if (submission.intent === "leave") {
      await leaveChapter(ctx, { chapterId: chapter.id });
      return redirectWithToast(back, {
        kind: "info",
        title: t("chapters.left", { name: chapter.name }),
      });
    }
    await appointLeader(ctx, { chapterId: chapter.id, handle: submission.data.handle });
    return redirectWithToast(back, {
      kind: "success",
      title: t("chapters.leaderAppointed"),
    });
  } catch (error) {
    return answerDomainError(error, { intent: submission.intent });
  }
}

export default function Chapter() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const appoint = formFields<typeof AppointSchema>(actionData, {}, { intent: "appoint" });
  const c = data.chapter;
  const { t, i18n } = useTranslation();
  const regionName = useRegionName();
  const pageLocale = FORMAT_TAGS[isLocale(i18n.language) ? i18n.language : DEFAULT_LOCALE];
  const handleError = appoint.field("handle").error;
  return (
    <Container className="max-w-5xl">
      <Link
        to="/chapters"
        className="text-sm font-medium text-brand-700 underline dark:text-brand-300"
      >
        {t("chapters.allChapters")}
      </Link>
      <div className="mt-4 flex flex-wrap items-start justify-between gap-4">
        <div>
          <h1 className="text-3xl font-bold tracking-tight text-stone-900 dark:text-white">
            {c.name}
          </h1>
          <div className="mt-2 flex flex-wrap gap-2">
            <Badge tone="info">{regionName(c.region)}</Badge>
            {c.countryName ? <Badge>{c.countryName}</Badge> : null}
            <Badge>
              {t("chapters.meetsIn", {
                language:
                  new Intl.DisplayNames([pageLocale], { type: "language" }).of(c.language) ??
                  c.language,
              })}
            </Badge>
          </div>
        </div>
        <div className="flex flex-wrap gap-2">
          <a href={`/chapters/${c.slug}/calendar.ics`} className={buttonClass("ghost", "md")}>
            {t("chapters.subscribe")}
          </a>
          {data.mayPost ? (
            <ButtonLink to={`/events/new?chapter=${c.id}`} variant="secondary">
              {t("chapters.postEvent")}
            </ButtonLink>
          ) : null}
          {data.signedIn && !data.leads ? (
            <Form method="post">
              <input type="hidden" name="intent" value={data.member ? "leave" : "join"} />
              <Button type="submit" variant={data.member ? "ghost" : "primary"}>
                {data.member ? t("chapters.leave") : t("chapters.join")}
              </Button>
            </Form>
          ) : null}
          {!data.signedIn ? (
            <ButtonLink to={`/login?redirectTo=/chapters/${c.slug}`}>
              {t("chapters.signInToJoin")}
            </ButtonLink>
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
              {t("chapters.upcoming")}
            </h2>
            <EventList
              events={data.upcoming}
              empty={t("chapters.nothingPlanned")}
              emptyText={t("chapters.nothingPlannedHint")}
            />
          </section>
          <section aria-labelledby="past">
            <h2 id="past" className="mb-3 text-xl font-semibold">
              {t("chapters.past")}
            </h2>
            <EventList events={data.past} empty={t("chapters.noPast")} />
          </section>
        </div>
        <aside className="space-y-6">
          <Card className="p-5">
            <h2 className="font-semibold">{t("chapters.leaders")}</h2>
            {data.leaders.length === 0 ? (
              <p className="mt-2 text-sm text-stone-600 dark:text-stone-400">
                {t("chapters.noLeader")}
              </p>
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
                  label={t("chapters.appointLabel")}
                  {...appoint.field("handle")}
                  error={
                    (handleError === "chapters.enterHandle"
                      ? t("chapters.enterHandle")
                      : handleError) ?? appoint.formError
                  }
                />
                <Button type="submit" variant="secondary" size="sm">
                  {t("chapters.appoint")}
                </Button>
              </Form>
            ) : null}
          </Card>
          <Card className="p-5">
            <h2 className="font-semibold">{t("chapters.members", { count: data.memberCount })}</h2>
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
