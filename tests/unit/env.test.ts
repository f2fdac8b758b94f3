import path from "node:path";
import { describe, expect, it } from "vitest";
import { EnvError, loadEnv as loadProcessEnv } from "../../app/utils/env.server.ts";

const loadEnv = (source: Record<string, string>) => loadProcessEnv(source as NodeJS.ProcessEnv);

function envError(source: Record<string, string>): EnvError {
  try {
    loadEnv(source);
  } catch (error) {
    if (error instanceof EnvError) return error;
    throw error;
  }
  throw new Error("loadEnv accepted a bad environment");
}

describe("loadEnv", () => {
  it("names a bad PORT", () => {
    for (const port of ["abc", "70000", "-1", "3000.5"]) {
      const error = envError({ PORT: port });
      expect(error.message).toContain("PORT");
    }
  });

  it("names a bad DATABASE_URL", () => {
    const error = envError({ DATABASE_URL: "mysql://root@localhost/limelight" });
    expect(error.message).toContain("DATABASE_URL");
    expect(error.message).toMatch(/postgres/);
  });

  it("names every bad variable at once", () => {
    const error = envError({
      PORT: "abc",
      NODE_ENV: "staging",
      REDIS_URL: "http://cache",
      LOG_LEVEL: "loud",
      DATABASE_SCHEMA: "Robert'); drop table users;--",
    });
    for (const name of ["PORT", "NODE_ENV", "REDIS_URL", "LOG_LEVEL", "DATABASE_SCHEMA"])
      expect(error.message).toContain(name);
  });

  it("has working defaults", () => {
    const env = loadEnv({});
    expect(env.PORT).toBe(3000);
    expect(env.NODE_ENV).toBe("development");
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.DATA_DIR).toBe(path.resolve("./data"));
    expect(env.COOKIE_SECURE).toBe(false);
    expect(env.ALLOWED_ORIGINS).toEqual([]);
  });

  it("makes cookies secure in production unless told otherwise", () => {
    expect(loadEnv({ NODE_ENV: "production" }).COOKIE_SECURE).toBe(true);
    expect(loadEnv({ NODE_ENV: "production", COOKIE_SECURE: "false" }).COOKIE_SECURE).toBe(false);
    expect(loadEnv({ COOKIE_SECURE: "yes" }).COOKIE_SECURE).toBe(true);
    expect(envError({ COOKIE_SECURE: "maybe" }).message).toContain("COOKIE_SECURE");
  });

  it("reads numbers, lists and URLs", () => {
    const env = loadEnv({
      PORT: "8080",
      DATABASE_URL: "postgresql://app@db:5432/limelight",
      REDIS_URL: "rediss://cache:6380",
      ALLOWED_ORIGINS: "https://a.example, https://b.example,,",
      TRUST_PROXY: "2",
    });
    expect(env.PORT).toBe(8080);
    expect(env.TRUST_PROXY).toBe(2);
    expect(env.ALLOWED_ORIGINS).toEqual(["https://a.example", "https://b.example"]);
  });

  it("reads the public address, defaulting to localhost on the port", () => {
    expect(loadEnv({}).PUBLIC_URL).toBe("http://localhost:3000");
    expect(loadEnv({ PORT: "8080" }).PUBLIC_URL).toBe("http://localhost:8080");
    expect(loadEnv({ PUBLIC_URL: "https://community.example.com/" }).PUBLIC_URL).toBe(
      "https://community.example.com",
    );
    for (const bad of ["community.example.com", "ftp://x.example", "https://x.example/path"])
      expect(envError({ PUBLIC_URL: bad }).message, bad).toContain("PUBLIC_URL");
  });

  it("wants a metrics token long enough not to be guessed", () => {
    expect(loadEnv({}).METRICS_TOKEN).toBeUndefined();
    expect(loadEnv({ METRICS_TOKEN: "x".repeat(16) }).METRICS_TOKEN).toBe("x".repeat(16));
    expect(envError({ METRICS_TOKEN: "short" }).message).toContain("METRICS_TOKEN");
  });
});
