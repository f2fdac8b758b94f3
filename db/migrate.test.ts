import { randomBytes } from "node:crypto";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POSTGRES_URL, requirePostgres } from "../tests/support/postgres.ts";
import { createDb, type DbHandle } from "./client.ts";
import { migrateToLatest } from "./migrate.ts";

// Several deployments (and every test file) share one PostgreSQL database,
// each in a schema of its own. Migrating one schema must not depend on what
// happens to the others meanwhile.
describe("migrations on a database that other schemas share", () => {
  let admin: DbHandle;
  const schemas: string[] = [];
  const fresh = (prefix: string) => {
    const name = `${prefix}_${randomBytes(4).toString("hex")}`;
    schemas.push(name);
    return name;
  };

  beforeAll(async () => {
    await requirePostgres();
    admin = await createDb({ databaseUrl: POSTGRES_URL, poolSize: 4 });
  });

  afterAll(async () => {
    for (const schema of schemas) {
      await sql`drop schema if exists ${sql.id(schema)} cascade`.execute(admin.db);
    }
    await admin.close();
  });

  it("migrates a schema while neighbouring schemas with serial columns are dropped", async () => {
    let churning = true;
    const churn = (async () => {
      let rounds = 0;
      while (churning || rounds < 5) {
        const neighbour = fresh("churn");
        await sql`create schema ${sql.id(neighbour)}`.execute(admin.db);
        for (let i = 0; i < 40; i++) {
          await sql`create table ${sql.id(neighbour, `t${i}`)} (id serial primary key, a text, b text)`.execute(
            admin.db,
          );
        }
        await sql`drop schema ${sql.id(neighbour)} cascade`.execute(admin.db);
        rounds++;
      }
      return rounds;
    })();

    try {
      for (let i = 0; i < 6; i++) {
        const schema = fresh("migrate");
        const handle = await createDb({ databaseUrl: POSTGRES_URL, schema, poolSize: 2 });
        try {
          const result = await migrateToLatest(handle.db, schema);
          expect(result.error).toBeUndefined();
          // Run again: everything is already applied, and the check still holds.
          const again = await migrateToLatest(handle.db, schema);
          expect(again.results).toEqual([]);
        } finally {
          await handle.close();
        }
      }
    } finally {
      churning = false;
    }
    expect(await churn).toBeGreaterThanOrEqual(5);
  }, 120_000);
});
