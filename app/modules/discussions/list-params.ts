import type { ListTab, TopPeriod } from "./read.server.ts";

const TABS: ListTab[] = ["latest", "top", "unanswered", "solved"];
const PERIODS: TopPeriod[] = ["week", "month", "all"];

/** Tab, period and page of a thread list, from its URL (anything odd falls back to the default). */
export function readListParams(url: URL) {
  const tabParam = url.searchParams.get("tab") ?? "";
  const periodParam = url.searchParams.get("period") ?? "";
  const tab = (TABS as string[]).includes(tabParam) ? (tabParam as ListTab) : "latest";
  const period = (PERIODS as string[]).includes(periodParam) ? (periodParam as TopPeriod) : "week";
  const pageNumber = Number(url.searchParams.get("page"));
  const page = Number.isInteger(pageNumber) && pageNumber >= 1 ? Math.min(pageNumber, 5_000) : 1;
  return { tab, period, page };
}
