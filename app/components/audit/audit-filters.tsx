import { Form, Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Button, buttonClass } from "~/components/ui/button.tsx";
import { Card } from "~/components/ui/card.tsx";
import { SelectField, TextField } from "~/components/ui/field.tsx";
import type { AuditFilters } from "~/modules/audit/log.server.ts";

const words = (text: string) => text.replace(/[._]/g, " ");

/** The filters of the audit log, as a GET form so every filtered view has its own URL. */
export function AuditFilterForm({
  filters,
  actions,
  types,
  exportHref,
}: {
  filters: AuditFilters;
  actions: string[];
  types: string[];
  exportHref: string;
}) {
  const { t } = useTranslation();
  const areas = [...new Set(actions.map((a) => a.split(".")[0]))];
  return (
    <Card className="p-4 sm:p-5">
      <Form method="get" className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        <TextField
          label={t("audit.who")}
          name="actor"
          placeholder={t("audit.whoPlaceholder")}
          defaultValue={filters.actor ?? ""}
        />
        <SelectField label={t("audit.what")} name="action" defaultValue={filters.action ?? ""}>
          <option value="">{t("audit.anything")}</option>
          {areas.map((area) => (
            <optgroup key={area} label={words(area)}>
              <option value={area}>{t("audit.anyArea", { area: words(area) })}</option>
              {actions
                .filter((a) => a.startsWith(`${area}.`))
                .map((a) => (
                  <option key={a} value={a}>
                    {words(a)}
                  </option>
                ))}
            </optgroup>
          ))}
        </SelectField>
        <SelectField label={t("audit.kind")} name="type" defaultValue={filters.type ?? ""}>
          <option value="">{t("audit.anyKind")}</option>
          {types.map((t) => (
            <option key={t} value={t}>
              {words(t)}
            </option>
          ))}
        </SelectField>
        <TextField
          label={t("audit.subject")}
          name="subject"
          placeholder={t("audit.subjectPlaceholder")}
          defaultValue={filters.subject ?? ""}
        />
        <TextField
          label={t("audit.from")}
          name="from"
          type="date"
          defaultValue={filters.from ?? ""}
        />
        <TextField label={t("audit.to")} name="to" type="date" defaultValue={filters.to ?? ""} />
        <div className="flex flex-wrap items-center gap-3 sm:col-span-2 lg:col-span-3">
          <Button type="submit">{t("audit.show")}</Button>
          <Link to="/manage/audit" className={buttonClass("ghost", "md")}>
            {t("audit.clear")}
          </Link>
          <a href={exportHref} className={buttonClass("secondary", "md")} download>
            {t("audit.export")}
          </a>
        </div>
      </Form>
    </Card>
  );
}
