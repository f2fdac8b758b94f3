import {
  json,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { useTranslation } from "react-i18next";
import { InSentence, SLOT } from "~/components/auth/in-sentence.tsx";
import { i18nFor, localeOfMatches } from "~/i18n/index.ts";
import { localeOf } from "~/i18n/locale.server.ts";
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

export const meta: MetaFunction = ({ matches }) => [
  { title: i18nFor(localeOfMatches(matches)).t("settings.referralLinks.meta") },
];

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
  const { t } = i18nFor(await localeOf(request, context));
  try {
    const run = await commandContext(request, context);
    if (parsed.intent === "create") {
      await createReferralLinks(run, {});
      return redirectWithToast("/settings/referral-links", {
        kind: "success",
        title: t("settings.referralLinks.ready"),
      });
    }
    const { show } = await setHelpedCountShown(run, { show: parsed.data.show === "on" });
    return redirectWithToast("/settings/referral-links", {
      kind: "success",
      title: show
        ? t("settings.referralLinks.helpedShown")
        : t("settings.referralLinks.helpedHidden"),
    });
  } catch (error) {
    return answerDomainError(error);
  }
}

export default function ReferralLinkSettings() {
  const data = useLoaderData<typeof loader>();
  const busy = useNavigation().state === "submitting";
  const { t } = useTranslation();
  if (!data.advocate)
    return <Card className="p-6 text-sm">{t("settings.referralLinks.notAdvocate")}</Card>;
  return (
    <div className="space-y-6">
      <Card className="space-y-5 p-6">
        <div>
          <h2 className="text-lg font-semibold">{t("settings.referralLinks.title")}</h2>
          <p className="mt-1 text-sm text-stone-600 dark:text-stone-400">
            <InSentence text={t("settings.referralLinks.intro", { link: SLOT })}>
              <Link
                to="/referral-links"
                className="font-medium text-brand-700 underline dark:text-brand-300"
              >
                {t("settings.referralLinks.howItWorks")}
              </Link>
            </InSentence>
          </p>
        </div>
        {data.code ? (
          <>
            <dl className="grid grid-cols-2 gap-4">
              <Stat
                label={t("settings.referralLinks.clicks")}
                value={data.totals.clicks}
                testId="links-clicks"
              />
              <Stat
                label={t("settings.referralLinks.conversions")}
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
              {t("settings.referralLinks.create")}
            </Button>
          </Form>
        )}
      </Card>
      <Card className="space-y-4 p-6">
        <h2 className="text-lg font-semibold">{t("settings.referralLinks.helpedTitle")}</h2>
        <p className="text-sm text-stone-600 dark:text-stone-400">
          {t("settings.referralLinks.helped", { count: data.helped })}
        </p>
        <Form method="post" className="space-y-4">
          <input type="hidden" name="intent" value="helped" />
          <CheckboxField
            name="show"
            label={t("settings.referralLinks.showHelped")}
            defaultChecked={data.showHelped}
          />
          <Button type="submit" variant="secondary" disabled={busy}>
            {t("ui.save")}
          </Button>
        </Form>
      </Card>
    </div>
  );
}
