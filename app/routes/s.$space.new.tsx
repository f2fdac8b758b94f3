import {
  json,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Container, PageHeader } from "~/components/app-shell.tsx";
import { MarkdownHelp } from "~/components/discussions/markdown-help.tsx";
import { Button } from "~/components/ui/button.tsx";
import { Card } from "~/components/ui/card.tsx";
import { WrittenInField } from "~/components/languages/written-in-field.tsx";
import { FormError, TextAreaField, TextField } from "~/components/ui/field.tsx";
import { fill, slots } from "~/components/discussions/fill.tsx";
import { i18nFor, localeOfMatches } from "~/i18n/index.ts";
import { localeOf } from "~/i18n/locale.server.ts";
import { createThread } from "~/modules/discussions/posts.server.ts";
import { postableSpaces } from "~/modules/discussions/pages.server.ts";
import { getReadableSpace } from "~/modules/discussions/spaces.server.ts";
import { LIMITS, NewThreadSchema } from "~/modules/discussions/validation.ts";
import { localiseFormErrors } from "~/modules/discussions/validation-messages.ts";
import { getViewer, requireUser } from "~/utils/auth.server.ts";
import { commandContext } from "~/utils/command.server.ts";
import { formFields } from "~/utils/form-fields.ts";
import { formValues, invalidForm, parseForm } from "~/utils/forms.ts";
import { answerDomainError, orErrorPage } from "~/utils/http.server.ts";
import { redirectWithToast } from "~/utils/toast.server.ts";

async function loadSpace(request: Request, context: LoaderFunctionArgs["context"], slug: string) {
  await requireUser(request, context);
  const viewer = await getViewer(request, context);
  const space = await orErrorPage(getReadableSpace(context.db, viewer, slug));
  return { viewer, space, kinds: postableSpaces(viewer, [space])[0] ?? null };
}

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { space, kinds } = await loadSpace(request, context, params.space ?? "");
  return json({
    space: { slug: space.slug, name: space.name, description: space.description },
    canAsk: Boolean(kinds?.question),
    canDiscuss: Boolean(kinds?.discussion),
  });
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { space } = await loadSpace(request, context, params.space ?? "");
  const formData = await request.formData();
  const parsed = parseForm(NewThreadSchema, formData);
  const { t } = i18nFor(await localeOf(request, context));
  if (!parsed.ok) return invalidForm(localiseFormErrors(parsed, t));
  try {
    const created = await createThread(await commandContext(request, context), {
      ...parsed.data,
      spaceId: space.id,
    });
    return redirectWithToast(`/t/${created.threadId}/${created.slug}`, {
      kind: "success",
      title:
        parsed.data.kind === "question"
          ? t("composer.postedQuestion")
          : t("composer.postedDiscussion"),
      description: t("composer.postedDescription"),
    });
  } catch (error) {
    return answerDomainError(error, formValues(formData));
  }
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const { t } = i18nFor(localeOfMatches(matches));
  return [
    {
      title: data ? t("composer.metaTitleIn", { space: data.space.name }) : t("composer.metaTitle"),
    },
    { name: "robots", content: "noindex" },
  ];
};

export default function NewThread() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const { field, formError } = formFields<typeof NewThreadSchema>(actionData, {
    kind: data.canAsk ? "question" : "discussion",
  });
  const kind = field("kind");
  const { t } = useTranslation();
  return (
    <Container className="max-w-3xl">
      <PageHeader
        title={t("composer.heading", { space: data.space.name })}
        description={data.space.description}
      />
      {!data.canAsk && !data.canDiscuss ? (
        <Card className="p-6">
          <p className="text-stone-700 dark:text-stone-300">
            {fill(t("composer.closed", slots("link")), {
              link: (
                <Link to="/s/ask-the-community" className="font-medium underline">
                  {t("composer.askTheCommunity")}
                </Link>
              ),
            })}
          </p>
        </Card>
      ) : (
        <Card className="p-6">
          <Form method="post" className="space-y-5" noValidate>
            <FormError message={formError} />
            <fieldset>
              <legend className="text-sm font-medium text-stone-800 dark:text-stone-200">
                {t("composer.whatIsIt")}
              </legend>
              <div className="mt-2 grid gap-3 sm:grid-cols-2">
                {data.canAsk ? (
                  <label className="flex cursor-pointer gap-3 rounded-lg border border-stone-300 p-3 text-sm has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50 dark:border-stone-700 dark:has-[:checked]:bg-brand-900/30">
                    <input
                      type="radio"
                      name="kind"
                      value="question"
                      defaultChecked={kind.defaultValue === "question"}
                      className="mt-0.5 accent-brand-700"
                    />
                    <span>
                      <span className="block font-medium">{t("composer.aQuestion")}</span>
                      <span className="text-stone-600 dark:text-stone-400">
                        {t("composer.aQuestionHint")}
                      </span>
                    </span>
                  </label>
                ) : null}
                {data.canDiscuss ? (
                  <label className="flex cursor-pointer gap-3 rounded-lg border border-stone-300 p-3 text-sm has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50 dark:border-stone-700 dark:has-[:checked]:bg-brand-900/30">
                    <input
                      type="radio"
                      name="kind"
                      value="discussion"
                      defaultChecked={kind.defaultValue === "discussion"}
                      className="mt-0.5 accent-brand-700"
                    />
                    <span>
                      <span className="block font-medium">{t("composer.aDiscussion")}</span>
                      <span className="text-stone-600 dark:text-stone-400">
                        {t("composer.aDiscussionHint")}
                      </span>
                    </span>
                  </label>
                ) : null}
              </div>
              {kind.error ? (
                <p className="mt-1 text-sm text-red-700 dark:text-red-400" role="alert">
                  {kind.error}
                </p>
              ) : null}
            </fieldset>
            <TextField
              label={t("composer.title")}
              {...field("title")}
              maxLength={LIMITS.titleMax}
              required
              hint={t("composer.titleHint")}
            />
            <TextAreaField
              label={t("composer.details")}
              {...field("body")}
              maxLength={LIMITS.bodyMax}
              rows={10}
              required
              hint={<MarkdownHelp />}
            />
            <TextField
              label={t("composer.tags")}
              {...field("tags")}
              hint={t("composer.tagsHint")}
            />
            <WrittenInField {...field("language")} />
            <div className="flex flex-wrap justify-end gap-3">
              <Link
                to={`/s/${data.space.slug}`}
                className="px-3 py-2 text-sm font-medium text-stone-700 hover:underline dark:text-stone-300"
              >
                {t("composer.cancel")}
              </Link>
              <Button type="submit" disabled={navigation.state === "submitting"}>
                {t("composer.post")}
              </Button>
            </div>
          </Form>
        </Card>
      )}
    </Container>
  );
}
