import {
  json,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Container, PageHeader } from "~/components/app-shell.tsx";
import { useTranslation } from "react-i18next";
import { rich, slot } from "~/components/reputation/rich.tsx";
import { i18nFor, localeOfMatches } from "~/i18n/index.ts";
import { localeOf } from "~/i18n/locale.server.ts";
import { useFormats } from "~/i18n/use-formats.ts";
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

export const meta: MetaFunction = ({ matches }) => [
  { title: i18nFor(localeOfMatches(matches)).t("nominate.metaTitle") },
];

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
  const { t } = i18nFor(await localeOf(request, context));
  const parsed = parseForm(NominationSchema, formData);
  if (!parsed.ok)
    return invalidForm({
      ...parsed,
      formError: t("nominate.notSent"),
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
      title: t("nominate.sent", { name: result.nomineeName, tier: result.tierName }),
      description: t("nominate.sentBody"),
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
  const { t } = useTranslation();
  const formats = useFormats();
  const statusLabel: Record<string, string> = {
    open: t("nominate.status.open"),
    accepted: t("nominate.status.accepted"),
    declined: t("nominate.status.declined"),
  };
  return (
    <Container className="max-w-3xl">
      <PageHeader title={t("nominate.title")} description={t("nominate.intro")} />
      <Form method="post" className="space-y-6" noValidate>
        <FormError message={formError} />
        <Card className="space-y-5 p-6">
          <div className="grid gap-5 sm:grid-cols-2">
            <TextField
              label={t("nominate.handle")}
              placeholder="catie"
              required
              {...field("handle")}
            />
            <SelectField label={t("nominate.tier")} {...field("tierId")}>
              {data.tiers.map((tier) => (
                <option key={tier.id} value={tier.id}>
                  {tier.name}
                </option>
              ))}
            </SelectField>
          </div>
          <TextAreaField
            label={t("nominate.why")}
            rows={5}
            hint={t("nominate.whyHint")}
            {...field("reason")}
          />
          <TextAreaField
            label={t("nominate.evidence")}
            rows={3}
            hint={t("nominate.evidenceHint")}
            {...field("evidence")}
          />
        </Card>
        <div className="flex justify-end">
          <Button type="submit" disabled={navigation.state === "submitting"}>
            {t("nominate.send")}
          </Button>
        </div>
      </Form>

      <section className="mt-10" aria-labelledby="mine-heading">
        <h2 id="mine-heading" className="text-lg font-semibold">
          {t("nominate.yours")}
        </h2>
        {data.mine.length === 0 ? (
          <p className="mt-2 text-sm text-stone-600 dark:text-stone-400">{t("nominate.none")}</p>
        ) : (
          <ul className="mt-3 space-y-2">
            {data.mine.map((n) => (
              <li key={n.id}>
                <Card className="flex flex-wrap items-center justify-between gap-2 px-4 py-3 text-sm">
                  <span>
                    {rich(
                      t("nominate.forTier", {
                        name: slot("name"),
                        tier: n.tierName,
                        date: formats.day(n.createdAt),
                      }),
                      {
                        name: (
                          <Link
                            to={`/u/${n.nomineeHandle}`}
                            className="font-medium hover:underline"
                          >
                            {n.nomineeName}
                          </Link>
                        ),
                      },
                    )}
                  </span>
                  <Badge
                    tone={
                      n.status === "accepted" ? "brand" : n.status === "open" ? "info" : "neutral"
                    }
                  >
                    {statusLabel[n.status] ?? n.status}
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
