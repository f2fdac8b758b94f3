import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useSubmit } from "@remix-run/react";
import { Container, PageHeader } from "~/components/app-shell.tsx";
import { Avatar } from "~/components/ui/avatar.tsx";
import { Card } from "~/components/ui/card.tsx";
import { EmptyState } from "~/components/ui/empty-state.tsx";
import { Pagination } from "~/components/ui/pagination.tsx";
import { Button } from "~/components/ui/button.tsx";
import { PlaceSelect, useRegionName } from "~/components/place-select.tsx";
import { useTranslation } from "react-i18next";
import { rich, slot } from "~/components/reputation/rich.tsx";
import { useAreaLabels } from "~/components/reputation/labels.ts";
import { i18nFor, localeOfMatches } from "~/i18n/index.ts";
import { useFormats } from "~/i18n/use-formats.ts";
import { countryName } from "~/modules/chapters/countries.ts";
import { parsePlace, placeLabel, placeValue } from "~/modules/profiles/location.ts";
import { placeFacets } from "~/modules/profiles/profiles.server.ts";
import {
  getLeaderboard,
  isBoard,
  type Board,
  type LeaderboardRow,
} from "~/modules/reputation/leaderboard.server.ts";
import { getViewer } from "~/utils/auth.server.ts";
import { cn } from "~/utils/cn.ts";

export const meta: MetaFunction = ({ matches }) => {
  const { t } = i18nFor(localeOfMatches(matches));
  return [
    { title: t("leaderboard.metaTitle") },
    { name: "description", content: t("leaderboard.metaDescription") },
  ];
};

const BOARDS: Board[] = ["all", "30d", "help", "speaking", "stories", "community"];

/** Each board's name in the page's language. */
function useBoardLabels(): Record<Board, string> {
  const { t } = useTranslation();
  const areas = useAreaLabels();
  return { all: t("leaderboard.allTime"), "30d": t("leaderboard.last30Days"), ...areas };
}

/** Why the viewer has no place, as the server said it, in the page's language. */
function useViewerNote(): (note: string) => string {
  const { t } = useTranslation();
  const notes: Record<string, string> = {
    "Community managers and admins are not ranked.": t("leaderboard.noteStaff"),
    "You are not on this board: it lists people whose public location is there. Your location is in Settings.":
      t("leaderboard.notePlace"),
    "You have not earned points in the last 30 days yet.": t("leaderboard.note30Days"),
    "You are not on this board yet: earn your first points to join it.": t("leaderboard.noteNone"),
  };
  return (note) => notes[note] ?? note;
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = await getViewer(request, context);
  const url = new URL(request.url);
  const boardParam = url.searchParams.get("board") ?? "all";
  const board: Board = isBoard(boardParam) ? boardParam : "all";
  const page = Number(url.searchParams.get("page") ?? "1") || 1;
  const place = parsePlace(url.searchParams.get("place"));
  const [leaderboard, countries] = await Promise.all([
    getLeaderboard(context.db, viewer, { board, page, place: place ?? undefined }),
    placeFacets(context.db, viewer),
  ]);
  return json({
    ...leaderboard,
    signedIn: Boolean(viewer),
    place: placeValue(place),
    placeName: place ? placeLabel(place) : null,
    countries,
  });
}

function Row({ row, pinned = false }: { row: LeaderboardRow; pinned?: boolean }) {
  const { t } = useTranslation();
  const formats = useFormats();
  return (
    <li
      className={cn(
        "flex items-center gap-4 px-4 py-3",
        row.isViewer && "bg-brand-50/70 dark:bg-brand-900/30",
      )}
      data-testid={pinned ? "leaderboard-you" : "leaderboard-row"}
    >
      <span className="w-10 shrink-0 text-right font-mono text-sm font-semibold tabular-nums text-stone-600 dark:text-stone-300">
        #{row.rank}
      </span>
      {row.person ? (
        <>
          <Avatar name={row.person.displayName} handle={row.person.handle} size="sm" />
          <div className="min-w-0 flex-1">
            <Link to={`/u/${row.person.handle}`} className="font-medium hover:underline">
              {row.person.displayName}
            </Link>
            {row.isViewer ? (
              <span className="ml-2 text-xs font-medium text-brand-800 dark:text-brand-200">
                {t("leaderboard.you")}
              </span>
            ) : null}
            {row.person.company ? (
              <p className="truncate text-xs text-stone-600 dark:text-stone-400">
                {row.person.company}
              </p>
            ) : null}
          </div>
        </>
      ) : (
        <>
          <span
            aria-hidden="true"
            className="inline-flex h-8 w-8 shrink-0 items-center justify-center rounded-full bg-stone-200 text-xs text-stone-600 dark:bg-stone-800 dark:text-stone-300"
          >
            ?
          </span>
          <div className="min-w-0 flex-1 italic text-stone-600 dark:text-stone-400">
            {t("leaderboard.anAdvocate")}
          </div>
        </>
      )}
      <span className="shrink-0 font-mono text-sm font-semibold tabular-nums">
        {formats.count(row.points)}
        <span className="sr-only"> {t("leaderboard.points", { count: row.points })}</span>
      </span>
    </li>
  );
}

