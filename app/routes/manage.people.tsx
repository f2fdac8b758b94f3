import {
  json,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { i18nFor, localeOfMatches } from "~/i18n/index.ts";
import { localeOf } from "~/i18n/locale.server.ts";
import { useFormats } from "~/i18n/use-formats.ts";
import { PeopleBulkBar, SelectProspect } from "~/components/manage/people-bulk.tsx";
import { Badge } from "~/components/ui/badge.tsx";
import { Button } from "~/components/ui/button.tsx";
import { Card } from "~/components/ui/card.tsx";
import { EmptyState } from "~/components/ui/empty-state.tsx";
import { FormError, SelectField, TextField } from "~/components/ui/field.tsx";
import { Pagination } from "~/components/ui/pagination.tsx";
import { Table } from "~/components/ui/table.tsx";
import { isProspect, isVerifiedCustomer, policy } from "~/modules/access/policy.ts";
import {
  changeRole,
  listPeople,
  verifyCustomer,
  verifyCustomers,
} from "~/modules/auth/users.server.ts";
import { ROLES, type Role } from "../../db/schema.ts";
import { requireAllowed } from "~/utils/auth.server.ts";
import { commandContext } from "~/utils/command.server.ts";
import { formErrors, parseIntent } from "~/utils/forms.ts";
import { answerDomainError } from "~/utils/http.server.ts";
import { redirectWithToast } from "~/utils/toast.server.ts";

export const meta: MetaFunction = ({ matches }) => [
  { title: i18nFor(localeOfMatches(matches)).t("managePeople.metaTitle") },
];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireAllowed(request, context, "useManagerTools");
  const url = new URL(request.url);
  const roleParam = url.searchParams.get("role") ?? "";
  const role = (ROLES as readonly string[]).includes(roleParam) ? (roleParam as Role) : undefined;
  const q = url.searchParams.get("q")?.slice(0, 100) ?? "";
  const page = Number(url.searchParams.get("page") ?? "1") || 1;
  const people = await listPeople(context.db, { q, role, page });
  return json({
    ...people,
    filters: { q, role: role ?? "" },
    canChangeRoles: policy.changeRoles({ id: user.id, role: user.role }),
    viewerId: user.id,
  });
}

const userId = z.coerce.number().int().positive();
const Intents = {
  verify: z.object({ userId }),
  "verify-many": z.object({}),
  "change-role": z.object({
    userId,
    role: z.enum(ROLES, { errorMap: () => ({ message: "Choose a role." }) }),
  }),
};

export async function action({ request, context }: ActionFunctionArgs) {
  await requireAllowed(request, context, "useManagerTools");
  const formData = await request.formData();
  const { t } = i18nFor(await localeOf(request, context));
  const submitted = parseIntent(formData, Intents);
  if (!submitted.ok)
    return formErrors({
      fieldErrors: submitted.fieldErrors,
      formError: t("managePeople.incomplete"),
    });
  const back = new URL(request.url);
  const backTo = `${back.pathname}${back.search}`;
  try {
    const command = await commandContext(request, context);
    if (submitted.intent === "verify-many") {
      const ids = z.array(userId).max(500).safeParse(formData.getAll("userId"));
      if (!ids.success || ids.data.length === 0)
        return formErrors({ formError: t("managePeople.selectOne") });
      const done = await verifyCustomers(command, { userIds: ids.data });
      return redirectWithToast(backTo, {
        kind: "success",
        title: t("managePeople.verifiedMany", { count: done.verified.length }),
        description: done.skipped.length
          ? t("managePeople.alreadyVerified", { names: done.skipped.join(", ") })
          : undefined,
      });
    }
    if (submitted.intent === "verify") {
      const updated = await verifyCustomer(command, { userId: submitted.data.userId });
      return redirectWithToast(backTo, {
        kind: "success",
        title: t("managePeople.verifiedOne", { name: updated.display_name }),
      });
    }
    const updated = await changeRole(command, submitted.data);
    return redirectWithToast(backTo, {
      kind: "success",
      title: t("managePeople.roleChanged", {
        name: updated.display_name,
        role: t(`managePeople.role.${submitted.data.role}`),
      }),
    });
  } catch (error) {
    return answerDomainError(error);
  }
}

/** Prospects wait in grey, advocates in the brand colour, the community team in the accent. */

function roleTone(person: { role: Role }) {
  if (isProspect(person)) return "neutral";
  return isVerifiedCustomer(person) ? "brand" : "spot";
}

