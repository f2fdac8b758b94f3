import { z } from "zod";
import { bodySchema, FLAG_REASONS, LIMITS, reasonSchema, titleSchema } from "./validation.ts";

const postId = z.coerce.number().int().positive();
const onPost = z.object({ postId });
const reasoned = z.object({ reason: reasonSchema });
const reasonedPost = z.object({ postId, reason: reasonSchema });

/** Everything a thread page's forms can ask for, one schema per intent. */
export const THREAD_INTENTS = {
  reply: z.object({ body: bodySchema }),
  edit: z.object({
    postId,
    body: bodySchema,
    title: titleSchema.optional(),
    tags: z.string().max(300).optional(),
  }),
  delete: onPost,
  vote: onPost,
  unvote: onPost,
  accept: onPost,
  unaccept: z.object({}),
  flag: z.object({
    postId,
    reason: z.enum(FLAG_REASONS, { errorMap: () => ({ message: "Choose a reason." }) }),
    note: z
      .string()
      .trim()
      .max(LIMITS.flagNoteMax, "Keep the note under 500 characters.")
      .optional(),
  }),
  hide: reasonedPost,
  unhide: reasonedPost,
  lock: reasoned,
  unlock: reasoned,
  move: z.object({
    spaceId: z.coerce.number({ invalid_type_error: "Choose a space." }).int().positive(),
    reason: reasonSchema,
  }),
  helpful: onPost,
  unhelpful: onPost,
};

export type ThreadIntent = keyof typeof THREAD_INTENTS;
