import {
  json,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { around, SLOT } from "~/components/admin/locale.ts";
import { z } from "zod";
import { Badge } from "~/components/ui/badge.tsx";
import { Button } from "~/components/ui/button.tsx";
import { Card } from "~/components/ui/card.tsx";
import { EmptyState } from "~/components/ui/empty-state.tsx";
import { FormError } from "~/components/ui/field.tsx";
import { Table } from "~/components/ui/table.tsx";
import { i18nFor, localeOfMatches } from "~/i18n/index.ts";
import { localeOf } from "~/i18n/locale.server.ts";
import { useFormats } from "~/i18n/use-formats.ts";
import { listSigningKeys, rotateSigningKey } from "~/modules/credentials/keys.server.ts";
import { requireAllowed } from "~/utils/auth.server.ts";
import { commandContext } from "~/utils/command.server.ts";
import type { ActionError } from "~/utils/form-fields.ts";
import { invalidForm, parseIntent } from "~/utils/forms.ts";
import { answerDomainError } from "~/utils/http.server.ts";
import { redirectWithToast } from "~/utils/toast.server.ts";

export const meta: MetaFunction = ({ matches }) => [
  { title: i18nFor(localeOfMatches(matches)).t("manageSettings.signingKeys.metaTitle") },
];

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
  const { t } = i18nFor(await localeOf(request, context));
  return redirectWithToast("/manage/settings/signing-keys", {
    kind: "success",
    title: t("manageSettings.signingKeys.rotated"),
    description: t("manageSettings.signingKeys.rotatedBody", { kid }),
  });
}

export default function SigningKeysPage() {
  const { keys } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as ActionError | undefined;
  const busy = useNavigation().state === "submitting";
  const { t } = useTranslation();
  const formats = useFormats();
  const [before, after] = around(t("manageSettings.signingKeys.intro", { keySet: SLOT }));
  return (
    <div className="max-w-3xl space-y-6">
      <div>
        <h2 className="text-xl font-semibold">{t("manageSettings.signingKeys.title")}</h2>
        <p className="mt-1 max-w-prose text-sm text-stone-600 dark:text-stone-400">
          {before}
          <a className="underline" href="/.well-known/jwks.json">
            {t("manageSettings.signingKeys.keySet")}
          </a>
          {after}
        </p>
      </div>
      <Card className="overflow-x-auto">
        {keys.length === 0 ? (
          <div className="p-6">
            <EmptyState title={t("manageSettings.signingKeys.noneTitle")}>
              {t("manageSettings.signingKeys.noneBody")}
            </EmptyState>
          </div>
        ) : (
          <Table
            caption={t("manageSettings.signingKeys.caption")}
            columns={[
              { label: t("manageSettings.signingKeys.kid") },
              { label: t("manageSettings.signingKeys.created"), className: "hidden sm:table-cell" },
              { label: t("manageSettings.signingKeys.state") },
              {
                label: t("manageSettings.signingKeys.signed"),
                className: "hidden text-right sm:table-cell",
              },
            ]}
          >
            {keys.map((k) => (
              <tr key={k.kid} data-testid="signing-key">
                <td className="px-4 py-3">
                  <span className="font-mono text-xs whitespace-nowrap">{k.kid}</span>
                  {/* On a phone the other columns fold in under the key id. */}
                  <span className="block text-xs text-stone-600 sm:hidden dark:text-stone-400">
                    {t("manageSettings.signingKeys.phoneLine", {
                      date: formats.longDay(k.createdAt),
                      signed: formats.count(k.signed),
                    })}
                  </span>
                </td>
                <td className="hidden px-4 py-3 whitespace-nowrap sm:table-cell">
                  {formats.longDay(k.createdAt)}
                </td>
                <td className="px-4 py-3">
                  {k.retiredAt ? (
                    <span className="flex flex-wrap items-center gap-1">
                      <Badge>{t("manageSettings.signingKeys.retired")}</Badge>
                      <span className="text-xs text-stone-600 dark:text-stone-400">
                        {formats.longDay(k.retiredAt)}
                      </span>
                    </span>
                  ) : (
                    <Badge tone="brand">{t("manageSettings.signingKeys.active")}</Badge>
                  )}
                </td>
                <td className="hidden px-4 py-3 text-right tabular-nums sm:table-cell">
                  {formats.count(k.signed)}
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
  const { t } = useTranslation();
  return (
    <Card className="space-y-3 p-6">
      <h3 className="font-semibold">{t("manageSettings.signingKeys.rotate")}</h3>
      <FormError message={error} />
      {confirming ? (
        <Form method="post" className="space-y-3">
          <input type="hidden" name="intent" value="rotate" />
          <p className="text-sm" role="alert">
            {t("manageSettings.signingKeys.confirm")}
          </p>
          <div className="flex flex-wrap gap-2">
            <Button type="submit" variant="danger" disabled={busy}>
              {t("manageSettings.signingKeys.yes")}
            </Button>
            <Button type="button" variant="ghost" onClick={() => setConfirming(false)}>
              {t("manageSettings.signingKeys.cancel")}
            </Button>
          </div>
        </Form>
      ) : (
        <Button type="button" variant="secondary" onClick={() => setConfirming(true)}>
          {t("manageSettings.signingKeys.start")}
        </Button>
      )}
    </Card>
  );
}
