import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useSubmit } from "@remix-run/react";
import { Container, PageHeader } from "~/components/app-shell.tsx";
import { Avatar } from "~/components/ui/avatar.tsx";
import { Badge } from "~/components/ui/badge.tsx";
import { Button, ButtonLink } from "~/components/ui/button.tsx";
import { Card } from "~/components/ui/card.tsx";
import { EmptyState } from "~/components/ui/empty-state.tsx";
import { SelectField, TextField } from "~/components/ui/field.tsx";
import { Pagination } from "~/components/ui/pagination.tsx";
import { policy } from "~/modules/access/policy.ts";
import { formatLabel, isTalkFormat, TALK_FORMATS } from "~/modules/advocacy/formats.ts";
import { talkPointsByFormat } from "~/modules/advocacy/points.server.ts";
import { listOpenOpportunities } from "~/modules/advocacy/opportunities.server.ts";
import { listUpcomingTalks } from "~/modules/advocacy/talks.server.ts";
import { formatEventDate, formatEventTime } from "~/modules/advocacy/time.ts";
import { getViewer } from "~/utils/auth.server.ts";

export const meta: MetaFunction = () => [
  { title: "Speaking · Limelight" },
  {
    name: "description",
    content:
      "Speaking opportunities for customers who want to share what they built — and upcoming talks by Northwind Cloud customers you can attend.",
  },
];

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export async function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = await getViewer(request, context);
  const url = new URL(request.url);
  const formatParam = url.searchParams.get("format") ?? "";
  const format = isTalkFormat(formatParam) ? formatParam : undefined;
  const fromParam = url.searchParams.get("from") ?? "";
  const toParam = url.searchParams.get("to") ?? "";
  const from = DAY.test(fromParam) ? fromParam : undefined;
  const to = DAY.test(toParam) ? toParam : undefined;
  const page = Number(url.searchParams.get("page") ?? "1") || 1;
  const [opportunities, talks, points] = await Promise.all([
    listOpenOpportunities(context.db, { format, from, to, page }),
    listUpcomingTalks(context.db),
    talkPointsByFormat(context.db),
  ]);
  return json({
    opportunities: {
      ...opportunities,
      rows: opportunities.rows.map((o) => ({
        id: o.id,
        title: o.title,
        event_name: o.event_name,
        format: o.format,
        is_virtual: o.is_virtual,
        location: o.location,
        expected_audience: o.expected_audience,
        audience_description: o.audience_description,
        when: formatEventTime(o.starts_at, o.time_zone),
        deadline: formatEventDate(o.application_deadline, o.time_zone),
        points: points[o.format],
      })),
    },
    talks: talks.map((t) => ({
      id: t.id,
      title: t.title,
      event_name: t.event_name,
      format: t.format,
      is_virtual: t.is_virtual,
      location: t.location,
      event_url: t.event_url,
      when: formatEventTime(t.given_at, t.time_zone),
      speaker: {
        name: t.speaker_name,
        handle: t.speaker_handle,
        company: t.speaker_company,
        linkable: policy.viewProfile(viewer, { userId: t.speaker_id, isPublic: t.speaker_public }),
      },
    })),
    filters: { format: format ?? "", from: from ?? "", to: to ?? "" },
    canApply: policy.applyToSpeak(viewer),
    canManage: policy.manageSpeaking(viewer),
  });
}

