import { sql } from "kysely";
import { allowed } from "../access/ensure.ts";
import { startStoryFromSource } from "../advocacy/story-writing.server.ts";
import { ConflictError, NotFoundError } from "../auth/errors.ts";
import type { CommandContext } from "../commands/command.server.ts";
import { PromoterError } from "./errors.ts";

/**
 * A promoter's survey comment becomes the start of a case-study draft,
 * attributed to them once they are a verified advocate (they accept it
 * before it moves on).
 */
export async function startStoryFromResponse(context: CommandContext, responseId: number) {
  const { db } = context;
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
  // The story will be theirs to write: they must be someone who may write one.
  if (!advocate || !allowed("writeStory", { id: advocate.id, role: advocate.role }))
    throw new ConflictError(
      `${response.name || response.email} is not a verified advocate yet: invite them first, and the story can be theirs.`,
    );
  const story = await startStoryFromSource(context, {
    sourceType: "survey_response",
    sourceId: response.id,
    text: response.comment,
    advocateId: advocate.id,
  });
  return { ...story, advocateName: advocate.display_name };
}
