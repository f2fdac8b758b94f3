import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { Outlet, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Container, PageHeader } from "~/components/app-shell.tsx";
import { Tabs } from "~/components/ui/tabs.tsx";
import { policy } from "~/modules/access/policy.ts";
import { getViewer, requireAllowed } from "~/utils/auth.server.ts";

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireAllowed(request, context, policy.useManagerTools);
  const viewer = await getViewer(request, context);
  return json({
    outbox: policy.manageOutbox(viewer),
    signIn: policy.configureSignIn(viewer),
    integrations: policy.manageIntegrations(viewer),
    embeds: policy.configureEmbeds(viewer),
    signingKeys: policy.rotateCredentialKey(viewer),
  });
}

export default function ManageLayout() {
  const { outbox, signIn, integrations, embeds, signingKeys } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <Container>
      <PageHeader title={t("manage.title")} description={t("manage.description")} />
      <Tabs
        label={t("manage.sections")}
        wrap
        items={[
          { to: "/manage", label: t("manage.nav.dashboard"), end: true },
          { to: "/manage/people", label: t("manage.nav.people") },
          { to: "/manage/promoters", label: t("manage.nav.promoters") },
          { to: "/manage/references", label: t("manage.nav.references") },
          { to: "/manage/referrals", label: t("manage.nav.referrals") },
          { to: "/manage/referral-links", label: t("manage.nav.referralLinks") },
          { to: "/manage/advocates", label: t("manage.nav.returnOnRelationship") },
          { to: "/manage/reputation", label: t("manage.nav.reputation") },
          { to: "/manage/speaking", label: t("manage.nav.speaking") },
          { to: "/manage/stories", label: t("manage.nav.stories") },
          { to: "/manage/tiers", label: t("manage.nav.tiers") },
          { to: "/manage/early-access", label: t("manage.nav.earlyAccess") },
          { to: "/manage/flags", label: t("manage.nav.flags") },
          { to: "/manage/audit", label: t("manage.nav.audit") },
          ...(outbox ? [{ to: "/manage/outbox", label: t("manage.nav.outbox") }] : []),
          ...(signIn ? [{ to: "/manage/settings/sign-in", label: t("manage.nav.signIn") }] : []),
          ...(integrations
            ? [{ to: "/manage/integrations", label: t("manage.nav.integrations") }]
            : []),
          ...(embeds ? [{ to: "/manage/settings/embeds", label: t("manage.nav.embeds") }] : []),
          ...(signingKeys
            ? [{ to: "/manage/settings/signing-keys", label: t("manage.nav.signingKeys") }]
            : []),
        ]}
      />
      <div className="pt-6">
        <Outlet />
      </div>
    </Container>
  );
}
