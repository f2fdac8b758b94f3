import { formatDay } from "~/utils/format.ts";

/** Dates shown the same on the server and in the browser (UTC, fixed locale): no hydration drift. */
export function formatDate(iso: string): string {
  return formatDay(iso);
}

/** "3 hours ago", measured from the time the server rendered the page (passed in as now). */
export function timeAgo(iso: string, nowIso: string): string {
  const seconds = Math.max(0, (Date.parse(nowIso) - Date.parse(iso)) / 1000);
  if (seconds < 60) return "just now";
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${hours} ${hours === 1 ? "hour" : "hours"} ago`;
  const days = Math.floor(hours / 24);
  if (days < 30) return `${days} ${days === 1 ? "day" : "days"} ago`;
  return formatDate(iso);
}

export function TimeAgo({ iso, now }: { iso: string; now: string }) {
  return (
    <time dateTime={iso} title={formatDate(iso)}>
      {timeAgo(iso, now)}
    </time>
  );
}
