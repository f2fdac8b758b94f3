import { countOf, type ManagerQueueCounter } from "../manage/manager-queue.ts";

/** Advocacy's queues on the manager dashboard: talks to verify, stories to review. */
export const advocacyManagerQueues: ManagerQueueCounter[] = [
  {
    key: "talks",
    label: "Talks to verify",
    href: "/manage/speaking",
    tables: ["talks"],
    count: (db) =>
      countOf(
        db
          .selectFrom("talks")
          .select((eb) => eb.fn.countAll<number>().as("n"))
          .where("status", "=", "pending")
          .executeTakeFirstOrThrow(),
      ),
  },
  {
    key: "stories",
    label: "Stories to review",
    href: "/manage/stories",
    tables: ["case_studies"],
    count: (db) =>
      countOf(
        db
          .selectFrom("case_studies")
          .select((eb) => eb.fn.countAll<number>().as("n"))
          .where("status", "=", "submitted")
          .executeTakeFirstOrThrow(),
      ),
  },
];
