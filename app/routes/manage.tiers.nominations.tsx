import {
  json,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { formatDate } from "~/components/tiers/format.ts";
import { Segmented } from "~/components/tiers/segmented.tsx";
import { Badge } from "~/components/ui/badge.tsx";
import { Button } from "~/components/ui/button.tsx";
import { Card } from "~/components/ui/card.tsx";
import { EmptyState } from "~/components/ui/empty-state.tsx";
import { FormError, TextField } from "~/components/ui/field.tsx";
import { Pagination } from "~/components/ui/pagination.tsx";
import { policy } from "~/modules/access/policy.ts";
import { decideNomination, listNominations } from "~/modules/tiers/nominations.server.ts";
import { DecisionSchema } from "~/modules/tiers/validation.ts";
import { requireAllowed } from "~/utils/auth.server.ts";
import { commandContext } from "~/utils/command.server.ts";
import { formFields } from "~/utils/form-fields.ts";
import { formValues, invalidForm, parseForm } from "~/utils/forms.ts";
import { answerDomainError } from "~/utils/http.server.ts";
import { pageParam } from "~/utils/params.ts";
import { redirectWithToast } from "~/utils/toast.server.ts";

export const meta: MetaFunction = () => [{ title: "Nominations · Manage · Limelight" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireAllowed(request, context, policy.manageTierAwards);
  const url = new URL(request.url);
  const status = url.searchParams.get("status") === "decided" ? "decided" : "open";
  const page = pageParam(url.searchParams.get("page"));
  return json({ ...(await listNominations(context.db, { status, page })), status });
}

export async function action({ request, context }: ActionFunctionArgs) {
  await requireAllowed(request, context, policy.manageTierAwards);
  const formData = await request.formData();
  const parsed = parseForm(DecisionSchema, formData);
  if (!parsed.ok)
    return invalidForm({
      ...parsed,
      formError:
        parsed.fieldErrors.nominationId ??
        "Nothing was decided yet. Give a reason the nominee will read.",
    });
  try {
    const result = await decideNomination(await commandContext(request, context), parsed.data);
    return redirectWithToast("/manage/tiers/nominations", {
      kind: "success",
      title: `Nomination ${result.status}`,
      description: `${result.nomineeName} has been told.`,
    });
  } catch (error) {
    return answerDomainError(error, formValues(formData));
  }
}

export default function NominationQueue() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <p className="text-sm text-stone-600 dark:text-stone-400">
          {data.status === "open"
            ? "Open nominations, oldest first. Accepting grants the tier for a full term."
            : "Decided nominations, newest first."}
        </p>
        <Segmented
          label="Nomination status"
          current={data.status}
          items={[
            { key: "open", to: "/manage/tiers/nominations", label: "Open" },
            { key: "decided", to: "/manage/tiers/nominations?status=decided", label: "Decided" },
          ]}
        />
      </div>
      {data.rows.length === 0 ? (
        <EmptyState title={data.status === "open" ? "The queue is empty" : "Nothing decided yet"}>
          Advocates and managers nominate peers from their profiles.
        </EmptyState>
      ) : (
        <ul className="space-y-4">
          {data.rows.map((n) => {
            const mine = actionData?.values?.nominationId === String(n.id) ? actionData : undefined;
            const { field, formError } = formFields<typeof DecisionSchema>(mine);
            return (
              <li key={n.id} data-testid={`nomination-${n.nomineeHandle}`}>
                <Card className="p-5">
                  <p className="font-semibold">
                    <Link to={`/u/${n.nomineeHandle}`} className="hover:underline">
                      {n.nomineeName}
                    </Link>{" "}
                    for <Badge tone="spot">{n.tierName}</Badge>{" "}
                    {n.status !== "open" ? (
                      <Badge tone={n.status === "accepted" ? "brand" : "neutral"}>{n.status}</Badge>
                    ) : null}
                  </p>
                  <p className="mt-1 text-sm text-stone-600 dark:text-stone-400">
                    Nominated {formatDate(n.createdAt)}
                    {n.nominatorName ? (
                      <>
                        {" "}
                        by{" "}
                        <Link to={`/u/${n.nominatorHandle}`} className="underline">
                          {n.nominatorName}
                        </Link>
                      </>
                    ) : null}{" "}
                    · {n.reputation.toLocaleString("en-GB")} reputation
                  </p>
                  <p className="mt-3 whitespace-pre-line text-sm text-stone-800 dark:text-stone-200">
                    {n.reason}
                  </p>
                  {n.evidenceLinks.length ? (
                    <ul className="mt-2 space-y-1 text-sm">
                      {n.evidenceLinks.map((link) => (
                        <li key={link}>
                          <a
                            href={link}
                            rel="nofollow noopener noreferrer"
                            target="_blank"
                            className="break-all text-brand-700 underline dark:text-brand-300"
                          >
                            {link}
                          </a>
                        </li>
                      ))}
                    </ul>
                  ) : null}
                  {n.status === "open" ? (
                    <Form method="post" className="mt-4 space-y-3" noValidate>
                      <input type="hidden" name="nominationId" value={n.id} />
                      <FormError message={formError} />
                      <TextField
                        label="Reason for your decision"
                        hint="The nominee reads this."
                        {...field("reason")}
                      />
                      <div className="flex flex-wrap gap-2">
                        <Button
                          type="submit"
                          name="decision"
                          value="accept"
                          size="sm"
                          disabled={busy}
                        >
                          Accept and grant {n.tierName}
                        </Button>
                        <Button
                          type="submit"
                          name="decision"
                          value="decline"
                          size="sm"
                          variant="secondary"
                          disabled={busy}
                        >
                          Decline
                        </Button>
                      </div>
                    </Form>
                  ) : (
                    <p className="mt-3 text-sm text-stone-600 dark:text-stone-400">
                      {n.status === "accepted" ? "Accepted" : "Declined"} {formatDate(n.decidedAt)}
                      {n.deciderName ? ` by ${n.deciderName}` : ""}: “{n.decisionReason}”
                    </p>
                  )}
                </Card>
              </li>
            );
          })}
        </ul>
      )}
      <Pagination page={data.page} pageCount={data.pageCount} />
    </div>
  );
}
