import { describe, expect, it } from "vitest";
import type { StoryStatus } from "../../../db/tables/advocacy.ts";
import {
  assertApplicationTransition,
  assertStoryTransition,
  assertTalkTransition,
  canStory,
  canTalk,
  slugify,
} from "./workflow.ts";

describe("story workflow", () => {
  it("goes draft → submitted → changes requested → submitted → published", () => {
    expect(canStory("submit", "draft")).toBe(true);
    expect(canStory("requestChanges", "submitted")).toBe(true);
    expect(canStory("edit", "changes_requested")).toBe(true);
    expect(canStory("submit", "changes_requested")).toBe(true);
    expect(canStory("publish", "submitted")).toBe(true);
  });

  it("lets the author edit only drafts and stories with changes requested", () => {
    const all: StoryStatus[] = [
      "proposed",
      "draft",
      "submitted",
      "changes_requested",
      "published",
      "declined",
      "withdrawn",
      "unpublished",
    ];
    expect(all.filter((s) => canStory("edit", s))).toEqual(["draft", "changes_requested"]);
    // A published story is edited as a new version instead.
    expect(all.filter((s) => canStory("revise", s))).toEqual(["published", "unpublished"]);
  });

  it("publishes only what is in review, and refuses with a 409 that names the state", () => {
    expect(canStory("publish", "draft")).toBe(false);
    expect(() => assertStoryTransition("publish", "draft")).toThrow(
      expect.objectContaining({ status: 409, message: expect.stringMatching(/Draft/) }),
    );
    expect(() => assertStoryTransition("edit", "submitted")).toThrow(/In review/);
  });

  it("waits for the author to accept a story a manager started", () => {
    expect(canStory("submit", "proposed")).toBe(false);
    expect(canStory("edit", "proposed")).toBe(false);
    expect(canStory("accept", "proposed")).toBe(true);
  });
});

describe("talk workflow", () => {
  it("verifies only talks with evidence in, and can take back a verification", () => {
    expect(canTalk("verify", "scheduled")).toBe(false);
    expect(canTalk("verify", "pending")).toBe(true);
    expect(canTalk("reject", "verified")).toBe(true);
    expect(canTalk("verify", "rejected")).toBe(true);
    expect(canTalk("addEvidence", "verified")).toBe(false);
    expect(() => assertTalkTransition("addEvidence", "verified")).toThrow(
      expect.objectContaining({ status: 409 }),
    );
  });
});

describe("application workflow", () => {
  it("decides an application once", () => {
    expect(() => assertApplicationTransition("accept", "shortlisted")).not.toThrow();
    expect(() => assertApplicationTransition("decline", "accepted")).toThrow(
      expect.objectContaining({ status: 409 }),
    );
  });
});

describe("slugs", () => {
  it("makes short, readable, ASCII slugs", () => {
    expect(slugify("From 40 spreadsheets to one live dashboard")).toBe(
      "from-40-spreadsheets-to-one-live-dashboard",
    );
    expect(slugify("Café & Co: São Paulo’s ops!")).toBe("cafe-and-co-sao-paulo-s-ops");
    expect(slugify("!!!")).toBe("story");
    expect(slugify("x".repeat(100)).length).toBeLessThanOrEqual(60);
  });
});
