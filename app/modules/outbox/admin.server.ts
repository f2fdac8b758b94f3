import type { Queryable } from "../../../db/client.ts";
import type { OutboxStatus } from "../../../db/tables/outbox.ts";
import { NotFoundError, ConflictError } from "../../utils/errors.ts";
import { containing } from "../../utils/like.ts";
import { paginate } from "../../utils/paginate.ts";
import { ensure } from "../access/ensure.ts";
import { defineCommand } from "../commands/command.server.ts";

export const OUTBOX_PAGE_SIZE = 25;
export const OUTBOX_STATUSES: OutboxStatus[] = ["queued", "sending", "sent", "kept", "failed"];

/**
 * The outbox for its page: newest first, filtered by state and by any part of
 * the recipient, so "did Ana get her link?" is one search however busy the
 * outbox is.
 */
export function listOutbox(
  db: Queryable,
  options: { status?: OutboxStatus; to?: string; page: number },
) {
  let base = db.selectFrom("outbox_messages");
  if (options.status) base = base.where("status", "=", options.status);
  if (options.to) base = base.where("recipient", "ilike", containing(options.to));
  return paginate(options.page, OUTBOX_PAGE_SIZE, {
    rows: (limit, offset) =>
      base
        .select([
          "id",
          "channel",
          "kind",
          "recipient",
          "subject",
          "status",
          "attempts",
          "max_attempts",
          "created_at",
          "sent_at",
          "next_attempt_at",
          "last_error",
        ])
        .orderBy("id", "desc")
        .limit(limit)
        .offset(offset)
        .execute(),
    count: () => base.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow(),
  });
}

/** One message in full, with every delivery attempt. */
export async function getOutboxMessage(db: Queryable, id: number) {
  const message = await db
    .selectFrom("outbox_messages")
    .selectAll()
    .where("id", "=", id)
    .executeTakeFirst();
  if (!message) throw new NotFoundError("We could not find that message.");
  const attempts = await db
    .selectFrom("outbox_attempts")
    .select(["id", "ok", "detail", "duration_ms", "created_at"])
    .where("message_id", "=", id)
    .orderBy("id", "desc")
    .execute();
  return { message, attempts };
}

/** An admin sends a failed message again: it gets a fresh set of tries, with the same message id. */
export const resendOutboxMessage = defineCommand({
  name: "outbox.resend",
  authorize(viewer) {
    ensure("manageOutbox", viewer);
  },
  async run(trx, { id }: { id: number }, { viewer, effects, now }) {
    const message = await trx
      .selectFrom("outbox_messages")
      .select(["id", "status", "attempts"])
      .where("id", "=", id)
      .forUpdate()
      .executeTakeFirst();
    if (!message) throw new NotFoundError("We could not find that message.");
    if (message.status !== "failed")
      throw new ConflictError("Only a message whose delivery failed can be sent again.");
    await trx
      .updateTable("outbox_messages")
      .set((eb) => ({
        status: "queued",
        next_attempt_at: now,
        max_attempts: eb("attempts", "+", 3),
        last_error: null,
      }))
      .where("id", "=", id)
      .execute();
    effects.audit({
      actorId: viewer!.id,
      action: "outbox.resent",
      subjectType: "outbox_message",
      subjectId: id,
    });
  },
});
