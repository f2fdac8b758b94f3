import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// A migration that has shipped is never edited: databases that already ran it
// would never see the change. db/migrations/frozen.json holds the SHA-256 of
// every migration file; a new migration adds its line there, and a change to
// the schema is always a new migration.

const dir = path.resolve(__dirname, "../../db/migrations");
const frozen: Record<string, string> = JSON.parse(
  readFileSync(path.join(dir, "frozen.json"), "utf8"),
);
const migrationFiles = readdirSync(dir)
  .filter((name) => name.endsWith(".ts") && name !== "index.ts")
  .sort();
const sha256 = (file: string) =>
  createHash("sha256")
    .update(readFileSync(path.join(dir, file)))
    .digest("hex");

describe("migrations", () => {
  it("keep the content they shipped with", () => {
    const changed = Object.entries(frozen)
      .filter(([file, hash]) => !migrationFiles.includes(file) || sha256(file) !== hash)
      .map(([file]) => `${file} was edited or removed; add a new migration instead`);
    expect(changed).toEqual([]);
  });

  it("are each listed once they exist", () => {
    const unlisted = migrationFiles
      .filter((file) => !(file in frozen))
      .map((file) => `${file} is missing from db/migrations/frozen.json (add its SHA-256)`);
    expect(unlisted).toEqual([]);
  });

  it("are all run, in date order", async () => {
    const { migrations } = await import("../../db/migrations/index.ts");
    expect(Object.keys(migrations)).toEqual(migrationFiles.map((f) => f.replace(/\.ts$/, "")));
  });

  it("notice a changed byte", () => {
    const [first] = migrationFiles;
    const edited = createHash("sha256")
      .update(Buffer.concat([readFileSync(path.join(dir, first)), Buffer.from(" ")]))
      .digest("hex");
    expect(edited).not.toBe(frozen[first]);
  });
});