function boardHref(board: Board, place: string) {
  const params = new URLSearchParams();
  if (board !== "all") params.set("board", board);
  if (place) params.set("place", place);
  const qs = params.toString();
  return `/leaderboard${qs ? `?${qs}` : ""}`;
}

export default function LeaderboardPage() {
  const data = useLoaderData<typeof loader>();
  const submit = useSubmit();
  const { t, i18n } = useTranslation();
  const BOARD_LABELS = useBoardLabels();
  const viewerNote = useViewerNote();
  const regionName = useRegionName();
  const placeName = !data.placeName
    ? null
    : data.place === "remote"
      ? t("places.remote")
      : /^[A-Z]{2}$/.test(data.place)
        ? countryName(data.place, i18n.language)
        : regionName(data.place);
  const linkClass = "font-medium text-brand-700 underline dark:text-brand-300";
  return (
    <Container className="max-w-3xl">
      <PageHeader
        title={t("leaderboard.title")}
        description={rich(t("leaderboard.intro", { link: slot("link") }), {
          link: (
            <Link to="/reputation" className={linkClass}>
              {t("leaderboard.howReputationWorks")}
            </Link>
          ),
        })}
      />
      <nav
        aria-label={t("leaderboard.boards")}
        className="border-b border-stone-200 dark:border-stone-800"
      >
        <ul className="-mb-px flex gap-4 overflow-x-auto">
          {BOARDS.map((b) => (
            <li key={b}>
              <Link
                to={boardHref(b, data.place)}
                aria-current={data.board === b ? "page" : undefined}
                className={cn(
                  "inline-block whitespace-nowrap border-b-2 px-1 py-3 text-sm font-medium",
                  data.board === b
                    ? "border-brand-600 text-brand-800 dark:text-brand-300"
                    : "border-transparent text-stone-600 hover:border-stone-300 hover:text-stone-900 dark:text-stone-400 dark:hover:text-stone-100",
                )}
              >
                {BOARD_LABELS[b]}
              </Link>
            </li>
          ))}
        </ul>
      </nav>

      <Form
        method="get"
        key={`${data.board}-${data.place}`}
        className="mt-4 flex flex-wrap items-end gap-3"
        onChange={(e) => submit(e.currentTarget)}
      >
        {data.board !== "all" ? <input type="hidden" name="board" value={data.board} /> : null}
        <div className="w-full sm:w-64">
          <PlaceSelect value={data.place} countries={data.countries} />
        </div>
        <noscript>
          <Button type="submit" variant="secondary">
            {t("leaderboard.show")}
          </Button>
        </noscript>
      </Form>

      <div className="mt-6 space-y-6">
        {data.viewerRow ? (
          <Card>
            <h2 className="px-4 pt-3 text-xs font-semibold uppercase tracking-wide text-stone-600 dark:text-stone-400">
              {t("leaderboard.yourPlace")}
            </h2>
            <ul>
              <Row row={data.viewerRow} pinned />
            </ul>
          </Card>
        ) : data.viewerNote ? (
          <p
            className="rounded-lg bg-stone-100 px-4 py-3 text-sm text-stone-700 dark:bg-stone-800 dark:text-stone-300"
            data-testid="leaderboard-note"
          >
            {viewerNote(data.viewerNote)}
          </p>
        ) : null}

        {data.rows.length === 0 ? (
          <EmptyState
            title={
              placeName
                ? t("leaderboard.nobodyFrom", { place: placeName })
                : t("leaderboard.nobody")
            }
            action={
              data.place ? (
                <Link to={boardHref(data.board, "")} className="font-medium underline">
                  {t("leaderboard.showEveryone")}
                </Link>
              ) : undefined
            }
          >
            {data.place
              ? t("leaderboard.onlyPublicLocations")
              : data.board === "30d"
                ? t("leaderboard.noPoints30Days")
                : t("leaderboard.pointsAppear")}
          </EmptyState>
        ) : (
          <Card>
            <h2 className="sr-only">
              {t("leaderboard.ranking", { board: BOARD_LABELS[data.board], count: data.total })}
            </h2>
            <ol className="divide-y divide-stone-200 dark:divide-stone-800">
              {data.rows.map((row, i) => (
                <Row key={`${data.page}-${i}`} row={row} />
              ))}
            </ol>
          </Card>
        )}
        <p className="text-xs text-stone-600 dark:text-stone-400">
          {data.signedIn
            ? rich(t("leaderboard.anonymousSignedIn", { link: slot("link") }), {
                link: (
                  <Link to="/settings/profile" className="underline">
                    {t("leaderboard.profileSettings")}
                  </Link>
                ),
              })
            : t("leaderboard.anonymous")}
          {data.includesStaff ? "" : ` ${t("leaderboard.staffNotRanked")}`}
        </p>
        <Pagination page={data.page} pageCount={data.pageCount} />
      </div>
    </Container>
  );
}
