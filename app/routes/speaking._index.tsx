import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useSubmit } from "@remix-run/react";
import { Container, PageHeader } from "~/components/app-shell.tsx";
import { OpportunityCard, UpcomingTalkCard } from "~/components/advocacy/speaking-board.tsx";
import { Button, ButtonLink } from "~/components/ui/button.tsx";
import { Card } from "~/components/ui/card.tsx";
import { EmptyState } from "~/components/ui/empty-state.tsx";
import { SelectField, TextField } from "~/components/ui/field.tsx";
import { Pagination } from "~/components/ui/pagination.tsx";
import { policy } from "~/modules/access/policy.ts";
import { isTalkFormat, TALK_FORMATS } from "~/modules/advocacy/formats.ts";
import { speakingBoard } from "~/modules/advocacy/speaking-board.server.ts";
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
  const board = await speakingBoard(context.db, viewer, { format, from, to, page });
  return json({
    ...board,
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
                  <OpportunityCard o={o} />
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
                  <UpcomingTalkCard t={t} />
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
    </Container>
  );
}
