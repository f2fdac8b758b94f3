import { dateTimeFormat, formatDay } from "~/utils/format.ts";

/** Dates on tier and early-access pages, in UTC so server and browser render the same text. */
export function formatDate(value: string | Date | null | undefined): string {
  if (!value) return "";
  return formatDay(value);
}

export function formatDateTime(value: string | Date | null | undefined): string {
  if (!value) return "";
  return dateTimeFormat("en-GB", {
    day: "numeric",
    month: "short",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    timeZone: "UTC",
    timeZoneName: "short",
  }).format(new Date(value));
}

/** The value of an <input type="date"> for a stored moment. */
export function dateInputValue(value: string | Date | null | undefined): string {
  if (!value) return "";
  return new Date(value).toISOString().slice(0, 10);
}
