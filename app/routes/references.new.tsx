import {
  json,
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Container, PageHeader } from "~/components/app-shell.tsx";
import { ConversationFields } from "~/components/promoters/ask-for-conversation.tsx";
import { Button } from "~/components/ui/button.tsx";
import { Card } from "~/components/ui/card.tsx";
import { FormError } from "~/components/ui/field.tsx";
import { ReferenceCapReachedError, type SuggestedAdvocate } from "~/modules/promoters/errors.ts";
import { isVerifiedCustomer } from "~/modules/access/policy.ts";
import { referenceAvailability } from "~/modules/promoters/reference-caps.server.ts";
import { requestReference } from "~/modules/promoters/reference-lifecycle.server.ts";
import { ReferenceRequestSchema } from "~/modules/promoters/validation.ts";
import { getProfileByHandle } from "~/modules/profiles/profiles.server.ts";
import { requireUser } from "~/utils/auth.server.ts";
import { commandContext } from "~/utils/command.server.ts";
import { formFields } from "~/utils/form-fields.ts";
import { formErrors, parseForm } from "~/utils/forms.ts";
import { answerDomainError, notFound } from "~/utils/http.server.ts";
import { readAttributionToken } from "~/utils/attribution.server.ts";
import { redirectWithToast } from "~/utils/toast.server.ts";
import { Linked, linkMark } from "~/components/advocacy/linked.tsx";
import { useTranslation } from "react-i18next";
import { i18nFor, localeOfMatches } from "~/i18n/index.ts";
import { localeOf } from "~/i18n/locale.server.ts";

export const meta: MetaFunction = ({ matches }) => [
  { title: i18nFor(localeOfMatches(matches)).t("references.new.metaTitle") },
];

async function loadAdvocate(request: Request, context: LoaderFunctionArgs["context"]) {
  const db = context.db;
  const handle = new URL(request.url).searchParams.get("advocate") ?? "";
  const profile = handle ? await getProfileByHandle(db, handle) : undefined;
  if (!profile || !isVerifiedCustomer(profile))
    throw notFound(i18nFor(await localeOf(request, context)).t("references.new.notFound"));
  return profile;
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context);
  const advocate = await loadAdvocate(request, context);
  if (advocate.id === user.id) throw redirect("/references");
  const availability = await referenceAvailability(context.db, user, advocate);
  return json({
    advocate: { handle: advocate.handle, name: advocate.display_name, company: advocate.company },
    availability,
  });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request, context);
  const advocate = await loadAdvocate(request, context);
  const { t } = i18nFor(await localeOf(request, context));
  const parsed = parseForm(ReferenceRequestSchema, await request.formData());
  if (!parsed.ok)
    return formErrors({
      fieldErrors: parsed.fieldErrors,
      values: parsed.values,
      formError: t("references.new.notSent"),
    });
  const { whenFull, ...values } = parsed.data;
  try {
    const { request: created } = await requestReference(await commandContext(request, context), {
      advocateId: advocate.id,
      prospectId: user.id,
      topic: parsed.data.topic,
      context: parsed.data.context,
      preferredTimes: parsed.data.preferredTimes,
      whenFull,
      attributionToken: await readAttributionToken(request),
    });
    return redirectWithToast(`/references/${created.id}`, {
      kind: "success",
      title: created.status === "queued" ? t("references.new.queued") : t("references.new.sent"),
      description:
        created.status === "queued"
          ? t("references.new.queuedBody", { name: advocate.display_name })
          : t("references.new.sentBody", { name: advocate.display_name }),
    });
  } catch (error) {
    if (error instanceof ReferenceCapReachedError) {
      return json(
        {
          formError: error.message,
          values,
          suggestions: error.suggestions as SuggestedAdvocate[],
          full: true,
        },
        { status: 409 },
      );
    }
    return answerDomainError(error, values);
  }
}

export default function NewReferenceRequest() {
  const { advocate, availability } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as
    | {
        formError?: string;
        fieldErrors?: Record<string, string>;
        values?: Record<string, string>;
        suggestions?: SuggestedAdvocate[];
        full?: boolean;
      }
    | undefined;
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  const { field } = formFields<typeof ReferenceRequestSchema>(actionData);
  const firstName = advocate.name.split(" ")[0] ?? advocate.name;
  const { t } = useTranslation();
  return (
    <Container className="max-w-2xl">
      <PageHeader
        title={t("references.new.title", { name: advocate.name })}
        description={
          advocate.company
            ? t("references.new.descriptionCompany", { name: firstName, company: advocate.company })
            : t("references.new.description", { name: firstName })
        }
      />
      {!availability.open ? (
        <Card className="p-6">
          <p>{t("references.new.closed", { name: advocate.name })}</p>
        </Card>
      ) : availability.earlierRequestId && !actionData ? (
        <Card className="p-6">
          <p>
            <Linked
              message={t("references.new.already", { name: firstName, link: linkMark })}
              link={
                <Link
                  to={`/references/${availability.earlierRequestId}`}
                  className="font-medium text-brand-700 underline dark:text-brand-300"
                >
                  {t("references.new.alreadyLink")}
                </Link>
              }
            />
          </p>
        </Card>
      ) : (
        <Card className="p-6">
          <Form method="post" className="space-y-5" noValidate>
            <FormError message={actionData?.formError} />
            {actionData?.full ? (
              <div className="space-y-3 rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm dark:border-amber-800 dark:bg-amber-950/40">
                {actionData.suggestions?.length ? (
                  <>
                    <p className="font-medium">
                      {t("references.new.suggestions", { name: firstName })}
                    </p>
                    <ul className="space-y-1">
                      {actionData.suggestions.map((s) => (
                        <li key={s.handle}>
                          <Link
                            to={`/u/${s.handle}`}
                            className="font-medium text-brand-700 underline dark:text-brand-300"
                          >
                            {s.displayName}
                          </Link>
                          {s.company ? ` · ${s.company}` : ""}
                          {s.industry ? ` · ${s.industry}` : ""}
                          {s.sharedExpertise.length
                            ? ` · ${t("references.new.alsoKnows", { topics: s.sharedExpertise.join(", ") })}`
                            : ""}
                        </li>
                      ))}
                    </ul>
                  </>
                ) : (
                  <p>{t("references.new.noSuggestions")}</p>
                )}
                <Button
                  type="submit"
                  name="whenFull"
                  value="queue"
                  variant="secondary"
                  disabled={busy}
                >
                  {t("references.new.queue", { name: firstName })}
                </Button>
              </div>
            ) : null}
            <ConversationFields field={field} />
            {!actionData?.full ? (
              <Button type="submit" disabled={busy}>
                {busy ? t("references.new.sending") : t("references.new.ask", { name: firstName })}
              </Button>
            ) : null}
          </Form>
        </Card>
      )}
    </Container>
  );
}
