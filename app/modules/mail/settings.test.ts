import { describe, expect, it } from "vitest";
import { unsubscribeMailbox } from "./settings.ts";

describe("the mailbox named in List-Unsubscribe", () => {
  const publicUrl = "https://community.example.com";

  it("is unsubscribe@ the sender's domain when none is configured", () => {
    expect(unsubscribeMailbox({ publicUrl, mailFrom: "Limelight <no-reply@example.com>" })).toBe(
      "unsubscribe@example.com",
    );
    expect(unsubscribeMailbox({ publicUrl, mailFrom: "hello@acme.test" })).toBe(
      "unsubscribe@acme.test",
    );
  });

  it("is the configured mailbox when there is one", () => {
    expect(
      unsubscribeMailbox({
        publicUrl,
        mailFrom: "Limelight <no-reply@example.com>",
        unsubscribeMailbox: "lists@example.org",
      }),
    ).toBe("lists@example.org");
  });
});
