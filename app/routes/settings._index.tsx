import {
  json,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { z } from "zod";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import type { Role } from "../../db/schema.ts";
import { i18nFor, localeOfMatches } from "~/i18n/index.ts";
import { localeOf } from "~/i18n/locale.server.ts";
import { Badge } from "~/components/ui/badge.tsx";
import { Button } from "~/components/ui/button.tsx";
import { Card } from "~/components/ui/card.tsx";
import { FormError, TextField } from "~/components/ui/field.tsx";
import { isProspect } from "~/modules/access/policy.ts";
import { changePassword, signOutEverywhere } from "~/modules/auth/users.server.ts";
import { ChangeEmailSchema, ChangePasswordSchema } from "~/modules/auth/validation.ts";
import { requestEmailChange } from "~/modules/auth/email-address.server.ts";
import { ChangeEmailForm } from "~/components/settings/change-email-form.tsx";
import { LocationForm } from "~/components/settings/location-form.tsx";
import { LocationSchema } from "~/modules/profiles/location.ts";
import { getOwnLocation, setLocation } from "~/modules/profiles/location.server.ts";
import { endSession, getAuth, requireUser } from "~/utils/auth.server.ts";
import { commandContext } from "~/utils/command.server.ts";
import { formFields } from "~/utils/form-fields.ts";
import { invalidForm, parseIntent } from "~/utils/forms.ts";
import { answerDomainError } from "~/utils/http.server.ts";
import { redirectWithToast } from "~/utils/toast.server.ts";
import { countActiveSessions } from "~/modules/auth/session.server.ts";

export const meta: MetaFunction = ({ matches }) => [
  { title: i18nFor(localeOfMatches(matches)).t("settings.account.meta") },
];

/** A role as the account card names it. */
function roleName(role: Role, t: TFunction): string {
  const names: Record<Role, string> = {
    prospect: t("settings.roles.prospect"),
    advocate: t("settings.roles.advocate"),
    manager: t("settings.roles.manager"),
    admin: t("settings.roles.admin"),
  };
  return names[role] ?? role;
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context);
  const activeSessions = await countActiveSessions(context.db, user.id);
  return json({
    email: user.email,
    role: user.role,
    activeSessions,
    location: await getOwnLocation(context.db, user.id),
  });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request, context);
  const parsed = parseIntent(await request.formData(), {
    "sign-out-everywhere": z.object({}),
    "change-password": ChangePasswordSchema,
    "change-email": ChangeEmailSchema,
    "set-location": LocationSchema,
  });
  if (!parsed.ok) return invalidForm(parsed);
  const { t } = i18nFor(await localeOf(request, context));
  const command = await commandContext(request, context);

  if (parsed.intent === "set-location") {
    try {
      await setLocation(command, { ...parsed.data, userId: user.id });
    } catch (error) {
      return answerDomainError(error, { intent: "set-location" });
    }
    return redirectWithToast("/settings", {
      kind: "success",
      title: t("settings.account.locationSaved"),
      description: parsed.data.locationPublic
        ? t("settings.account.locationPublic")
        : t("settings.account.locationPrivate"),
    });
  }

  if (parsed.intent === "sign-out-everywhere") {
    await signOutEverywhere(command, {});
    const cookie = await endSession(request, context);
    return redirectWithToast(
      "/login",
      {
        kind: "success",
        title: t("settings.account.signedOutEverywhere"),
        description: t("settings.account.signedOutEverywhereBody"),
      },
      { headers: { "Set-Cookie": cookie } },
    );
  }

  if (parsed.intent === "change-email") {
    const { email, password } = parsed.data;
    try {
      await requestEmailChange(command, { email, password });
    } catch (error) {
      return answerDomainError(error, { intent: "change-email", email });
    }
    return redirectWithToast("/settings", {
      kind: "success",
      title: t("settings.account.checkInbox"),
      description: t("settings.account.checkInboxBody", { email }),
    });
  }

  // Changing the password: other devices that knew the old one are signed out; this one stays.
  const auth = await getAuth(request, context);
  try {
    await changePassword(command, { ...parsed.data, keepSessionId: auth?.session.id });
  } catch (error) {
    return answerDomainError(error, { intent: "change-password" });
  }
  return redirectWithToast("/settings", {
    kind: "success",
    title: t("settings.account.passwordChanged"),
    description: t("settings.account.passwordChangedBody"),
  });
}

export default function AccountSettings() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t } = useTranslation();
  const busy = navigation.state === "submitting";
  const { field, formError } = formFields<typeof ChangePasswordSchema>(
    actionData,
    {},
    { intent: "change-password" },
  );
  return (
    <div className="space-y-8">
      <Card className="p-6">
        <h2 className="text-lg font-semibold">{t("settings.account.title")}</h2>
        <dl className="mt-4 grid gap-4 text-sm sm:grid-cols-2">
          <div>
            <dt className="text-stone-600 dark:text-stone-400">{t("settings.account.email")}</dt>
            <dd className="mt-1 font-medium">{data.email}</dd>
          </div>
          <div>
            <dt className="text-stone-600 dark:text-stone-400">{t("settings.account.role")}</dt>
            <dd className="mt-1">
              <Badge tone={isProspect(data) ? "neutral" : "brand"}>
                {roleName(data.role as Role, t)}
              </Badge>
              {isProspect(data) ? (
                <span className="mt-2 block text-stone-600 dark:text-stone-400">
                  {t("settings.account.prospectNote")}
                </span>
              ) : null}
            </dd>
          </div>
        </dl>
      </Card>

      <LocationForm saved={data.location} />

      <ChangeEmailForm email={data.email} />

      <Card className="p-6">
        <h2 className="text-lg font-semibold">{t("settings.account.changePassword")}</h2>
        <Form method="post" className="mt-4 space-y-4" noValidate>
          <input type="hidden" name="intent" value="change-password" />
          <FormError message={formError} />
          <TextField
            label={t("settings.account.currentPassword")}
            type="password"
            autoComplete="current-password"
            {...field("currentPassword")}
            defaultValue=""
          />
          <TextField
            label={t("settings.account.newPassword")}
            type="password"
            autoComplete="new-password"
            {...field("newPassword")}
            defaultValue=""
            hint={t("settings.account.newPasswordHint")}
          />
          <TextField
            label={t("settings.account.repeatPassword")}
            type="password"
            autoComplete="new-password"
            {...field("confirmPassword")}
            defaultValue=""
          />
          <Button type="submit" disabled={busy}>
            {t("settings.account.changePassword")}
          </Button>
        </Form>
      </Card>

      <Card className="p-6">
        <h2 className="text-lg font-semibold">{t("settings.account.signOutEverywhere")}</h2>
        <p className="mt-1 text-sm text-stone-600 dark:text-stone-400">
          {t("settings.account.sessions", { count: data.activeSessions })}
        </p>
        <Form
          method="post"
          className="mt-4"
          onSubmit={(event) => {
            if (!window.confirm(t("settings.account.signOutConfirm"))) event.preventDefault();
          }}
        >
          <input type="hidden" name="intent" value="sign-out-everywhere" />
          <Button type="submit" variant="danger" disabled={busy}>
            {t("settings.account.signOutEverywhere")}
          </Button>
        </Form>
      </Card>
    </div>
  );
}
