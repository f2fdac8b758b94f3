import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { Outlet, useLoaderData } from "@remix-run/react";
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
  return (
    <Container>
      <PageHeader
        title="Manage the community"
        description="Program health, people, promoters, references and everything waiting for a manager."
      />
      <Tabs
        label="Manager sections"
        wrap
        items={[
          { to: "/manage", label: "Dashboard", end: true },
          { to: "/manage/people", label: "People" },
          { to: "/manage/promoters", label: "Promoters" },
          { to: "/manage/references", label: "References" },
          { to: "/manage/referrals", label: "Referrals" },
          { to: "/manage/referral-links", label: "Referral links" },
          { to: "/manage/advocates", label: "Return on relationship" },
          { to: "/manage/reputation", label: "Reputation" },
          { to: "/manage/speaking", label: "Speaking" },
          { to: "/manage/stories", label: "Stories" },
          { to: "/manage/tiers", label: "Tiers" },
          { to: "/manage/early-access", label: "Early access" },
          { to: "/manage/flags", label: "Flags" },
          { to: "/manage/audit", label: "Audit log" },
          ...(outbox ? [{ to: "/manage/outbox", label: "Outbox" }] : []),
          ...(signIn ? [{ to: "/manage/settings/sign-in", label: "Sign-in" }] : []),
          ...(integrations ? [{ to: "/manage/integrations", label: "Integrations" }] : []),
          ...(embeds ? [{ to: "/manage/settings/embeds", label: "Embeds" }] : []),
          ...(signingKeys ? [{ to: "/manage/settings/signing-keys", label: "Signing keys" }] : []),
        ]}
      />
      <div className="pt-6">
        <Outlet />
      </div>
    </Container>
  );
}
