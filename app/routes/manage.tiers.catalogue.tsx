import {
  json,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import type { TFunction } from "i18next";
import { z } from "zod";
import { useTranslation } from "react-i18next";
import { i18nFor, localeOfMatches } from "~/i18n/index.ts";
import { localeOf } from "~/i18n/locale.server.ts";
import { TierBadge } from "~/components/tiers/tier-badge.tsx";
import { TierFields } from "~/components/tiers/tier-fields.tsx";
import { Button } from "~/components/ui/button.tsx";
import { Card } from "~/components/ui/card.tsx";
import { FormError } from "~/components/ui/field.tsx";
import { policy } from "~/modules/access/policy.ts";
import {
  createTier,
  recomputeAutomaticTiers,
  updateTier,
} from "~/modules/tiers/catalogue-edits.server.ts";
import { listTiers } from "~/modules/tiers/catalogue.server.ts";
import { slugify, TierSchema } from "~/modules/tiers/validation.ts";
import { requireAllowed } from "~/utils/auth.server.ts";
import { commandContext } from "~/utils/command.server.ts";
import { formFields } from "~/utils/form-fields.ts";
import { formValues, invalidForm, parseIntent } from "~/utils/forms.ts";
import { answerDomainError } from "~/utils/http.server.ts";
import { redirectWithToast } from "~/utils/toast.server.ts";

export const meta: MetaFunction = ({ matches }) => [
  { title: i18nFor(localeOfMatches(matches)).t("manageTiers.catalogue.metaTitle") },
];

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireAllowed(request, context, policy.editTierCatalogue);
  const tiers = await listTiers(context.db);
  return json({
    tiers: tiers.map((t) => ({
      id: t.id,
      name: t.name,
      rank: t.rank,
      kind: t.kind,
      description: t.description,
      colour: t.colour,
      icon: t.icon,
      reputationThreshold: t.reputation_threshold,
      requiresShowcase: t.requires_showcase,
      termMonths: t.term_months,
      unlocks: t.unlocks,
      ndaTerms: t.nda_terms_md,
      ndaVersion: t.nda_terms_version,
    })),
  });
}

const TierUpdateSchema = TierSchema.extend({
  tierId: z.coerce.number({ invalid_type_error: "Choose a tier." }).int().positive(),
});

function changedCount(t: TFunction, changes: unknown[], none: string): string {
  return changes.length ? t("manageTiers.catalogue.changed", { count: changes.length }) : none;
}

export async function action({ request, context }: ActionFunctionArgs) {
  await requireAllowed(request, context, policy.editTierCatalogue);
  const formData = await request.formData();
  const { t } = i18nFor(await localeOf(request, context));
  const submission = parseIntent(formData, {
    reconcile: z.object({}),
    create: TierSchema,
    update: TierUpdateSchema,
  });
  if (!submission.ok)
    return invalidForm({
      ...submission,
      formError: submission.formError ?? t("manageTiers.catalogue.notSaved"),
    });
  try {
    const ctx = await commandContext(request, context);
    if (submission.intent === "reconcile") {
      const changes = await recomputeAutomaticTiers(ctx, {});
      return redirectWithToast("/manage/tiers/catalogue", {
        kind: "success",
        title: t("manageTiers.catalogue.recomputed"),
        description: changedCount(t, changes, t("manageTiers.catalogue.unchangedAll")),
      });
    }
    const { changes } =
      submission.intent === "create"
        ? await createTier(ctx, { ...submission.data, slug: slugify(submission.data.name) })
        : await updateTier(ctx, submission.data);
    return redirectWithToast("/manage/tiers/catalogue", {
      kind: "success",
      title:
        submission.intent === "create"
          ? t("manageTiers.catalogue.added")
          : t("manageTiers.catalogue.saved"),
      description: changedCount(t, changes, t("manageTiers.catalogue.unchanged")),
    });
  } catch (error) {
    return answerDomainError(error, formValues(formData));
  }
}