export default function Speaking() {
  const { opportunities, talks, filters, canApply, canManage } = useLoaderData<typeof loader>();
  const submit = useSubmit();
  const filtered = Boolean(filters.format || filters.from || filters.to);
  return (
    <Container>
      <PageHeader
        title="Speaking"
        description="Conferences, webinars, podcasts and meetups looking for customers who have done the work. Every verified talk builds the speaker's public record."
        actions={
          <>
            {canApply ? (
              <>
                <ButtonLink to="/speaking/mine" variant="secondary">
                  My speaking
                </ButtonLink>
                <ButtonLink to="/speaking/talks/new" variant="secondary">
                  Log a talk
                </ButtonLink>
              </>
            ) : null}
            {canManage ? <ButtonLink to="/manage/speaking">Manage speaking</ButtonLink> : null}
          </>
        }
      />

      <div className="grid gap-10 lg:grid-cols-3">
        <section aria-labelledby="open-heading" className="space-y-4 lg:col-span-2">
          <h2 id="open-heading" className="text-xl font-semibold">
            Open opportunities
          </h2>
          <Card className="p-4">
            <Form
              method="get"
              className="grid gap-4 sm:grid-cols-[1fr_1fr_1fr_auto] sm:items-end"
              onChange={(e) => {
                if ((e.target as HTMLElement).tagName === "SELECT") submit(e.currentTarget);
              }}
            >
              <SelectField label="Format" name="format" defaultValue={filters.format}>
                <option value="">Any format</option>
                {TALK_FORMATS.map((f) => (
                  <option key={f.value} value={f.value}>
                    {f.label}
                  </option>
                ))}
              </SelectField>
              <TextField label="From" name="from" type="date" defaultValue={filters.from} />
              <TextField label="To" name="to" type="date" defaultValue={filters.to} />
              <Button type="submit" variant="secondary">
                Filter
              </Button>
            </Form>
          </Card>
          <p className="text-sm text-stone-600 dark:text-stone-400" aria-live="polite">
            {opportunities.total} open {opportunities.total === 1 ? "opportunity" : "opportunities"}
            {filtered ? (
              <>
                {" "}
                match ·{" "}
                <Link
                  to="/speaking"
                  className="font-medium text-brand-700 underline dark:text-brand-300"
                >
                  Clear filters
                </Link>
              </>
            ) : null}
          </p>
          {opportunities.rows.length === 0 ? (
            <EmptyState title={filtered ? "Nothing matches" : "No open opportunities right now"}>
              {filtered
                ? "Try another format or a wider date range."
                : "New ones are posted often — turn on “Open to speaking” in your profile so managers think of you."}
            </EmptyState>
          ) : (
            <ul className="space-y-4">
              {opportunities.rows.map((o) => (
                <li key={o.id}>
                  <Card className="p-5 transition-shadow hover:shadow-md">
                    <div className="flex flex-wrap items-start justify-between gap-3">
                      <div className="min-w-0">
                        <h3 className="text-lg font-semibold">
                          <Link to={`/speaking/${o.id}`} className="hover:underline">
                            {o.title}
                          </Link>
                        </h3>
                        <p className="text-stone-600 dark:text-stone-400">{o.event_name}</p>
                      </div>
                      <div className="flex flex-wrap gap-2">
                        <Badge tone="info">{formatLabel(o.format)}</Badge>
                        <Badge tone="spot">+{o.points} points when verified</Badge>
                      </div>
                    </div>
                    <dl className="mt-3 grid gap-x-6 gap-y-1 text-sm sm:grid-cols-2">
                      <div>
                        <dt className="sr-only">When</dt>
                        <dd>{o.when}</dd>
                      </div>
                      <div>
                        <dt className="sr-only">Where</dt>
                        <dd>{o.is_virtual ? "Virtual" : o.location}</dd>
                      </div>
                      {o.expected_audience ? (
                        <div>
                          <dt className="sr-only">Audience</dt>
                          <dd>
                            About {o.expected_audience.toLocaleString("en-US")} people
                            {o.audience_description ? ` · ${o.audience_description}` : ""}
                          </dd>
                        </div>
                      ) : null}
                      <div>
                        <dt className="inline text-stone-600 dark:text-stone-400">Apply by </dt>
                        <dd className="inline font-medium">{o.deadline}</dd>
                      </div>
                    </dl>
                  </Card>
                </li>
              ))}
            </ul>
          )}
          <Pagination page={opportunities.page} pageCount={opportunities.pageCount} />
        </section>

        <section aria-labelledby="upcoming-heading" className="space-y-4">
          <h2 id="upcoming-heading" className="text-xl font-semibold">
            Upcoming talks by customers
          </h2>
          {talks.length === 0 ? (
            <EmptyState title="No talks scheduled">
              When a manager accepts a speaker, the talk is listed here so you can attend.
            </EmptyState>
          ) : (
            <ul className="space-y-3">
              {talks.map((t) => (
                <li key={t.id}>
                  <Card className="p-4">
                    <p className="text-xs font-medium uppercase tracking-wide text-stone-500 dark:text-stone-400">
                      {formatLabel(t.format)} · {t.is_virtual ? "Virtual" : t.location}
                    </p>
                    <h3 className="mt-1 font-semibold">
                      <Link to={`/speaking/talks/${t.id}`} className="hover:underline">
                        {t.title}
                      </Link>
                    </h3>
                    <p className="text-sm text-stone-600 dark:text-stone-400">{t.event_name}</p>
                    <p className="mt-1 text-sm">{t.when}</p>
                    <div className="mt-3 flex items-center gap-2 text-sm">
                      <Avatar name={t.speaker.name} handle={t.speaker.handle} size="sm" />
                      {t.speaker.linkable ? (
                        <Link to={`/u/${t.speaker.handle}`} className="font-medium hover:underline">
                          {t.speaker.name}
                        </Link>
                      ) : (
                        <span className="font-medium">{t.speaker.name}</span>
                      )}
                      {t.speaker.company ? (
                        <span className="text-stone-600 dark:text-stone-400">
                          · {t.speaker.company}
                        </span>
                      ) : null}
                    </div>
                  </Card>
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
    </Container>
  );
}
