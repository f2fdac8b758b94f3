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

export const meta: MetaFunction = () => [{ title: "Ask for a conversation · Limelight" }];

async function loadAdvocate(request: Request, db: Parameters<typeof getProfileByHandle>[0]) {
  const handle = new URL(request.url).searchParams.get("advocate") ?? "";
  const profile = handle ? await getProfileByHandle(db, handle) : undefined;
  if (!profile || !isVerifiedCustomer(profile)) throw notFound("We could not find that advocate.");
  return profile;
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context);
  const advocate = await loadAdvocate(request, context.db);
  if (advocate.id === user.id) throw redirect("/references");
  const availability = await referenceAvailability(context.db, user, advocate);
  return json({
    advocate: { handle: advocate.handle, name: advocate.display_name, company: advocate.company },
    availability,
  });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request, context);
  const advocate = await loadAdvocate(request, context.db);
  const parsed = parseForm(ReferenceRequestSchema, await request.formData());
  if (!parsed.ok)
    return formErrors({
      fieldErrors: parsed.fieldErrors,
      values: parsed.values,
      formError: "Your request was not sent yet.",
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
      title: created.status === "queued" ? "Your request is in the queue" : "Request sent",
      description:
        created.status === "queued"
          ? `${advocate.display_name} will see it when they have room again.`
          : `${advocate.display_name} will accept or decline. Emails are shared only after a yes.`,
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
  const firstName = advocate.name.split(" ")[0];
  return (
    <Container className="max-w-2xl">
      <PageHeader
        title={`Ask ${advocate.name} for a conversation`}
        description={`${firstName}${advocate.company ? ` (${advocate.company})` : ""} decides whether to talk. Declining costs nothing, and emails are shared only after a yes.`}
      />
      {!availability.open ? (
        <Card className="p-6">
          <p>{advocate.name} is not taking reference conversations right now.</p>
        </Card>
      ) : availability.earlierRequestId && !actionData ? (
        <Card className="p-6">
          <p>
            You already asked {firstName} recently.{" "}
            <Link
              to={`/references/${availability.earlierRequestId}`}
              className="font-medium text-brand-700 underline dark:text-brand-300"
            >
              See your request
            </Link>
            .
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
                      Advocates like {firstName} who have room this month:
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
                            ? ` · also knows ${s.sharedExpertise.join(", ")}`
                            : ""}
                        </li>
                      ))}
                    </ul>
                  </>
                ) : (
                  <p>No similar advocate has room this month either.</p>
                )}
                <Button
                  type="submit"
                  name="whenFull"
                  value="queue"
                  variant="secondary"
                  disabled={busy}
                >
                  Wait in {firstName}&apos;s queue
                </Button>
              </div>
            ) : null}
            <ConversationFields field={field} />
            {!actionData?.full ? (
              <Button type="submit" disabled={busy}>
                {busy ? "Sending…" : `Ask ${firstName}`}
              </Button>
            ) : null}
          </Form>
        </Card>
      )}
    </Container>
  );
}
