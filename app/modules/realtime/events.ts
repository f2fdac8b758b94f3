import { z } from "zod";

/**
 * Every socket event, in both directions, with its payload schema. The
 * server validates what clients send before acting on it, and what it sends
 * before it leaves; the browser reads the same types.
 */

/** Ids are PostgreSQL integers: anything larger names nothing. */
const id = z.number().int().positive().max(2_147_483_647);
const seq = z.number().int().nonnegative();
const iso = z.string();
/** Visible replies in the thread after the change. */
const count = z.number().int().nonnegative();

export const PostAuthorSchema = z.object({
  id,
  handle: z.string(),
  displayName: z.string(),
  role: z.enum(["prospect", "advocate", "manager", "admin"]),
});

export const PostViewSchema = z.object({
  id,
  threadId: id,
  isOpening: z.boolean(),
  author: PostAuthorSchema,
  html: z.string(),
  createdAt: iso,
  editedAt: iso.nullable(),
  voteCount: z.number().int().nonnegative(),
  helpful: z.boolean(),
  hidden: z.boolean(),
  deleted: z.boolean(),
  hiddenReason: z.string().nullable(),
  seq,
});
export type PostView = z.infer<typeof PostViewSchema>;

export const PresenceSchema = z.object({
  threadId: id,
  advocates: z.number().int().nonnegative(),
  staff: z.number().int().nonnegative(),
  members: z.number().int().nonnegative(),
  visitors: z.number().int().nonnegative(),
});
export type Presence = z.infer<typeof PresenceSchema>;

/** Server → browser, for the readers of one thread. */
export const ThreadEvents = {
  "post:created": z.object({ threadId: id, seq, post: PostViewSchema, replyCount: count }),
  "post:updated": z.object({ threadId: id, seq, post: PostViewSchema, replyCount: count }),
  "post:removed": z.object({
    threadId: id,
    seq,
    postId: id,
    reason: z.enum(["deleted", "hidden"]),
    replyCount: count,
  }),
  "post:votes": z.object({ threadId: id, seq, postId: id, voteCount: z.number().int() }),
  "thread:accepted": z.object({
    threadId: id,
    seq,
    postId: id.nullable(),
    previousPostId: id.nullable(),
    post: PostViewSchema.nullable(),
  }),
  "thread:locked": z.object({ threadId: id, seq, locked: z.boolean() }),
  "thread:moved": z.object({
    threadId: id,
    seq,
    space: z.object({ slug: z.string(), name: z.string() }),
  }),
  "thread:typing": z.object({
    threadId: id,
    user: z.object({ handle: z.string(), displayName: z.string() }),
  }),
  "thread:presence": PresenceSchema,
  "thread:access-lost": z.object({ threadId: id }),
} as const;
export type ThreadEventName = keyof typeof ThreadEvents;
export type ThreadEventPayload<E extends ThreadEventName> = z.infer<(typeof ThreadEvents)[E]>;

/** Server → browser, in a person's own room. */
export const UserEvents = {
  "notification:new": z.object({
    id,
    kind: z.enum(["reply", "mention", "accepted", "points", "notice"]),
    text: z.string(),
    url: z.string(),
  }),
  "notifications:unread": z.object({ count: z.number().int().nonnegative() }),
} as const;
export type UserEventName = keyof typeof UserEvents;
export type UserEventPayload<E extends UserEventName> = z.infer<(typeof UserEvents)[E]>;

/** Browser → server. */
export const ClientEvents = {
  "thread:join": z.object({ threadId: id }).strict(),
  "thread:leave": z.object({ threadId: id }).strict(),
  "thread:typing": z.object({ threadId: id }).strict(),
} as const;
export type ClientEventName = keyof typeof ClientEvents;

export type JoinAck =
  | { ok: true; threadId: number; seq: number; presence: Presence | null }
  | { ok: false; error: string };

/** True when the payload is what the event promises (used before anything leaves the server). */
export function isValidServerEvent(event: string, payload: unknown): boolean {
  const schema =
    (ThreadEvents as Record<string, z.ZodTypeAny>)[event] ??
    (UserEvents as Record<string, z.ZodTypeAny>)[event];
  return schema ? schema.safeParse(payload).success : true;
}
