import {
  json,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { TierBadge } from "~/components/tiers/tier-badge.tsx";
import { Button } from "~/components/ui/button.tsx";
import { Card } from "~/components/ui/card.tsx";
import {
  CheckboxField,
  FormError,
  SelectField,
  TextAreaField,
  TextField,
} from "~/components/ui/field.tsx";
import { policy } from "~/modules/access/policy.ts";
import { createTier, listTiers, updateTier } from "~/modules/tiers/catalogue.server.ts";
import { reconcileAutomaticTiers } from "~/modules/tiers/standing.server.ts";
import { slugify, TIER_COLOURS, TIER_ICONS, TierSchema } from "~/modules/tiers/validation.ts";
import { requireAllowed } from "~/utils/auth.server.ts";
import { formErrors, parseForm } from "~/utils/forms.ts";
import { answerDomainError } from "~/utils/http.server.ts";
import { redirectWithToast } from "~/utils/toast.server.ts";

export const meta: MetaFunction = () => [{ title: "Tier catalogue · Manage · Limelight" }];

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

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireAllowed(request, context, policy.editTierCatalogue);
  const actor = { id: user.id, role: user.role };
  const formData = await request.formData();
  const values = Object.fromEntries(
    [...formData.entries()].filter((e): e is [string, string] => typeof e[1] === "string"),
  );
  if (values.intent === "reconcile") {
    const changes = await reconcileAutomaticTiers(context.db);
    for (const change of changes) context.realtime.refreshViewer?.(change.userId);
    return redirectWithToast("/manage/tiers/catalogue", {
      kind: "success",
      title: "Automatic tiers recomputed",
      description: changes.length
        ? `${changes.length} ${changes.length === 1 ? "person's" : "people's"} automatic tier changed.`
        : "Everyone already held the tier their reputation gives them.",
    });
  }
  const parsed = parseForm(TierSchema, formData);
  if (!parsed.ok)
    return formErrors({
      fieldErrors: parsed.fieldErrors,
      values: { ...parsed.values, tierId: values.tierId ?? "" },
      formError: "Nothing was saved. Check the fields below.",
    });
  try {
    const tierId = Number(values.tierId);
    if (values.intent === "create") {
      await createTier(context.db, actor, { ...parsed.data, slug: slugify(parsed.data.name) });
    } else {
      await updateTier(context.db, actor, tierId, parsed.data);
    }
    // Thresholds may have moved: bring everyone's automatic tier in line now.
    const changes = await reconcileAutomaticTiers(context.db);
    for (const change of changes) context.realtime.refreshViewer?.(change.userId);
    return redirectWithToast("/manage/tiers/catalogue", {
      kind: "success",
      title: values.intent === "create" ? "Tier added" : "Tier saved",
      description: changes.length
        ? `${changes.length} ${changes.length === 1 ? "person's" : "people's"} automatic tier changed.`
        : "Nobody's automatic tier changed.",
    });
  } catch (error) {
    return answerDomainError(error, values);
  }
}

type TierValues = {
  name: string;
  rank: string;
  kind: string;
  description: string;
  colour: string;
  icon: string;
  reputationThreshold: string;
  requiresShowcase: boolean;
  termMonths: string;
  unlocks: string;
  ndaTerms: string;
};

