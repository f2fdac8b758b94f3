import { describe, expect, it } from "vitest";
import { createFloodCooldown } from "../../server/socket-guard.ts";

describe("the wait after a flooding cut-off", () => {
  const t0 = Date.UTC(2026, 11, 1, 12);

  it("doubles at each repeat, up to the maximum, and counts down", () => {
    const cooldown = createFloodCooldown({ baseSeconds: 30, maxSeconds: 100 });
    expect(cooldown.retryAfter(["ip:a"], t0)).toBe(0);
    expect(cooldown.strike(["ip:a"], t0)).toBe(30);
    expect(cooldown.retryAfter(["ip:a"], t0 + 10_000)).toBe(20);
    expect(cooldown.retryAfter(["ip:a"], t0 + 30_000)).toBe(0);
    expect(cooldown.strike(["ip:a"], t0 + 40_000)).toBe(60);
    expect(cooldown.strike(["ip:a"], t0 + 200_000)).toBe(100);
    expect(cooldown.retryAfter(["ip:b"], t0 + 200_000)).toBe(0);
  });

  it("forgets an offence after a long quiet spell", () => {
    const cooldown = createFloodCooldown({ baseSeconds: 30, maxSeconds: 100 });
    cooldown.strike(["user:1"], t0);
    cooldown.strike(["user:1"], t0 + 60_000);
    expect(cooldown.strike(["user:1"], t0 + 60_000 + 60_000 + 400_001)).toBe(30);
  });
});
