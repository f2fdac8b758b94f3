import { describe, expect, it } from "vitest";
import { paginate } from "../../app/utils/paginate.ts";

const letters = "abcdefghijk".split("");
const source = {
  rows: async (limit: number, offset: number) => letters.slice(offset, offset + limit),
  count: async () => String(letters.length),
};

describe("paginate", () => {
  it("loads the page asked for and counts the pages", async () => {
    expect(await paginate(2, 5, source)).toEqual({
      rows: ["f", "g", "h", "i", "j"],
      total: 11,
      page: 2,
      pageCount: 3,
    });
  });

  it("answers a page past the end with no rows, and an empty list with one page", async () => {
    expect((await paginate(9, 5, source)).rows).toEqual([]);
    const empty = await paginate(1, 5, { rows: async () => [], count: async () => ({ n: 0 }) });
    expect(empty).toEqual({ rows: [], total: 0, page: 1, pageCount: 1 });
  });
});
