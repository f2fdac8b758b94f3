/** The longest recipient filter kept: an email address is at most 254 characters. */
export const RECIPIENT_FILTER_MAX = 254;

/** The "To" filter from a query string: trimmed, cut to a possible address length, or undefined. */
export function recipientFilter(value: string | null): string | undefined {
  const to = value?.trim().slice(0, RECIPIENT_FILTER_MAX);
  return to ? to : undefined;
}
