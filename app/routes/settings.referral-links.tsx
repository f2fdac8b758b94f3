import {
  json,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { Stat } from "~/components/promoters/charts.tsx";
import { ReferralLinksTable } from "~/components/promoters/referral-links-table.tsx";
import { Button } from "~/components/ui/button.tsx";
import { Card } from "~/components/ui/card.tsx";
import { CheckboxField } from "~/components/ui/field.tsx";
import { allowed } from "~/modules/access/ensure.ts";
import {
  createReferralLinks,
  ownReferralLinks,
  setHelpedCountShown,
} from "~/modules/promoters/referral-links.server.ts";
import { requireUser } from "~/utils/auth.server.ts";
import { commandContext } from "~/utils/command.server.ts";
import { invalidForm, parseIntent } from "~/utils/forms.ts";
import { answerDomainError } from "~/utils/http.server.ts";
import { redirectWithToast } from "~/utils/toast.server.ts";

export const meta: MetaFunction = () => [{ title: "Referral links · Settings · Limelight" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context);
  if (!allowed("shareReferralLinks", user)) return json({ advocate: false as const });
  const own = await ownReferralLinks(context.db, user);
  return json({
    advocate: true as const,
    ...own,
    links: own.links.map((l) => ({
      ...l,
      url: l.path ? `${context.env.PUBLIC_URL}${l.path}` : null,
    })),
  });
}

export async function action({ request, context }: ActionFunctionArgs) {
  await requireUser(request, context);
  const parsed = parseIntent(await request.formData(), {
    create: z.object({}),
    helped: z.object({ show: z.string().optional() }),
  });
  if (!parsed.ok) return invalidForm(parsed);
  try {
    const run = await commandContext(request, context);
    if (parsed.intent === "create") {
      await createReferralLinks(run, {});
      return redirectWithToast("/settings/referral-links", {
        kind: "success",
        title: "Your referral links are ready",
      });
    }
    const { show } = await setHelpedCountShown(run, { show: parsed.data.show === "on" });
    return redirectWithToast("/settings/referral-links", {
      kind: "success",
      title: show
        ? "Your profile shows the companies you helped"
        : "Your profile no longer shows it",
    });
  } catch (error) {
    return answerDomainError(error);
  }
}

export default function ReferralLinkSettings() {
  const data = useLoaderData<typeof loader>();
  const busy = useNavigation().state === "submitting";
  if (!data.advocate)
    return (
      <Card className="p-6 text-sm">
        Personal referral links are for verified advocates. Once the community team verifies you as
        a customer, your links appear here.
      </Card>
    );
  return (
    <div className="space-y-6">
      <Card className="space-y-5 p-6">
        <div>
          <h2 className="text-lg font-semibold">Referral links</h2>
          <p className="mt-1 text-sm text-stone-600 dark:text-stone-400">
            Share a link to your profile, a story or a talk. When someone who came through it later
            asks for a conversation or is referred, you are credited for bringing them. It uses one
            first-party cookie and no trackers:{" "}
            <Link
              to="/referral-links"
              className="font-medium text-brand-700 underline dark:text-brand-300"
            >
              how referral links work
            </Link>
            .
          </p>
        </div>
        {data.code ? (
          <>
            <dl className="grid grid-cols-2 gap-4">
              <Stat label="Clicks" value={data.totals.clicks} testId="links-clicks" />
              <Stat
                label="Conversions"
                value={data.totals.conversions}
                testId="links-conversions"
              />
            </dl>
            <ReferralLinksTable links={data.links} />
          </>
        ) : (
          <Form method="post">
            <input type="hidden" name="intent" value="create" />
            <Button type="submit" disabled={busy}>
              Create my referral links
            </Button>
          </Form>
        )}
      </Card>
      <Card className="space-y-4 p-6">
        <h2 className="text-lg font-semibold">Companies you helped decide</h2>
        <p className="text-sm text-stone-600 dark:text-stone-400">
          You share the credit of {data.helped} won {data.helped === 1 ? "company" : "companies"}.
          Your profile can say “helped {data.helped} companies decide”; it never shows revenue or
          names.
        </p>
        <Form method="post" className="space-y-4">
          <input type="hidden" name="intent" value="helped" />
          <CheckboxField
            name="show"
            label="Show it on my public profile"
            defaultChecked={data.showHelped}
          />
          <Button type="submit" variant="secondary" disabled={busy}>
            Save
          </Button>
        </Form>
      </Card>
    </div>
  );
}
