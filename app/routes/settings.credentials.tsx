import {
  json,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { i18nFor, localeOfMatches } from "~/i18n/index.ts";
import { localeOf } from "~/i18n/locale.server.ts";
import { z } from "zod";
import { CredentialItem } from "~/components/credentials/credential-item.tsx";
import { Button } from "~/components/ui/button.tsx";
import { Card } from "~/components/ui/card.tsx";
import { EmptyState } from "~/components/ui/empty-state.tsx";
import { FormError } from "~/components/ui/field.tsx";
import { issuerUrls, linkedInAddUrl } from "~/modules/credentials/document.ts";
import { CREDENTIAL_ID } from "~/modules/credentials/files.server.ts";
import {
  ISSUER_NAME,
  issueCredentials,
  reissueCredential,
} from "~/modules/credentials/issue.server.ts";
import { listOwnCredentials } from "~/modules/credentials/reads.server.ts";
import { requireUser } from "~/utils/auth.server.ts";
import { commandContext } from "~/utils/command.server.ts";
import type { ActionError } from "~/utils/form-fields.ts";
import { invalidForm, parseIntent } from "~/utils/forms.ts";
import { answerDomainError } from "~/utils/http.server.ts";
import { redirectWithToast } from "~/utils/toast.server.ts";

export const meta: MetaFunction = ({ matches }) => [
  { title: i18nFor(localeOfMatches(matches)).t("settings.credentials.meta") },
];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context);
  const urls = issuerUrls(context.env.PUBLIC_URL);
  const rows = await listOwnCredentials(context.db, user.id);
  return json({
    credentials: rows.map((c) => {
      const url = urls.credential(c.id);
      return {
        id: c.id,
        name: c.name,
        kind: c.kind,
        isPublic: c.is_public,
        issuedAt: new Date(c.issued_at).toISOString(),
        validUntil: c.valid_until ? new Date(c.valid_until).toISOString() : null,
        revokedAt: c.revoked_at ? new Date(c.revoked_at).toISOString() : null,
        revokedReason: c.revoked_reason,
        url,
        linkedIn: linkedInAddUrl({
          name: c.name,
          organizationName: ISSUER_NAME,
          issuedAt: new Date(c.issued_at),
          validUntil: c.valid_until ? new Date(c.valid_until) : null,
          url,
          id: c.id,
        }),
      };
    }),
  });
}

/** The page's two buttons; `notFound` is said in the reader's language. */
const intents = (notFound: string) => ({
  check: z.object({ intent: z.literal("check") }),
  reissue: z.object({
    intent: z.literal("reissue"),
    id: z.string().regex(CREDENTIAL_ID, notFound),
  }),
});

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request, context);
  const { t } = i18nFor(await localeOf(request, context));
  const parsed = parseIntent(await request.formData(), intents(t("settings.credentials.notFound")));
  if (!parsed.ok) return invalidForm(parsed);
  const secret = context.env.SETTINGS_ENCRYPTION_KEY;
  try {
    const ctx = await commandContext(request, context);
    if (parsed.intent === "check") {
      const issued = await issueCredentials(ctx, { secret, userId: user.id });
      return redirectWithToast("/settings/credentials", {
        kind: "success",
        title: issued.length
          ? t("settings.credentials.issued", { count: issued.length })
          : t("settings.credentials.upToDate"),
        description: issued.length ? undefined : t("settings.credentials.upToDateBody"),
      });
    }
    await reissueCredential(ctx, { secret, credentialId: parsed.data.id });
  } catch (error) {
    return answerDomainError(error);
  }
  return redirectWithToast("/settings/credentials", {
    kind: "success",
    title: t("settings.credentials.reissued"),
    description: t("settings.credentials.reissuedBody"),
  });
}

export default function CredentialSettings() {
  const { credentials } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as ActionError | undefined;
  const busy = useNavigation().state === "submitting";
  const { t } = useTranslation();
  return (
    <Card className="space-y-5 p-6">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h2 className="text-lg font-semibold">{t("settings.credentials.title")}</h2>
          <p className="mt-1 max-w-prose text-sm text-stone-600 dark:text-stone-400">
            {t("settings.credentials.intro")}
          </p>
        </div>
        <Form method="post">
          <input type="hidden" name="intent" value="check" />
          <Button type="submit" variant="secondary" disabled={busy}>
            {t("settings.credentials.check")}
          </Button>
        </Form>
      </div>
      <FormError message={actionData?.formError ?? actionData?.fieldErrors?.id} />
      {credentials.length === 0 ? (
        <EmptyState title={t("settings.credentials.none")}>
          {t("settings.credentials.noneBody")}
        </EmptyState>
      ) : (
        <ul
          className="divide-y divide-stone-200 dark:divide-stone-800"
          data-testid="my-credentials"
        >
          {credentials.map((c) => (
            <CredentialItem key={c.id} credential={c} busy={busy} />
          ))}
        </ul>
      )}
    </Card>
  );
}