export default function TierCatalogue() {
  const { tiers } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  const { t } = useTranslation();
  const v = actionData?.values;
  const added = formFields<typeof TierSchema>(
    actionData,
    { kind: "awarded", colour: "stone", icon: "circle", termMonths: "12" },
    { intent: "create" },
  );
  return (
    <div className="space-y-4">
      <div className="flex flex-col gap-3 sm:flex-row sm:items-center sm:justify-between">
        <p className="text-sm text-stone-600 dark:text-stone-400">
          {t("manageTiers.catalogue.intro")}
        </p>
        <Form method="post">
          <input type="hidden" name="intent" value="reconcile" />
          <Button type="submit" size="sm" variant="secondary" disabled={busy}>
            {t("manageTiers.catalogue.recompute")}
          </Button>
        </Form>
      </div>
      {tiers.map((tier) => {
        const mine = v?.tierId === String(tier.id) ? actionData : undefined;
        const { field, formError, submitted } = formFields<typeof TierUpdateSchema>(
          mine,
          {
            name: tier.name,
            rank: tier.rank,
            kind: tier.kind,
            description: tier.description,
            colour: tier.colour,
            icon: tier.icon,
            reputationThreshold: tier.reputationThreshold,
            termMonths: tier.termMonths,
            unlocks: tier.unlocks.join("\n"),
            ndaTerms: tier.ndaTerms,
          },
          { intent: "update" },
        );
        return (
          <Card key={tier.id} className="p-5">
            <details open={submitted}>
              <summary className="flex cursor-pointer flex-wrap items-center gap-3">
                <TierBadge name={tier.name} colour={tier.colour} icon={tier.icon} size="md" />
                <span className="text-sm text-stone-600 dark:text-stone-400">
                  {t("manageTiers.catalogue.rank", { rank: tier.rank })} ·{" "}
                  {tier.kind === "base"
                    ? t("manageTiers.catalogue.base")
                    : tier.kind === "automatic"
                      ? tier.requiresShowcase
                        ? t("manageTiers.catalogue.automaticShowcase", {
                            threshold: tier.reputationThreshold,
                          })
                        : t("manageTiers.catalogue.automatic", {
                            threshold: tier.reputationThreshold,
                          })
                      : t("manageTiers.catalogue.awarded", { months: tier.termMonths })}{" "}
                  · {t("manageTiers.catalogue.nda", { version: tier.ndaVersion })}
                </span>
              </summary>
              <Form method="post" className="mt-4 space-y-4" noValidate>
                <input type="hidden" name="intent" value="update" />
                <input type="hidden" name="tierId" value={tier.id} />
                <FormError message={formError} />
                <TierFields
                  field={field}
                  requiresShowcase={
                    submitted ? mine?.values?.requiresShowcase === "on" : tier.requiresShowcase
                  }
                />
                <div className="flex justify-end">
                  <Button type="submit" disabled={busy}>
                    {t("manageTiers.catalogue.save", { name: tier.name })}
                  </Button>
                </div>
              </Form>
            </details>
          </Card>
        );
      })}
      <Card className="p-5">
        <details open={added.submitted}>
          <summary className="cursor-pointer font-medium">
            {t("manageTiers.catalogue.addTier")}
          </summary>
          <Form method="post" className="mt-4 space-y-4" noValidate>
            <input type="hidden" name="intent" value="create" />
            <input type="hidden" name="tierId" value="new" />
            <FormError message={added.formError} />
            <TierFields
              field={added.field}
              requiresShowcase={added.submitted && actionData?.values?.requiresShowcase === "on"}
            />
            <div className="flex justify-end">
              <Button type="submit" disabled={busy}>
                {t("manageTiers.catalogue.add")}
              </Button>
            </div>
          </Form>
        </details>
      </Card>
    </div>
  );
}
