import { describe, expect, it } from "vitest";
import {
  clearSessionCookie,
  readCookie,
  serializeSessionCookie,
  sessionCookieName,
} from "../../app/modules/auth/cookie.ts";

const attributes = (cookie: string) => cookie.split("; ").slice(1);

describe("the session cookie", () => {
  it("is __Host- prefixed only when it is Secure", () => {
    expect(sessionCookieName(true)).toBe("__Host-limelight_session");
    expect(sessionCookieName(false)).toBe("limelight_session");
  });

  it("is HttpOnly, SameSite=Lax, for the whole site, with an expiry", () => {
    const expiresAt = new Date("2030-01-02T03:04:05Z");
    const cookie = serializeSessionCookie("abc123", { secure: false, expiresAt });
    expect(cookie.startsWith("limelight_session=abc123; ")).toBe(true);
    expect(attributes(cookie)).toEqual([
      "Path=/",
      "HttpOnly",
      "SameSite=Lax",
      "Expires=Wed, 02 Jan 2030 03:04:05 GMT",
    ]);
  });

  it("meets the __Host- rules when secure: Secure, Path=/, no Domain", () => {
    const cookie = serializeSessionCookie("abc123", { secure: true, expiresAt: new Date() });
    expect(cookie.startsWith("__Host-limelight_session=abc123; ")).toBe(true);
    expect(attributes(cookie)).toContain("Secure");
    expect(attributes(cookie)).toContain("Path=/");
    expect(cookie).not.toMatch(/Domain=/i);
  });

  it("is cleared with an empty value that expires at once", () => {
    for (const secure of [false, true]) {
      const cookie = clearSessionCookie(secure);
      expect(cookie.startsWith(`${sessionCookieName(secure)}=; `)).toBe(true);
      expect(attributes(cookie)).toContain("Max-Age=0");
      expect(attributes(cookie)).toContain("HttpOnly");
    }
  });
});

describe("readCookie", () => {
  it("finds a cookie among others", () => {
    const header = "theme=dark; limelight_session=tok123; ll_toast=x";
    expect(readCookie(header, "limelight_session")).toBe("tok123");
    expect(readCookie(header, "theme")).toBe("dark");
  });

  it("does not confuse cookies whose names only share a part", () => {
    const header = "xlimelight_session=evil; limelight_session_old=old";
    expect(readCookie(header, "limelight_session")).toBeNull();
    expect(readCookie("__Host-limelight_session=a", "limelight_session")).toBeNull();
  });

  it("decodes percent-encoded values and keeps = inside a value", () => {
    expect(readCookie("a=hello%20world", "a")).toBe("hello world");
    expect(readCookie("a=b=c", "a")).toBe("b=c");
  });

  it("answers null when there is no cookie header or no such cookie", () => {
    expect(readCookie(null, "a")).toBeNull();
    expect(readCookie(undefined, "a")).toBeNull();
    expect(readCookie("", "a")).toBeNull();
    expect(readCookie("garbage", "a")).toBeNull();
  });

  it("treats a malformed value as no cookie instead of failing the request", () => {
    expect(readCookie("limelight_session=%E0%A4%A", "limelight_session")).toBeNull();
    expect(readCookie("other=%zz; limelight_session=ok", "limelight_session")).toBe("ok");
  });
});
