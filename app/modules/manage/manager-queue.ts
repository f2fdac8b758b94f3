import type { Queryable } from "../../../db/client.ts";

/**
 * One queue of things waiting for a community manager (talks to verify,
 * flagged posts …). Each capability exports the counters for its own queues,
 * reading only its own tables; the manager dashboard lists them.
 */
export interface ManagerQueueCounter {
  key: string;
  label: string;
  /** The queue where a manager works these items. */
  href: string;
  /** Tables the count reads; the counter is skipped when one is missing. */
  tables: string[];
  count(db: Queryable, now: Date): Promise<number>;
}

/** The number in a `count(*) as n` row. */
export const countOf = async (query: Promise<{ n: number | string | bigint }>) =>
  Number((await query).n);
