import { sql } from "kysely";
import type { Queryable } from "../../../db/client.ts";
import { isVerifiedCustomer } from "../access/policy.ts";
import { startStoryFromSource } from "../advocacy/stories.server.ts";
import { ConflictError, NotFoundError } from "../auth/errors.ts";
import type { Actor } from "../auth/users.server.ts";
import { PromoterError } from "./errors.ts";

/**
 * A promoter's survey comment becomes the start of a case-study draft,
 * attributed to them once they are a verified advocate (they accept it
 * before it moves on).
 */
export async function startStoryFromResponse(db: Queryable, actor: Actor, responseId: number) {
  const response = await db
    .selectFrom("nps_responses")
    .selectAll()
    .where("id", "=", responseId)
    .executeTakeFirst();
  if (!response) throw new NotFoundError("That survey response does not exist.");
  if (!response.comment.trim())
    throw new PromoterError("This response has no comment to start a story from.");
  const advocate = await db
    .selectFrom("users")
    .select(["id", "role", "display_name"])
    .where(sql<string>`lower(email)`, "=", response.email.toLowerCase())
    .executeTakeFirst();
  if (!advocate || !isVerifiedCustomer(advocate))
    throw new ConflictError(
      `${response.name || response.email} is not a verified advocate yet: invite them first, and the story can be theirs.`,
    );
  const outcome = await startStoryFromSource(db, actor, {
    sourceType: "survey_response",
    sourceId: response.id,
    text: response.comment,
    advocateId: advocate.id,
  });
  return { ...outcome, advocateName: advocate.display_name };
}