export default function ManagePeople() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  const { t } = useTranslation();
  const formats = useFormats();
  const roleName: Record<Role, string> = {
    prospect: t("managePeople.role.prospect"),
    advocate: t("managePeople.role.advocate"),
    manager: t("managePeople.role.manager"),
    admin: t("managePeople.role.admin"),
  };
  const columns = [
    { label: t("managePeople.select"), className: "w-10", hidden: true },
    { label: t("managePeople.person") },
    { label: t("managePeople.roleLabel") },
    { label: t("managePeople.joined") },
    { label: t("managePeople.actions"), className: "text-right" },
  ];
  return (
    <div className="space-y-6">
      <Card className="p-4">
        <Form
          method="get"
          role="search"
          className="grid gap-4 sm:grid-cols-[2fr_1fr_auto] sm:items-end"
        >
          <TextField
            label={t("managePeople.search")}
            name="q"
            type="search"
            defaultValue={data.filters.q}
            placeholder={t("managePeople.searchPlaceholder")}
          />
          <SelectField
            label={t("managePeople.roleLabel")}
            name="role"
            defaultValue={data.filters.role}
          >
            <option value="">{t("managePeople.allRoles")}</option>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {roleName[r]}
              </option>
            ))}
          </SelectField>
          <Button type="submit" variant="secondary">
            {t("managePeople.filter")}
          </Button>
        </Form>
      </Card>
      <FormError message={actionData?.formError} />
      {data.rows.length === 0 ? (
        <EmptyState title={t("managePeople.nobody")}>{t("managePeople.nobodyText")}</EmptyState>
      ) : (
        <Card className="overflow-x-auto">
          <PeopleBulkBar busy={busy} />
          <Table caption={t("managePeople.caption", { total: data.total })} columns={columns}>
            {data.rows.map((person) => (
              <tr key={person.id} data-testid={`person-${person.handle}`}>
                <td className="px-4 py-3">
                  {isProspect(person) ? (
                    <SelectProspect id={person.id} name={person.display_name} />
                  ) : null}
                </td>
                <td className="px-4 py-3">
                  <Link to={`/u/${person.handle}`} className="font-medium hover:underline">
                    {person.display_name}
                  </Link>
                  {isProspect(person) || isVerifiedCustomer(person) ? (
                    <Link
                      to={`/manage/people/${person.id}/relationship`}
                      className="ml-2 text-xs font-medium text-brand-700 underline dark:text-brand-300"
                    >
                      {t("managePeople.relationship")}
                    </Link>
                  ) : null}
                  <div className="text-stone-600 dark:text-stone-400">
                    {person.email}
                    {person.company ? ` · ${person.company}` : ""}
                  </div>
                </td>
                <td className="px-4 py-3">
                  <Badge tone={roleTone(person)}>{roleName[person.role]}</Badge>
                </td>
                <td className="px-4 py-3 whitespace-nowrap text-stone-600 dark:text-stone-400">
                  {formats.day(person.created_at)}
                </td>
                <td className="px-4 py-3">
                  <div className="flex flex-wrap items-center justify-end gap-2">
                    {isProspect(person) ? (
                      <Form method="post">
                        <input type="hidden" name="intent" value="verify" />
                        <input type="hidden" name="userId" value={person.id} />
                        <Button
                          type="submit"
                          size="sm"
                          disabled={busy}
                          aria-label={t("managePeople.verifyLabel", { name: person.display_name })}
                        >
                          {t("managePeople.verify")}
                        </Button>
                      </Form>
                    ) : null}
                    {data.canChangeRoles && person.id !== data.viewerId ? (
                      <Form method="post" className="flex items-center gap-2">
                        <input type="hidden" name="intent" value="change-role" />
                        <input type="hidden" name="userId" value={person.id} />
                        <label className="sr-only" htmlFor={`role-${person.id}`}>
                          {t("managePeople.roleFor", { name: person.display_name })}
                        </label>
                        <select
                          id={`role-${person.id}`}
                          name="role"
                          defaultValue={person.role}
                          className="rounded-lg border border-stone-300 bg-white px-2 py-1.5 text-sm dark:border-stone-700 dark:bg-stone-900"
                        >
                          {ROLES.map((r) => (
                            <option key={r} value={r}>
                              {roleName[r]}
                            </option>
                          ))}
                        </select>
                        <Button type="submit" size="sm" variant="secondary" disabled={busy}>
                          {t("managePeople.setRole")}
                        </Button>
                      </Form>
                    ) : null}
                  </div>
                </td>
              </tr>
            ))}
          </Table>
        </Card>
      )}
      <Pagination page={data.page} pageCount={data.pageCount} />
    </div>
  );
}
