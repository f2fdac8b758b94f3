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
import { talkFormatLabel } from "~/components/advocacy/labels.ts";
import { useTranslation } from "react-i18next";
import { i18nFor, localeOfMatches } from "~/i18n/index.ts";
import { localeOf } from "~/i18n/locale.server.ts";

export const meta: MetaFunction = ({ matches }) => {
  const { t } = i18nFor(localeOfMatches(matches));
  return [
    { title: t("speaking.board.metaTitle") },
    { name: "description", content: t("speaking.board.metaDescription") },
  ];
};

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
  const board = await speakingBoard(
    context.db,
    viewer,
    { format, from, to, page },
    await localeOf(request, context),
  );
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
  const { t } = useTranslation();
  const filtered = Boolean(filters.format || filters.from || filters.to);
  return (
    <Container>
      <PageHeader
        title={t("speaking.board.title")}
        description={t("speaking.board.description")}
        actions={
          <>
            {canApply ? (
              <>
                <ButtonLink to="/speaking/mine" variant="secondary">
                  {t("speaking.board.mySpeaking")}
                </ButtonLink>
                <ButtonLink to="/speaking/talks/new" variant="secondary">
                  {t("speaking.board.logTalk")}
                </ButtonLink>
              </>
            ) : null}
            {canManage ? (
              <ButtonLink to="/manage/speaking">{t("speaking.board.manage")}</ButtonLink>
            ) : null}
          </>
        }
      />

      <div className="grid gap-10 lg:grid-cols-3">
        <section aria-labelledby="open-heading" className="space-y-4 lg:col-span-2">
          <h2 id="open-heading" className="text-xl font-semibold">
            {t("speaking.board.open")}
          </h2>
          <Card className="p-4">
            <Form
              method="get"
              className="grid gap-4 sm:grid-cols-[1fr_1fr_1fr_auto] sm:items-end"
              onChange={(e) => {
                if ((e.target as HTMLElement).tagName === "SELECT") submit(e.currentTarget);
              }}
            >
              <SelectField
                label={t("speaking.board.format")}
                name="format"
                defaultValue={filters.format}
              >
                <option value="">{t("speaking.board.anyFormat")}</option>
                {TALK_FORMATS.map((f) => (
                  <option key={f.value} value={f.value}>
                    {talkFormatLabel(t, f.value)}
                  </option>
                ))}
              </SelectField>
              <TextField
                label={t("speaking.board.from")}
                name="from"
                type="date"
                defaultValue={filters.from}
              />
              <TextField
                label={t("speaking.board.to")}
                name="to"
                type="date"
                defaultValue={filters.to}
              />
              <Button type="submit" variant="secondary">
                {t("speaking.board.filter")}
              </Button>
            </Form>
          </Card>
          <p className="text-sm text-stone-600 dark:text-stone-400" aria-live="polite">
            {filtered
              ? t("speaking.board.countMatch", { count: opportunities.total })
              : t("speaking.board.count", { count: opportunities.total })}
            {filtered ? (
              <>
                {" · "}
                <Link
                  to="/speaking"
                  className="font-medium text-brand-700 underline dark:text-brand-300"
                >
                  {t("speaking.board.clearFilters")}
                </Link>
              </>
            ) : null}
          </p>
          {opportunities.rows.length === 0 ? (
            <EmptyState title={filtered ? t("speaking.board.noMatch") : t("speaking.board.none")}>
              {filtered ? t("speaking.board.noMatchBody") : t("speaking.board.noneBody")}
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
            {t("speaking.board.upcoming")}
          </h2>
          {talks.length === 0 ? (
            <EmptyState title={t("speaking.board.noTalks")}>
              {t("speaking.board.noTalksBody")}
            </EmptyState>
          ) : (
            <ul className="space-y-3">
              {talks.map((talk) => (
                <li key={talk.id}>
                  <UpcomingTalkCard t={talk} />
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
    </Container>
  );
}
