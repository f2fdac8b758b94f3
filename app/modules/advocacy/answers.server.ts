import { answerDomainError } from "../../utils/http.server.ts";

/** @deprecated the shared answer covers several field messages now; use answerDomainError. */
export const answerAdvocacyError = answerDomainError;
/** A numeric id from the URL, or a 404 page. */
export function idParam(value: string | undefined): number {
  const id = Number(value);
  if (!Number.isInteger(id) || id <= 0 || id > 2_147_483_647)
    throw new Response("We could not find that page.", { status: 404, statusText: "Not Found" });
  return id;
}

/** Runs a loader step and turns a NotFoundError into the 404 page. */
export async function orNotFound<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if ((error as { status?: number })?.status === 404)
      throw new Response((error as Error).message, { status: 404, statusText: "Not Found" });
    throw error;
  }
}
