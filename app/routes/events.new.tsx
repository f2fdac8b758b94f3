import {
  json,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Container } from "~/components/app-shell.tsx";
import { EventForm } from "~/components/events/event-form.tsx";
import { allowed } from "~/modules/access/ensure.ts";
import { chaptersLedBy, listChapters } from "~/modules/chapters/chapters.server.ts";
import { createEvent } from "~/modules/events/events.server.ts";
import { EventSchema } from "~/modules/events/validation.ts";
import { requireUser, getViewer } from "~/utils/auth.server.ts";
import { commandContext } from "~/utils/command.server.ts";
import { formErrors, parseForm } from "~/utils/forms.ts";
import { answerDomainError } from "~/utils/http.server.ts";
import { redirectWithToast } from "~/utils/toast.server.ts";
import { useTranslation } from "react-i18next";
import { i18nFor, localeOfMatches } from "~/i18n/index.ts";
import { localeOf } from "~/i18n/locale.server.ts";

export const meta: MetaFunction = ({ matches }) => [
  { title: i18nFor(localeOfMatches(matches)).t("events.newMetaTitle") },
];

/** Managers choose any chapter; leaders the chapters they lead. */
async function choosableChapters(request: Request, context: LoaderFunctionArgs["context"]) {
  const user = await requireUser(request, context);
  const viewer = await getViewer(request, context);
  const chapters = allowed("manageChapters", viewer)
    ? await listChapters(context.db)
    : await chaptersLedBy(context.db, user.id);
  if (chapters.length === 0)
    throw new Response("Only community managers and chapter leaders can post events.", {
      status: 403,
    });
  return chapters;
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  const chapters = await choosableChapters(request, context);
  const asked = new URL(request.url).searchParams.get("chapter");
  const chosen = chapters.find((c) => String(c.id) === asked) ?? chapters[0];
  return json({
    chapters: chapters.map((c) => ({ id: c.id, name: c.name })),
    saved: { chapterId: String(chosen.id), timeZone: chosen.time_zone },
  });
}

export async function action({ request, context }: ActionFunctionArgs) {
  await choosableChapters(request, context);
  const { t } = i18nFor(await localeOf(request, context));
  const parsed = parseForm(EventSchema, await request.formData());
  if (!parsed.ok)
    return formErrors({
      fieldErrors: parsed.fieldErrors,
      values: parsed.values,
      formError: t("events.fixFields"),
    });
  try {
    const event = await createEvent(await commandContext(request, context), parsed.data);
    return redirectWithToast(`/events/${event.id}`, { kind: "success", title: t("events.posted") });
  } catch (error) {
    return answerDomainError(error);
  }
}

export default function NewEvent() {
  const { chapters, saved } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const { t } = useTranslation();
  return (
    <Container className="max-w-2xl">
      <h1 className="mb-6 text-2xl font-bold">{t("events.newTitle")}</h1>
      <EventForm actionData={actionData} chapters={chapters} saved={saved} busy={busy} />
    </Container>
  );
}
