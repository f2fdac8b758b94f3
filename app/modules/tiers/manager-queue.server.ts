import { countOf, type ManagerQueueCounter } from "../manage/manager-queue.ts";
import { RENEWAL_WINDOW_DAYS } from "./renewals.server.ts";

const DAY = 86_400_000;

/** Tiers' queues on the manager dashboard: nominations to decide, awards due for renewal. */
export const tierManagerQueues: ManagerQueueCounter[] = [
  {
    key: "nominations",
    label: "Nominations to decide",
    href: "/manage/tiers/nominations",
    tables: ["tier_nominations"],
    count: (db) =>
      countOf(
        db
          .selectFrom("tier_nominations")
          .select((eb) => eb.fn.countAll<number>().as("n"))
          .where("status", "=", "open")
          .executeTakeFirstOrThrow(),
      ),
  },
  {
    key: "renewals",
    label: "Awards due for renewal",
    href: "/manage/tiers/renewals",
    tables: ["tier_awards"],
    count: (db, now) =>
      countOf(
        db
          .selectFrom("tier_awards")
          .select((eb) => eb.fn.countAll<number>().as("n"))
          .where("status", "=", "active")
          .where("term_end", "<=", new Date(now.getTime() + RENEWAL_WINDOW_DAYS * DAY))
          .executeTakeFirstOrThrow(),
      ),
  },
];
