import {
  json,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Container, PageHeader } from "~/components/app-shell.tsx";
import { formatDate } from "~/components/tiers/format.ts";
import { Badge } from "~/components/ui/badge.tsx";
import { Button } from "~/components/ui/button.tsx";
import { Card } from "~/components/ui/card.tsx";
import { FormError, SelectField, TextAreaField, TextField } from "~/components/ui/field.tsx";
import { policy } from "~/modules/access/policy.ts";
import { listTiers } from "~/modules/tiers/catalogue.server.ts";
import { listNominations, nominate } from "~/modules/tiers/nominations.server.ts";
import { NominationSchema } from "~/modules/tiers/validation.ts";
import { requireAllowed } from "~/utils/auth.server.ts";
import { commandContext } from "~/utils/command.server.ts";
import { formFields } from "~/utils/form-fields.ts";
import { formValues, invalidForm, parseForm } from "~/utils/forms.ts";
import { answerDomainError } from "~/utils/http.server.ts";
import { redirectWithToast } from "~/utils/toast.server.ts";

export const meta: MetaFunction = () => [{ title: "Nominate an advocate · Limelight" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireAllowed(request, context, policy.nominateForTier);
  const url = new URL(request.url);
  const [tiers, mine] = await Promise.all([
    listTiers(context.db),
    listNominations(context.db, { status: "all", nominatedBy: user.id }),
  ]);
  return json({
    handle: (url.searchParams.get("handle") ?? "").slice(0, 40),
    tiers: tiers
      .filter((t) => t.kind === "awarded")
      .sort((a, b) => b.rank - a.rank)
      .map((t) => ({ id: t.id, name: t.name, description: t.description })),
    mine: mine.rows,
  });
}

export async function action({ request, context }: ActionFunctionArgs) {
  await requireAllowed(request, context, policy.nominateForTier);
  const formData = await request.formData();
  const parsed = parseForm(NominationSchema, formData);
  if (!parsed.ok)
    return invalidForm({
      ...parsed,
      formError: "Your nomination was not sent yet. Check the fields below.",
    });
  try {
    const result = await nominate(await commandContext(request, context), {
      handle: parsed.data.handle,
      tierId: parsed.data.tierId,
      reason: parsed.data.reason,
      evidenceLinks: parsed.data.evidence,
    });
    return redirectWithToast("/nominate", {
      kind: "success",
      title: `You nominated ${result.nomineeName} for ${result.tierName}`,
      description: "The community team reviews nominations; you will hear what they decide.",
    });
  } catch (error) {
    return answerDomainError(error, formValues(formData));
  }
}

export default function Nominate() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const { field, formError } = formFields<typeof NominationSchema>(actionData, {
    handle: data.handle,
  });
  return (
    <Container className="max-w-3xl">
      <PageHeader
        title="Nominate an advocate"
        description="Awarded tiers recognise a year of helping peers: talks, stories, answers, references. Tell the community team who deserves it and show them why."
      />
      <Form method="post" className="space-y-6" noValidate>
        <FormError message={formError} />
        <Card className="space-y-5 p-6">
          <div className="grid gap-5 sm:grid-cols-2">
            <TextField label="Their handle" placeholder="catie" required {...field("handle")} />
            <SelectField label="Tier" {...field("tierId")}>
              {data.tiers.map((t) => (
                <option key={t.id} value={t.id}>
                  {t.name}
                </option>
              ))}
            </SelectField>
          </div>
          <TextAreaField
            label="Why they deserve it"
            rows={5}
            hint="What did they do for their peers over the last year?"
            {...field("reason")}
          />
          <TextAreaField
            label="Evidence links"
            rows={3}
            hint="Up to 5 links, one per line: talks, threads, stories."
            {...field("evidence")}
          />
        </Card>
        <div className="flex justify-end">
          <Button type="submit" disabled={navigation.state === "submitting"}>
            Send nomination
          </Button>
        </div>
      </Form>

      <section className="mt-10" aria-labelledby="mine-heading">
        <h2 id="mine-heading" className="text-lg font-semibold">
          Your nominations
        </h2>
        {data.mine.length === 0 ? (
          <p className="mt-2 text-sm text-stone-600 dark:text-stone-400">
            You have not nominated anyone yet.
          </p>
        ) : (
          <ul className="mt-3 space-y-2">
            {data.mine.map((n) => (
              <li key={n.id}>
                <Card className="flex flex-wrap items-center justify-between gap-2 px-4 py-3 text-sm">
                  <span>
                    <Link to={`/u/${n.nomineeHandle}`} className="font-medium hover:underline">
                      {n.nomineeName}
                    </Link>{" "}
                    for {n.tierName} · {formatDate(n.createdAt)}
                  </span>
                  <Badge
                    tone={
                      n.status === "accepted" ? "brand" : n.status === "open" ? "info" : "neutral"
                    }
                  >
                    {n.status === "open" ? "under review" : n.status}
                  </Badge>
                </Card>
              </li>
            ))}
          </ul>
        )}
      </section>
    </Container>
  );
}
