import {
  json,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { around, SLOT } from "~/components/admin/locale.ts";
import { SecretOnce } from "~/components/integrations/secret-once.tsx";
import { TokenForm, TokenList } from "~/components/integrations/token-panels.tsx";
import { Card } from "~/components/ui/card.tsx";
import { FormError } from "~/components/ui/field.tsx";
import { i18nFor, localeOfMatches } from "~/i18n/index.ts";
import { localeOf } from "~/i18n/locale.server.ts";
import {
  API_SCOPES,
  createApiToken,
  listApiTokens,
  revokeApiToken,
} from "~/modules/integrations/api-tokens.server.ts";
import { IdSchema, TokenSchema, withGroups } from "~/modules/integrations/forms.server.ts";
import { requireAllowed } from "~/utils/auth.server.ts";
import { commandContext } from "~/utils/command.server.ts";
import type { ActionError } from "~/utils/form-fields.ts";
import { invalidForm, parseIntent } from "~/utils/forms.ts";
import { answerDomainError } from "~/utils/http.server.ts";

export const meta: MetaFunction = ({ matches }) => [
  { title: i18nFor(localeOfMatches(matches)).t("integrations.tokensMetaTitle") },
];

/** Requests a minute a token created here may make. */
const RATE_PER_MINUTE = 120;

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireAllowed(request, context, "manageIntegrations");
  const { t } = i18nFor(await localeOf(request, context));
  // What each scope allows, in the reader's language (the names stay as the API knows them).
  const scopes = Object.fromEntries(
    Object.entries(API_SCOPES).map(([name, sentence]) => [
      name,
      t(`integrations.scopeText.${name.replace(/[.:]/g, "_")}`, { defaultValue: sentence }),
    ]),
  );
  return json({ tokens: await listApiTokens(context.db), scopes });
}

type Answer = ActionError & { token?: { name: string; value: string }; revoked?: string };

export async function action({ request, context }: ActionFunctionArgs) {
  await requireAllowed(request, context, "manageIntegrations");
  const formData = withGroups(await request.formData(), ["scopes"]);
  const parsed = parseIntent(formData, { create: TokenSchema, revoke: IdSchema });
  if (!parsed.ok) return invalidForm(parsed);
  const values = Object.fromEntries([...formData.entries()].map(([k, v]) => [k, String(v)]));
  const ctx = await commandContext(request, context);
  try {
    if (parsed.intent === "create") {
      const made = await createApiToken(ctx, { ...parsed.data, ratePerMinute: RATE_PER_MINUTE });
      return json<Answer>(
        { token: { name: parsed.data.name, value: made.token } },
        { status: 201 },
      );
    }
    await revokeApiToken(ctx, parsed.data);
    const { t } = i18nFor(await localeOf(request, context));
    return json<Answer>({ revoked: t("integrations.revokedDone") });
  } catch (error) {
    return answerDomainError(error, values);
  }
}

export default function ApiTokens() {
  const { tokens, scopes } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>() as Answer | undefined;
  const { t } = useTranslation();
  const [before, after] = around(t("integrations.sendAs", { header: SLOT }));
  return (
    <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_24rem]">
      <section className="space-y-4" aria-labelledby="tokens-heading">
        <h2 id="tokens-heading" className="text-lg font-semibold">
          {t("integrations.tokens")}
        </h2>
        {answer?.token ? (
          <SecretOnce
            title={t("integrations.tokenSecretTitle", { name: answer.token.name })}
            value={answer.token.value}
          >
            <p>
              {before}
              <code>Authorization: Bearer …</code>
              {after}
            </p>
          </SecretOnce>
        ) : null}
        {answer?.revoked ? <p role="status">{answer.revoked}</p> : null}
        {answer?.values?.intent !== "create" ? <FormError message={answer?.formError} /> : null}
        <TokenList tokens={tokens} />
      </section>
      <Card className="h-fit p-5">
        <h2 className="mb-4 text-lg font-semibold">{t("integrations.createHeading")}</h2>
        <TokenForm key={answer?.token?.value ?? "new"} scopes={scopes} actionData={answer} />
      </Card>
    </div>
  );
}
