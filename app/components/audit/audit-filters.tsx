import { Form, Link } from "@remix-run/react";
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
  const areas = [...new Set(actions.map((a) => a.split(".")[0]))];
  return (
    <Card className="p-4 sm:p-5">
      <Form method="get" className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        <TextField
          label="Who did it"
          name="actor"
          placeholder="handle or name"
          defaultValue={filters.actor ?? ""}
        />
        <SelectField label="What happened" name="action" defaultValue={filters.action ?? ""}>
          <option value="">Anything</option>
          {areas.map((area) => (
            <optgroup key={area} label={words(area)}>
              <option value={area}>Any {words(area)} change</option>
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
        <SelectField label="Kind of subject" name="type" defaultValue={filters.type ?? ""}>
          <option value="">Any</option>
          {types.map((t) => (
            <option key={t} value={t}>
              {words(t)}
            </option>
          ))}
        </SelectField>
        <TextField
          label="Subject"
          name="subject"
          placeholder="a person's handle or name, or an id"
          defaultValue={filters.subject ?? ""}
        />
        <TextField label="From" name="from" type="date" defaultValue={filters.from ?? ""} />
        <TextField label="To" name="to" type="date" defaultValue={filters.to ?? ""} />
        <div className="flex flex-wrap items-center gap-3 sm:col-span-2 lg:col-span-3">
          <Button type="submit">Show entries</Button>
          <Link to="/manage/audit" className={buttonClass("ghost", "md")}>
            Clear filters
          </Link>
          <a href={exportHref} className={buttonClass("secondary", "md")} download>
            Export as CSV
          </a>
        </div>
      </Form>
    </Card>
  );
}
