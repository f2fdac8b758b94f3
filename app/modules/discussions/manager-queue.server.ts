import { countOf, type ManagerQueueCounter } from "../manage/manager-queue.ts";

/** Discussions' queue on the manager dashboard: posts flagged and not yet resolved. */
export const discussionManagerQueues: ManagerQueueCounter[] = [
  {
    key: "flags",
    label: "Flagged posts",
    href: "/manage/flags",
    tables: ["flags"],
    count: (db) =>
      countOf(
        db
          .selectFrom("flags")
          .select((eb) => eb.fn.count<number>("post_id").distinct().as("n"))
          .where("resolved_at", "is", null)
          .executeTakeFirstOrThrow(),
      ),
  },
];
