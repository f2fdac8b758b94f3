import {
  json,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useState } from "react";
import { z } from "zod";
import { Badge } from "~/components/ui/badge.tsx";
import { Button } from "~/components/ui/button.tsx";
import { Card } from "~/components/ui/card.tsx";
import { EmptyState } from "~/components/ui/empty-state.tsx";
import { FormError } from "~/components/ui/field.tsx";
import { Table } from "~/components/ui/table.tsx";
import { listSigningKeys, rotateSigningKey } from "~/modules/credentials/keys.server.ts";
import { requireAllowed } from "~/utils/auth.server.ts";
import { commandContext } from "~/utils/command.server.ts";
import type { ActionError } from "~/utils/form-fields.ts";
import { formatCount, formatLongDay } from "~/utils/format.ts";
import { invalidForm, parseIntent } from "~/utils/forms.ts";
import { answerDomainError } from "~/utils/http.server.ts";
import { redirectWithToast } from "~/utils/toast.server.ts";

export const meta: MetaFunction = () => [{ title: "Signing keys · Manage · Limelight" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireAllowed(request, context, "rotateCredentialKey");
  const keys = await listSigningKeys(context.db);
  return json({
    keys: keys.map((k) => ({
      kid: k.kid,
      createdAt: k.createdAt.toISOString(),
      retiredAt: k.retiredAt?.toISOString() ?? null,
      signed: k.signed,
    })),
  });
}

const Intents = { rotate: z.object({ intent: z.literal("rotate") }) };

export async function action({ request, context }: ActionFunctionArgs) {
  await requireAllowed(request, context, "rotateCredentialKey");
  const parsed = parseIntent(await request.formData(), Intents);
  if (!parsed.ok) return invalidForm(parsed);
  let kid: string;
  try {
    ({ kid } = await rotateSigningKey(await commandContext(request, context), {
      secret: context.env.SETTINGS_ENCRYPTION_KEY,
    }));
  } catch (error) {
    return answerDomainError(error);
  }
  return redirectWithToast("/manage/settings/signing-keys", {
    kind: "success",
    title: "Signing key rotated",
    description: `New credentials are signed with ${kid}. Earlier ones still verify.`,
  });
}

export default function SigningKeysPage() {
  const { keys } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as ActionError | undefined;
  const busy = useNavigation().state === "submitting";
  return (
    <div className="max-w-3xl space-y-6">
      <div>
        <h2 className="text-xl font-semibold">Credential signing keys</h2>
        <p className="mt-1 max-w-prose text-sm text-stone-600 dark:text-stone-400">
          The active key signs every new credential. A retired key signs nothing new, but its public
          half stays in the{" "}
          <a className="underline" href="/.well-known/jwks.json">
            published key set
          </a>{" "}
          while credentials it signed are valid, so they keep verifying. Rotate after a suspected
          leak, after changing the encryption key, or once a year.
        </p>
      </div>
      <Card className="overflow-x-auto">
        {keys.length === 0 ? (
          <div className="p-6">
            <EmptyState title="No signing key yet">
              The first key is made when the first credential is issued.
            </EmptyState>
          </div>
        ) : (
          <Table
            caption="Signing keys, newest first"
            columns={[
              { label: "Key id" },
              { label: "Created", className: "hidden sm:table-cell" },
              { label: "State" },
              { label: "Credentials signed", className: "hidden text-right sm:table-cell" },
            ]}
          >
            {keys.map((k) => (
              <tr key={k.kid} data-testid="signing-key">
                <td className="px-4 py-3">
                  <span className="font-mono text-xs whitespace-nowrap">{k.kid}</span>
                  {/* On a phone the other columns fold in under the key id. */}
                  <span className="block text-xs text-stone-600 sm:hidden dark:text-stone-400">
                    Created {formatLongDay(k.createdAt)} · {formatCount(k.signed)} signed
                  </span>
                </td>
                <td className="hidden px-4 py-3 whitespace-nowrap sm:table-cell">
                  {formatLongDay(k.createdAt)}
                </td>
                <td className="px-4 py-3">
                  {k.retiredAt ? (
                    <span className="flex flex-wrap items-center gap-1">
                      <Badge>Retired</Badge>
                      <span className="text-xs text-stone-600 dark:text-stone-400">
                        {formatLongDay(k.retiredAt)}
                      </span>
                    </span>
                  ) : (
                    <Badge tone="brand">Active</Badge>
                  )}
                </td>
                <td className="hidden px-4 py-3 text-right tabular-nums sm:table-cell">
                  {formatCount(k.signed)}
                </td>
              </tr>
            ))}
          </Table>
        )}
      </Card>
      {/* Keyed by the active key, so the confirmation closes once a rotation went through. */}
      <RotateCard key={keys[0]?.kid ?? "none"} busy={busy} error={actionData?.formError} />
    </div>
  );
}

function RotateCard({ busy, error }: { busy: boolean; error?: string }) {
  const [confirming, setConfirming] = useState(false);
  return (
    <Card className="space-y-3 p-6">
      <h3 className="font-semibold">Rotate</h3>
      <FormError message={error} />
      {confirming ? (
        <Form method="post" className="space-y-3">
          <input type="hidden" name="intent" value="rotate" />
          <p className="text-sm" role="alert">
            The active key will be retired and a new one made. Credentials issued from now on carry
            the new key id; nothing already issued is re-signed.
          </p>
          <div className="flex flex-wrap gap-2">
            <Button type="submit" variant="danger" disabled={busy}>
              Yes, rotate the key
            </Button>
            <Button type="button" variant="ghost" onClick={() => setConfirming(false)}>
              Cancel
            </Button>
          </div>
        </Form>
      ) : (
        <Button type="button" variant="secondary" onClick={() => setConfirming(true)}>
          Rotate signing key…
        </Button>
      )}
    </Card>
  );
}