function TierFields({ values, errors }: { values: TierValues; errors: Record<string, string> }) {
  return (
    <div className="space-y-4">
      <div className="grid gap-4 sm:grid-cols-3">
        <TextField label="Name" name="name" defaultValue={values.name} error={errors.name} />
        <TextField
          label="Rank"
          name="rank"
          type="number"
          min={1}
          defaultValue={values.rank}
          error={errors.rank}
          hint="Higher ranks read more; gated spaces compare with it."
        />
        <SelectField
          label="How it is reached"
          name="kind"
          defaultValue={values.kind}
          error={errors.kind}
        >
          <option value="base">Every verified customer</option>
          <option value="automatic">Automatically, by reputation</option>
          <option value="awarded">Awarded by a manager for a term</option>
        </SelectField>
        <TextField
          label="Reputation threshold (automatic)"
          name="reputationThreshold"
          type="number"
          min={1}
          defaultValue={values.reputationThreshold}
          error={errors.reputationThreshold}
          hint="Reached here, kept down to 90 % of it."
        />
        <TextField
          label="Term in months (awarded)"
          name="termMonths"
          type="number"
          min={1}
          defaultValue={values.termMonths}
          error={errors.termMonths}
        />
        <div className="pt-7">
          <CheckboxField
            name="requiresShowcase"
            label="Needs a verified talk or published case study"
            defaultChecked={values.requiresShowcase}
          />
        </div>
        <SelectField
          label="Colour"
          name="colour"
          defaultValue={values.colour}
          error={errors.colour}
        >
          {TIER_COLOURS.map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </SelectField>
        <SelectField label="Icon" name="icon" defaultValue={values.icon} error={errors.icon}>
          {TIER_ICONS.map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </SelectField>
      </div>
      <TextAreaField
        label="Description"
        name="description"
        rows={2}
        defaultValue={values.description}
        error={errors.description}
      />
      <TextAreaField
        label="What it unlocks (one per line)"
        name="unlocks"
        rows={3}
        defaultValue={values.unlocks}
        error={errors.unlocks}
      />
      <TextAreaField
        label="NDA terms (markdown)"
        name="ndaTerms"
        rows={4}
        defaultValue={values.ndaTerms}
        error={errors.ndaTerms}
        hint="Changing the terms asks everyone in this tier to acknowledge them again."
      />
    </div>
  );
}

export default function TierCatalogue() {
  const { tiers } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  const v = actionData?.values;
  return (
    <div className="space-y-4">
      <div className="flex flex-col gap-3 sm:flex-row sm:items-center sm:justify-between">
        <p className="text-sm text-stone-600 dark:text-stone-400">
          The tiers, lowest rank first. Changes to thresholds apply to everyone at once.
        </p>
        <Form method="post">
          <input type="hidden" name="intent" value="reconcile" />
          <Button type="submit" size="sm" variant="secondary" disabled={busy}>
            Recompute automatic tiers
          </Button>
        </Form>
      </div>
      {tiers.map((tier) => {
        const mine = v?.tierId === String(tier.id) ? actionData : undefined;
        const mv = mine?.values;
        return (
          <Card key={tier.id} className="p-5">
            <details open={Boolean(mine)}>
              <summary className="flex cursor-pointer flex-wrap items-center gap-3">
                <TierBadge name={tier.name} colour={tier.colour} icon={tier.icon} size="md" />
                <span className="text-sm text-stone-600 dark:text-stone-400">
                  rank {tier.rank} ·{" "}
                  {tier.kind === "base"
                    ? "every verified customer"
                    : tier.kind === "automatic"
                      ? `automatic at ${tier.reputationThreshold} reputation${tier.requiresShowcase ? " + a talk or story" : ""}`
                      : `awarded for ${tier.termMonths} months`}{" "}
                  · NDA terms v{tier.ndaVersion}
                </span>
              </summary>
              <Form method="post" className="mt-4 space-y-4" noValidate>
                <input type="hidden" name="intent" value="update" />
                <input type="hidden" name="tierId" value={tier.id} />
                <FormError message={mine?.formError} />
                <TierFields
                  errors={mine?.fieldErrors ?? {}}
                  values={{
                    name: mv?.name ?? tier.name,
                    rank: mv?.rank ?? String(tier.rank),
                    kind: mv?.kind ?? tier.kind,
                    description: mv?.description ?? tier.description,
                    colour: mv?.colour ?? tier.colour,
                    icon: mv?.icon ?? tier.icon,
                    reputationThreshold:
                      mv?.reputationThreshold ?? String(tier.reputationThreshold ?? ""),
                    requiresShowcase: mv ? mv.requiresShowcase === "on" : tier.requiresShowcase,
                    termMonths: mv?.termMonths ?? String(tier.termMonths ?? ""),
                    unlocks: mv?.unlocks ?? tier.unlocks.join("\n"),
                    ndaTerms: mv?.ndaTerms ?? tier.ndaTerms,
                  }}
                />
                <div className="flex justify-end">
                  <Button type="submit" disabled={busy}>
                    Save {tier.name}
                  </Button>
                </div>
              </Form>
            </details>
          </Card>
        );
      })}
      <Card className="p-5">
        <details open={v?.intent === "create"}>
          <summary className="cursor-pointer font-medium">Add a tier</summary>
          <Form method="post" className="mt-4 space-y-4" noValidate>
            <input type="hidden" name="intent" value="create" />
            <input type="hidden" name="tierId" value="new" />
            {v?.intent === "create" ? <FormError message={actionData?.formError} /> : null}
            <TierFields
              errors={v?.intent === "create" ? (actionData?.fieldErrors ?? {}) : {}}
              values={{
                name: v?.intent === "create" ? (v.name ?? "") : "",
                rank: v?.intent === "create" ? (v.rank ?? "") : "",
                kind: v?.intent === "create" ? (v.kind ?? "awarded") : "awarded",
                description: v?.intent === "create" ? (v.description ?? "") : "",
                colour: v?.intent === "create" ? (v.colour ?? "stone") : "stone",
                icon: v?.intent === "create" ? (v.icon ?? "circle") : "circle",
                reputationThreshold: v?.intent === "create" ? (v.reputationThreshold ?? "") : "",
                requiresShowcase: v?.intent === "create" ? v.requiresShowcase === "on" : false,
                termMonths: v?.intent === "create" ? (v.termMonths ?? "") : "12",
                unlocks: v?.intent === "create" ? (v.unlocks ?? "") : "",
                ndaTerms: v?.intent === "create" ? (v.ndaTerms ?? "") : "",
              }}
            />
            <div className="flex justify-end">
              <Button type="submit" disabled={busy}>
                Add tier
              </Button>
            </div>
          </Form>
        </details>
      </Card>
    </div>
  );
}
