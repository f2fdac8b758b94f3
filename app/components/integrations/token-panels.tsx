import { Form, useNavigation } from "@remix-run/react";
import { Badge } from "~/components/ui/badge.tsx";
import { Button } from "~/components/ui/button.tsx";
import { Card } from "~/components/ui/card.tsx";
import { EmptyState } from "~/components/ui/empty-state.tsx";
import { FormError, TextField } from "~/components/ui/field.tsx";
import type { TokenSchema } from "~/modules/integrations/forms.server.ts";
import { formFields, type ActionError } from "~/utils/form-fields.ts";
import { when } from "./endpoint-list.tsx";
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
      <TextField label="Name" placeholder="Salesforce" autoComplete="off" {...field("name")} />
      <CheckboxGroup
        legend="Scopes"
        name="scopes"
        options={scopes}
        chosen={chosen}
        error={field("scopes").error}
      />
      <TextField
        label="Expires after (days)"
        inputMode="numeric"
        hint="Optional. Leave empty for a token that works until it is revoked."
        {...field("expiresInDays")}
      />
      <Button type="submit" disabled={busy}>
        Create token
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
  if (tokens.length === 0)
    return (
      <EmptyState title="No tokens yet">
        Create a token for each system that reads or writes through the REST API, with only the
        scopes it needs.
      </EmptyState>
    );
  return (
    <Card>
      <ul className="divide-y divide-stone-200 dark:divide-stone-800" aria-label="API tokens">
        {tokens.map((t) => (
          <li key={t.id} className="space-y-1 px-5 py-4 text-sm">
            <div className="flex flex-wrap items-center justify-between gap-2">
              <p className="font-medium">
                {t.name} <code className="font-mono text-xs text-stone-500">{t.prefix}…</code>
              </p>
              {t.revoked_at ? (
                <Badge tone="danger">Revoked</Badge>
              ) : t.expires_at && new Date(t.expires_at) < new Date() ? (
                <Badge>Expired</Badge>
              ) : (
                <Badge tone="brand">Active</Badge>
              )}
            </div>
            <p className="text-stone-600 dark:text-stone-400">{t.scopes.join(", ")}</p>
            <div className="flex flex-wrap items-center justify-between gap-3">
              <p className="text-stone-500 dark:text-stone-400">
                Created by {t.created_by_name} {when(t.created_at)} ·{" "}
                {t.last_used_at ? `last used ${when(t.last_used_at)}` : "never used"}
                {t.expires_at ? ` · expires ${when(t.expires_at)}` : ""}
              </p>
              {t.revoked_at ? null : (
                <Form method="post">
                  <input type="hidden" name="id" value={t.id} />
                  <ConfirmSubmit
                    intent="revoke"
                    question={`Revoke the token “${t.name}”? Whatever uses it stops working at once.`}
                  >
                    Revoke
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
