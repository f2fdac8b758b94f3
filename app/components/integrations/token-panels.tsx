import { Form, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Badge } from "~/components/ui/badge.tsx";
import { Button } from "~/components/ui/button.tsx";
import { Card } from "~/components/ui/card.tsx";
import { EmptyState } from "~/components/ui/empty-state.tsx";
import { FormError, TextField } from "~/components/ui/field.tsx";
import type { TokenSchema } from "~/modules/integrations/forms.server.ts";
import { formFields, type ActionError } from "~/utils/form-fields.ts";
import { useWhen } from "./endpoint-list.tsx";
import { CheckboxGroup } from "./checkbox-group.tsx";
import { ConfirmSubmit } from "./secret-once.tsx";

export function TokenForm({
  scopes,
  actionData,
}: {
  scopes: Record<string, string>;
  actionData: ActionError | undefined;
}) {
  const busy = useNavigation().state === "submitting";
  const { t } = useTranslation();
  const { field, formError, submitted } = formFields<typeof TokenSchema>(
    actionData,
    {},
    {
      intent: "create",
    },
  );
  const chosen = submitted ? (actionData?.values?.scopes ?? "").split(",") : [];
  return (
    <Form method="post" className="space-y-5" noValidate>
      <input type="hidden" name="intent" value="create" />
      <FormError message={formError} />
      <TextField
        label={t("integrations.name")}
        placeholder="Salesforce"
        autoComplete="off"
        {...field("name")}
      />
      <CheckboxGroup
        legend={t("integrations.scopes")}
        name="scopes"
        options={scopes}
        chosen={chosen}
        error={field("scopes").error}
      />
      <TextField
        label={t("integrations.expiresIn")}
        inputMode="numeric"
        hint={t("integrations.expiresInHint")}
        {...field("expiresInDays")}
      />
      <Button type="submit" disabled={busy}>
        {t("integrations.createToken")}
      </Button>
    </Form>
  );
}

export interface ListedToken {
  id: number;
  name: string;
  prefix: string;
  scopes: string[];
  created_at: string;
  expires_at: string | null;
  revoked_at: string | null;
  last_used_at: string | null;
  created_by_name: string;
}

export function TokenList({ tokens }: { tokens: ListedToken[] }) {
  const { t } = useTranslation();
  const when = useWhen();
  if (tokens.length === 0)
    return (
      <EmptyState title={t("integrations.noTokensTitle")}>
        {t("integrations.noTokensBody")}
      </EmptyState>
    );
  return (
    <Card>
      <ul
        className="divide-y divide-stone-200 dark:divide-stone-800"
        aria-label={t("integrations.tokens")}
      >
        {tokens.map((token) => (
          <li key={token.id} className="space-y-1 px-5 py-4 text-sm">
            <div className="flex flex-wrap items-center justify-between gap-2">
              <p className="font-medium">
                {token.name}{" "}
                <code className="font-mono text-xs text-stone-500">{token.prefix}…</code>
              </p>
              {token.revoked_at ? (
                <Badge tone="danger">{t("integrations.revoked")}</Badge>
              ) : token.expires_at && new Date(token.expires_at) < new Date() ? (
                <Badge>{t("integrations.expired")}</Badge>
              ) : (
                <Badge tone="brand">{t("integrations.active")}</Badge>
              )}
            </div>
            <p className="text-stone-600 dark:text-stone-400">{token.scopes.join(", ")}</p>
            <div className="flex flex-wrap items-center justify-between gap-3">
              <p className="text-stone-500 dark:text-stone-400">
                {t("integrations.createdBy", {
                  name: token.created_by_name,
                  when: when(token.created_at),
                })}
                {" · "}
                {token.last_used_at
                  ? t("integrations.lastUsed", { when: when(token.last_used_at) })
                  : t("integrations.neverUsed")}
                {token.expires_at
                  ? ` · ${t("integrations.expires", { when: when(token.expires_at) })}`
                  : ""}
              </p>
              {token.revoked_at ? null : (
                <Form method="post">
                  <input type="hidden" name="id" value={token.id} />
                  <ConfirmSubmit
                    intent="revoke"
                    question={t("integrations.revokeQuestion", { name: token.name })}
                  >
                    {t("integrations.revoke")}
                  </ConfirmSubmit>
                </Form>
              )}
            </div>
          </li>
        ))}
      </ul>
    </Card>
  );
}
