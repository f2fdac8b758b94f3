/** The largest id a PostgreSQL `integer` column holds. */
export const MAX_ID = 2_147_483_647;

/** A positive integer id within the int4 range, or null: "3000000000", "1e3", "-1" and "" are not ids. */
export function parseId(value: string | null | undefined): number | null {
  if (!value || !/^[1-9]\d{0,9}$/.test(value)) return null;
  const id = Number(value);
  return id <= MAX_ID ? id : null;
}

/** A numeric id from the URL, or the 404 page: an id that cannot exist is a page that does not. */
export function idParam(value: string | undefined): number {
  const id = parseId(value);
  if (id === null)
    throw new Response("We could not find that page.", { status: 404, statusText: "Not Found" });
  return id;
}

/** Page number from a query string: a positive integer up to `max`, 1 when missing or odd. */
export function pageParam(value: string | null, max = 10_000): number {
  const n = Number(value);
  return Number.isInteger(n) && n >= 1 ? Math.min(n, max) : 1;
}
