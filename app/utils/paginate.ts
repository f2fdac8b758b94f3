/** One page of a list, with what the pager needs. */
export interface Page<T> {
  rows: T[];
  total: number;
  page: number;
  pageCount: number;
}

/**
 * Loads one page of a list and its total, in parallel. `page` is 1-based and
 * already bounded (pageParam); a page past the end is empty and says how many
 * pages there are. Long, append-mostly lists (threads, replies, the ledger)
 * use keyset cursors instead, so reading page 500 costs what page 1 does.
 */
export async function paginate<T>(
  page: number,
  pageSize: number,
  load: {
    rows(limit: number, offset: number): Promise<T[]>;
    count(): Promise<number | string | bigint | { n: number | string | bigint }>;
  },
): Promise<Page<T>> {
  const current = Math.max(1, Math.floor(page));
  const [rows, counted] = await Promise.all([
    load.rows(pageSize, (current - 1) * pageSize),
    load.count(),
  ]);
  const total = Number(typeof counted === "object" ? counted.n : counted);
  return { rows, total, page: current, pageCount: Math.max(1, Math.ceil(total / pageSize)) };
}
